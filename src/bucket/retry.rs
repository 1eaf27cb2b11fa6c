//! Client retry policies: how a throttled call waits before its next attempt.

use super::limits::*;
use super::rng::SplitMix64;
use serde::{Deserialize, Serialize};

/// A retry policy without its parameters: what a link's `policy=` names and the form lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PolicyKind {
    None,
    Immediate,
    Fixed,
    Exponential,
    FullJitter,
    DecorrelatedJitter,
    SdkStandard,
}

impl PolicyKind {
    /// Every kind, in the order the form lists them.
    pub const ALL: [PolicyKind; 7] = [
        PolicyKind::None,
        PolicyKind::Immediate,
        PolicyKind::Fixed,
        PolicyKind::Exponential,
        PolicyKind::FullJitter,
        PolicyKind::DecorrelatedJitter,
        PolicyKind::SdkStandard,
    ];

    /// The name links use (the one list of policy names).
    pub fn name(self) -> &'static str {
        match self {
            PolicyKind::None => "none",
            PolicyKind::Immediate => "immediate",
            PolicyKind::Fixed => "fixed",
            PolicyKind::Exponential => "exponential",
            PolicyKind::FullJitter => "full-jitter",
            PolicyKind::DecorrelatedJitter => "decorrelated-jitter",
            PolicyKind::SdkStandard => "sdk-standard",
        }
    }

    pub fn from_name(name: &str) -> Option<PolicyKind> {
        PolicyKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// No retry and the SDK's standard mode fix their attempts (1 and 3), so links and the
    /// form leave them out.
    pub fn fixes_attempts(self) -> bool {
        matches!(self, PolicyKind::None | PolicyKind::SdkStandard)
    }

    /// The policy of this kind with these parameters (it reads only those it uses).
    pub fn with(self, p: PolicyParams) -> RetryPolicy {
        let PolicyParams {
            max_attempts,
            base_s,
            cap_s,
            delay_s,
        } = p;
        match self {
            PolicyKind::None => RetryPolicy::None,
            PolicyKind::Immediate => RetryPolicy::Immediate { max_attempts },
            PolicyKind::Fixed => RetryPolicy::Fixed {
                delay_s,
                max_attempts,
            },
            PolicyKind::Exponential => RetryPolicy::Exponential {
                base_s,
                cap_s,
                max_attempts,
            },
            PolicyKind::FullJitter => RetryPolicy::FullJitter {
                base_s,
                cap_s,
                max_attempts,
            },
            PolicyKind::DecorrelatedJitter => RetryPolicy::DecorrelatedJitter {
                base_s,
                cap_s,
                max_attempts,
            },
            PolicyKind::SdkStandard => RetryPolicy::SdkStandard,
        }
    }
}

/// Every parameter a policy may take; each kind reads only its own.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PolicyParams {
    pub max_attempts: u32,
    pub base_s: f64,
    pub cap_s: f64,
    pub delay_s: f64,
}

impl PolicyParams {
    /// Clamped to sane ranges (non-finite values become defaults).
    pub fn sanitized(self) -> PolicyParams {
        PolicyParams {
            max_attempts: self.max_attempts.clamp(1, MAX_ATTEMPTS),
            base_s: finite_clamp(self.base_s, 0.001, 60.0, DEFAULT_BASE_S),
            cap_s: finite_clamp(self.cap_s, 0.0, 600.0, DEFAULT_CAP_S),
            delay_s: finite_clamp(self.delay_s, 0.0, 600.0, DEFAULT_DELAY_S),
        }
    }
}

impl Default for PolicyParams {
    fn default() -> Self {
        PolicyParams {
            max_attempts: DEFAULT_ATTEMPTS,
            base_s: DEFAULT_BASE_S,
            cap_s: DEFAULT_CAP_S,
            delay_s: DEFAULT_DELAY_S,
        }
    }
}

