//! Speed figures (a benchmark, not a test): `cargo run --release --example bench`.
//! Prints microseconds per explain() of a 2 KB paste and MB/s on a 10 MB synthetic CI log
//! with a few errors buried in it.

use ecr_explain::explain;
use std::hint::black_box;
use std::time::Instant;

fn paste_2kb() -> String {
    let mut s = String::from(
        "Run aws ecr get-login-password --region eu-west-2 | docker login --username AWS --password-stdin 111122223333.dkr.ecr.eu-west-2.amazonaws.com\n\
         Login Succeeded\n\
         #12 [build 5/7] RUN make\n",
    );
    while s.len() < 1700 {
        s.push_str("#12 0.532 compiling module ... done\n");
    }
    s.push_str("denied: User: arn:aws:sts::111122223333:assumed-role/ci/GitHubActions is not authorized to perform: ecr:InitiateLayerUpload on resource: arn:aws:ecr:eu-west-2:111122223333:repository/team/app because no identity-based policy allows the ecr:InitiateLayerUpload action\n");
    s
}

fn ci_log_10mb() -> String {
    let mut log = String::with_capacity(10_500_000);
    let mut i = 0u64;
    while log.len() < 10_000_000 {
        i += 1;
        match i % 40_000 {
            7_000 => log.push_str("Error response from daemon: toomanyrequests: Rate exceeded\n"),
            21_000 => log.push_str("An error occurred (RepositoryNotFoundException) when calling the DescribeRepositories operation: The repository with name 'web' does not exist in the registry with id '123456789012'\n"),
            33_000 => log.push_str("Error: Cannot perform an interactive login from a non TTY device\n"),
            _ => log.push_str(&format!("2026-11-27T10:{:02}:{:02}Z #{i} [stage-{}] RUN cargo build --release -p crate-{} ... ok\n", (i / 60) % 60, i % 60, i % 7, i % 131)),
        }
    }
    log
}

/// The worst case: one error repeated for 10 MB (a retry loop that printed it all).
fn retry_loop_10mb() -> String {
    let line = "denied: User: arn:aws:sts::111122223333:assumed-role/ci/s is not authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:eu-west-2:444455556666:repository/team/app\n";
    line.repeat(10_000_000 / line.len())
}

fn main() {
    let paste = paste_2kb();
    let report = explain(&paste);
    assert_eq!(report.findings[0].id, "access-denied");
    let runs = 2000;
    let start = Instant::now();
    for _ in 0..runs {
        black_box(explain(black_box(&paste)));
    }
    let per = start.elapsed().as_secs_f64() * 1e6 / runs as f64;
    println!(
        "explain() of a {} byte paste: {per:.0} µs per call ({runs} calls)",
        paste.len()
    );

    measure(
        "a 10 MB CI log with a few errors buried in it",
        &ci_log_10mb(),
    );
    measure(
        "10 MB of one error repeated (a retry loop)",
        &retry_loop_10mb(),
    );
}

/// One `explain()` of `text`, timed, with its throughput and findings.
fn measure(what: &str, text: &str) {
    let start = Instant::now();
    let report = black_box(explain(black_box(text)));
    let secs = start.elapsed().as_secs_f64();
    println!(
        "explain() of {what} ({:.1} MB): {:.0} ms, {:.1} MB/s, findings: {}",
        text.len() as f64 / 1e6,
        secs * 1e3,
        text.len() as f64 / 1e6 / secs,
        report
            .findings
            .iter()
            .map(|f| format!("{} x{}", f.id, f.occurrences))
            .collect::<Vec<_>>()
            .join(", ")
    );
}
