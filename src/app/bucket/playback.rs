//! The run behind the picture: the simulation driven by requestAnimationFrame, paused while
//! the tab is hidden, and the sample of attempts drawn as dots.

use super::dom::document;
use super::picture::FLIGHT_S;
use crate::bucket::{Dot, Scenario, Simulation, StepStats};
use gloo_render::{request_animation_frame, AnimationFrame};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use yew::prelude::*;

/// Dots drawn at once; older ones are forgotten.
pub(super) const MAX_DRAWN: usize = 60;
/// A frame after a long gap (tab switch, debugger) advances at most this much wall time,
/// so the simulation never tries to catch up minutes in one frame.
const MAX_FRAME_S: f64 = 0.1;
/// Simulated seconds one frame may cover, so very high speeds cost bounded work per frame.
const MAX_SIM_PER_FRAME_S: f64 = 5.0;
/// What the Step button advances, in simulated seconds.
pub(super) const STEP_BUTTON_S: f64 = 0.1;
/// With reduced motion the view changes at most this often (ms), instead of gliding.
const REDUCED_REPAINT_MS: f64 = 1000.0;

/// The playback buttons.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Button {
    Play,
    Pause,
    Step,
    Reset,
}

#[derive(Clone, Copy)]
pub(super) struct LiveDot {
    pub(super) dot: Dot,
    /// Distinguishes dots of one instant, for their lane and delay.
    pub(super) serial: u32,
}

/// Everything the frame loop mutates: the running simulation and the dots in flight; lives in
/// a `use_mut_ref`.
pub(super) struct LiveRun {
    pub(super) scenario: Scenario,
    pub(super) sim: Simulation,
    pub(super) dots: VecDeque<LiveDot>,
    serial: u32,
    pub(super) playing: bool,
    pub(super) finished: bool,
    pub(super) reduced: bool,
    /// The pending animation frame; dropping it cancels the loop.
    raf: Option<AnimationFrame>,
    last_ts: Option<f64>,
    last_paint_ts: f64,
}

impl LiveRun {
    pub(super) fn new(scenario: Scenario, reduced: bool) -> Self {
        LiveRun {
            sim: Simulation::from_scenario(&scenario),
            scenario,
            dots: VecDeque::with_capacity(MAX_DRAWN),
            serial: 0,
            playing: true,
            finished: false,
            reduced,
            raf: None,
            last_ts: None,
            last_paint_ts: f64::NEG_INFINITY,
        }
    }

    fn reset(&mut self) {
        self.sim = Simulation::from_scenario(&self.scenario);
        self.dots.clear();
        self.finished = false;
        self.last_ts = None;
    }

    /// Advance the simulation to `t` and keep a drawable sample of its attempts.
    fn advance_to(&mut self, t: f64) {
        let t0 = self.sim.now();
        let stats = self.sim.run_until(t);
        self.take_dots(t0, &stats);
    }

    /// The simulation lists at most 64 attempts per call; when it dropped some, draw a
    /// sample in the true accepted/throttled proportion, not just the first (accepted) ones.
    fn take_dots(&mut self, t0: f64, s: &StepStats) {
        let total = (s.accepted + s.throttled) as usize;
        if total == 0 {
            return;
        }
        let mut picked: Vec<Dot> = Vec::new();
        if s.dots_dropped == 0 {
            picked.extend_from_slice(&s.dots);
        } else {
            let k = total.min(MAX_DRAWN);
            let k_ok = ((k * s.accepted as usize) as f64 / total as f64).round() as usize;
            let k_no = k - k_ok;
            let retry_share = s.retries as f64 / total as f64;
            for (want, accepted) in [(k_ok, true), (k_no, false)] {
                let listed = s.dots.iter().filter(|d| d.accepted == accepted).take(want);
                let have = listed.clone().count();
                picked.extend(listed);
                let missing = want - have;
                for i in 0..missing {
                    let f = (i as f64 + 0.5) / missing as f64;
                    picked.push(Dot {
                        t: t0 + (s.t - t0) * f,
                        accepted,
                        is_retry: f < retry_share,
                    });
                }
            }
        }
        for dot in picked {
            self.serial = self.serial.wrapping_add(1);
            if self.dots.len() == MAX_DRAWN {
                self.dots.pop_front();
            }
            self.dots.push_back(LiveDot {
                dot,
                serial: self.serial,
            });
        }
    }

