//! The server side: ECR's token bucket for one API.

use serde::{Deserialize, Serialize};

/// Refill is summed in floating point; without slack a bucket that should hold
/// exactly 1 credit can hold 0.999999999 and throttle spuriously.
const TAKE_EPSILON: f64 = 1e-9;

/// Server-side token bucket: starts full, refills continuously, never above
/// `capacity`; each accepted call takes one credit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TokenBucket {
    pub capacity: f64,
    pub refill_per_sec: f64,
    pub credits: f64,
}

impl TokenBucket {
    pub fn new(capacity: f64, refill_per_sec: f64) -> Self {
        TokenBucket {
            capacity,
            refill_per_sec,
            credits: capacity,
        }
    }

    /// Refill for `dt_secs` of elapsed time (negative or non-finite ignored).
    pub fn advance(&mut self, dt_secs: f64) {
        if dt_secs > 0.0 && dt_secs.is_finite() {
            self.credits = (self.credits + dt_secs * self.refill_per_sec).min(self.capacity);
        }
    }

    /// Take one credit if at least one is available.
    pub fn try_take(&mut self) -> bool {
        if self.credits >= 1.0 - TAKE_EPSILON {
            self.credits = (self.credits - 1.0).max(0.0);
            true
        } else {
            false
        }
    }
}
