//! The chart under the picture: the last minute of simulated time, second by second.

use super::num;
use crate::bucket::decimal::{fixed, shortest, Fixed};
use crate::bucket::SecondStats;
use std::fmt::Write;
use yew::prelude::*;

/// Seconds of per-second history in the chart.
pub(super) const CHART_SECONDS: u64 = 60;

// Geometry of the chart (viewBox 0 0 640 240).
const PX0: f64 = 52.0;
const PX1: f64 = 588.0;
const PY0: f64 = 16.0;
const PY1: f64 = 196.0;

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

/// Accepted and throttled calls per second as stacked bars, credits as a line.
pub(super) fn timeline(secs: &[SecondStats], now: f64, capacity: f64) -> Html {
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
            let (x, h_ok, w) = (Fixed(x, 1), Fixed(h_ok, 1), Fixed(w, 1));
            let _ = write!(ok, "M{x} {}v-{h_ok}h{w}v{h_ok}z", shortest(PY1));
        }
        if s.throttled > 0 {
            let (x, top, h_no, w) = (
                Fixed(x, 1),
                Fixed(PY1 - h_ok, 1),
                Fixed(h_no, 1),
                Fixed(w, 1),
            );
            let _ = write!(no, "M{x} {top}v-{h_no}h{w}v{h_no}z");
        }
        let cmd = if line.is_empty() { 'M' } else { 'L' };
        let (mid, credit) = (Fixed(x + w / 2.0, 1), Fixed(y_credit(s.credits_at_end), 1));
        let _ = write!(line, "{cmd}{mid} {credit}");
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
                let y = fixed(PY1 + 4.0 - f * (PY1 - PY0), 0);
                html! {
                    <>
                        <text class="bk-tick" x="46" y={y.clone()} text-anchor="end">{num(ymax * f)}</text>
                        <text class="bk-tick" x="594" {y}>{num(capacity * f)}</text>
                    </>
                }
            })}
            {for (0..=CHART_SECONDS).step_by(10).map(|k| html! {
                <text class="bk-tick" x={fixed(x_of(start + k), 0)} y="212" text-anchor="middle">{start + k}</text>
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
