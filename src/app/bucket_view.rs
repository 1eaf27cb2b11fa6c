//! `#bucket`: the token-bucket visualizer of ECR throttling.
//!
//! All the arithmetic is in [`crate::bucket`]; this file only drives it from
//! requestAnimationFrame and draws it. Per frame it touches a handful of SVG
//! elements (dots and bars are one `<path>` each), so frames stay cheap.

use super::{document, window};
use crate::bucket::{
    from_fragment_query, presets, Dot, Preset, Scenario, SecondStats, Simulation, StepStats,
};
use gloo_events::EventListener;
use gloo_render::{request_animation_frame, AnimationFrame};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::fmt::Write;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Dots drawn at once; older ones are forgotten.
const MAX_DRAWN: usize = 60;
/// Seconds of per-second history in the chart.
const CHART_SECONDS: u64 = 60;
/// A frame after a long gap (tab switch, debugger) advances at most this much wall time,
/// so the simulation never tries to catch up minutes in one frame.
const MAX_FRAME_S: f64 = 0.1;
/// Simulated seconds one frame may cover, so very high speeds cost bounded work per frame.
const MAX_SIM_PER_FRAME_S: f64 = 5.0;
/// What the Step button advances, in simulated seconds.
const STEP_BUTTON_S: f64 = 0.1;
/// With reduced motion the view changes at most this often (ms), instead of gliding.
const REDUCED_REPAINT_MS: f64 = 1000.0;
/// Dot flight, in wall seconds: up to the gate, then through it or bouncing back.
const APPROACH_S: f64 = 0.25;
const AFTER_S: f64 = 0.8;
/// Dots of one burst share a time; a small per-dot delay spreads them into a stream.
const STAGGER_S: f64 = 0.2;

// Geometry of the bucket picture (viewBox 0 0 480 280).
const LEFT_X: f64 = 12.0;
const GATE_X: f64 = 180.0;
const BUCKET_W: f64 = 120.0;
const BUCKET_TOP: f64 = 40.0;
const BUCKET_H: f64 = 200.0;
const RIGHT_X: f64 = 470.0;
const DOT_R: f64 = 4.0;

// Geometry of the chart (viewBox 0 0 640 240).
const PX0: f64 = 52.0;
const PX1: f64 = 588.0;
const PY0: f64 = 16.0;
const PY1: f64 = 196.0;

#[derive(Clone, Copy)]
struct LiveDot {
    dot: Dot,
    /// Distinguishes dots of one instant, for their lane and delay.
    serial: u32,
}

/// Everything the frame loop mutates; lives in a `use_mut_ref`.
struct Engine {
    scenario: Scenario,
    sim: Simulation,
    dots: VecDeque<LiveDot>,
    serial: u32,
    playing: bool,
    finished: bool,
    reduced: bool,
    /// The pending animation frame; dropping it cancels the loop.
    raf: Option<AnimationFrame>,
    last_ts: Option<f64>,
    last_paint_ts: f64,
}

