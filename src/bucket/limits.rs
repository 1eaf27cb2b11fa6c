//! Defaults, and the bounds every input is clamped to: a hostile link or JSON can't make the
//! simulation do unbounded work.

pub const DEFAULT_CAPACITY: f64 = 200.0;
pub const DEFAULT_REFILL_PER_SEC: f64 = 20.0;
pub const DEFAULT_STEP_S: f64 = 0.01;
pub const DEFAULT_SEED: u64 = 1;
pub const DEFAULT_SPEED: f64 = 1.0;
/// Defaults for policy parameters a scenario link leaves out.
pub const DEFAULT_ATTEMPTS: u32 = 10;
pub const DEFAULT_BASE_S: f64 = 0.1;
pub const DEFAULT_CAP_S: f64 = 20.0;
pub const DEFAULT_DELAY_S: f64 = 1.0;

/// Largest burst or fan-out a single workload part may ask for, so a hostile
/// link or JSON can't make the simulation queue millions of calls.
pub const MAX_CALLS: u32 = 10_000;
pub const MAX_RATE: f64 = 5_000.0;
pub const MAX_ATTEMPTS: u32 = 100;
/// Workload leaves beyond this are dropped, so nested sums can't multiply work.
pub const MAX_WORKLOAD_PARTS: usize = 32;
pub(super) const MAX_WORKLOAD_DEPTH: usize = 8;
/// Times (start, duration, sleeps) are clamped to this many seconds.
pub(super) const MAX_TIME_S: f64 = 1_000_000.0;
pub const MAX_CAPACITY: f64 = 1_000_000.0;
pub const MIN_STEP_S: f64 = 0.001;
pub const MAX_STEP_S: f64 = 1.0;
pub const MIN_SPEED: f64 = 0.01;
pub const MAX_SPEED: f64 = 1_000.0;

/// Seconds of per-second history kept; older seconds are dropped.
pub const HISTORY_SECONDS: usize = 600;
/// Attempts listed per step for drawing dots; the rest are only counted.
pub const MAX_DOTS_PER_STEP: usize = 64;
/// An "immediate" retry still waits for the throttled response to come back;
/// a zero gap would also stack every retry of a request on one instant.
pub const IMMEDIATE_RETRY_DELAY_S: f64 = 0.02;

/// AWS SDK "standard" retry mode constants.
pub const SDK_MAX_ATTEMPTS: u32 = 3;
pub const SDK_QUOTA_MAX: u32 = 500;
pub const SDK_RETRY_COST: u32 = 5;
pub const SDK_NO_RETRY_INCREMENT: u32 = 1;
pub const SDK_BASE_S: f64 = 1.0;
pub const SDK_CAP_S: f64 = 20.0;

/// `v` clamped to `[lo, hi]`; NaN and infinities become `default`.
pub(super) fn finite_clamp(v: f64, lo: f64, hi: f64, default: f64) -> f64 {
    if v.is_finite() {
        // Not f64::clamp: its check of the bounds prints them with float formatting (~5 KiB
        // of wasm); max/min give the same for a finite v and lo <= hi.
        v.max(lo).min(hi)
    } else {
        default
    }
}
