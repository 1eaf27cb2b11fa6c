//! The explainer's work behind the paste box: a big paste crosses into wasm and goes through
//! the engine a slice at a time, each task within a frame's budget, so the tab keeps painting.

use crate::engine::{self, Explainer as Engine, Report};
use gloo_timers::callback::Timeout;
use js_sys::JsString;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Inputs up to this size are classified in one go; larger ones over several tasks.
const SYNC_LIMIT: usize = 256 << 10;
/// Bytes per engine step: the engine's smallest (about 13 ms of wasm). A task takes further
/// steps while its budget lasts.
const CHUNK: usize = 64 << 10;
/// Work per task before the browser gets the thread back: with the step or slice that may
/// overrun it, still well under a 50 ms frame on a loaded machine.
const BUDGET_MS: f64 = 12.0;
/// UTF-16 units of a big paste copied into wasm at a time (about 2 ms): copying 10 MB at once
/// is a frame of its own.
const SLICE_UNITS: u32 = 256 << 10;

/// Pastes larger than this are kept out of the text box: a browser needs seconds to lay out
/// megabytes of text in a textarea, and the tab would freeze. The box shows their head.
const BIG_PASTE: usize = 512 << 10;
const PREVIEW_LINES: usize = 200;
const PREVIEW_BYTES: usize = 32 << 10;

/// The classification in flight; a newer input bumps `generation` and stale work stops.
#[derive(Default)]
pub(super) struct Job {
    generation: u64,
    timer: Option<Timeout>,
    engine: Option<Engine>,
    /// Bytes read when the progress bar last moved.
    shown: usize,
}

/// A big paste on its way into wasm.
struct Incoming {
    source: JsString,
    /// UTF-16 units copied so far.
    copied: u32,
    text: String,
    line_breaks: usize,
}

#[derive(Clone)]
pub(super) struct Handles {
    pub job: Rc<RefCell<Job>>,
    pub text: UseStateHandle<Rc<String>>,
    pub report: UseStateHandle<Option<Rc<Report>>>,
    pub progress: UseStateHandle<Option<(usize, usize)>>,
    /// A paste too big for the box and its line count, kept here while the box shows its head.
    pub big: UseStateHandle<Option<(Rc<String>, usize)>>,
    pub input: NodeRef,
}

impl Handles {
    /// Stops whatever job runs; work of an older generation stops when it next looks.
    fn next_generation(&self) -> u64 {
        let mut job = self.job.borrow_mut();
        job.generation += 1;
        job.engine = None;
        job.timer = None;
        job.shown = 0;
        job.generation
    }

    /// Runs `f` in a later task, unless a newer job replaced this one by then.
    fn later(&self, delay_ms: u32, f: impl FnOnce() + 'static) {
        self.job.borrow_mut().timer = Some(Timeout::new(delay_ms, f));
    }

    /// Gives the browser the thread (to paint, to take input), then runs `f`. A message, not
    /// `setTimeout(0)`: chained timeouts are clamped to 4 ms each, a second over a 10 MB paste.
    /// `f` checks the generation itself.
    fn yield_then(f: impl FnOnce() + 'static) {
        let Ok(channel) = web_sys::MessageChannel::new() else {
            return;
        };
        let port = channel.port1();
        let onmessage = Closure::once_into_js(move || {
            port.set_onmessage(None);
            f();
        });
        channel
            .port1()
            .set_onmessage(Some(onmessage.unchecked_ref()));
        let _ = channel.port2().post_message(&JsValue::NULL);
    }

    /// Classifies `text` after `delay_ms`, replacing any pending or running job.
    pub fn schedule(&self, text: impl Into<Rc<String>>, delay_ms: u32) {
        let text = text.into();
        let generation = self.next_generation();
        let this = self.clone();
        self.later(delay_ms, move || this.start(text, generation));
    }

    /// Shows `text` in the box (its head only, read-only, when it is big) and explains it.
    pub fn load(&self, text: String) {
        let is_big = text.len() > BIG_PASTE;
        self.show_in_box(if is_big { preview(&text) } else { text.clone() }, is_big);
        // One copy of a big paste, shared (an Rc), not one per holder.
        let text = Rc::new(text);
        self.big
            .set(is_big.then(|| (text.clone(), line_breaks(&text) + 1)));
        self.schedule(text, 0);
    }