impl Engine {
    fn new(scenario: Scenario, reduced: bool) -> Self {
        Engine {
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
    fn wall_age(&self, d: &LiveDot) -> f64 {
        (self.sim.now() - d.dot.t) / self.scenario.speed
    }

    fn expire_dots(&mut self) {
        if self.reduced {
            return; // static marks: the last attempts stay until newer ones push them out
        }
        let life = APPROACH_S + AFTER_S + STAGGER_S;
        while let Some(d) = self.dots.front() {
            if self.wall_age(d) > life {
                self.dots.pop_front();
            } else {
                break;
            }
        }
    }

    /// Nothing left to send or retry, the bucket is full again and no dot is still moving.
    fn is_settled(&self) -> bool {
        self.sim.is_done()
            && self.sim.credits() >= self.sim.config().capacity - 1e-9
            && (self.reduced || self.dots.is_empty())
    }
}

/// The engine plus a way to repaint; cloned into the frame callback and the listeners.
#[derive(Clone)]
struct Ctl {
    eng: Rc<RefCell<Engine>>,
    redraw: UseForceUpdateHandle,
}

impl Ctl {
    fn request(&self) -> AnimationFrame {
        let ctl = self.clone();
        request_animation_frame(move |ts| ctl.frame(ts))
    }

    /// Run the loop if playing and visible (no work at all otherwise).
    fn start(&self) {
        let mut e = self.eng.borrow_mut();
        if e.playing && e.raf.is_none() && !document().hidden() {
            e.last_ts = None;
            e.raf = Some(self.request());
        }
    }

    fn stop(&self) {
        // Taken out first so the handle (and its cancel) drops outside the borrow.
        let raf = self.eng.borrow_mut().raf.take();
        drop(raf);
    }

    fn frame(&self, ts: f64) {
        let mut e = self.eng.borrow_mut();
        if document().hidden() || !e.playing {
            e.raf = None;
            return;
        }
        let dt = e
            .last_ts
            .map_or(0.0, |l| ((ts - l) / 1000.0).clamp(0.0, MAX_FRAME_S));
        e.last_ts = Some(ts);
        let advance = (dt * e.scenario.speed).min(MAX_SIM_PER_FRAME_S);
        let target = e.sim.now() + advance;
        e.advance_to(target);
        e.expire_dots();
        let settled = e.is_settled();
        if settled {
            e.playing = false;
            e.finished = true;
        }
        let paint = settled || !e.reduced || ts - e.last_paint_ts >= REDUCED_REPAINT_MS;
        if paint {
            e.last_paint_ts = ts;
        }
        // Replacing the handle that is running now is fine: wasm-bindgen defers freeing it.
        e.raf = (!settled).then(|| self.request());
        drop(e);
        if paint {
            self.redraw.force_update();
        }
    }

    fn play(&self) {
        {
            let mut e = self.eng.borrow_mut();
            if e.finished {
                e.reset(); // Play after the end replays the scenario
            }
            e.playing = true;
        }
        self.start();
        self.redraw.force_update();
    }

    fn pause(&self) {
        self.eng.borrow_mut().playing = false;
        self.stop();
        self.redraw.force_update();
    }

    fn step(&self) {
        self.stop();
        {
            let mut e = self.eng.borrow_mut();
            e.playing = false;
            if e.finished {
                e.reset();
            }
            let target = e.sim.now() + STEP_BUTTON_S;
            e.advance_to(target);
            e.expire_dots();
            e.finished = e.is_settled();
        }
        self.redraw.force_update();
    }

    fn reset(&self) {
        self.eng.borrow_mut().reset();
        self.start();
        self.redraw.force_update();
    }

    /// Switch to `new`: a different simulation resets, a new speed only changes playback.
    /// The fragment follows, so the current scenario is always a shareable link.
    fn apply(&self, new: Scenario, write_url: bool) {
        let query = {
            let mut e = self.eng.borrow_mut();
            let same_sim = new.config == e.scenario.config && new.seed == e.scenario.seed;
            e.scenario = new;
            if !same_sim {
                e.reset();
                e.playing = true;
            }
            e.scenario.to_query()
        };
        if write_url {
            // replace(), not assign(): tweaking a setting must not flood the history.
            let _ = window().location().replace(&format!("#bucket?{query}"));
        }
        self.start();
        self.redraw.force_update();
    }
}

fn reduced_motion_query() -> Option<web_sys::MediaQueryList> {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The scenario part of the fragment, after `#bucket?` (may be empty).
    pub query: AttrValue,
    /// The page is ours: settings are written to the URL fragment. Mounted into another
    /// site's page, the bucket never touches that page's URL.
    #[prop_or(true)]
    pub standalone: bool,
}

#[component]
pub fn BucketView(props: &Props) -> Html {
    let redraw = use_force_update();
    let eng = {
        let query = props.query.clone();
        use_mut_ref(move || {
            let reduced = reduced_motion_query().is_some_and(|m| m.matches());
            Engine::new(scenario_from(&query), reduced)
        })
    };
    let ctl = Ctl { eng, redraw };

    // The loop and its listeners belong to this effect; teardown drops them all.
    {
        let ctl = ctl.clone();
        use_effect_with((), move |_| {
            let visibility = {
                let ctl = ctl.clone();
                EventListener::new(&document(), "visibilitychange", move |_| {
                    if document().hidden() {
                        ctl.stop();
                    } else {
                        ctl.start();
                    }
                })
            };
            let motion = reduced_motion_query().map(|mql| {
                let ctl = ctl.clone();
                EventListener::new(&mql, "change", move |e| {
                    let reduce = e
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::MediaQueryList>().ok())
                        .is_some_and(|m| m.matches());
                    ctl.eng.borrow_mut().reduced = reduce;
                    ctl.redraw.force_update();
                })
            });
            ctl.start();
            move || {
                drop(visibility);
                drop(motion);
                ctl.stop();
            }
        });
    }

    // A new link (back/forward, an edited fragment, a link on the page) loads its scenario.
    {
        let ctl = ctl.clone();
        use_effect_with(props.query.clone(), move |query| {
            let new = scenario_from(query);
            if new != ctl.eng.borrow().scenario {
                ctl.apply(new, false);
            }
        });
    }

    let standalone = props.standalone;
    let on_change = {
        let ctl = ctl.clone();
        use_callback((), move |pairs: Vec<(&'static str, String)>, _| {
            let mut q = ctl.eng.borrow().scenario.to_query();
            for (k, v) in pairs {
                q = query_with(&q, k, &v);
            }
            ctl.apply(from_fragment_query(&q), standalone);
        })
    };
    let on_try = {
        let ctl = ctl.clone();
        use_callback((), move |q: &'static str, _| {
            ctl.apply(from_fragment_query(q), false);
        })
    };
    // Hooks can't be called from a closure, hence four alike calls.
    let on_play = {
        let ctl = ctl.clone();
        use_callback((), move |_: (), _| ctl.play())
    };
    let on_pause = {
        let ctl = ctl.clone();
        use_callback((), move |_: (), _| ctl.pause())
    };
    let on_step = {
        let ctl = ctl.clone();
        use_callback((), move |_: (), _| ctl.step())
    };
    let on_reset = {
        let ctl = ctl.clone();
        use_callback((), move |_: (), _| ctl.reset())
    };