    /// Wall seconds since a dot reached the bucket.
    pub(super) fn wall_age(&self, d: &LiveDot) -> f64 {
        (self.sim.now() - d.dot.t) / self.scenario.speed
    }

    fn expire_dots(&mut self) {
        if self.reduced {
            return; // static marks: the last attempts stay until newer ones push them out
        }
        let life = FLIGHT_S;
        while let Some(d) = self.dots.front() {
            if self.wall_age(d) > life {
                self.dots.pop_front();
            } else {
                break;
            }
        }
    }

    /// What `data-state` says: finished, playing or paused.
    pub(super) fn state(&self) -> &'static str {
        if self.finished {
            "finished"
        } else if self.playing {
            "playing"
        } else {
            "paused"
        }
    }

    /// Nothing left to send or retry, the bucket is full again and no dot is still moving.
    fn is_settled(&self) -> bool {
        self.sim.is_done()
            && self.sim.credits() >= self.sim.config().capacity - 1e-9
            && (self.reduced || self.dots.is_empty())
    }
}

/// The live run plus a way to repaint; cloned into the frame callback, the listeners and the
/// button callbacks.
#[derive(Clone)]
pub(super) struct Player {
    pub(super) run: Rc<RefCell<LiveRun>>,
    pub(super) redraw: UseForceUpdateHandle,
}

impl Player {
    fn request(&self) -> AnimationFrame {
        let player = self.clone();
        request_animation_frame(move |ts| player.frame(ts))
    }

    /// Run the loop if playing and visible (no work at all otherwise).
    pub(super) fn start(&self) {
        let mut r = self.run.borrow_mut();
        if r.playing && r.raf.is_none() && !document().hidden() {
            r.last_ts = None;
            r.raf = Some(self.request());
        }
    }

    pub(super) fn stop(&self) {
        // Taken out first so the handle (and its cancel) drops outside the borrow.
        let raf = self.run.borrow_mut().raf.take();
        drop(raf);
    }

    fn frame(&self, ts: f64) {
        let mut r = self.run.borrow_mut();
        if document().hidden() || !r.playing {
            r.raf = None;
            return;
        }
        let dt = r
            .last_ts
            .map_or(0.0, |l| ((ts - l) / 1000.0).clamp(0.0, MAX_FRAME_S));
        r.last_ts = Some(ts);
        let advance = (dt * r.scenario.speed).min(MAX_SIM_PER_FRAME_S);
        let target = r.sim.now() + advance;
        r.advance_to(target);
        r.expire_dots();
        let settled = r.is_settled();
        if settled {
            r.playing = false;
            r.finished = true;
        }
        let paint = settled || !r.reduced || ts - r.last_paint_ts >= REDUCED_REPAINT_MS;
        if paint {
            r.last_paint_ts = ts;
        }
        // Replacing the handle that is running now is fine: wasm-bindgen defers freeing it.
        r.raf = (!settled).then(|| self.request());
        drop(r);
        if paint {
            self.redraw.force_update();
        }
    }

    pub(super) fn press(&self, button: Button) {
        match button {
            Button::Play => self.play(),
            Button::Pause => self.pause(),
            Button::Step => self.step(),
            Button::Reset => self.reset(),
        }
    }

    fn play(&self) {
        {
            let mut r = self.run.borrow_mut();
            if r.finished {
                r.reset(); // Play after the end replays the scenario
            }
            r.playing = true;
        }
        self.start();
        self.redraw.force_update();
    }

    fn pause(&self) {
        self.run.borrow_mut().playing = false;
        self.stop();
        self.redraw.force_update();
    }

    fn step(&self) {
        self.stop();
        {
            let mut r = self.run.borrow_mut();
            r.playing = false;
            if r.finished {
                r.reset();
            }
            let target = r.sim.now() + STEP_BUTTON_S;
            r.advance_to(target);
            r.expire_dots();
            r.finished = r.is_settled();
        }
        self.redraw.force_update();
    }

    fn reset(&self) {
        self.run.borrow_mut().reset();
        self.start();
        self.redraw.force_update();
    }

    /// Follow the scenario: a different simulation resets and plays, a new speed only changes
    /// playback.
    pub(super) fn follow(&self, new: &Scenario) {
        {
            let mut r = self.run.borrow_mut();
            if r.scenario == *new {
                return;
            }
            let same_sim = new.config == r.scenario.config && new.seed == r.scenario.seed;
            r.scenario = new.clone();
            if !same_sim {
                r.reset();
                r.playing = true;
            }
        }
        self.start();
        self.redraw.force_update();
    }
}
