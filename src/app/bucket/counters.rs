//! The figures beside the picture: what the run is doing, and its totals so far.

use super::num;
use super::playback::LiveRun;
use crate::bucket::decimal::{fixed, shortest};
use yew::prelude::*;

/// The status line and the counters.
pub(super) fn counters(run: &LiveRun) -> Html {
    let totals = run.sim.totals();
    let now = run.sim.now();
    let capacity = run.sim.config().capacity;
    let credits = run.sim.credits();
    let status = match run.state() {
        "finished" if totals.total_calls == 0 => {
            "Nothing to send: set a steady rate, a burst or a fan-out."
        }
        "finished" => "Finished: every call is done and the bucket is full again. Play replays it.",
        "playing" => "Running.",
        _ => "Paused.",
    };
    html! {
        <>
        <p class="bucket-status" role="status">{status}</p>
        <dl class="bucket-counters">
            {for [
                ("Simulated time", format!("{} s", fixed(now, 1))),
                ("Credits", format!("{} / {}", shortest(credits.floor()), num(capacity))),
                ("Calls made", totals.total_calls.to_string()),
                ("Accepted", totals.accepted.to_string()),
                ("Throttled", totals.throttled.to_string()),
                ("Retries", totals.retries.to_string()),
                ("Gave up", totals.gave_up.to_string()),
                ("In flight (waiting to retry)", totals.in_flight.to_string()),
                ("Completed", format!("{} of {}", totals.completed, totals.requests)),
                ("Latency p50 / p99", format!("{} / {}", latency(totals.p50_latency_s), latency(totals.p99_latency_s))),
            ].into_iter().map(|(label, value)| html! {
                <div class="bucket-counter"><dt>{label}</dt><dd>{value}</dd></div>
            })}
        </dl>
        </>
    }
}

fn latency(s: Option<f64>) -> String {
    match s {
        None => "–".into(),
        Some(s) if s < 1.0 => format!("{} ms", fixed(s * 1000.0, 0)),
        Some(s) => format!("{} s", fixed(s, 1)),
    }
}