    let e = ctl.eng.borrow();
    let totals = e.sim.totals();
    let now = e.sim.now();
    let capacity = e.sim.config().capacity;
    let credits = e.sim.credits();
    let state = if e.finished {
        "finished"
    } else if e.playing {
        "playing"
    } else {
        "paused"
    };
    let status = match state {
        "finished" if totals.total_calls == 0 => {
            "Nothing to send: set a steady rate, a burst or a fan-out."
        }
        "finished" => "Finished: every call is done and the bucket is full again. Play replays it.",
        "playing" => "Running.",
        _ => "Paused.",
    };
    let seconds = e.sim.per_second();
    let window_start = seconds.len().saturating_sub(CHART_SECONDS as usize);

    html! {
        <div class="bucket-page">
            <h1>{"Throttling bucket"}</h1>
            <p class="bucket-intro">
                {"Amazon ECR throttles each API with a token bucket: every call takes one credit, \
                  the bucket refills at a steady rate, and a call that finds it empty is throttled \
                  (ThrottlingException, HTTP 429). AWS's troubleshooting page gives \
                  GetAuthorizationToken 200 credits per account and Region, refilled at 20 per second: \
                  200 calls can pass in one second, then 20 per second for as long as you like. \
                  The service-quota table now says 500 per second; the pages disagree, so both are presets. \
                  What to learn: start 300 clients at once and compare retry strategies. Jittered backoff \
                  finishes the fan-out with fewer calls than immediate retry, which mostly hits an empty \
                  bucket until clients give up."}
            </p>
            <p class="bucket-try">
                {"Try: "}
                {for TRY.iter().map(|&(label, q)| if standalone {
                    html! { <a href={format!("#bucket?{q}")}>{label}</a> }
                } else {
                    let on_try = on_try.clone();
                    html! { <button type="button" class="link" onclick={move |_| on_try.emit(q)}>{label}</button> }
                })}
            </p>
            if e.reduced {
                <p class="hint bucket-reduced">
                    {"Your system asks for reduced motion: dots don't fly and the picture updates once a \
                      second instead of gliding. The simulation, timeline and counters run as usual."}
                </p>
            }
            <div
                id="token-bucket"
                class="bucket-view"
                data-credits={format!("{:.2}", credits)}
                data-accepted={totals.accepted.to_string()}
                data-throttled={totals.throttled.to_string()}
                data-time={format!("{:.2}", now)}
                data-state={state}
            >
                <div class="bucket-stage">
                    {bucket_svg(&e, credits, capacity)}
                    {legend(&[
                        ("bk-dot-ok", "M4 8a4 4 0 1 0 8 0a4 4 0 1 0-8 0", "accepted: took a credit and reached ECR"),
                        ("bk-dot-no", "M4 4l8 8m0-8l-8 8", "throttled: no credit, bounced (HTTP 429)"),
                        ("bk-dot-ring", "M1 8a7 7 0 1 0 14 0a7 7 0 1 0-14 0", "ring: the call was a retry"),
                    ])}
                    <p class="hint">{"One dot per call; when more than 60 arrive in a frame, a sample in the same proportion is drawn."}</p>
                </div>
                <div class="bucket-side">
                    <p class="bucket-status" role="status">{status}</p>
                    <dl class="bucket-counters">
                        {for [
                            ("Simulated time", format!("{now:.1} s")),
                            ("Credits", format!("{} / {}", credits.floor(), num(capacity))),
                            ("Calls made", totals.total_calls.to_string()),
                            ("Accepted", totals.accepted.to_string()),
                            ("Throttled", totals.throttled.to_string()),
                            ("Retries", totals.retries.to_string()),
                            ("Gave up", totals.gave_up.to_string()),
                            ("In flight (waiting to retry)", totals.in_flight.to_string()),
                            ("Completed", format!("{} of {}", totals.completed, totals.requests)),
                            ("Latency p50 / p99", format!("{} / {}", latency(totals.p50_latency_s), latency(totals.p99_latency_s))),
                        ].into_iter().map(|(label, value)| html! {
                            <div class="bucket-counter"><dt>{label}</dt><dd>{value}</dd></div>
                        })}
                    </dl>
                <figure class="bucket-chart">
                    {timeline(&seconds[window_start..], now, capacity)}
                    <figcaption>
                        {legend(&[
                            ("bk-bar-ok", "M2 2h12v12h-12z", "accepted per second"),
                            ("bk-bar-no", "M2 2h12v12h-12z", "throttled per second (hatched)"),
                            ("bk-credit-line", "M1 11L8 5L15 8", "credits at the end of each second (right axis)"),
                        ])}
                    </figcaption>
                </figure>
                </div>
            </div>
            <Controls
                scenario={e.scenario.clone()}
                playing={e.playing}
                {on_change}
                {on_play}
                {on_pause}
                {on_step}
                {on_reset}
            />
        </div>
    }
}

