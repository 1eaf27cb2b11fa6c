//! A shareable scenario and its link form (`#bucket?burst=250&policy=none&speed=1`).

use super::limits::*;
use super::{RetryPolicy, SimConfig, Workload};
use serde::{Deserialize, Serialize};

/// A shareable scenario: the simulation config, its seed, and the playback
/// speed (a UI setting, not part of the simulation).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scenario {
    pub config: SimConfig,
    pub seed: u64,
    pub speed: f64,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            config: SimConfig::default(),
            seed: DEFAULT_SEED,
            speed: DEFAULT_SPEED,
        }
    }
}

fn parse_f64(v: &str, lo: f64, hi: f64, default: f64) -> f64 {
    v.parse::<f64>()
        .map_or(default, |x| finite_clamp(x, lo, hi, default))
}

fn parse_count(v: &str, lo: u32, hi: u32, default: u32) -> u32 {
    // Parsed as f64 so "1e12" clamps to the limit instead of being "bad".
    parse_f64(v, lo as f64, hi as f64, default as f64).round() as u32
}

/// Parse a link fragment like
/// `burst=250&rate=0&policy=none&speed=1&capacity=200&refill=20&fanout=300&seed=7`.
/// A leading `#` or `?` is skipped; unknown keys are ignored; bad values fall
/// back to defaults; numbers are clamped. Extra keys: `attempts`, `base`,
/// `cap`, `delay` (policy parameters) and `step`. burst, fanout and rate all
/// start at t = 0.
pub fn from_fragment_query(q: &str) -> Scenario {
    let q = q.trim().trim_start_matches(['#', '?']);
    let mut burst = 0;
    let mut fanout = 0;
    let mut rate = 0.0;
    let mut capacity = DEFAULT_CAPACITY;
    let mut refill = DEFAULT_REFILL_PER_SEC;
    let mut policy = "none";
    let mut attempts = DEFAULT_ATTEMPTS;
    let mut base = DEFAULT_BASE_S;
    let mut cap = DEFAULT_CAP_S;
    let mut delay = DEFAULT_DELAY_S;
    let mut step = DEFAULT_STEP_S;
    let mut seed = DEFAULT_SEED;
    let mut speed = DEFAULT_SPEED;
    for pair in q.split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let v = v.trim();
        match k.trim() {
            "burst" => burst = parse_count(v, 0, MAX_CALLS, 0),
            "fanout" => fanout = parse_count(v, 0, MAX_CALLS, 0),
            "rate" => rate = parse_f64(v, 0.0, MAX_RATE, 0.0),
            "capacity" => capacity = parse_f64(v, 1.0, MAX_CAPACITY, DEFAULT_CAPACITY),
            "refill" => refill = parse_f64(v, 0.0, MAX_CAPACITY, DEFAULT_REFILL_PER_SEC),
            "policy" => policy = v,
            "attempts" => attempts = parse_count(v, 1, MAX_ATTEMPTS, DEFAULT_ATTEMPTS),
            "base" => base = parse_f64(v, 0.001, 60.0, DEFAULT_BASE_S),
            "cap" => cap = parse_f64(v, 0.0, 600.0, DEFAULT_CAP_S),
            "delay" => delay = parse_f64(v, 0.0, 600.0, DEFAULT_DELAY_S),
            "step" => step = parse_f64(v, MIN_STEP_S, MAX_STEP_S, DEFAULT_STEP_S),
            "seed" => seed = v.parse().unwrap_or(DEFAULT_SEED),
            "speed" => speed = parse_f64(v, MIN_SPEED, MAX_SPEED, DEFAULT_SPEED),
            _ => {}
        }
    }
    let mut parts = Vec::new();
    if burst > 0 {
        parts.push(Workload::burst(burst, 0.0));
    }
    if fanout > 0 {
        parts.push(Workload::fan_out(fanout, 0.0));
    }
    if rate > 0.0 {
        parts.push(Workload::steady(rate));
    }
    Scenario {
        config: SimConfig {
            capacity,
            refill_per_sec: refill,
            workload: Workload::Sum { parts },
            policy: RetryPolicy::from_name(policy, attempts, base, cap, delay)
                .unwrap_or(RetryPolicy::None),
            step_s: step,
        },
        seed,
        speed,
    }
}

impl Scenario {
    pub fn from_query(q: &str) -> Scenario {
        from_fragment_query(q)
    }

