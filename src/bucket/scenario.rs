//! A shareable scenario and its link form (`#bucket?burst=250&policy=none&speed=1`): the
//! link is parsed into [`LinkFields`], one value per key, and written back from them.

use super::limits::*;
use super::{PolicyKind, PolicyParams, SimConfig, Workload};
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

impl Scenario {
    pub fn from_query(q: &str) -> Scenario {
        from_fragment_query(q)
    }

    /// Canonical link form (no leading `#`). A link can only say "burst,
    /// fan-out and steady rate from t = 0", so other workloads are summed into
    /// that shape (start times and durations are lost); scenarios parsed from
    /// a link round-trip exactly.
    pub fn to_query(&self) -> String {
        LinkFields::from_scenario(self).to_query()
    }
}

/// Parse a link fragment like
/// `burst=250&rate=0&policy=none&speed=1&capacity=200&refill=20&fanout=300&seed=7`.
/// A leading `#` or `?` is skipped; unknown keys are ignored; bad values fall
/// back to defaults; numbers are clamped. Extra keys: `attempts`, `base`,
/// `cap`, `delay` (policy parameters) and `step`. burst, fanout and rate all
/// start at t = 0.
pub fn from_fragment_query(q: &str) -> Scenario {
    LinkFields::parse(q).to_scenario()
}

/// One key of a scenario link. The form's controls are named after them (`#bk-fanout`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Setting {
    Burst,
    FanOut,
    Rate,
    Capacity,
    Refill,
    Policy,
    Base,
    Cap,
    Delay,
    Attempts,
    Step,
    Seed,
    Speed,
}

impl Setting {
    /// Every key, in the order a canonical link lists them.
    pub const ALL: [Setting; 13] = [
        Setting::Burst,
        Setting::FanOut,
        Setting::Rate,
        Setting::Capacity,
        Setting::Refill,
        Setting::Policy,
        Setting::Base,
        Setting::Cap,
        Setting::Delay,
        Setting::Attempts,
        Setting::Step,
        Setting::Seed,
        Setting::Speed,
    ];

    /// The key in the link.
    pub fn key(self) -> &'static str {
        match self {
            Setting::Burst => "burst",
            Setting::FanOut => "fanout",
            Setting::Rate => "rate",
            Setting::Capacity => "capacity",
            Setting::Refill => "refill",
            Setting::Policy => "policy",
            Setting::Base => "base",
            Setting::Cap => "cap",
            Setting::Delay => "delay",
            Setting::Attempts => "attempts",
            Setting::Step => "step",
            Setting::Seed => "seed",
            Setting::Speed => "speed",
        }
    }

    pub fn from_key(key: &str) -> Option<Setting> {
        Setting::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// The parameters a policy's link carries (the others are left out).
fn policy_settings(kind: PolicyKind) -> &'static [Setting] {
    match kind {
        PolicyKind::None | PolicyKind::SdkStandard => &[],
        PolicyKind::Immediate => &[Setting::Attempts],
        PolicyKind::Fixed => &[Setting::Delay, Setting::Attempts],
        PolicyKind::Exponential | PolicyKind::FullJitter | PolicyKind::DecorrelatedJitter => {
            &[Setting::Base, Setting::Cap, Setting::Attempts]
        }
    }
}

/// A scenario as its link says it: one value per key, each already clamped.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkFields {
    /// Sums of the workload's bursts and fan-outs (a hand-built scenario may exceed a link's).
    pub burst: u64,
    pub fanout: u64,
    pub rate: f64,
    pub capacity: f64,
    pub refill: f64,
    pub policy: PolicyKind,
    /// Defaults where the policy takes no such parameter.
    pub params: PolicyParams,
    pub step: f64,
    pub seed: u64,
    pub speed: f64,
}

impl Default for LinkFields {
    fn default() -> Self {
        LinkFields {
            burst: 0,
            fanout: 0,
            rate: 0.0,
            capacity: DEFAULT_CAPACITY,
            refill: DEFAULT_REFILL_PER_SEC,
            policy: PolicyKind::None,
            params: PolicyParams::default(),
            step: DEFAULT_STEP_S,
            seed: DEFAULT_SEED,
            speed: DEFAULT_SPEED,
        }
    }
}

fn parse_f64(v: &str, lo: f64, hi: f64, default: f64) -> f64 {
    super::decimal::parse(v).map_or(default, |x| finite_clamp(x, lo, hi, default))
}

fn parse_count(v: &str, lo: u32, hi: u32, default: u32) -> u32 {
    // Parsed as f64 so "1e12" clamps to the limit instead of being "bad".
    parse_f64(v, lo as f64, hi as f64, default as f64).round() as u32
}