/// What a bare `#bucket` shows: the lesson's fan-out, so the page never opens idle.
const DEFAULT_QUERY: &str = "fanout=300&policy=full-jitter&attempts=10";

fn scenario_from(query: &str) -> Scenario {
    from_fragment_query(if query.is_empty() {
        DEFAULT_QUERY
    } else {
        query
    })
}

/// Prepared scenarios, linked from the page.
const TRY: &[(&str, &str)] = &[
    ("a burst of 250", "burst=250&policy=none"),
    ("25 calls/s sustained", "rate=25&policy=none&speed=5"),
    (
        "300 clients, immediate retry",
        "fanout=300&policy=immediate&attempts=10",
    ),
    (
        "300 clients, full jitter",
        "fanout=300&policy=full-jitter&attempts=10",
    ),
    (
        "300 clients, AWS SDK standard mode",
        "fanout=300&policy=sdk-standard",
    ),
];

/// The link a throttling finding offers: the throttled API's bucket (GetAuthorizationToken
/// when the paste names none we know) under a fan-out of 1.5 times its capacity, retried
/// with full jitter as the fix suggests.
pub fn link_for_operation(operation: Option<&str>) -> (String, String) {
    let all = presets();
    let p: &Preset = operation
        .and_then(|op| all.iter().find(|p| p.api.eq_ignore_ascii_case(op)))
        .unwrap_or(&all[0]);
    let fanout = (p.capacity * 1.5).round();
    let q = format!(
        "fanout={fanout}&capacity={}&refill={}&policy=full-jitter&attempts=10",
        p.capacity, p.refill_per_sec
    );
    let href = format!("#bucket?{}", from_fragment_query(&q).to_query());
    let title = format!(
        "{} clients at once against {}'s bucket ({} credits, refilled {}/s; {}), retrying with full jitter",
        fanout, p.api, p.capacity, p.refill_per_sec, p.source
    );
    (href, title)
}

