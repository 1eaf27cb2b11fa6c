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
    // The binary may exit (a usage error) before reading its input.
    let _ = child.stdin.take().unwrap().write_all(stdin);
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
        b"denied: Your authorization token has expired. Reauthenticate and try again",
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

/// A CI log shaped like a failed push: noise, then ECR's answer (invented names).
const PUSH_LOG: &str = "Step 7/7 : LABEL team=payments\n\
 ---> Running in 4f2a\n\
The push refers to repository [210987654321.dkr.ecr.ap-south-1.amazonaws.com/ledger-api]\n\
name unknown: The repository with name 'ledger-api' does not exist in the registry with id '210987654321'\n";

/// Docker Hub's limit: a look-alike, not an ECR error.
const HUB_LOG: &str = "pulling base image\nError response from daemon: toomanyrequests: You have reached your unauthenticated pull rate limit. https://www.docker.com/increase-rate-limit\n";

/// An ECR access denial whose catalogue prose carries inline code.
const DENIED_LOG: &str = "An error occurred (AccessDeniedException) when calling the BatchGetImage operation: User: arn:aws:sts::210987654321:assumed-role/build-runner/i-0abc is not authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:ap-south-1:210987654321:repository/ledger-api because no identity-based policy allows the ecr:BatchGetImage action\n";

