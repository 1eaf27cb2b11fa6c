//! The simulation: replays a workload and a retry policy against a token bucket, one step at a
//! time, in due-time order.

use super::limits::*;
use super::rng::SplitMix64;
use super::stats::LatencyHistogram;
use super::{
    Dot, RetryPolicy, Scenario, SecondStats, SimConfig, StepStats, TokenBucket, Totals, Workload,
};
use std::cmp::Ordering;
use std::collections::{BinaryHeap, VecDeque};

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