/// Client retry policy applied to each throttled attempt. `max_attempts`
/// counts the first attempt too (1 = never retry). For the exponential
/// family, `k` below is the 0-based retry index (first retry: k = 0).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum RetryPolicy {
    /// Give up on the first throttle.
    #[default]
    None,
    /// Retry after one round trip (`IMMEDIATE_RETRY_DELAY_S`), no sleep.
    Immediate {
        max_attempts: u32,
    },
    Fixed {
        delay_s: f64,
        max_attempts: u32,
    },
    /// sleep = min(cap, base * 2^k)
    Exponential {
        base_s: f64,
        cap_s: f64,
        max_attempts: u32,
    },
    /// sleep = rand(0, min(cap, base * 2^k))
    FullJitter {
        base_s: f64,
        cap_s: f64,
        max_attempts: u32,
    },
    /// sleep = min(cap, rand(base, prev * 3)), prev starting at base
    DecorrelatedJitter {
        base_s: f64,
        cap_s: f64,
        max_attempts: u32,
    },
    /// AWS SDK standard mode: 3 attempts, sleep = rand(0,1) * min(2^(n-1), 20)
    /// for retry n >= 1, plus a 500-token retry quota shared by the whole
    /// client population (retry costs 5, first-try success refunds 1,
    /// success after a retry refunds 5; below 5 tokens the call gives up).
    SdkStandard,
}

impl RetryPolicy {
    /// Its kind: the policy without its parameters.
    pub fn kind(&self) -> PolicyKind {
        match self {
            RetryPolicy::None => PolicyKind::None,
            RetryPolicy::Immediate { .. } => PolicyKind::Immediate,
            RetryPolicy::Fixed { .. } => PolicyKind::Fixed,
            RetryPolicy::Exponential { .. } => PolicyKind::Exponential,
            RetryPolicy::FullJitter { .. } => PolicyKind::FullJitter,
            RetryPolicy::DecorrelatedJitter { .. } => PolicyKind::DecorrelatedJitter,
            RetryPolicy::SdkStandard => PolicyKind::SdkStandard,
        }
    }

