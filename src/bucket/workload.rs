//! What the clients ask for: steady rates, bursts, fan-outs and their sums.

use super::limits::{finite_clamp, MAX_CALLS, MAX_RATE, MAX_TIME_S, MAX_WORKLOAD_DEPTH};
use serde::{Deserialize, Serialize};

/// What the clients ask for. Every original call is a "request"; retries of
/// it are further attempts of the same request.
///
/// `Burst` and `FanOut` are mechanically identical (N requests due at one
/// time); they are separate so a UI can label "one client sending N calls"
/// and "N clients each needing one success" differently.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Workload {
    /// `rate_per_s` calls per second spread evenly from `start_s`, for
    /// `duration_s` seconds (forever when absent).
    Steady {
        rate_per_s: f64,
        #[serde(default)]
        start_s: f64,
        #[serde(default)]
        duration_s: Option<f64>,
    },
    Burst {
        calls: u32,
        #[serde(default)]
        at_s: f64,
    },
    FanOut {
        clients: u32,
        #[serde(default)]
        at_s: f64,
    },
    Sum {
        parts: Vec<Workload>,
    },
}

impl Default for Workload {
    fn default() -> Self {
        Workload::none()
    }
}

impl Workload {
    pub fn none() -> Self {
        Workload::Sum { parts: Vec::new() }
    }
    /// Steady rate from t=0, forever.
    pub fn steady(rate_per_s: f64) -> Self {
        Workload::Steady {
            rate_per_s,
            start_s: 0.0,
            duration_s: None,
        }
    }
    pub fn burst(calls: u32, at_s: f64) -> Self {
        Workload::Burst { calls, at_s }
    }
    pub fn fan_out(clients: u32, at_s: f64) -> Self {
        Workload::FanOut { clients, at_s }
    }
    pub fn sum(parts: Vec<Workload>) -> Self {
        Workload::Sum { parts }
    }

    pub(super) fn sanitized(&self, depth: usize, budget: &mut usize) -> Workload {
        if let Workload::Sum { parts } = self {
            if depth >= MAX_WORKLOAD_DEPTH {
                return Workload::none();
            }
            let mut out = Vec::new();
            for p in parts {
                if *budget == 0 {
                    break;
                }
                out.push(p.sanitized(depth + 1, budget));
            }
            return Workload::Sum { parts: out };
        }
        if *budget == 0 {
            return Workload::none();
        }
        *budget -= 1;
        match *self {
            Workload::Steady {
                rate_per_s,
                start_s,
                duration_s,
            } => Workload::Steady {
                rate_per_s: finite_clamp(rate_per_s, 0.0, MAX_RATE, 0.0),
                start_s: finite_clamp(start_s, 0.0, MAX_TIME_S, 0.0),
                duration_s: duration_s
                    .filter(|d| d.is_finite())
                    .map(|d| d.clamp(0.0, MAX_TIME_S)),
            },
            Workload::Burst { calls, at_s } => Workload::Burst {
                calls: calls.min(MAX_CALLS),
                at_s: finite_clamp(at_s, 0.0, MAX_TIME_S, 0.0),
            },
            Workload::FanOut { clients, at_s } => Workload::FanOut {
                clients: clients.min(MAX_CALLS),
                at_s: finite_clamp(at_s, 0.0, MAX_TIME_S, 0.0),
            },
            Workload::Sum { .. } => unreachable!("handled above"),
        }
    }

    pub(super) fn leaves<'a>(&'a self, out: &mut Vec<&'a Workload>) {
        match self {
            Workload::Sum { parts } => parts.iter().for_each(|p| p.leaves(out)),
            leaf => out.push(leaf),
        }
    }
}
