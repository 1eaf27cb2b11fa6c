//! Speed figures (a benchmark, not a test): `cargo run --release --example bench [MB]`.
//! Prints, side by side in one run: microseconds per explain() of a 2 KB paste; for every
//! worst-case shape (`tests/shapes`), the time at 1, 2, 4 and 8 MB (or up to the given MB);
//! and, on a 10 MB sparse CI log and a 10 MB timestamped retry log, the engine's CPU time next
//! to `grep -Eic` with nine trigger phrases on the same file (when grep exists), both in CPU
//! seconds (getrusage: this process for the engine, the child for grep); and the peak memory
//! of a fresh process explaining 100 MB of each, and 10 MB of two distinct-errors shapes. The
//! machine is noisy: read the ratios, not the absolute figures.

#[path = "../tests/shapes/mod.rs"]
mod shapes;

use ecr_explain::explain;
use std::hint::black_box;
use std::process::Command;
use std::time::Instant;

/// Words that start most ECR errors, for grep's side of the comparison.
const GREP_PHRASES: &str = "denied|not authorized|toomanyrequests|no basic auth|does not exist|\
                            non TTY|expired|CannotPullContainer|Rate exceeded";

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

fn seconds<R>(f: impl FnOnce() -> R) -> (R, f64) {
    let start = Instant::now();
    let r = f();
    (r, start.elapsed().as_secs_f64())
}

/// User and system CPU seconds, and peak resident KiB, of this process or of its waited-for
/// children.
fn usage(who: libc::c_int) -> (f64, i64) {
    // SAFETY: getrusage only writes the struct it is given.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(who, &mut u) };
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    (secs(u.ru_utime) + secs(u.ru_stime), u.ru_maxrss)
}

/// This process's peak resident KiB. On Linux `ru_maxrss` keeps the parent's peak across
/// fork and exec, so a child forked by a big benchmark would report its parent's figure;
/// `VmHWM` is the peak of this process's own memory.
fn own_peak_kib() -> i64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
            line.split_whitespace().nth(1)?.parse().ok()
        })
        .unwrap_or_else(|| usage(libc::RUSAGE_SELF).1)
}

/// CPU seconds this process spends in `f`.
fn cpu_seconds<R>(f: impl FnOnce() -> R) -> (R, f64) {
    let before = usage(libc::RUSAGE_SELF).0;
    let r = f();
    (r, usage(libc::RUSAGE_SELF).0 - before)
}

/// CPU seconds of `grep -Eic` over a file, or None without grep.
fn grep_seconds(path: &std::path::Path) -> Option<f64> {
    let before = usage(libc::RUSAGE_CHILDREN).0;
    let status = Command::new("grep")
        .args(["-Eic", GREP_PHRASES])
        .arg(path)
        .output();
    status.ok().map(|_| usage(libc::RUSAGE_CHILDREN).0 - before)
}

/// The child side of the memory figure: explains `mb` MB of the named shape and prints its
/// peak resident size over the input's size.
fn peak_memory_child(shape: &str, mb: usize) {
    let make = shapes::ALL
        .iter()
        .find(|(name, _)| *name == shape)
        .expect("a shape name")
        .1;
    let text = make(mb << 20);
    let report = explain(&text);
    let peak_kib = own_peak_kib();
    println!(
        "{:.2}x the input ({} MiB peak, {} findings)",
        (peak_kib as f64 * 1024.0) / text.len() as f64,
        peak_kib / 1024,
        report.findings.len()
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--peak-memory") {
        return peak_memory_child(&args[2], args[3].parse().expect("MB"));
    }
    let max_mb: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(8);

    let paste = paste_2kb();
    assert_eq!(explain(&paste).findings[0].id, "access-denied");
    let runs = 2000;
    let (_, secs) = cpu_seconds(|| {
        for _ in 0..runs {
            black_box(explain(black_box(&paste)));
        }
    });
    println!(
        "explain() of a {} byte paste: {:.0} µs of CPU per call ({runs} calls)\n",
        paste.len(),
        secs * 1e6 / runs as f64
    );

    let sizes: Vec<usize> = [1, 2, 4, 8].into_iter().filter(|&m| m <= max_mb).collect();
    print!("{:<38}", "shape \\ size");
    for mb in &sizes {
        print!("{:>12}", format!("{mb} MB"));
    }
    println!("{:>14}", "findings");
    for (name, make) in shapes::ALL {
        print!("{name:<38}");
        let mut findings = 0;
        for &mb in &sizes {
            let text = make(mb << 20);
            let (report, secs) = seconds(|| explain(black_box(&text)));
            findings = report.findings.len() + report.omitted_findings;
            print!("{:>12}", format!("{secs:.3} s"));
        }
        println!("{findings:>14}");
    }

    println!("\n10 MB files, engine vs grep -Eic (nine phrases) on the same file, CPU seconds:");
    let dir = std::env::temp_dir();
    for (name, make) in [
        ("sparse CI log", shapes::sparse_ci_log as shapes::Shape),
        ("timestamped retry log", shapes::timestamped_retry_log),
    ] {
        let text = make(10 << 20);
        let path = dir.join(format!("ecr-explain-bench-{}.log", std::process::id()));
        std::fs::write(&path, &text).expect("temp file");
        let (report, secs) = cpu_seconds(|| explain(black_box(&text)));
        let grep = grep_seconds(&path);
        let _ = std::fs::remove_file(&path);
        let ratio = grep.map_or(String::from("no grep"), |g| {
            format!("grep {:.3} s, {:.1}x grep", g, secs / g)
        });
        println!(
            "  {name:<24} {secs:.3} s ({:.1} MB/s), {ratio}; {}",
            text.len() as f64 / 1e6 / secs,
            report
                .findings
                .iter()
                .map(|f| format!("{} x{}", f.id, f.occurrences))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    println!("\nPeak memory of a fresh process explaining the input (the input included):");
    let me = std::env::current_exe().expect("this benchmark's path");
    // Distinct errors are kept one group each until the report is ordered: 10 MB of them.
    for (shape, mb) in [
        ("sparse CI log", 100),
        ("timestamped retry log", 100),
        ("distinct ECS pull errors", 10),
        ("distinct repositories, one per line", 10),
    ] {
        let out = Command::new(&me)
            .args(["--peak-memory", shape, &mb.to_string()])
            .output()
            .expect("the memory child runs");
        print!(
            "  {shape:<36} {mb:>3} MB: {}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
}