    /// Like [`load`](Self::load) for a string still in JavaScript (a paste, a dropped file).
    /// Returns false, doing nothing, when it is small enough for the browser to put in the
    /// box itself.
    pub fn load_js(&self, source: JsString, small_goes_to_box: bool) -> bool {
        // Each unit is at least a byte, so a string this long is big without converting it.
        if source.length() as usize <= BIG_PASTE {
            let text = String::from(source);
            if small_goes_to_box && text.len() <= BIG_PASTE {
                return false;
            }
            self.load(text);
            return true;
        }
        // Units cover at least as many bytes, so the head holds the whole preview.
        let head = String::from(source.slice(0, PREVIEW_BYTES as u32));
        self.show_in_box(preview(&head), true);
        let generation = self.next_generation();
        self.big.set(None);
        self.progress.set(Some((0, source.length() as usize)));
        let incoming = Incoming {
            text: String::with_capacity(source.length() as usize),
            source,
            copied: 0,
            line_breaks: 0,
        };
        let this = self.clone();
        self.later(0, move || this.receive(incoming, generation));
        true
    }

    fn show_in_box(&self, shown: String, read_only: bool) {
        if let Some(el) = self.input.cast::<web_sys::HtmlTextAreaElement>() {
            el.set_value(&shown);
            el.set_read_only(read_only);
        }
    }

    /// Copies slices of a big paste into wasm for one task's budget, then yields.
    fn receive(&self, mut incoming: Incoming, generation: u64) {
        if self.job.borrow().generation != generation {
            return;
        }
        let started = now_ms();
        let len = incoming.source.length();
        while incoming.copied < len && now_ms() - started < BUDGET_MS {
            let mut end = (incoming.copied + SLICE_UNITS).min(len);
            // Never split a surrogate pair: each half alone would become U+FFFD.
            if end < len && is_high_surrogate(incoming.source.char_code_at(end - 1)) {
                end -= 1;
            }
            let slice = String::from(incoming.source.slice(incoming.copied, end));
            incoming.line_breaks += line_breaks(&slice);
            incoming.text.push_str(&slice);
            incoming.copied = end;
        }
        if incoming.copied < len {
            let this = self.clone();
            Self::yield_then(move || this.receive(incoming, generation));
            return;
        }
        let text = Rc::new(incoming.text);
        self.big.set(Some((text.clone(), incoming.line_breaks + 1)));
        self.schedule(text, 0);
    }

    fn start(&self, text: Rc<String>, generation: u64) {
        if text.trim().is_empty() {
            self.finish(text, None);
            return;
        }
        if text.len() <= SYNC_LIMIT {
            let report = engine::explain(&text);
            self.finish(text, Some(report));
            return;
        }
        self.job.borrow_mut().engine = Some(Engine::with_chunk_size(&text, CHUNK));
        self.tick(text, generation);
    }

    /// Engine steps for one task's budget, then yield to the browser and come back. The
    /// summary runs in a task of its own, not after a task's steps.
    fn tick(&self, text: Rc<String>, generation: u64) {
        let started = now_ms();
        let mut job = self.job.borrow_mut();
        if job.generation != generation {
            return;
        }
        let Some(engine) = job.engine.as_mut() else {
            return;
        };
        let mut first = true;
        loop {
            let step_started = now_ms();
            if engine.step(&text) {
                if !first {
                    break;
                }
                let engine = job.engine.take().expect("engine present");
                drop(job);
                let report = engine.finish(&text);
                self.finish(text, Some(report));
                return;
            }
            first = false;
            // Another step fits if it costs what this one did.
            let now = now_ms();
            if (now - started) + (now - step_started) > BUDGET_MS {
                break;
            }
        }
        // Each DOM change makes the browser lay the page out again, so the progress bar
        // moves in steps of a tenth.
        let (done, total) = engine.progress();
        if job.shown == 0 || done.saturating_sub(job.shown) >= total / 10 {
            job.shown = done.max(1);
            self.progress.set(Some((done, total)));
        }
        drop(job);
        let this = self.clone();
        Self::yield_then(move || this.tick(text, generation));
    }

    fn finish(&self, text: Rc<String>, report: Option<Report>) {
        self.progress.set(None);
        self.report.set(report.map(Rc::new));
        self.text.set(text);
    }
}

fn now_ms() -> f64 {
    super::dom::window().performance().map_or(0.0, |p| p.now())
}

fn is_high_surrogate(unit: f64) -> bool {
    (f64::from(0xD800u16)..f64::from(0xDC00u16)).contains(&unit)
}

fn line_breaks(text: &str) -> usize {
    text.bytes().filter(|&c| c == b'\n').count()
}

/// The first lines of a big paste, for the box.
fn preview(text: &str) -> String {
    let end = text
        .match_indices('\n')
        .nth(PREVIEW_LINES - 1)
        .map_or(text.len(), |(i, _)| i + 1)
        .min(PREVIEW_BYTES);
    text[..text.floor_char_boundary(end)].to_string()
}
