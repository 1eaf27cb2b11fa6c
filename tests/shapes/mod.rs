//! Worst-case paste shapes, generated at any size: shared by the work-scaling test
//! (`tests/scaling.rs`) and the speed figures (`examples/bench.rs`).
#![allow(dead_code)]

/// Repeats `line(i)` until the text reaches `bytes`.
fn fill(bytes: usize, mut line: impl FnMut(usize) -> String) -> String {
    let mut out = String::with_capacity(bytes + 256);
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(&line(i));
        out.push('\n');
        i += 1;
    }
    out
}

/// Every line a different missing repository: as many distinct findings as lines.
pub fn distinct_repositories(bytes: usize) -> String {
    fill(bytes, |i| {
        format!(
            "An error occurred (RepositoryNotFoundException) when calling the DescribeRepositories \
             operation: The repository with name 'svc-{i}' does not exist in the registry with id \
             '111122223333'"
        )
    })
}

/// Every line a different ECS pull failure (a wrapper around a precise error).
pub fn distinct_ecs_pull_errors(bytes: usize) -> String {
    fill(bytes, |i| {
        format!(
            "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to \
             resolve ref 111122223333.dkr.ecr.eu-west-1.amazonaws.com/app-{i}:v1: not found"
        )
    })
}

/// One long line of markdown links.
pub fn markdown_links_one_line(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 32);
    while out.len() < bytes {
        out.push_str("[a](http://x) ");
    }
    out
}

/// ANSI OSC sequences that end only with the string terminator, many on one line.
pub fn osc_without_bell(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 32);
    while out.len() < bytes {
        out.push_str("\u{1b}]0;title\u{1b}\\ text ");
    }
    out
}

/// OSC sequences with no terminator at all.
pub fn osc_unterminated(bytes: usize) -> String {
    fill(bytes, |i| format!("\u{1b}]8;;http://x/{i} ecr denied"))
}

/// Signature words in a shuffled order on every line: every anchor hits, nothing matches.
pub fn shuffled_signature_words(bytes: usize) -> String {
    const WORDS: [&str; 12] = [
        "denied",
        "authorized",
        "repository",
        "toomanyrequests",
        "credentials",
        "basic",
        "ecr",
        "token",
        "expired",
        "manifest",
        "unknown",
        "CannotPullContainerError",
    ];
    fill(bytes, |i| {
        (0..10)
            .map(|k| WORDS[(i * 7 + k * 5 + i / 3) % WORDS.len()])
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// A retry loop: the same ECR denial with its own timestamp, attempt counter and request id.
pub fn timestamped_retry_log(bytes: usize) -> String {
    fill(bytes, |i| {
        format!(
            "2026-12-01T03:{:02}:{:02}.{:03}Z attempt {i}: request-id {:08x}-2c1f-4e0b-9d3a-{:012x} \
             denied: User: arn:aws:sts::111122223333:assumed-role/ci/runner is not authorized to \
             perform: ecr:BatchGetImage on resource: \
             arn:aws:ecr:eu-west-2:444455556666:repository/team/app",
            (i / 60) % 60,
            i % 60,
            i % 1000,
            i.wrapping_mul(2_654_435_761) & 0xffff_ffff,
            i
        )
    })
}

/// A build log of ordinary lines with a few errors buried in it.
pub fn sparse_ci_log(bytes: usize) -> String {
    fill(bytes, |i| {
        match i % 40_000 {
        7_000 => "Error response from daemon: toomanyrequests: Rate exceeded".to_string(),
        21_000 => "An error occurred (RepositoryNotFoundException) when calling the \
                   DescribeRepositories operation: The repository with name 'web' does not \
                   exist in the registry with id '123456789012'"
            .to_string(),
        33_000 => "Error: Cannot perform an interactive login from a non TTY device".to_string(),
        _ => format!(
            "2026-11-27T10:{:02}:{:02}Z #{i} [stage-{}] RUN cargo build --release -p crate-{} ... ok",
            (i / 60) % 60,
            i % 60,
            i % 7,
            i % 131
        ),
    }
    })
}

/// Makes a paste of about the given size in bytes.
pub type Shape = fn(usize) -> String;

/// Every shape with its name, for tables.
pub const ALL: &[(&str, Shape)] = &[
    ("distinct repositories, one per line", distinct_repositories),
    ("distinct ECS pull errors", distinct_ecs_pull_errors),
    ("one line of markdown links", markdown_links_one_line),
    ("OSC sequences ended by ESC \\", osc_without_bell),
    ("OSC sequences never ended", osc_unterminated),
    ("shuffled signature words", shuffled_signature_words),
    ("timestamped retry log", timestamped_retry_log),
    ("sparse CI log", sparse_ci_log),
];
