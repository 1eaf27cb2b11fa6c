//! What a run reports: per step, per second and in total.

use super::limits::MAX_DOTS_PER_STEP;
use serde::{Deserialize, Serialize};

/// One attempt, for drawing a dot.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dot {
    /// Simulated time the attempt reached the bucket.
    pub t: f64,
    pub accepted: bool,
    pub is_retry: bool,
}

/// What happened in one step (or, from `run_until`, in several).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StepStats {
    /// Simulated time at the end of the step.
    pub t: f64,
    /// Bucket credits at `t`.
    pub credits: f64,
    pub accepted: u32,
    pub throttled: u32,
    /// Attempts in this step that were retries (accepted or not).
    pub retries: u32,
    /// Requests that stopped trying in this step.
    pub gave_up: u32,
    /// First `MAX_DOTS_PER_STEP` attempts, in time order.
    pub dots: Vec<Dot>,
    /// Attempts not listed in `dots`.
    pub dots_dropped: u32,
}

impl StepStats {
    pub(super) fn absorb(&mut self, s: &StepStats) {
        self.t = s.t;
        self.credits = s.credits;
        self.accepted += s.accepted;
        self.throttled += s.throttled;
        self.retries += s.retries;
        self.gave_up += s.gave_up;
        let room = MAX_DOTS_PER_STEP.saturating_sub(self.dots.len());
        let take = room.min(s.dots.len());
        self.dots.extend_from_slice(&s.dots[..take]);
        self.dots_dropped += s.dots_dropped + (s.dots.len() - take) as u32;
    }
}

/// One second of the timeline chart: attempts are binned by the second they
/// happened in, so the figures don't depend on the step size.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SecondStats {
    pub second: u64,
    pub accepted: u32,
    pub throttled: u32,
    pub retries: u32,
    pub gave_up: u32,
    /// Credits at the end of the last step that ended in this second.
    pub credits_at_end: f64,
}

/// Cumulative figures since the start of the run.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Totals {
    /// Original calls started.
    pub requests: u64,
    pub accepted: u64,
    pub throttled: u64,
    /// Attempts that were retries.
    pub retries: u64,
    pub gave_up: u64,
    /// Give-ups caused by an empty SDK retry quota (subset of `gave_up`).
    pub quota_exhausted: u64,
    /// All attempts: accepted + throttled.
    pub total_calls: u64,
    /// Requests that eventually succeeded (equals `accepted`).
    pub completed: u64,
    /// Requests waiting to retry.
    pub in_flight: u64,
    pub max_attempts_seen: u32,
    pub first_throttle_t: Option<f64>,
    pub last_success_t: Option<f64>,
    /// Latency of successful requests from first attempt to success; read from
    /// a log histogram (bounded memory), rounded down by at most 2%.
    pub p50_latency_s: Option<f64>,
    pub p99_latency_s: Option<f64>,
}

const LAT_BINS: usize = 1024;
const LAT_UNIT_S: f64 = 0.001;
const LAT_GROWTH: f64 = 1.02;

/// Log-bucketed latency histogram: bin i starts at 1ms * (1.02^i - 1), so
/// memory is fixed however long the run, and 0 (first-try success) is exact.
#[derive(Clone, Debug)]
pub(super) struct LatencyHistogram {
    bins: Vec<u64>,
    count: u64,
    max: f64,
}

impl LatencyHistogram {
    pub(super) fn new() -> Self {
        LatencyHistogram {
            bins: vec![0; LAT_BINS],
            count: 0,
            max: 0.0,
        }
    }
    pub(super) fn record(&mut self, x: f64) {
        let x = x.max(0.0);
        let i = ((x / LAT_UNIT_S).ln_1p() / LAT_GROWTH.ln()).floor();
        let i = if i.is_finite() {
            (i as usize).min(LAT_BINS - 1)
        } else {
            0
        };
        self.bins[i] += 1;
        self.count += 1;
        self.max = self.max.max(x);
    }
    pub(super) fn percentile(&self, p: f64) -> Option<f64> {
        if self.count == 0 {
            return None;
        }
        let rank = ((p * self.count as f64).ceil() as u64).clamp(1, self.count);
        let mut seen = 0;
        for (i, &n) in self.bins.iter().enumerate() {
            seen += n;
            if seen >= rank {
                let lower = LAT_UNIT_S * (LAT_GROWTH.powi(i as i32) - 1.0);
                return Some(lower.min(self.max));
            }
        }
        Some(self.max)
    }
}
