//! Deterministic simulation of Amazon ECR API throttling, for the visualizer.
//!
//! ECR throttles each API with a token bucket. This module replays a workload
//! (steady rate, bursts, fan-outs) and a client retry policy against such a
//! bucket. It is pure on purpose: no clock, no threads, no global randomness,
//! so one config and seed always give the same run (shareable links,
//! reproducible tests). Time only moves through `step`/`run_until`; jitter
//! comes from a seeded SplitMix64 owned by the simulation.

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::{BinaryHeap, VecDeque};

// ---------------------------------------------------------------------------
// Limits and defaults
// ---------------------------------------------------------------------------

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
const MAX_WORKLOAD_DEPTH: usize = 8;
/// Times (start, duration, sleeps) are clamped to this many seconds.
const MAX_TIME_S: f64 = 1_000_000.0;
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

/// Refill is summed in floating point; without slack a bucket that should hold
/// exactly 1 credit can hold 0.999999999 and throttle spuriously.
const TAKE_EPSILON: f64 = 1e-9;

fn finite_clamp(v: f64, lo: f64, hi: f64, default: f64) -> f64 {
    if v.is_finite() {
        v.clamp(lo, hi)
    } else {
        default
    }
}

// ---------------------------------------------------------------------------
// Token bucket
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// Workloads and policies
// ---------------------------------------------------------------------------

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

    fn sanitized(&self, depth: usize, budget: &mut usize) -> Workload {
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

    fn leaves<'a>(&'a self, out: &mut Vec<&'a Workload>) {
        match self {
            Workload::Sum { parts } => parts.iter().for_each(|p| p.leaves(out)),
            leaf => out.push(leaf),
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
    /// Name used in scenario links.
    pub fn name(&self) -> &'static str {
        match self {
            RetryPolicy::None => "none",
            RetryPolicy::Immediate { .. } => "immediate",
            RetryPolicy::Fixed { .. } => "fixed",
            RetryPolicy::Exponential { .. } => "exponential",
            RetryPolicy::FullJitter { .. } => "full-jitter",
            RetryPolicy::DecorrelatedJitter { .. } => "decorrelated-jitter",
            RetryPolicy::SdkStandard => "sdk-standard",
        }
    }

    /// Build from a link name and parameters (ignored where not used).
    pub fn from_name(
        name: &str,
        max_attempts: u32,
        base_s: f64,
        cap_s: f64,
        delay_s: f64,
    ) -> Option<RetryPolicy> {
        Some(match name {
            "none" => RetryPolicy::None,
            "immediate" => RetryPolicy::Immediate { max_attempts },
            "fixed" => RetryPolicy::Fixed {
                delay_s,
                max_attempts,
            },
            "exponential" => RetryPolicy::Exponential {
                base_s,
                cap_s,
                max_attempts,
            },
            "full-jitter" => RetryPolicy::FullJitter {
                base_s,
                cap_s,
                max_attempts,
            },
            "decorrelated-jitter" => RetryPolicy::DecorrelatedJitter {
                base_s,
                cap_s,
                max_attempts,
            },
            "sdk-standard" => RetryPolicy::SdkStandard,
            _ => return None,
        })
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
        let att = |n: u32| n.clamp(1, MAX_ATTEMPTS);
        let base = |b: f64| finite_clamp(b, 0.001, 60.0, DEFAULT_BASE_S);
        let cap = |c: f64| finite_clamp(c, 0.0, 600.0, DEFAULT_CAP_S);
        match self {
            RetryPolicy::None | RetryPolicy::SdkStandard => self,
            RetryPolicy::Immediate { max_attempts } => RetryPolicy::Immediate {
                max_attempts: att(max_attempts),
            },
            RetryPolicy::Fixed {
                delay_s,
                max_attempts,
            } => RetryPolicy::Fixed {
                delay_s: finite_clamp(delay_s, 0.0, 600.0, DEFAULT_DELAY_S),
                max_attempts: att(max_attempts),
            },
            RetryPolicy::Exponential {
                base_s,
                cap_s,
                max_attempts,
            } => RetryPolicy::Exponential {
                base_s: base(base_s),
                cap_s: cap(cap_s),
                max_attempts: att(max_attempts),
            },
            RetryPolicy::FullJitter {
                base_s,
                cap_s,
                max_attempts,
            } => RetryPolicy::FullJitter {
                base_s: base(base_s),
                cap_s: cap(cap_s),
                max_attempts: att(max_attempts),
            },
            RetryPolicy::DecorrelatedJitter {
                base_s,
                cap_s,
                max_attempts,
            } => RetryPolicy::DecorrelatedJitter {
                base_s: base(base_s),
                cap_s: cap(cap_s),
                max_attempts: att(max_attempts),
            },
        }
    }

    /// Starting "previous sleep" for decorrelated jitter (unused elsewhere).
    fn initial_prev_sleep(&self) -> f64 {
        match *self {
            RetryPolicy::DecorrelatedJitter { base_s, .. } => base_s,
            _ => 0.0,
        }
    }

    /// Sleep before the next attempt after attempt number `failed_attempt`
    /// (1-based) was throttled, or None to give up. The SDK retry quota is
    /// not checked here because it is simulation state.
    fn retry_sleep(
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

// ---------------------------------------------------------------------------
// Config
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------

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
    fn absorb(&mut self, s: &StepStats) {
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

// ---------------------------------------------------------------------------
// Internals
// ---------------------------------------------------------------------------

/// SplitMix64: tiny, seedable, good enough for jitter, same on every target.
#[derive(Clone, Debug)]
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.next_f64()
    }
}

#[derive(Clone, Copy, Debug)]
enum Kind {
    /// Next call of a workload source (starts a new request).
    Arrival { source: usize },
    Retry {
        first_t: f64,
        attempt: u32,
        prev_sleep: f64,
    },
}

#[derive(Clone, Copy, Debug)]
struct Pending {
    due: f64,
    /// Insertion order breaks ties so equal-time events replay identically.
    seq: u64,
    kind: Kind,
}

impl PartialEq for Pending {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Pending {}
impl PartialOrd for Pending {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Pending {
    // Reversed: BinaryHeap pops the greatest, we want the earliest.
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .due
            .total_cmp(&self.due)
            .then_with(|| other.seq.cmp(&self.seq))
    }
}

/// Workload sources emit calls lazily (one heap entry each), so a forever
/// steady rate or a 10k burst doesn't allocate its calls up front.
#[derive(Clone, Debug)]
enum Source {
    Steady {
        rate: f64,
        start: f64,
        end: f64,
        next_k: u64,
    },
    Batch {
        remaining: u32,
    },
}

const LAT_BINS: usize = 1024;
const LAT_UNIT_S: f64 = 0.001;
const LAT_GROWTH: f64 = 1.02;

/// Log-bucketed latency histogram: bin i starts at 1ms * (1.02^i - 1), so
/// memory is fixed however long the run, and 0 (first-try success) is exact.
#[derive(Clone, Debug)]
struct LatencyHistogram {
    bins: Vec<u64>,
    count: u64,
    max: f64,
}

impl LatencyHistogram {
    fn new() -> Self {
        LatencyHistogram {
            bins: vec![0; LAT_BINS],
            count: 0,
            max: 0.0,
        }
    }
    fn record(&mut self, x: f64) {
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
    fn percentile(&self, p: f64) -> Option<f64> {
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

// ---------------------------------------------------------------------------
// Simulation
// ---------------------------------------------------------------------------

#[derive(Clone, Debug)]
pub struct Simulation {
    config: SimConfig,
    seed: u64,
    rng: SplitMix64,
    bucket: TokenBucket,
    /// Time the bucket was last refilled to.
    bucket_t: f64,
    /// Steps taken; now = steps * step_s (multiplying avoids drift).
    steps: u64,
    heap: BinaryHeap<Pending>,
    seq: u64,
    sources: Vec<Source>,
    /// SDK standard retry quota, shared by all requests.
    quota: u32,
    totals: Totals,
    latency: LatencyHistogram,
    seconds: VecDeque<SecondStats>,
    last: StepStats,
}

impl Simulation {
    /// Start at t = 0 with a full bucket. The config is sanitized first.
    pub fn new(config: SimConfig, seed: u64) -> Self {
        let config = config.sanitized();
        let mut sim = Simulation {
            bucket: TokenBucket::new(config.capacity, config.refill_per_sec),
            config,
            seed,
            rng: SplitMix64(seed),
            bucket_t: 0.0,
            steps: 0,
            heap: BinaryHeap::new(),
            seq: 0,
            sources: Vec::new(),
            quota: SDK_QUOTA_MAX,
            totals: Totals::default(),
            latency: LatencyHistogram::new(),
            seconds: VecDeque::new(),
            last: StepStats {
                dots: Vec::with_capacity(MAX_DOTS_PER_STEP),
                ..StepStats::default()
            },
        };
        sim.last.credits = sim.bucket.credits;
        let mut leaves = Vec::new();
        sim.config.workload.leaves(&mut leaves);
        let mut sources = Vec::new();
        let mut firsts = Vec::new();
        for leaf in leaves {
            match *leaf {
                Workload::Steady {
                    rate_per_s,
                    start_s,
                    duration_s,
                } => {
                    let end = duration_s.map_or(f64::INFINITY, |d| start_s + d);
                    if rate_per_s > 0.0 && start_s < end {
                        firsts.push((start_s, sources.len()));
                        sources.push(Source::Steady {
                            rate: rate_per_s,
                            start: start_s,
                            end,
                            next_k: 1,
                        });
                    }
                }
                Workload::Burst { calls: n, at_s } | Workload::FanOut { clients: n, at_s } => {
                    if n > 0 {
                        firsts.push((at_s, sources.len()));
                        sources.push(Source::Batch { remaining: n });
                    }
                }
                Workload::Sum { .. } => {}
            }
        }
        sim.sources = sources;
        for (due, source) in firsts {
            sim.push(due, Kind::Arrival { source });
        }
        sim
    }

    pub fn from_scenario(s: &Scenario) -> Self {
        Simulation::new(s.config.clone(), s.seed)
    }

    /// The sanitized config actually simulated.
    pub fn config(&self) -> &SimConfig {
        &self.config
    }
    pub fn seed(&self) -> u64 {
        self.seed
    }
    /// Simulated time (end of the last step).
    pub fn now(&self) -> f64 {
        self.steps as f64 * self.config.step_s
    }
    /// Bucket credits at `now()`.
    pub fn credits(&self) -> f64 {
        self.bucket.credits
    }
    /// Remaining SDK-standard retry quota (always 500 for other policies).
    pub fn retry_quota(&self) -> u32 {
        self.quota
    }
    /// Events still scheduled: future workload calls plus waiting retries.
    pub fn pending(&self) -> usize {
        self.heap.len()
    }
    /// Nothing left to happen (a forever steady workload is never done).
    pub fn is_done(&self) -> bool {
        self.heap.is_empty()
    }
    /// Stats of the most recent step.
    pub fn last_step(&self) -> &StepStats {
        &self.last
    }

    /// Cumulative totals, percentiles included.
    pub fn totals(&self) -> Totals {
        let mut t = self.totals.clone();
        t.p50_latency_s = self.latency.percentile(0.50);
        t.p99_latency_s = self.latency.percentile(0.99);
        t
    }

    /// Timeline, one entry per simulated second, oldest first; at most
    /// `HISTORY_SECONDS` entries.
    pub fn per_second(&self) -> Vec<SecondStats> {
        self.seconds.iter().cloned().collect()
    }

    /// Advance exactly one `step_s`. Attempts due in [now, now + step_s) are
    /// processed in due-time order, each after refilling the bucket up to its
    /// own due time, so results barely depend on the step size.
    pub fn step(&mut self) -> &StepStats {
        let t_end = (self.steps + 1) as f64 * self.config.step_s;
        self.last.t = t_end;
        self.last.accepted = 0;
        self.last.throttled = 0;
        self.last.retries = 0;
        self.last.gave_up = 0;
        self.last.dots.clear();
        self.last.dots_dropped = 0;

        while self.heap.peek().is_some_and(|p| p.due < t_end) {
            if let Some(p) = self.heap.pop() {
                self.process(p);
            }
        }

        self.refill_to(t_end);
        self.steps += 1;
        self.last.credits = self.bucket.credits;
        // Slightly before t_end: a step ending exactly on 2.0 closes second 1.
        let sec = (t_end - self.config.step_s * 1e-6).max(0.0).floor() as u64;
        let credits = self.bucket.credits;
        self.second_mut(sec).credits_at_end = credits;
        &self.last
    }

    /// Step until `now() >= t`; returns the steps' stats merged (counts
    /// summed, dots capped at `MAX_DOTS_PER_STEP`), e.g. one per UI frame.
    /// Costs one step per `step_s`, so clamp `t` after a long pause.
    pub fn run_until(&mut self, t: f64) -> StepStats {
        let mut agg = StepStats {
            t: self.now(),
            credits: self.bucket.credits,
            ..StepStats::default()
        };
        let eps = self.config.step_s * 1e-6;
        while self.now() < t - eps {
            self.step();
            agg.absorb(&self.last);
        }
        agg
    }

    /// Step until nothing is left to happen or `now() >= max_t`.
    pub fn run_to_completion(&mut self, max_t: f64) -> Totals {
        let eps = self.config.step_s * 1e-6;
        while !self.heap.is_empty() && self.now() < max_t - eps {
            self.step();
        }
        self.totals()
    }

    fn push(&mut self, due: f64, kind: Kind) {
        self.seq += 1;
        self.heap.push(Pending {
            due,
            seq: self.seq,
            kind,
        });
    }

    fn refill_to(&mut self, t: f64) {
        if t > self.bucket_t {
            self.bucket.advance(t - self.bucket_t);
            self.bucket_t = t;
        }
    }

    fn process(&mut self, p: Pending) {
        match p.kind {
            Kind::Arrival { source } => {
                let next = match &mut self.sources[source] {
                    Source::Steady {
                        rate,
                        start,
                        end,
                        next_k,
                    } => {
                        // From the index, not by adding 1/rate, to avoid drift.
                        let t = *start + *next_k as f64 / *rate;
                        *next_k += 1;
                        (t < *end).then_some(t)
                    }
                    Source::Batch { remaining } => {
                        *remaining -= 1;
                        (*remaining > 0).then_some(p.due)
                    }
                };
                if let Some(t) = next {
                    self.push(t, Kind::Arrival { source });
                }
                self.totals.requests += 1;
                let prev = self.config.policy.initial_prev_sleep();
                self.attempt(p.due, p.due, 1, prev);
            }
            Kind::Retry {
                first_t,
                attempt,
                prev_sleep,
            } => {
                self.totals.in_flight -= 1;
                self.attempt(p.due, first_t, attempt, prev_sleep);
            }
        }
    }

    fn attempt(&mut self, t: f64, first_t: f64, attempt: u32, prev_sleep: f64) {
        self.refill_to(t);
        let is_retry = attempt > 1;
        let accepted = self.bucket.try_take();
        let sdk = self.config.policy == RetryPolicy::SdkStandard;

        self.totals.total_calls += 1;
        self.totals.max_attempts_seen = self.totals.max_attempts_seen.max(attempt);
        if is_retry {
            self.totals.retries += 1;
            self.last.retries += 1;
        }
        if self.last.dots.len() < MAX_DOTS_PER_STEP {
            self.last.dots.push(Dot {
                t,
                accepted,
                is_retry,
            });
        } else {
            self.last.dots_dropped += 1;
        }

        let mut gave_up = false;
        if accepted {
            self.totals.accepted += 1;
            self.totals.completed += 1;
            self.totals.last_success_t = Some(t);
            self.last.accepted += 1;
            self.latency.record(t - first_t);
            if sdk {
                let refund = if is_retry {
                    SDK_RETRY_COST
                } else {
                    SDK_NO_RETRY_INCREMENT
                };
                self.quota = (self.quota + refund).min(SDK_QUOTA_MAX);
            }
        } else {
            self.totals.throttled += 1;
            self.totals.first_throttle_t.get_or_insert(t);
            self.last.throttled += 1;
            let policy = self.config.policy;
            match policy.retry_sleep(attempt, prev_sleep, &mut self.rng) {
                Some(_) if sdk && self.quota < SDK_RETRY_COST => {
                    self.totals.quota_exhausted += 1;
                    gave_up = true;
                }
                Some(sleep) => {
                    if sdk {
                        self.quota -= SDK_RETRY_COST;
                    }
                    self.totals.in_flight += 1;
                    self.push(
                        t + sleep,
                        Kind::Retry {
                            first_t,
                            attempt: attempt + 1,
                            prev_sleep: sleep,
                        },
                    );
                }
                None => gave_up = true,
            }
        }
        if gave_up {
            self.totals.gave_up += 1;
            self.last.gave_up += 1;
        }

        let sec = t.max(0.0).floor() as u64;
        let s = self.second_mut(sec);
        if accepted {
            s.accepted += 1;
        } else {
            s.throttled += 1;
        }
        if is_retry {
            s.retries += 1;
        }
        if gave_up {
            s.gave_up += 1;
        }
    }

    /// Entry for second `sec`, creating it (and any skipped seconds) at the
    /// back; history is trimmed to `HISTORY_SECONDS`.
    fn second_mut(&mut self, sec: u64) -> &mut SecondStats {
        let credits = self.bucket.credits;
        let mut next = match self.seconds.back() {
            Some(b) if b.second >= sec => {
                // Time only moves forward, so this is the back (or, defensively,
                // an older entry still kept).
                let front = self.seconds.front().map_or(0, |f| f.second);
                let idx = sec.saturating_sub(front) as usize;
                let idx = idx.min(self.seconds.len() - 1);
                return &mut self.seconds[idx];
            }
            Some(b) => (b.second + 1).max(sec.saturating_sub(HISTORY_SECONDS as u64 - 1)),
            None => sec,
        };
        while next <= sec {
            self.seconds.push_back(SecondStats {
                second: next,
                credits_at_end: credits,
                ..SecondStats::default()
            });
            next += 1;
        }
        while self.seconds.len() > HISTORY_SECONDS {
            self.seconds.pop_front();
        }
        self.seconds.back_mut().expect("just pushed")
    }
}

// ---------------------------------------------------------------------------
// Presets
// ---------------------------------------------------------------------------

/// A named bucket setting for one ECR API.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Preset {
    /// Stable id for links and UI keys (the API name alone is not unique).
    pub id: String,
    pub api: String,
    pub capacity: f64,
    pub refill_per_sec: f64,
    pub source: String,
    /// Caveat to show next to the preset, empty when none.
    pub note: String,
}

pub const SOURCE_TROUBLESHOOTING: &str = "AWS troubleshooting page (token bucket)";
pub const SOURCE_QUOTA_TABLE: &str =
    "ECR service quotas; burst not documented, assumed = 1 s of rate";

pub fn presets() -> Vec<Preset> {
    let disagree = "The two AWS pages disagree: the troubleshooting page documents a \
                    200-call bucket refilling 20/s, the current quota table lists 500/s.";
    let p = |id: &str, api: &str, cap: f64, refill: f64, source: &str, note: &str| Preset {
        id: id.to_string(),
        api: api.to_string(),
        capacity: cap,
        refill_per_sec: refill,
        source: source.to_string(),
        note: note.to_string(),
    };
    let q = |id: &str, api: &str, rate: f64| p(id, api, rate, rate, SOURCE_QUOTA_TABLE, "");
    vec![
        p(
            "get-authorization-token",
            "GetAuthorizationToken",
            200.0,
            20.0,
            SOURCE_TROUBLESHOOTING,
            disagree,
        ),
        p(
            "get-authorization-token-quota",
            "GetAuthorizationToken",
            500.0,
            500.0,
            SOURCE_QUOTA_TABLE,
            disagree,
        ),
        q(
            "batch-check-layer-availability",
            "BatchCheckLayerAvailability",
            1000.0,
        ),
        q("batch-get-image", "BatchGetImage", 2000.0),
        q("complete-layer-upload", "CompleteLayerUpload", 100.0),
        q(
            "get-download-url-for-layer",
            "GetDownloadUrlForLayer",
            3000.0,
        ),
        q("initiate-layer-upload", "InitiateLayerUpload", 100.0),
        q("put-image", "PutImage", 10.0),
        q("upload-layer-part", "UploadLayerPart", 500.0),
    ]
}

// ---------------------------------------------------------------------------
// Scenario links
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(workload: Workload, policy: RetryPolicy) -> SimConfig {
        SimConfig {
            workload,
            policy,
            ..SimConfig::default()
        }
    }

    /// Bookkeeping that must hold for every run.
    fn check_invariants(t: &Totals) {
        assert_eq!(t.accepted + t.throttled, t.total_calls);
        assert_eq!(t.completed + t.gave_up + t.in_flight, t.requests);
        assert_eq!(t.total_calls, t.requests + t.retries);
    }

    fn full_jitter() -> RetryPolicy {
        RetryPolicy::FullJitter {
            base_s: 0.1,
            cap_s: 10.0,
            max_attempts: 50,
        }
    }

    #[test]
    fn burst_of_201_from_full_throttles_only_the_last() {
        let mut sim = Simulation::new(cfg(Workload::burst(201, 0.0), RetryPolicy::None), 1);
        let t = sim.run_to_completion(10.0);
        assert_eq!((t.accepted, t.throttled, t.gave_up), (200, 1, 1));
        check_invariants(&t);
    }

    #[test]
    fn burst_of_250_from_full_gives_200_and_50() {
        for step_s in [0.01, 1.0 / 60.0, 0.5] {
            let c = SimConfig {
                step_s,
                ..cfg(Workload::burst(250, 0.0), RetryPolicy::None)
            };
            let t = Simulation::new(c, 3).run_to_completion(10.0);
            // Instantaneous burst: no refill between calls, so exactly 200/50.
            assert_eq!((t.accepted, t.throttled), (200, 50), "step {step_s}");
            check_invariants(&t);
        }
    }

    #[test]
    fn twenty_per_second_never_throttles() {
        let mut sim = Simulation::new(cfg(Workload::steady(20.0), RetryPolicy::None), 1);
        sim.run_until(120.0);
        let t = sim.totals();
        assert_eq!(t.throttled, 0);
        assert_eq!(t.accepted, 2400);
        assert_eq!(t.first_throttle_t, None);
        check_invariants(&t);
    }

    #[test]
    fn twenty_five_per_second_drains_then_throttles_five_per_second() {
        let mut sim = Simulation::new(cfg(Workload::steady(25.0), RetryPolicy::None), 1);
        sim.run_until(120.0);
        let t = sim.totals();
        // Net drain is 5/s from 200 credits: empty after ~40 s.
        let first = t.first_throttle_t.expect("should throttle");
        assert!((38.0..=42.0).contains(&first), "first throttle at {first}");
        let secs = sim.per_second();
        assert!(secs
            .iter()
            .filter(|s| s.second < 38)
            .all(|s| s.throttled == 0));
        let late: Vec<_> = secs
            .iter()
            .filter(|s| (60..120).contains(&s.second))
            .collect();
        assert_eq!(late.len(), 60);
        let avg = late.iter().map(|s| s.throttled as f64).sum::<f64>() / 60.0;
        assert!((4.5..=5.5).contains(&avg), "avg throttled/s {avg}");
        check_invariants(&t);
    }

    #[test]
    fn empty_bucket_refills_to_capacity_and_no_more() {
        let mut b = TokenBucket::new(200.0, 20.0);
        b.credits = 0.0;
        b.advance(10.0);
        assert_eq!(b.credits, 200.0);
        b.advance(100.0);
        assert_eq!(b.credits, 200.0);
        assert!(b.try_take());
        assert_eq!(b.credits, 199.0);

        // Same through the simulation, step by step.
        let mut sim = Simulation::new(cfg(Workload::burst(200, 0.0), RetryPolicy::None), 1);
        let first = sim.step().credits;
        assert!(first < 1.0);
        sim.run_until(10.0);
        assert!((sim.credits() - 200.0).abs() < 1e-6, "{}", sim.credits());
        let mut max_seen: f64 = 0.0;
        while sim.now() < 110.0 {
            max_seen = max_seen.max(sim.step().credits);
        }
        assert!(max_seen <= 200.0);
        assert!((sim.credits() - 200.0).abs() < 1e-6);
    }

    fn record(policy: RetryPolicy, seed: u64) -> Vec<StepStats> {
        let mut sim = Simulation::new(cfg(Workload::fan_out(300, 0.0), policy), seed);
        (0..3000).map(|_| sim.step().clone()).collect()
    }

    #[test]
    fn same_seed_same_run_different_seed_different_run() {
        for policy in [
            full_jitter(),
            RetryPolicy::DecorrelatedJitter {
                base_s: 0.1,
                cap_s: 10.0,
                max_attempts: 50,
            },
            RetryPolicy::SdkStandard,
        ] {
            assert_eq!(record(policy, 7), record(policy, 7), "{policy:?}");
        }
        assert_ne!(record(full_jitter(), 7), record(full_jitter(), 8));
    }

    /// Immediate retry: the 100 clients that lost the initial race all come
    /// back within milliseconds, while the bucket refills only 20/s, so almost
    /// every retry burns an attempt on an empty bucket until max_attempts runs
    /// out. Full jitter spreads the retries over a growing window, so most of
    /// them land after credits have refilled and succeed on the first retry
    /// or two: far fewer calls, and every client finishes.
    #[test]
    fn fan_out_full_jitter_beats_immediate_retry() {
        let imm = Simulation::new(
            cfg(
                Workload::fan_out(300, 0.0),
                RetryPolicy::Immediate { max_attempts: 50 },
            ),
            7,
        )
        .run_to_completion(600.0);
        let fj = Simulation::new(cfg(Workload::fan_out(300, 0.0), full_jitter()), 7)
            .run_to_completion(600.0);
        check_invariants(&imm);
        check_invariants(&fj);
        println!("immediate: {imm:?}\nfull jitter: {fj:?}");
        assert_eq!(fj.completed, 300);
        assert_eq!(fj.gave_up, 0);
        assert!(
            fj.total_calls < imm.total_calls,
            "full jitter {} calls vs immediate {}",
            fj.total_calls,
            imm.total_calls
        );
        assert!(imm.completed < 300);
        assert!(fj.p99_latency_s.unwrap() > 0.0);
        assert_eq!(fj.p50_latency_s, Some(0.0));
    }

    #[test]
    fn sdk_standard_caps_attempts_and_quota_runs_out() {
        // 250 clients: 50 first-try throttles cost 250 of the 500 quota
        // tokens, so only the 3-attempt cap limits. (300 would already spend
        // the whole quota on first retries.)
        let t = Simulation::new(
            cfg(Workload::fan_out(250, 0.0), RetryPolicy::SdkStandard),
            1,
        )
        .run_to_completion(600.0);
        check_invariants(&t);
        assert_eq!(t.max_attempts_seen, 3);
        assert_eq!(t.quota_exhausted, 0);
        assert!(t.gave_up > 0, "some requests fail their 3rd attempt: {t:?}");

        // 2000 clients: 1800 first-try throttles want 9000 quota tokens.
        let mut sim = Simulation::new(
            cfg(Workload::fan_out(2000, 0.0), RetryPolicy::SdkStandard),
            1,
        );
        let t = sim.run_to_completion(600.0);
        check_invariants(&t);
        assert!(t.max_attempts_seen <= 3);
        assert!(t.total_calls <= 3 * t.requests);
        assert!(t.quota_exhausted > 1000, "{t:?}");
        assert!(t.gave_up >= t.quota_exhausted);
        assert!(sim.retry_quota() <= SDK_QUOTA_MAX);
    }

    #[test]
    fn fixed_delay_retries_after_refill_and_latency_percentiles() {
        // 220 calls: 200 pass, 20 retry at t = 1 when exactly 20 credits exist.
        let p = RetryPolicy::Fixed {
            delay_s: 1.0,
            max_attempts: 3,
        };
        let t = Simulation::new(cfg(Workload::burst(220, 0.0), p), 1).run_to_completion(60.0);
        check_invariants(&t);
        assert_eq!((t.completed, t.throttled, t.retries), (220, 20, 20));
        assert_eq!(t.p50_latency_s, Some(0.0));
        let p99 = t.p99_latency_s.unwrap();
        assert!((0.97..=1.0).contains(&p99), "{p99}");
        assert!((t.last_success_t.unwrap() - 1.0).abs() < 1e-9);
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

    #[test]
    fn dots_are_capped_per_step_and_run_until_merges_steps() {
        let mut sim = Simulation::new(cfg(Workload::burst(250, 0.0), RetryPolicy::None), 1);
        let s = sim.step().clone();
        assert_eq!(s.dots.len(), MAX_DOTS_PER_STEP);
        assert_eq!(s.dots_dropped, 250 - MAX_DOTS_PER_STEP as u32);
        assert!(s.dots.iter().all(|d| d.accepted && !d.is_retry));

        let mut sim = Simulation::new(cfg(Workload::steady(25.0), RetryPolicy::None), 1);
        let frame = sim.run_until(1.0);
        assert_eq!(frame.accepted, 25);
        assert_eq!(frame.dots.len(), 25);
        assert!((frame.t - 1.0).abs() < 1e-9);
        assert!((sim.now() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn history_is_capped() {
        let c = SimConfig {
            step_s: 0.5,
            ..cfg(Workload::steady(1.0), RetryPolicy::None)
        };
        let mut sim = Simulation::new(c, 1);
        sim.run_until(700.0);
        let secs = sim.per_second();
        assert_eq!(secs.len(), HISTORY_SECONDS);
        assert_eq!(secs.last().unwrap().second, 699);
        assert!(secs.iter().all(|s| s.accepted == 1));
        assert_eq!(sim.totals().accepted, 700);
    }

    #[test]
    fn step_size_barely_matters() {
        let first_throttle = |step_s: f64| {
            let c = SimConfig {
                step_s,
                // Offset start keeps arrivals off step boundaries, so every
                // step size sees the same calls before t = 60.
                ..cfg(
                    Workload::Steady {
                        rate_per_s: 25.0,
                        start_s: 0.013,
                        duration_s: None,
                    },
                    RetryPolicy::None,
                )
            };
            let mut sim = Simulation::new(c, 1);
            sim.run_until(60.0);
            (sim.totals().first_throttle_t, sim.totals().throttled)
        };
        assert_eq!(first_throttle(0.01), first_throttle(1.0 / 60.0));
        assert_eq!(first_throttle(0.01), first_throttle(1.0));
    }

    #[test]
    fn hostile_config_is_sanitized() {
        let nested = Workload::sum((0..100).map(|_| Workload::burst(u32::MAX, -5.0)).collect());
        let c = SimConfig {
            capacity: f64::NAN,
            refill_per_sec: -3.0,
            workload: nested,
            policy: RetryPolicy::Immediate {
                max_attempts: u32::MAX,
            },
            step_s: 0.0,
        };
        let sim = Simulation::new(c, 1);
        let c = sim.config();
        assert_eq!(c.capacity, DEFAULT_CAPACITY);
        assert_eq!(c.refill_per_sec, 0.0);
        assert_eq!(c.step_s, MIN_STEP_S);
        assert_eq!(c.policy.max_attempts(), MAX_ATTEMPTS);
        let Workload::Sum { parts } = &c.workload else {
            panic!("shape kept")
        };
        assert_eq!(parts.len(), MAX_WORKLOAD_PARTS);
        assert!(parts.iter().all(|p| *p == Workload::burst(MAX_CALLS, 0.0)));
        assert_eq!(sim.pending(), MAX_WORKLOAD_PARTS);
    }

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

    #[test]
    fn presets_are_as_documented() {
        let ps = presets();
        assert_eq!(ps.len(), 9);
        let gat = &ps[0];
        assert_eq!(
            (gat.api.as_str(), gat.capacity, gat.refill_per_sec),
            ("GetAuthorizationToken", 200.0, 20.0)
        );
        assert_eq!(gat.source, SOURCE_TROUBLESHOOTING);
        let put = ps.iter().find(|p| p.api == "PutImage").unwrap();
        assert_eq!((put.capacity, put.refill_per_sec), (10.0, 10.0));
        assert_eq!(put.source, SOURCE_QUOTA_TABLE);
        let mut ids: Vec<_> = ps.iter().map(|p| p.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), ps.len());
    }
}