fn latency(s: Option<f64>) -> String {
    match s {
        None => "–".into(),
        Some(s) if s < 1.0 => format!("{:.0} ms", s * 1000.0),
        Some(s) => format!("{s:.1} s"),
    }
}

/// Whole numbers without a fraction, others with one decimal.
fn num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x:.1}")
    }
}

/// Cheap integer hash, for a dot's lane and delay.
fn mix(x: u32) -> u32 {
    let mut h = x.wrapping_mul(0x9E37_79B1);
    h ^= h >> 15;
    h = h.wrapping_mul(0x85EB_CA77);
    h ^ (h >> 13)
}

/// Where a dot is `age` wall seconds after the bucket decided, or None when not shown.
fn dot_position(d: &LiveDot, age: f64) -> Option<(f64, f64)> {
    let h = mix(d.serial);
    let lane = BUCKET_TOP + 14.0 + f64::from(h % 1000) / 1000.0 * (BUCKET_H - 28.0);
    let a = age - f64::from((h >> 10) % 1000) / 1000.0 * STAGGER_S;
    if a < 0.0 {
        return None;
    }
    if a < APPROACH_S {
        return Some((LEFT_X + (GATE_X - LEFT_X) * a / APPROACH_S, lane));
    }
    let p = (a - APPROACH_S) / AFTER_S;
    if p > 1.0 {
        return None;
    }
    Some(if d.dot.accepted {
        (GATE_X + (RIGHT_X - GATE_X) * p, lane)
    } else {
        // Back off the wall on an arc, falling away.
        (GATE_X - 150.0 * p, lane - 50.0 * p + 110.0 * p * p)
    })
}

/// Reduced motion: the last attempts as still marks, accepted past the bucket, throttled before it.
fn static_position(index: usize, accepted: bool) -> (f64, f64) {
    let col = (index % 10) as f64;
    let row = (index / 10) as f64;
    let y = BUCKET_TOP + 16.0 + row * 16.0;
    if accepted {
        (GATE_X + BUCKET_W + 24.0 + col * 14.0, y)
    } else {
        (GATE_X - 20.0 - col * 15.0, y)
    }
}

fn push_circle(d: &mut String, x: f64, y: f64, r: f64) {
    let _ = write!(
        d,
        "M{:.1} {:.1}a{r} {r} 0 1 0 {} 0a{r} {r} 0 1 0 -{} 0",
        x - r,
        y,
        2.0 * r,
        2.0 * r
    );
}

fn push_cross(d: &mut String, x: f64, y: f64, r: f64) {
    let _ = write!(
        d,
        "M{:.1} {:.1}l{} {}m0 -{}l-{} {}",
        x - r,
        y - r,
        2.0 * r,
        2.0 * r,
        2.0 * r,
        2.0 * r,
        2.0 * r
    );
}

