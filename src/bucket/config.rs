//! What one run simulates: the bucket, the workload, the retry policy and the step.

use super::limits::*;
use super::{RetryPolicy, Workload};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SimConfig {
    pub capacity: f64,
    pub refill_per_sec: f64,
    pub workload: Workload,
    pub policy: RetryPolicy,
    /// Simulated seconds per `step()`.
    pub step_s: f64,
}

impl Default for SimConfig {
    fn default() -> Self {
        SimConfig {
            capacity: DEFAULT_CAPACITY,
            refill_per_sec: DEFAULT_REFILL_PER_SEC,
            workload: Workload::none(),
            policy: RetryPolicy::None,
            step_s: DEFAULT_STEP_S,
        }
    }
}

impl SimConfig {
    /// Clamped copy: what `Simulation::new` actually runs.
    pub fn sanitized(&self) -> SimConfig {
        let mut budget = MAX_WORKLOAD_PARTS;
        SimConfig {
            capacity: finite_clamp(self.capacity, 1.0, MAX_CAPACITY, DEFAULT_CAPACITY),
            refill_per_sec: finite_clamp(
                self.refill_per_sec,
                0.0,
                MAX_CAPACITY,
                DEFAULT_REFILL_PER_SEC,
            ),
            workload: self.workload.sanitized(0, &mut budget),
            policy: self.policy.sanitized(),
            step_s: finite_clamp(self.step_s, MIN_STEP_S, MAX_STEP_S, DEFAULT_STEP_S),
        }
    }
}