#[test]
fn github_format_prints_one_escaped_command_per_finding() {
    // A file name with the characters a property must escape.
    let path = temp_file("ci,step:7%.log", format!("{PUSH_LOG}{HUB_LOG}").as_bytes());
    let (code, out, err) = run(&["--format", "github", path.to_str().unwrap()], b"", &[]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    // Every line is a workflow command: nothing from the paste can start a line of its own.
    assert!(lines.iter().all(|l| l.starts_with("::")), "{out}");
    let errors: Vec<&&str> = lines.iter().filter(|l| l.starts_with("::error ")).collect();
    let warnings: Vec<&&str> = lines
        .iter()
        .filter(|l| l.starts_with("::warning "))
        .collect();
    assert_eq!(errors.len(), 1, "{out}");
    assert_eq!(warnings.len(), 1, "{out}");
    let e = errors[0];
    let name = path.file_name().unwrap().to_str().unwrap();
    let escaped = name
        .replace('%', "%25")
        .replace(':', "%3A")
        .replace(',', "%2C");
    assert!(
        e.contains(&format!(
            "file={}",
            path.parent().unwrap().to_str().unwrap().replace(':', "%3A")
        )),
        "{e}"
    );
    assert!(e.contains(&escaped), "{e}");
    // The finding starts at the start of line 4.
    assert!(e.contains(",line=4,col=1,"), "{e}");
    assert!(
        e.contains("title=") && e.contains("(repository-not-found)::"),
        "{e}"
    );
    // Multi-line messages travel as %0A; the fix is in the message.
    let message = e.split_once("::").unwrap().1.split_once("::").unwrap().1;
    assert!(message.contains("%0A"), "{message}");
    assert!(
        message.contains("aws ecr create-repository --repository-name ledger-api"),
        "{message}"
    );
    assert!(
        warnings[0].contains("(not-ecr-docker-hub-rate-limit)"),
        "{out}"
    );
    assert!(warnings[0].contains(",line=6,col="), "{out}");
    assert!(
        lines
            .last()
            .unwrap()
            .starts_with("::notice title=ecr-explain::"),
        "{out}"
    );
    // From stdin there is no file property; the column counts characters, not bytes.
    let paste = format!("ünïcode {}", PUSH_LOG.lines().nth(3).unwrap());
    let (_, out, _) = run(&["--format=github"], paste.as_bytes(), &[]);
    let (_, json, _) = run(&["--json"], paste.as_bytes(), &[]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let start = v["findings"][0]["span"]["start"].as_u64().unwrap() as usize;
    let col = paste[..start].chars().count() + 1;
    assert!(
        col < start + 1,
        "the paste starts with multi-byte characters"
    );
    assert!(
        out.starts_with(&format!("::error line=1,col={col},")),
        "{out}"
    );
}

#[test]
fn github_data_and_properties_are_escaped() {
    // A repository name the paste controls, carrying a percent sign, a comma and a colon.
    let paste = "name unknown: The repository with name 'x%0A::warning::owned,a:b' does not exist in the registry with id '210987654321'\n";
    let (_, out, _) = run(&["--format", "github"], paste.as_bytes(), &[]);
    assert!(out.lines().all(|l| l.starts_with("::")), "{out}");
    assert!(
        !out.contains("x%0A::warning"),
        "a raw % must be escaped:\n{out}"
    );
    assert!(
        out.contains("x%250A::warning::owned,a:b") || !out.contains("owned"),
        "{out}"
    );
}

#[test]
fn markdown_format_is_a_job_summary() {
    let (code, out, _) = run(&["--format", "markdown"], DENIED_LOG.as_bytes(), &[]);
    assert_eq!(code, 0);
    assert!(out.starts_with("## ecr-explain: "), "{out}");
    assert!(out.contains("### 1. "), "{out}");
    assert!(out.contains("| Fact | Value |\n|---|---|\n"), "{out}");
    assert!(out.contains("| action | `ecr:BatchGetImage` |"), "{out}");
    assert!(out.contains("```sh\n"), "{out}");
    assert!(out.contains("](<https://docs.aws.amazon.com/"), "{out}");
    // Catalogue prose keeps its inline code in Markdown.
    let prose = out
        .lines()
        .find(|l| l.starts_with("**What it means:**"))
        .unwrap();
    assert!(prose.contains('`'), "{prose}");
    // Code fences are balanced.
    let fences = out
        .lines()
        .filter(|l| l.trim_start().starts_with("```"))
        .count();
    assert_eq!(fences % 2, 0, "{out}");
}

#[test]
fn markdown_keeps_paste_values_inert() {
    let pastes = [
        "name unknown: The repository with name 'a|b<img src=x>' does not exist in the registry with id '210987654321'\n",
        "User: arn:aws:iam::210987654321:user/<img src=x> is not authorized to perform: ecr:PutImage on resource: arn:aws:ecr:ap-south-1:210987654321:repository/[x](https://evil.example)\n",
    ];
    for paste in pastes {
        let (_, out, _) = run(&["--format", "markdown"], paste.as_bytes(), &[]);
        assert!(out.contains("### 1. "), "{out}");
        let mut fenced = false;
        for line in out.lines() {
            if line.trim_start().starts_with("```") {
                fenced = !fenced;
                continue;
            }
            if fenced {
                continue;
            }
            // Outside code, no tag, no link and no unescaped pipe in a cell survives.
            let outside: String = line
                .replace("\\<", "")
                .replace("\\[", "")
                .replace("\\]", "")
                .split('`')
                .step_by(2)
                .collect();
            assert!(!outside.contains("<img"), "{line}");
            assert!(!outside.contains("](https://evil"), "{line}");
            if line.starts_with("| ") && !line.starts_with("|---") {
                let cells = line.replace("\\|", "").matches('|').count();
                assert_eq!(cells, 3, "{line}");
            }
        }
    }
}

#[test]
fn prose_backticks_are_stripped_in_text_and_kept_in_json() {
    let (_, text, _) = run(&[], DENIED_LOG.as_bytes(), &[]);
    let (_, json, _) = run(&["--json"], DENIED_LOG.as_bytes(), &[]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let explanation = v["findings"][0]["explanation"].as_str().unwrap();
    assert!(explanation.contains('`'), "{explanation}");
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("What it means:"))
        .unwrap();
    assert!(!line.contains('`'), "{line}");
    assert!(line.contains(&explanation.replace('`', "")), "{line}");
}

#[test]
fn fail_on_finding_exits_one_only_for_ecr_errors() {
    let (code, _, _) = run(&["--fail-on-finding"], PUSH_LOG.as_bytes(), &[]);
    assert_eq!(code, 1);
    let (code, _, _) = run(
        &["--fail-on-finding", "--format", "github"],
        PUSH_LOG.as_bytes(),
        &[],
    );
    assert_eq!(code, 1);
    let (code, out, _) = run(&["--fail-on-finding", "--json"], HUB_LOG.as_bytes(), &[]);
    assert_eq!(code, 0, "a look-alike is not an ECR finding: {out}");
    let (code, _, _) = run(&["--fail-on-finding"], b"all good\n", &[]);
    assert_eq!(code, 0);
    let (code, _, _) = run(
        &["--fail-on-finding", "--format", "yaml"],
        PUSH_LOG.as_bytes(),
        &[],
    );
    assert_eq!(code, 2);
    let (code, _, _) = run(&["--format"], PUSH_LOG.as_bytes(), &[]);
    assert_eq!(code, 2);
}

#[test]
fn link_carries_the_redacted_input() {
    let (code, out, _) = run(
        &["--link", "https://tools.example/ecr/"],
        PUSH_LOG.as_bytes(),
        &[],
    );
    assert_eq!(code, 0);
    let link = out
        .lines()
        .find_map(|l| l.strip_prefix("Full explanation (redacted): "))
        .unwrap_or_else(|| panic!("{out}"));
    let fragment = link.strip_prefix("https://tools.example/ecr/#").unwrap();
    let shared = ecr_explain::share::from_fragment(fragment).unwrap();
    assert_eq!(shared, ecr_explain::share::redact(PUSH_LOG).text);
    assert!(!shared.contains("210987654321") && shared.contains("ledger-api"));
    // JSON gains `share_link`; Markdown links it.
    let (_, json, _) = run(
        &["--json", "--link=https://tools.example/ecr/#old"],
        PUSH_LOG.as_bytes(),
        &[],
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["share_link"].as_str(), Some(link));
    assert_eq!(v["findings"][0]["id"], "repository-not-found");
    let (_, md, _) = run(
        &[
            "--format",
            "markdown",
            "--link",
            "https://tools.example/ecr/",
        ],
        PUSH_LOG.as_bytes(),
        &[],
    );
    assert!(
        md.contains(&format!("[Open the full explanation](<{link}>)")),
        "{md}"
    );
    // Only plain http(s) URLs are taken.
    for bad in [
        "ftp://x",
        "javascript:alert(1)",
        "https://x/\u{1b}]52;c;",
        "https://a b/",
    ] {
        let (code, _, err) = run(&["--link", bad], PUSH_LOG.as_bytes(), &[]);
        assert_eq!(code, 2, "{bad}");
        assert!(!err.contains('\u{1b}'), "{err:?}");
    }
}

#[test]
fn control_characters_never_reach_the_terminal() {
    // Raw ESC, a JSON-escaped ESC (OSC 52 clipboard write), a C1 CSI, DEL and a bidi override.
    let paste = "{\"log\": \"name unknown: The repository with name 'app\\u001b]52;c;ZWNobyBoaQ==\\u0007' does not exist in the registry with id '210987654321'\"}\n\
                 name unknown: The repository with name 'web\x1b[8m\u{9b}31m\u{7f}\u{202e}' does not exist in the registry with id '210987654321'\n";
    for format in ["text", "json", "github", "markdown"] {
        let (code, out, _) = run(&["--format", format], paste.as_bytes(), &[]);
        assert_eq!(code, 0);
        for bad in ['\u{1b}', '\u{7}', '\u{9b}', '\u{7f}', '\u{202e}'] {
            assert!(!out.contains(bad), "{format}: {bad:?} printed:\n{out}");
        }
    }
    // The JSON still means the same text (escaped, not dropped).
    let (_, json, _) = run(&["--json"], paste.as_bytes(), &[]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(v["findings"].as_array().is_some_and(|f| !f.is_empty()));
}

#[test]
fn input_is_capped_with_a_clear_message() {
    let big = "x".repeat(2000);
    let (code, _, err) = run(&["--max-bytes", "1000"], big.as_bytes(), &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("larger than 1000 bytes") && err.contains("--max-bytes"),
        "{err}"
    );
    let (code, _, _) = run(&["--max-bytes", "2000"], big.as_bytes(), &[]);
    assert_eq!(code, 0);
    let (code, _, _) = run(&["--max-bytes=1K"], big.as_bytes(), &[]);
    assert_eq!(code, 2);
    let (code, _, _) = run(&["--max-bytes", "0"], big.as_bytes(), &[]);
    assert_eq!(code, 0);
    let (code, _, _) = run(&["--max-bytes", "lots"], big.as_bytes(), &[]);
    assert_eq!(code, 2);
    // An endless input stops at the cap, by default too.
    let (code, _, err) = run(&["--max-bytes", "1M", "/dev/zero"], b"", &[]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = run(&["/dev/zero"], b"", &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains(&format!("larger than {} bytes", 64 << 20)),
        "{err}"
    );
}

fn run_to(args: &[&str], stdin: &[u8], stdout: Stdio) -> (i32, String) {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let _ = child.stdin.take().unwrap().write_all(stdin);
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_full_disk_is_an_error_and_a_closed_pipe_is_not() {
    let full = || {
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap()
    };
    let (code, err) = run_to(&[], PUSH_LOG.as_bytes(), full().into());
    assert_eq!(code, 2, "{err}");
    assert!(
        err.starts_with("ecr-explain: cannot write the report"),
        "{err}"
    );
    for flag in ["--help", "--version"] {
        let (code, err) = run_to(&[flag], b"", full().into());
        assert_eq!(code, 2, "{flag}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    // A reader that has gone away: quiet, no panic.
    for args in [&[][..], &["--json"][..], &["--help"][..]] {
        let mut child = Command::new(BIN)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let _ = child
            .stdin
            .take()
            .unwrap()
            .write_all(PUSH_LOG.repeat(200).as_bytes());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(
            out.stderr.is_empty(),
            "{:?}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn non_utf8_arguments_are_refused_or_read_as_paths() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let status = |args: &[&OsStr]| {
        let out = Command::new(BIN)
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stderr).into_owned(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (code, err, _) = status(&[OsStr::from_bytes(b"--form\xffat")]);
    assert_eq!(code, 2);
    assert!(err.contains("not valid UTF-8"), "{err}");
    let (code, err, _) = status(&[OsStr::new("--format"), OsStr::from_bytes(b"gith\xffub")]);
    assert_eq!(code, 2, "{err}");
    let (code, err, _) = status(&[OsStr::from_bytes(b"/nonexistent/\xff.log")]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("ecr-explain: cannot read /nonexistent/"),
        "{err}"
    );
    // A real file whose name is not UTF-8 is read.
    let dir = std::env::temp_dir();
    let mut name = format!("ecr-explain-test-{}-", std::process::id()).into_bytes();
    name.extend_from_slice(b"\xfe.log");
    let path = dir.join(OsStr::from_bytes(&name));
    std::fs::write(&path, PUSH_LOG).unwrap();
    let (code, _, out) = status(&[
        OsStr::new("--format"),
        OsStr::new("github"),
        path.as_os_str(),
    ]);
    assert_eq!(code, 0);
    assert!(out.starts_with("::error file="), "{out}");
    let _ = std::fs::remove_file(path);
}