fn bucket_svg(e: &Engine, credits: f64, capacity: f64) -> Html {
    let frac = if capacity > 0.0 {
        (credits / capacity).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let level_h = BUCKET_H * frac;
    // One path per kind keeps the DOM at a few elements however many dots fly.
    let (mut ok, mut no, mut ring) = (String::new(), String::new(), String::new());
    let (mut n_ok, mut n_no) = (0, 0);
    for d in &e.dots {
        let pos = if e.reduced {
            let i = if d.dot.accepted { &mut n_ok } else { &mut n_no };
            *i += 1;
            Some(static_position(*i - 1, d.dot.accepted))
        } else {
            dot_position(d, e.wall_age(d))
        };
        let Some((x, y)) = pos else { continue };
        if d.dot.accepted {
            push_circle(&mut ok, x, y, DOT_R);
        } else {
            push_cross(&mut no, x, y, DOT_R);
        }
        if d.dot.is_retry {
            push_circle(&mut ring, x, y, DOT_R + 3.0);
        }
    }
    let refill = e.sim.config().refill_per_sec;
    let label = format!("{} / {}", credits.floor(), num(capacity));
    html! {
        <svg class="bucket-svg" viewBox="0 0 480 280" role="img"
            aria-label={format!("Token bucket holding {label} credits")}>
            // Literal coordinates match LEFT_X, RIGHT_X, GATE_X, BUCKET_W, BUCKET_TOP and BUCKET_H.
            <text class="bk-caption" x="12" y="22">{"your clients"}</text>
            <text class="bk-caption" x="470" y="22" text-anchor="end">{"ECR API"}</text>
            <text class="bk-caption" x="240" y="30" text-anchor="middle">
                {format!("refills +{}/s", num(refill))}
            </text>
            <rect class="bk-level" x="180" y={format!("{:.2}", BUCKET_TOP + BUCKET_H - level_h)}
                width="120" height={format!("{level_h:.2}")} />
            <rect class="bk-wall" x="180" y="40" width="120" height="200" rx="4" />
            <text class="bk-level-label" x="240" y="266" text-anchor="middle">{label}</text>
            <path class="bk-dot-ring" d={ring} />
            <path class="bk-dot-ok" d={ok} />
            <path class="bk-dot-no" d={no} />
        </svg>
    }
}

/// 1, 2, 2.5 or 5 times a power of ten, at least `x` (2.5 so a 250-call burst fills the chart).
fn nice_ceil(x: f64) -> f64 {
    if x <= 1.0 {
        return 1.0;
    }
    let p = 10f64.powf(x.log10().floor());
    let m = x / p;
    let n = if m <= 1.0 {
        1.0
    } else if m <= 2.0 {
        2.0
    } else if m <= 2.5 {
        2.5
    } else if m <= 5.0 {
        5.0
    } else {
        10.0
    };
    n * p
}

fn timeline(secs: &[SecondStats], now: f64, capacity: f64) -> Html {
    let end = (now.ceil() as u64).max(CHART_SECONDS);
    let start = end - CHART_SECONDS;
    let slot = (PX1 - PX0) / CHART_SECONDS as f64;
    let x_of = |s: u64| PX0 + (s - start) as f64 * slot;
    let peak = secs
        .iter()
        .map(|s| s.accepted + s.throttled)
        .max()
        .unwrap_or(0);
    let ymax = nice_ceil(f64::from(peak));
    let h_of = |n: u32| f64::from(n) / ymax * (PY1 - PY0);
    let y_credit = |c: f64| PY1 - (c / capacity).clamp(0.0, 1.0) * (PY1 - PY0);
    let (mut ok, mut no, mut line) = (String::new(), String::new(), String::new());
    let w = (slot - 1.5).max(1.0);
    for s in secs.iter().filter(|s| s.second >= start && s.second < end) {
        let x = x_of(s.second) + 0.75;
        let h_ok = h_of(s.accepted);
        let h_no = h_of(s.throttled);
        if s.accepted > 0 {
            let _ = write!(ok, "M{x:.1} {PY1}v-{h_ok:.1}h{w:.1}v{h_ok:.1}z");
        }
        if s.throttled > 0 {
            let _ = write!(no, "M{x:.1} {:.1}v-{h_no:.1}h{w:.1}v{h_no:.1}z", PY1 - h_ok);
        }
        let cmd = if line.is_empty() { 'M' } else { 'L' };
        let _ = write!(
            line,
            "{cmd}{:.1} {:.1}",
            x + w / 2.0,
            y_credit(s.credits_at_end)
        );
    }
    let y_ticks = [0.0, 0.5, 1.0];
    html! {
        <svg class="bucket-timeline" viewBox="0 0 640 240" role="img"
            aria-label="Accepted and throttled calls per second, and credits, over the last 60 simulated seconds">
            <defs>
                <pattern id="bk-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect class="bk-hatch-bg" width="6" height="6" />
                    <path class="bk-hatch-line" d="M0 0v6" />
                </pattern>
            </defs>
            // Literal coordinates match PX0, PX1, PY0 and PY1.
            <path class="bk-grid" d="M52 16H588M52 106H588" />
            {for y_ticks.iter().map(|f| {
                let y = format!("{:.0}", PY1 + 4.0 - f * (PY1 - PY0));
                html! {
                    <>
                        <text class="bk-tick" x="46" y={y.clone()} text-anchor="end">{num(ymax * f)}</text>
                        <text class="bk-tick" x="594" {y}>{num(capacity * f)}</text>
                    </>
                }
            })}
            {for (0..=CHART_SECONDS).step_by(10).map(|k| html! {
                <text class="bk-tick" x={format!("{:.0}", x_of(start + k))} y="212" text-anchor="middle">{start + k}</text>
            })}
            <path class="bk-bar-ok" d={ok} />
            <path class="bk-bar-no" d={no} />
            <path class="bk-credit-line" d={line} />
            <path class="bk-axis" d="M52 16V196H588V16" />
            <text class="bk-axis-label" x="14" y="106" text-anchor="middle" transform="rotate(-90 14 106)">{"calls per second"}</text>
            <text class="bk-axis-label" x="630" y="106" text-anchor="middle" transform="rotate(90 630 106)">{"credits"}</text>
            <text class="bk-axis-label" x="320" y="234" text-anchor="middle">{"simulated time (s)"}</text>
        </svg>
    }
}

/// A legend: each entry a small shape drawn with the same class as in the picture.
fn legend(items: &[(&'static str, &'static str, &'static str)]) -> Html {
    html! {
        <ul class="bucket-legend">
            {for items.iter().map(|&(class, d, text)| html! {
                <li>
                    <svg class="bk-swatch" viewBox="0 0 16 16" aria-hidden="true"><path {class} {d} /></svg>
                    {text}
                </li>
            })}
        </ul>
    }
}

/// The value of `key` in a `k=v&k=v` query.
fn query_get<'a>(q: &'a str, key: &str) -> Option<&'a str> {
    q.split('&')
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v)
}

