//! The simulation as a whole, through the module's face.

use super::retry::tests::full_jitter;
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

/// Two minutes of a steady rate, without retries.
fn steady_for_two_minutes(rate_per_s: f64) -> (Simulation, Totals) {
    let mut sim = Simulation::new(cfg(Workload::steady(rate_per_s), RetryPolicy::None), 1);
    sim.run_until(120.0);
    let t = sim.totals();
    (sim, t)
}

#[test]
fn twenty_per_second_never_throttles() {
    let (_, t) = steady_for_two_minutes(20.0);
    assert_eq!(t.throttled, 0);
    assert_eq!(t.accepted, 2400);
    assert_eq!(t.first_throttle_t, None);
    check_invariants(&t);
}

#[test]
fn twenty_five_per_second_drains_then_throttles_five_per_second() {
    let (sim, t) = steady_for_two_minutes(25.0);
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