    /// Name used in scenario links.
    pub fn name(&self) -> &'static str {
        self.kind().name()
    }

    /// Build from a link name and parameters (ignored where not used).
    pub fn from_name(
        name: &str,
        max_attempts: u32,
        base_s: f64,
        cap_s: f64,
        delay_s: f64,
    ) -> Option<RetryPolicy> {
        let params = PolicyParams {
            max_attempts,
            base_s,
            cap_s,
            delay_s,
        };
        PolicyKind::from_name(name).map(|kind| kind.with(params))
    }

    /// Its parameters; those it has no use for are the defaults a link assumes.
    pub fn params(&self) -> PolicyParams {
        let mut p = PolicyParams::default();
        match *self {
            RetryPolicy::None | RetryPolicy::SdkStandard => {}
            RetryPolicy::Immediate { max_attempts } => p.max_attempts = max_attempts,
            RetryPolicy::Fixed {
                delay_s,
                max_attempts,
            } => {
                p.delay_s = delay_s;
                p.max_attempts = max_attempts;
            }
            RetryPolicy::Exponential {
                base_s,
                cap_s,
                max_attempts,
            }
            | RetryPolicy::FullJitter {
                base_s,
                cap_s,
                max_attempts,
            }
            | RetryPolicy::DecorrelatedJitter {
                base_s,
                cap_s,
                max_attempts,
            } => {
                p.base_s = base_s;
                p.cap_s = cap_s;
                p.max_attempts = max_attempts;
            }
        }
        p
    }

    /// Total attempts a request may make, first included.
    pub fn max_attempts(&self) -> u32 {
        match *self {
            RetryPolicy::None => 1,
            RetryPolicy::SdkStandard => SDK_MAX_ATTEMPTS,
            RetryPolicy::Immediate { max_attempts }
            | RetryPolicy::Fixed { max_attempts, .. }
            | RetryPolicy::Exponential { max_attempts, .. }
            | RetryPolicy::FullJitter { max_attempts, .. }
            | RetryPolicy::DecorrelatedJitter { max_attempts, .. } => max_attempts,
        }
    }

    /// Clamp parameters to sane ranges (non-finite values become defaults).
    pub fn sanitized(self) -> RetryPolicy {
        self.kind().with(self.params().sanitized())
    }

    /// Starting "previous sleep" for decorrelated jitter (unused elsewhere).
    pub(super) fn initial_prev_sleep(&self) -> f64 {
        match *self {
            RetryPolicy::DecorrelatedJitter { base_s, .. } => base_s,
            _ => 0.0,
        }
    }

    /// Sleep before the next attempt after attempt number `failed_attempt`
    /// (1-based) was throttled, or None to give up. The SDK retry quota is
    /// not checked here because it is simulation state.
    pub(super) fn retry_sleep(
        &self,
        failed_attempt: u32,
        prev_sleep: f64,
        rng: &mut SplitMix64,
    ) -> Option<f64> {
        if failed_attempt >= self.max_attempts() {
            return None;
        }
        // 2^k overflows nothing for k < 100, but keep powi's argument small.
        let k = (failed_attempt - 1).min(60) as i32;
        Some(match *self {
            RetryPolicy::None => return None,
            RetryPolicy::Immediate { .. } => IMMEDIATE_RETRY_DELAY_S,
            RetryPolicy::Fixed { delay_s, .. } => delay_s,
            RetryPolicy::Exponential { base_s, cap_s, .. } => cap_s.min(base_s * 2f64.powi(k)),
            RetryPolicy::FullJitter { base_s, cap_s, .. } => {
                rng.range(0.0, cap_s.min(base_s * 2f64.powi(k)))
            }
            RetryPolicy::DecorrelatedJitter { base_s, cap_s, .. } => {
                cap_s.min(rng.range(base_s, prev_sleep * 3.0))
            }
            RetryPolicy::SdkStandard => rng.next_f64() * SDK_CAP_S.min(SDK_BASE_S * 2f64.powi(k)),
        })
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub(crate) fn full_jitter() -> RetryPolicy {
        RetryPolicy::FullJitter {
            base_s: 0.1,
            cap_s: 10.0,
            max_attempts: 50,
        }
    }

    #[test]
    fn retry_sleeps_stay_in_bounds() {
        let mut rng = SplitMix64(42);
        let fj = full_jitter();
        let dj = RetryPolicy::DecorrelatedJitter {
            base_s: 0.1,
            cap_s: 10.0,
            max_attempts: 50,
        };
        let ex = RetryPolicy::Exponential {
            base_s: 0.1,
            cap_s: 10.0,
            max_attempts: 50,
        };
        let mut prev = 0.1;
        for n in 1..49u32 {
            let bound = (0.1 * 2f64.powi(n as i32 - 1)).min(10.0);
            let s = fj.retry_sleep(n, 0.0, &mut rng).unwrap();
            assert!((0.0..=bound).contains(&s));
            assert_eq!(ex.retry_sleep(n, 0.0, &mut rng), Some(bound));
            let d = dj.retry_sleep(n, prev, &mut rng).unwrap();
            assert!((0.1..=10.0).contains(&d));
            prev = d;
        }
        assert_eq!(fj.retry_sleep(50, 0.0, &mut rng), None);
        let sdk = RetryPolicy::SdkStandard;
        assert!(sdk.retry_sleep(1, 0.0, &mut rng).unwrap() <= 1.0);
        assert!(sdk.retry_sleep(2, 0.0, &mut rng).unwrap() <= 2.0);
        assert_eq!(sdk.retry_sleep(3, 0.0, &mut rng), None);
        assert_eq!(RetryPolicy::None.retry_sleep(1, 0.0, &mut rng), None);
    }
}