/// `q` with `key` set to `value` (replaced in place, or appended).
fn query_with(q: &str, key: &str, value: &str) -> String {
    let mut found = false;
    let mut parts: Vec<String> = q
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, _)) if k == key => {
                found = true;
                format!("{key}={value}")
            }
            _ => p.to_string(),
        })
        .collect();
    if !found {
        parts.push(format!("{key}={value}"));
    }
    parts.join("&")
}

const POLICIES: &[(&str, &str, &str)] = &[
    ("none", "No retry", "A throttled call fails at once."),
    ("immediate", "Immediate retry", "Retry as soon as the 429 comes back (20 ms later)."),
    ("fixed", "Fixed delay (1 s)", "Wait 1 s before each retry."),
    (
        "exponential",
        "Exponential backoff",
        "Wait 0.1 s, 0.2 s, 0.4 s… (capped at 20 s): every throttled client waits the same, so they come back together.",
    ),
    (
        "full-jitter",
        "Exponential backoff, full jitter",
        "Wait a random time between 0 and the exponential delay: retries spread out.",
    ),
    (
        "decorrelated-jitter",
        "Decorrelated jitter",
        "Wait a random time between 0.1 s and three times the previous wait (capped at 20 s).",
    ),
    (
        "sdk-standard",
        "AWS SDK standard mode",
        "3 attempts, full jitter from 1 s (cap 20 s), and a 500-token retry quota: each retry costs 5, so a storm stops retrying.",
    ),
];

#[derive(Properties, PartialEq)]
struct ControlsProps {
    scenario: Scenario,
    playing: bool,
    on_change: Callback<Vec<(&'static str, String)>>,
    on_play: Callback<()>,
    on_pause: Callback<()>,
    on_step: Callback<()>,
    on_reset: Callback<()>,
}

fn input_value(e: &Event) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default()
}

fn select_value(e: &Event) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default()
}

