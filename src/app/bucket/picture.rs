//! The bucket picture: clients on the left, the bucket as the gate, ECR on the right, and
//! one dot per attempt flying through or bouncing off.

use super::num;
use super::playback::{LiveDot, LiveRun};
use crate::bucket::decimal::{fixed, shortest, Fixed};
use std::fmt::Write;
use yew::prelude::*;

/// Dot flight, in wall seconds: up to the gate, then through it or bouncing back.
const APPROACH_S: f64 = 0.25;
const AFTER_S: f64 = 0.8;
/// Dots of one burst share a time; a small per-dot delay spreads them into a stream.
const STAGGER_S: f64 = 0.2;
/// How long a dot is on screen at most.
pub(super) const FLIGHT_S: f64 = APPROACH_S + AFTER_S + STAGGER_S;

// Geometry of the bucket picture (viewBox 0 0 480 280).
const LEFT_X: f64 = 12.0;
const GATE_X: f64 = 180.0;
const BUCKET_W: f64 = 120.0;
const BUCKET_TOP: f64 = 40.0;
const BUCKET_H: f64 = 200.0;
const RIGHT_X: f64 = 470.0;
const DOT_R: f64 = 4.0;

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
    let (left, y, diameter) = (Fixed(x - r, 1), Fixed(y, 1), shortest(2.0 * r));
    let r = shortest(r);
    let _ = write!(
        d,
        "M{left} {y}a{r} {r} 0 1 0 {diameter} 0a{r} {r} 0 1 0 -{diameter} 0"
    );
}

fn push_cross(d: &mut String, x: f64, y: f64, r: f64) {
    let (left, top, side) = (Fixed(x - r, 1), Fixed(y - r, 1), shortest(2.0 * r));
    let _ = write!(d, "M{left} {top}l{side} {side}m0 -{side}l-{side} {side}");
}

/// The bucket, its level and the dots in flight.
pub(super) fn picture(e: &LiveRun, credits: f64, capacity: f64) -> Html {
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
    let label = format!("{} / {}", shortest(credits.floor()), num(capacity));
    html! {
        <svg class="bucket-svg" viewBox="0 0 480 280" role="img"
            aria-label={format!("Token bucket holding {label} credits")}>
            // Literal coordinates match LEFT_X, RIGHT_X, GATE_X, BUCKET_W, BUCKET_TOP and BUCKET_H.
            <text class="bk-caption" x="12" y="22">{"your clients"}</text>
            <text class="bk-caption" x="470" y="22" text-anchor="end">{"ECR API"}</text>
            <text class="bk-caption" x="240" y="30" text-anchor="middle">
                {format!("refills +{}/s", num(refill))}
            </text>
            <rect class="bk-level" x="180" y={fixed(BUCKET_TOP + BUCKET_H - level_h, 2)}
                width="120" height={fixed(level_h, 2)} />
            <rect class="bk-wall" x="180" y="40" width="120" height="200" rx="4" />
            <text class="bk-level-label" x="240" y="266" text-anchor="middle">{label}</text>
            <path class="bk-dot-ring" d={ring} />
            <path class="bk-dot-ok" d={ok} />
            <path class="bk-dot-no" d={no} />
        </svg>
    }
}

/// A legend: each entry a small shape drawn with the same class as in the picture.
pub(super) fn legend(items: &[(&'static str, &'static str, &'static str)]) -> Html {
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
