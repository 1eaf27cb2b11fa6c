//! The `ecr-explain` binary: files, stdin, JSON, exit codes, lossy UTF-8, colour rules.

use std::io::Write;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_ecr-explain");

fn run(args: &[&str], stdin: &[u8], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("ecr-explain-test-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn json_from_a_file() {
    let path = temp_file(
        "a.log",
        b"noise\nError response from daemon: toomanyrequests: Rate exceeded\n",
    );
    let (code, out, _) = run(&["--json", path.to_str().unwrap()], b"", &[]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["findings"][0]["id"], "throttling");
    assert_eq!(v["findings"][0]["span"]["start"], 34);
    assert!(v["fields"].is_object());
}

#[test]
fn text_from_stdin_without_colour_when_piped() {
    let (code, out, _) = run(
        &[],
        b"denied: Your authorization token has expired. Reauthenticate and try again.",
        &[],
    );
    assert_eq!(code, 0);
    assert!(
        out.contains("token-expired") && out.contains("How to fix it"),
        "{out}"
    );
    assert!(
        !out.contains('\u{1b}'),
        "no colour when stdout is not a terminal"
    );
    let (_, out2, _) = run(
        &["-"],
        b"denied: Your authorization token has expired.",
        &[],
    );
    assert!(out2.contains("token-expired"));
}

#[test]
fn unknown_input_exits_zero_and_says_so() {
    let (code, out, _) = run(&[], b"hello world", &[("NO_COLOR", "1")]);
    assert_eq!(code, 0);
    assert!(out.contains("Not an ECR error this tool knows."), "{out}");
}

#[test]
fn usage_and_io_errors_exit_two_with_one_line() {
    let (code, _, err) = run(&["--bogus"], b"", &[]);
    assert_eq!(code, 2);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    let (code, _, err) = run(&["/nonexistent/file.log"], b"", &[]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("ecr-explain: cannot read /nonexistent/file.log"),
        "{err}"
    );
    let (code, _, _) = run(&["a", "b"], b"", &[]);
    assert_eq!(code, 2);
    let (code, out, _) = run(&["--help"], b"", &[]);
    assert_eq!(code, 0);
    assert!(out.starts_with("usage: ecr-explain"));
}

#[test]
fn invalid_utf8_is_read_lossily() {
    let mut bytes = b"\xff\xfe garbage \xc3".to_vec();
    bytes.extend_from_slice(b"\nno basic auth credentials\n\xff");
    let (code, out, _) = run(&["--json"], &bytes, &[]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["findings"][0]["id"], "no-basic-auth-credentials");
}