/// Settings and buttons. A separate component, so it re-renders only when they change,
/// not on every animation frame.
#[component]
fn Controls(props: &ControlsProps) -> Html {
    let q = props.scenario.to_query();
    let get = |k: &str| match (k, query_get(&q, k)) {
        (_, Some(v)) => v.to_string(),
        // Links leave attempts out where the strategy fixes them (none: 1, SDK: 3).
        ("attempts", None) => props.scenario.config.policy.max_attempts().to_string(),
        _ => "0".to_string(),
    };
    let policy = get("policy");
    let number = |key: &'static str, label: &'static str, max: &'static str, disabled: bool| {
        let on_change = props.on_change.clone();
        let onchange = Callback::from(move |e: Event| on_change.emit(vec![(key, input_value(&e))]));
        let id = format!("bk-{key}");
        html! {
            <div class="bk-field">
                <label for={id.clone()}>{label}</label>
                <input {id} type="number" min="0" {max} step="any" inputmode="decimal"
                    value={get(key)} {onchange} {disabled} />
            </div>
        }
    };
    let all = presets();
    let capacity: f64 = get("capacity").parse().unwrap_or(0.0);
    let refill: f64 = get("refill").parse().unwrap_or(0.0);
    // Several APIs share a bucket size, so remember which one was picked while it still fits.
    let chosen = use_state(String::new);
    let fits = |p: &&Preset| p.capacity == capacity && p.refill_per_sec == refill;
    let current = all
        .iter()
        .filter(fits)
        .find(|p| p.id == *chosen)
        .or_else(|| all.iter().find(fits));
    let on_preset = {
        let on_change = props.on_change.clone();
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let id = select_value(&e);
            chosen.set(id.clone());
            if let Some(p) = presets().into_iter().find(|p| p.id == id) {
                on_change.emit(vec![
                    ("capacity", p.capacity.to_string()),
                    ("refill", p.refill_per_sec.to_string()),
                ]);
            }
        })
    };
    let on_policy = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| on_change.emit(vec![("policy", select_value(&e))]))
    };
    let on_speed = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| on_change.emit(vec![("speed", select_value(&e))]))
    };
    let speed = get("speed");
    let speeds = ["0.25", "0.5", "1", "2", "5", "10", "30"];
    let policy_hint = POLICIES.iter().find(|p| p.0 == policy).map_or("", |p| p.2);
    let click = |cb: &Callback<()>| cb.reform(|_: MouseEvent| ());
    html! {
        <div class="bucket-controls">
            <div class="bucket-buttons">
                <button type="button" onclick={click(&props.on_play)} disabled={props.playing}>{"Play"}</button>
                <button type="button" onclick={click(&props.on_pause)} disabled={!props.playing}>{"Pause"}</button>
                <button type="button" onclick={click(&props.on_step)}>{format!("Step +{STEP_BUTTON_S} s")}</button>
                <button type="button" onclick={click(&props.on_reset)}>{"Reset"}</button>
                <label for="bk-speed">{"Speed"}</label>
                <select id="bk-speed" onchange={on_speed}>
                    {for speeds.iter().map(|s| html! {
                        <option value={*s} selected={speed == *s}>{format!("{s}×")}</option>
                    })}
                    if !speeds.contains(&speed.as_str()) {
                        <option value={speed.clone()} selected=true>{format!("{speed}×")}</option>
                    }
                </select>
            </div>
            <fieldset>
                <legend>{"Workload (all from t = 0)"}</legend>
                {number("rate", "Steady rate (calls/s)", "5000", false)}
                {number("burst", "Burst (calls from one client)", "10000", false)}
                {number("fanout", "Fan-out (clients, each needs one success)", "10000", false)}
            </fieldset>
            <fieldset>
                <legend>{"Client retries"}</legend>
                <div class="bk-field">
                    <label for="bk-policy">{"Retry strategy"}</label>
                    <select id="bk-policy" onchange={on_policy}>
                        {for POLICIES.iter().map(|(id, label, _)| html! {
                            <option value={*id} selected={policy == *id}>{*label}</option>
                        })}
                    </select>
                </div>
                {number("attempts", "Max attempts (first included)", "100",
                    policy == "none" || policy == "sdk-standard")}
                <p class="hint">{policy_hint}</p>
            </fieldset>
            <fieldset>
                <legend>{"Bucket"}</legend>
                <div class="bk-field">
                    <label for="bk-preset">{"Preset"}</label>
                    <select id="bk-preset" onchange={on_preset}>
                        {for all.iter().map(|p| html! {
                            <option value={p.id.clone()} selected={current.is_some_and(|c| c.id == p.id)}>
                                {format!("{}: {} credits, +{}/s ({})", p.api, num(p.capacity), num(p.refill_per_sec), p.source)}
                            </option>
                        })}
                        if current.is_none() {
                            <option value="custom" selected=true>{"Custom"}</option>
                        }
                    </select>
                </div>
                if let Some(p) = current {
                    <p class="hint">{format!("Source: {}. {}", p.source, p.note)}</p>
                }
                {number("capacity", "Capacity (credits)", "1000000", false)}
                {number("refill", "Refill (credits/s)", "1000000", false)}
            </fieldset>
        </div>
    }
}