    /// Canonical link form (no leading `#`). A link can only say "burst,
    /// fan-out and steady rate from t = 0", so other workloads are summed into
    /// that shape (start times and durations are lost); scenarios parsed from
    /// a link round-trip exactly.
    pub fn to_query(&self) -> String {
        let (mut burst, mut fanout, mut rate) = (0u64, 0u64, 0.0);
        let mut leaves = Vec::new();
        self.config.workload.leaves(&mut leaves);
        for leaf in leaves {
            match *leaf {
                Workload::Steady { rate_per_s, .. } => rate += rate_per_s,
                Workload::Burst { calls, .. } => burst += calls as u64,
                Workload::FanOut { clients, .. } => fanout += clients as u64,
                Workload::Sum { .. } => {}
            }
        }
        let c = &self.config;
        let mut s = format!(
            "burst={burst}&fanout={fanout}&rate={rate}&capacity={}&refill={}&policy={}",
            c.capacity,
            c.refill_per_sec,
            c.policy.name()
        );
        match c.policy {
            RetryPolicy::None | RetryPolicy::SdkStandard => {}
            RetryPolicy::Immediate { max_attempts } => {
                s += &format!("&attempts={max_attempts}");
            }
            RetryPolicy::Fixed {
                delay_s,
                max_attempts,
            } => s += &format!("&delay={delay_s}&attempts={max_attempts}"),
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
            } => s += &format!("&base={base_s}&cap={cap_s}&attempts={max_attempts}"),
        }
        // Keep links short: the step only appears when not the default.
        if c.step_s != DEFAULT_STEP_S {
            s += &format!("&step={}", c.step_s);
        }
        s += &format!("&seed={}&speed={}", self.seed, self.speed);
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bucket::Simulation;

    #[test]
    fn query_parses_example_and_round_trips() {
        let s = from_fragment_query(
            "#burst=250&rate=0&policy=none&speed=1&capacity=200&refill=20&fanout=300&seed=7",
        );
        assert_eq!(s.seed, 7);
        assert_eq!(s.speed, 1.0);
        assert_eq!(s.config.policy, RetryPolicy::None);
        assert_eq!(
            s.config.workload,
            Workload::sum(vec![Workload::burst(250, 0.0), Workload::fan_out(300, 0.0)])
        );
        assert_eq!(from_fragment_query(&s.to_query()), s);

        for q in [
            "burst=0&fanout=300&rate=0&capacity=200&refill=20&policy=full-jitter&base=0.1&cap=10&attempts=50&seed=7&speed=2",
            "burst=250&fanout=0&rate=25.5&capacity=500&refill=500&policy=sdk-standard&step=0.0166&seed=18446744073709551615&speed=0.5",
            "burst=1&fanout=2&rate=3&capacity=4&refill=5&policy=fixed&delay=1.5&attempts=3&seed=0&speed=1",
            "burst=0&fanout=0&rate=0&capacity=200&refill=20&policy=decorrelated-jitter&base=0.05&cap=20&attempts=10&seed=1&speed=1",
            "burst=0&fanout=0&rate=0&capacity=200&refill=20&policy=immediate&attempts=50&seed=1&speed=1",
            "burst=0&fanout=0&rate=0&capacity=200&refill=20&policy=exponential&base=0.2&cap=5&attempts=6&seed=1&speed=1",
        ] {
            let s = from_fragment_query(q);
            assert_eq!(s.to_query(), q);
            assert_eq!(from_fragment_query(&s.to_query()), s);
        }
    }

    #[test]
    fn query_clamps_hostile_values_and_ignores_junk() {
        let s = from_fragment_query(
            "burst=1e12&fanout=99999999999&rate=1e300&capacity=-5&refill=NaN&policy=evil\
             &attempts=1000000&base=inf&cap=-1&step=0&speed=1e9&seed=abc&x=1&&=&burst",
        );
        let c = &s.config;
        assert_eq!(
            c.workload,
            Workload::sum(vec![
                Workload::fan_out(MAX_CALLS, 0.0),
                Workload::steady(MAX_RATE),
            ]),
            "a bare trailing `burst` is a bad value and resets to 0"
        );
        assert_eq!(c.capacity, 1.0);
        assert_eq!(c.refill_per_sec, DEFAULT_REFILL_PER_SEC);
        assert_eq!(c.policy, RetryPolicy::None);
        assert_eq!(c.step_s, MIN_STEP_S);
        assert_eq!(s.speed, MAX_SPEED);
        assert_eq!(s.seed, DEFAULT_SEED);
        assert_eq!(c.sanitized(), *c);

        let s = from_fragment_query("policy=full-jitter&attempts=1000000&base=inf&cap=-1");
        assert_eq!(
            s.config.policy,
            RetryPolicy::FullJitter {
                base_s: DEFAULT_BASE_S,
                cap_s: 0.0,
                max_attempts: MAX_ATTEMPTS
            }
        );
        assert_eq!(from_fragment_query(""), Scenario::default());
        assert_eq!(
            from_fragment_query("burst=abc").config.workload,
            Workload::none()
        );

        // A clamped link still runs in bounded work.
        let mut sim = Simulation::from_scenario(&from_fragment_query(
            "burst=1e12&fanout=1e12&policy=immediate&attempts=1e9&step=1",
        ));
        let t = sim.run_to_completion(30.0);
        assert_eq!(t.requests, 2 * MAX_CALLS as u64);
        assert!(t.total_calls <= t.requests * MAX_ATTEMPTS as u64);
    }
}