impl LinkFields {
    /// See [`from_fragment_query`].
    pub fn parse(q: &str) -> LinkFields {
        let q = q.trim().trim_start_matches(['#', '?']);
        let mut fields = LinkFields::default();
        for pair in q.split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            if let Some(setting) = Setting::from_key(k.trim()) {
                fields.set(setting, v);
            }
        }
        fields
    }

    /// Set one key from its link text: bad text gives the key's default, numbers are clamped.
    pub fn set(&mut self, setting: Setting, v: &str) {
        let v = v.trim();
        let p = &mut self.params;
        match setting {
            Setting::Burst => self.burst = parse_count(v, 0, MAX_CALLS, 0).into(),
            Setting::FanOut => self.fanout = parse_count(v, 0, MAX_CALLS, 0).into(),
            Setting::Rate => self.rate = parse_f64(v, 0.0, MAX_RATE, 0.0),
            Setting::Capacity => self.capacity = parse_f64(v, 1.0, MAX_CAPACITY, DEFAULT_CAPACITY),
            Setting::Refill => {
                self.refill = parse_f64(v, 0.0, MAX_CAPACITY, DEFAULT_REFILL_PER_SEC)
            }
            Setting::Policy => self.policy = PolicyKind::from_name(v).unwrap_or(PolicyKind::None),
            Setting::Attempts => p.max_attempts = parse_count(v, 1, MAX_ATTEMPTS, DEFAULT_ATTEMPTS),
            Setting::Base => p.base_s = parse_f64(v, 0.001, 60.0, DEFAULT_BASE_S),
            Setting::Cap => p.cap_s = parse_f64(v, 0.0, 600.0, DEFAULT_CAP_S),
            Setting::Delay => p.delay_s = parse_f64(v, 0.0, 600.0, DEFAULT_DELAY_S),
            Setting::Step => self.step = parse_f64(v, MIN_STEP_S, MAX_STEP_S, DEFAULT_STEP_S),
            Setting::Seed => self.seed = v.parse().unwrap_or(DEFAULT_SEED),
            Setting::Speed => self.speed = parse_f64(v, MIN_SPEED, MAX_SPEED, DEFAULT_SPEED),
        }
    }

    /// What a link says of `s`: its workload summed into bursts, fan-outs and one rate.
    pub fn from_scenario(s: &Scenario) -> LinkFields {
        let (mut burst, mut fanout, mut rate) = (0u64, 0u64, 0.0);
        let mut leaves = Vec::new();
        s.config.workload.leaves(&mut leaves);
        for leaf in leaves {
            match *leaf {
                Workload::Steady { rate_per_s, .. } => rate += rate_per_s,
                Workload::Burst { calls, .. } => burst += u64::from(calls),
                Workload::FanOut { clients, .. } => fanout += u64::from(clients),
                Workload::Sum { .. } => {}
            }
        }
        let c = &s.config;
        LinkFields {
            burst,
            fanout,
            rate,
            capacity: c.capacity,
            refill: c.refill_per_sec,
            policy: c.policy.kind(),
            params: c.policy.params(),
            step: c.step_s,
            seed: s.seed,
            speed: s.speed,
        }
    }

    /// The scenario these values describe: burst, fan-out and rate all from t = 0.
    pub fn to_scenario(&self) -> Scenario {
        let calls = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
        let mut parts = Vec::new();
        if self.burst > 0 {
            parts.push(Workload::burst(calls(self.burst), 0.0));
        }
        if self.fanout > 0 {
            parts.push(Workload::fan_out(calls(self.fanout), 0.0));
        }
        if self.rate > 0.0 {
            parts.push(Workload::steady(self.rate));
        }
        Scenario {
            config: SimConfig {
                capacity: self.capacity,
                refill_per_sec: self.refill,
                workload: Workload::Sum { parts },
                policy: self.policy.with(self.params),
                step_s: self.step,
            },
            seed: self.seed,
            speed: self.speed,
        }
    }

    /// Whether a canonical link carries `s`: a policy's own parameters only, and the step
    /// only when not the default (links stay short).
    pub fn carries(&self, s: Setting) -> bool {
        match s {
            Setting::Base | Setting::Cap | Setting::Delay | Setting::Attempts => {
                policy_settings(self.policy).contains(&s)
            }
            Setting::Step => self.step != DEFAULT_STEP_S,
            _ => true,
        }
    }

    /// The text of `s` in a link (what the form shows).
    pub fn value(&self, s: Setting) -> String {
        let p = &self.params;
        match s {
            Setting::Burst => self.burst.to_string(),
            Setting::FanOut => self.fanout.to_string(),
            Setting::Rate => number(self.rate),
            Setting::Capacity => number(self.capacity),
            Setting::Refill => number(self.refill),
            Setting::Policy => self.policy.name().to_string(),
            Setting::Base => number(p.base_s),
            Setting::Cap => number(p.cap_s),
            Setting::Delay => number(p.delay_s),
            Setting::Attempts => p.max_attempts.to_string(),
            Setting::Step => number(self.step),
            Setting::Seed => self.seed.to_string(),
            Setting::Speed => number(self.speed),
        }
    }

    /// Canonical link form (no leading `#`).
    pub fn to_query(&self) -> String {
        let mut q = String::new();
        for s in Setting::ALL.into_iter().filter(|&s| self.carries(s)) {
            if !q.is_empty() {
                q.push('&');
            }
            q.push_str(s.key());
            q.push('=');
            q.push_str(&self.value(s));
        }
        q
    }
}

/// A number as a link writes it: the shortest text that reads back as the same value.
fn number(x: f64) -> String {
    super::decimal::shortest(x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bucket::{RetryPolicy, Simulation};

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
