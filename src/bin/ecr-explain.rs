//! `ecr-explain [OPTIONS] [FILE|-]`: explains the ECR errors in a log, a paste or stdin, as
//! text, JSON, GitHub Actions workflow commands or Markdown.
//!
//! Everything printed comes from an untrusted paste: control characters never reach the
//! terminal, workflow-command data is escaped, Markdown puts paste values in code.

use ecr_explain::{explain, prose, share, Finding, Report};
use serde::Serialize;
use std::ffi::OsString;
use std::io::{self, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: ecr-explain [OPTIONS] [FILE|-]

Explains the Amazon ECR errors in FILE (or standard input): what went wrong, why, and
the commands that fix it.

  --format FORMAT     text (default), json, github (workflow commands: one ::error per
                      finding, ::warning for look-alikes) or markdown (for a job summary
                      or a merge-request comment)
  --json              the same as --format json
  --fail-on-finding   exit 1 when an Amazon ECR error was found (look-alikes do not count)
  --link BASE_URL     also print a link to the hosted explainer carrying the input, redacted
                      like the app's share box (account IDs, keys, tokens, passwords)
  --max-bytes N       read at most N bytes (suffixes K, M, G; 0: no limit; default 64M)
  -h, --help          print this help
  -V, --version       print the version

Exit status: 0 when it ran, 1 with --fail-on-finding when an ECR error was found,
2 on usage or I/O errors.
";

const DEFAULT_MAX_BYTES: u64 = 64 << 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Github,
    Markdown,
}

struct Options {
    format: Format,
    /// `None`: standard input.
    path: Option<PathBuf>,
    fail_on_finding: bool,
    link: Option<String>,
    max_bytes: u64,
}

enum Command {
    Run(Options),
    Help,
    Version,
}

fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    let mut o = Options {
        format: Format::Text,
        path: None,
        fail_on_finding: false,
        link: None,
        max_bytes: DEFAULT_MAX_BYTES,
    };
    let mut have_path = false;
    let mut only_paths = false;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let Some(a) = arg.to_str().map(str::to_string) else {
            // A file name need not be UTF-8; an option must be.
            if only_paths || !arg.as_encoded_bytes().starts_with(b"-") {
                set_path(&mut o, &mut have_path, Some(PathBuf::from(arg)))?;
                continue;
            }
            return Err(format!(
                "unknown option {} (not valid UTF-8)",
                clean(&arg.to_string_lossy())
            ));
        };
        if only_paths {
            set_path(&mut o, &mut have_path, Some(PathBuf::from(arg)))?;
            continue;
        }
        // `--name=value` or `--name value`.
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        let mut value = |what: &str| -> Result<String, String> {
            if let Some(v) = inline.clone() {
                return Ok(v);
            }
            let v = args.next().ok_or_else(|| format!("{name} needs {what}"))?;
            v.into_string()
                .map_err(|_| format!("{name} needs {what} (not valid UTF-8)"))
        };
        match name.as_str() {
            "--json" => o.format = Format::Json,
            "--format" => {
                o.format = match value("a format: text, json, github or markdown")?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    "github" => Format::Github,
                    "markdown" | "md" => Format::Markdown,
                    other => {
                        return Err(format!(
                            "unknown format {} (text, json, github or markdown)",
                            clean(other)
                        ))
                    }
                }
            }
            "--fail-on-finding" => o.fail_on_finding = true,
            "--link" => {
                let base = value("the explainer's URL")?;
                o.link = Some(check_base_url(&base)?);
            }
            "--max-bytes" => {
                let v = value("a size (bytes, or with K, M or G)")?;
                o.max_bytes = parse_size(&v)
                    .ok_or_else(|| format!("--max-bytes: not a size: {}", clean(&v)))?;
            }
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "--" => only_paths = true,
            "-" => set_path(&mut o, &mut have_path, None)?,
            n if n.starts_with('-') => return Err(format!("unknown option {}", clean(n))),
            _ => set_path(&mut o, &mut have_path, Some(PathBuf::from(arg)))?,
        }
    }
    Ok(Command::Run(o))
}

fn set_path(o: &mut Options, have: &mut bool, path: Option<PathBuf>) -> Result<(), String> {
    if std::mem::replace(have, true) {
        return Err("only one FILE may be given".into());
    }
    o.path = path;
    Ok(())
}

/// `123`, `64K`, `64M`, `1G` (binary multiples).
fn parse_size(s: &str) -> Option<u64> {
    let s = s.trim();
    let (digits, unit) = match s.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => s.split_at(i),
        None => (s, ""),
    };
    let shift = match unit.to_ascii_uppercase().trim_end_matches(['B', 'I']) {
        "" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        _ => return None,
    };
    digits.parse::<u64>().ok()?.checked_mul(1 << shift)
}

/// The link goes into terminals, logs and Markdown: only a plain http(s) URL is taken.
fn check_base_url(s: &str) -> Result<String, String> {
    let lower = s.to_ascii_lowercase();
    let scheme_ok = lower.starts_with("https://") || lower.starts_with("http://");
    let plain = s
        .chars()
        .all(|c| c.is_ascii_graphic() && !"<>\"'`\\".contains(c));
    if scheme_ok && plain {
        Ok(s.to_string())
    } else {
        Err(format!(
            "--link needs the explainer's http(s) URL, got {}",
            clean(s)
        ))
    }
}

fn read_input(path: Option<&std::path::Path>, max: u64) -> Result<String, String> {
    let name = path.map_or("standard input".to_string(), |p| {
        clean(&p.to_string_lossy())
    });
    let reader: Box<dyn Read> = match path {
        None => Box::new(io::stdin().lock()),
        Some(p) => {
            Box::new(std::fs::File::open(p).map_err(|e| format!("cannot read {name}: {e}"))?)
        }
    };
    // One byte past the cap tells "exactly the cap" from "more": memory stays bounded even for
    // /dev/zero.
    let limit = if max == 0 { u64::MAX } else { max + 1 };
    let mut bytes = Vec::new();
    reader
        .take(limit)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {name}: {e}"))?;
    if max != 0 && bytes.len() as u64 > max {
        return Err(format!(
            "{name} is larger than {} bytes; pass --max-bytes N (or 0 for no limit) to read more",
            max
        ));
    }
    // Logs carry stray bytes; read them lossily rather than refuse the whole file.
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}

/// Characters a terminal (or a reader) could be made to obey: C0 and C1 controls, DEL, bidi
/// overrides and invisible format characters.
fn unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{061c}' | '\u{feff}')
}

/// One line, every unsafe character (newlines too) turned into a space.
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if unsafe_char(c) { ' ' } else { c })
        .collect()
}

/// Like [`clean`], keeping line breaks.
fn clean_lines(s: &str) -> String {
    s.lines().map(clean).collect::<Vec<_>>().join("\n")
}

/// Catalogue prose as plain text: backticks (its inline-code marks) dropped.
fn plain(s: &str) -> String {
    clean(&prose::plain(s))
}

/// 1-based line and column (in characters) of byte offsets, from one index of line starts.
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { text, starts }
    }

    fn at(&self, offset: usize) -> (usize, usize) {
        let offset = self.text.floor_char_boundary(offset);
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let col = self.text[start..offset].chars().count() + 1;
        (line, col)
    }
}

/// The pasted text a finding covers, on one line, at most 300 characters.
fn snippet(input: &str, f: &Finding) -> String {
    let s = input.get(f.span.start..f.span.end).unwrap_or_default();
    clean(&s.chars().take(300).collect::<String>())
}

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

fn render_text(input: &str, report: &Report, link: Option<&LinkResult>, style: &Style) -> String {
    let mut out = String::new();
    let lines = Lines::new(input);
    out.push_str(&style.paint("1", &plain(&report.summary)));
    out.push('\n');
    if report.findings.is_empty() {
        out.push_str("\nThis tool knows the common Amazon ECR errors (throttling, access denied, missing repositories, logins, pushes and pulls, ECS and EKS pulls) and did not recognise one here.\n");
        if !report.candidates.is_empty() {
            out.push_str("\nNearest known errors:\n");
            for c in &report.candidates {
                out.push_str(&format!(
                    "  - {} ({}): {}\n",
                    plain(&c.title),
                    clean(&c.id),
                    plain(&c.reason)
                ));
            }
        }
        if !report.fields.is_empty() {
            out.push_str("\nFacts read anyway:\n");
            for (k, v) in &report.fields {
                out.push_str(&format!("  {}: {}\n", clean(k), clean(v)));
            }
        }
    }
    for (i, f) in report.findings.iter().enumerate() {
        let (line, col) = lines.at(f.span.start);
        let status = f
            .http_status
            .map_or(String::new(), |s| format!(" · HTTP {s}"));
        let repeats = if f.occurrences > 1 {
            format!(" · seen {} times", f.occurrences)
        } else {
            String::new()
        };
        let likely = if f.likely { " · likely" } else { "" };
        out.push_str(&format!(
            "\n{} {}\n   {} · line {line}, column {col}{status} · confidence {:.0}%{likely}{repeats}\n",
            style.paint(
                if f.not_ecr { "33;1" } else { "31;1" },
                &format!("{}.", i + 1)
            ),
            style.paint("1", &plain(&f.title)),
            style.paint("36", &clean(&f.id)),
            f.confidence * 100.0,
        ));
        if let Some(c) = &f.context_of {
            out.push_str(&format!("   (context of {})\n", clean(c)));
        }
        out.push_str(&format!(
            "   {}\n",
            style.paint("2", &format!("» {}", snippet(input, f)))
        ));
        out.push_str(&format!("\n   What it means: {}\n", plain(&f.explanation)));
        out.push_str(&format!("   Why it happens: {}\n", plain(&f.causes)));
        if !f.fields.is_empty() {
            out.push_str("\n   Facts:\n");
            for (k, v) in &f.fields {
                out.push_str(&format!("     {}: {}\n", clean(k), clean(v)));
            }
        }
        if !f.remedies.is_empty() {
            out.push_str("\n   How to fix it:\n");
            for r in &f.remedies {
                out.push_str(&format!("   - {}\n", plain(&r.title)));
                for l in r.command.lines() {
                    out.push_str(&format!("       {}\n", style.paint("32", &clean(l))));
                }
            }
        }
        for w in &f.withheld {
            out.push_str(&format!("   Note: {}\n", plain(&w.reason)));
        }
        if !f.references.is_empty() {
            out.push_str("\n   References:\n");
            for r in &f.references {
                out.push_str(&format!("     {}\n", clean(r)));
            }
        }
    }
    if !report.findings.is_empty() && report.ecr_findings().count() == 0 {
        out.push_str("\nNo Amazon ECR error was recognised; the findings above are look-alikes from other registries or services.\n");
    }
    match link {
        Some(Ok(l)) => out.push_str(&format!("\nFull explanation (redacted): {l}\n")),
        Some(Err(e)) => out.push_str(&format!("\nNo link: the input is {e}.\n")),
        None => {}
    }
    out
}

/// GitHub workflow-command data: `%`, CR and LF escaped, so a paste cannot end the command
/// and start another.
fn gh_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow-command property value: data escaping plus `:` and `,`.
fn gh_property(s: &str) -> String {
    gh_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn render_github(
    input: &str,
    report: &Report,
    file: Option<&str>,
    link: Option<&LinkResult>,
) -> String {
    let lines = Lines::new(input);
    let mut out = String::new();
    for f in &report.findings {
        let (line, col) = lines.at(f.span.start);
        let (end_line, end_col) = lines.at(f.span.end.max(f.span.start));
        let mut props = Vec::new();
        if let Some(file) = file {
            props.push(format!("file={}", gh_property(&clean(file))));
        }
        props.push(format!("line={line}"));
        props.push(format!("col={col}"));
        if end_line > line {
            props.push(format!("endLine={end_line}"));
        } else {
            props.push(format!("endColumn={end_col}"));
        }
        props.push(format!(
            "title={}",
            gh_property(&format!("{} ({})", plain(&f.title), clean(&f.id)))
        ));
        let mut message = format!(
            "{}\n\nWhy it happens: {}",
            plain(&f.explanation),
            plain(&f.causes)
        );
        if let Some(c) = &f.context_of {
            message.push_str(&format!("\n\n(context of {})", clean(c)));
        }
        for r in &f.remedies {
            message.push_str(&format!(
                "\n\nFix: {}\n{}",
                plain(&r.title),
                clean_lines(&r.command)
            ));
        }
        if let Some(r) = f.references.first() {
            message.push_str(&format!("\n\nSee {}", clean(r)));
        }
        out.push_str(&format!(
            "::{} {}::{}\n",
            if f.not_ecr { "warning" } else { "error" },
            props.join(","),
            gh_data(&message)
        ));
    }
    // The summary and the link are commands too: a plain line from the paste starting with
    // `::` would be obeyed by the runner.
    out.push_str(&format!(
        "::notice title=ecr-explain::{}\n",
        gh_data(&plain(&report.summary))
    ));
    match link {
        Some(Ok(l)) => out.push_str(&format!(
            "::notice title=Full explanation (redacted)::{}\n",
            gh_data(l)
        )),
        Some(Err(e)) => out.push_str(&format!(
            "::notice title=ecr-explain::No link: the input is {}\n",
            gh_data(&e.to_string())
        )),
        None => {}
    }
    out
}

/// A Markdown code span holding `s` literally (and safe inside a table cell).
fn md_code(s: &str) -> String {
    let s = clean(s).replace('|', "\\|");
    let run = longest_backtick_run(&s);
    let fence = "`".repeat(run + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') || s.is_empty() {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{s}{pad}{fence}")
}

/// A fenced code block holding `s` literally.
fn md_block(lang: &str, s: &str) -> String {
    let s = clean_lines(s);
    let fence = "`".repeat((longest_backtick_run(&s) + 1).max(3));
    format!("{fence}{lang}\n{s}\n{fence}\n")
}

fn longest_backtick_run(s: &str) -> usize {
    s.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

/// Catalogue prose (with facts from the paste filled in) as Markdown: its backtick code spans
/// are kept; everything else is escaped, so a filled-in value cannot become a link, an image,
/// HTML or a mention.
fn md_prose(s: &str) -> String {
    prose::pieces(&clean(s))
        .iter()
        .map(|p| match p {
            prose::Piece::Plain(t) => md_escape(t),
            prose::Piece::Code(c) => md_code(c),
        })
        .collect()
}

fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\`*_[]<>!|~&@".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn render_markdown(input: &str, report: &Report, link: Option<&LinkResult>) -> String {
    let lines = Lines::new(input);
    let mut out = format!("## ecr-explain: {}\n\n", md_prose(&report.summary));
    match link {
        Some(Ok(l)) => out.push_str(&format!(
            "[Open the full explanation](<{l}>) (redacted)\n\n"
        )),
        Some(Err(e)) => out.push_str(&format!("No link: the input is {e}.\n\n")),
        None => {}
    }
    if report.findings.is_empty() {
        out.push_str(
            "This tool knows the common Amazon ECR errors and did not recognise one here.\n",
        );
        if !report.candidates.is_empty() {
            out.push_str("\nNearest known errors:\n\n");
            for c in &report.candidates {
                out.push_str(&format!(
                    "- {} ({}): {}\n",
                    md_prose(&c.title),
                    md_code(&c.id),
                    md_prose(&c.reason)
                ));
            }
        }
    }
    for (i, f) in report.findings.iter().enumerate() {
        let (line, col) = lines.at(f.span.start);
        out.push_str(&format!("### {}. {}\n\n", i + 1, md_prose(&f.title)));
        let mut meta = vec![md_code(&f.id), format!("line {line}, column {col}")];
        if let Some(s) = f.http_status {
            meta.push(format!("HTTP {s}"));
        }
        meta.push(format!("confidence {:.0}%", f.confidence * 100.0));
        if f.occurrences > 1 {
            meta.push(format!("seen {} times", f.occurrences));
        }
        out.push_str(&meta.join(" · "));
        out.push_str("\n\n");
        if f.not_ecr {
            out.push_str(
                "> Not an Amazon ECR error: a look-alike from another registry or service.\n\n",
            );
        }
        if let Some(c) = &f.context_of {
            out.push_str(&format!("> Context of {}.\n\n", md_code(c)));
        }
        out.push_str(&md_block("text", &snippet(input, f)));
        out.push_str(&format!(
            "\n**What it means:** {}\n\n**Why it happens:** {}\n\n",
            md_prose(&f.explanation),
            md_prose(&f.causes)
        ));
        if !f.fields.is_empty() {
            out.push_str("| Fact | Value |\n|---|---|\n");
            for (k, v) in &f.fields {
                out.push_str(&format!("| {} | {} |\n", md_escape(&clean(k)), md_code(v)));
            }
            out.push('\n');
        }
        if !f.remedies.is_empty() {
            out.push_str("**How to fix it:**\n\n");
            for r in &f.remedies {
                out.push_str(&format!("- {}\n\n", md_prose(&r.title)));
                for l in md_block("sh", &r.command).lines() {
                    out.push_str(&format!("  {l}\n"));
                }
                out.push('\n');
            }
        }
        for w in &f.withheld {
            out.push_str(&format!("> {}\n\n", md_prose(&w.reason)));
        }
        if !f.references.is_empty() {
            let refs: Vec<String> = f
                .references
                .iter()
                .map(|r| {
                    let url: String = clean(r)
                        .chars()
                        .filter(|c| !c.is_whitespace() && !"<>".contains(*c))
                        .collect();
                    format!("[{}](<{url}>)", md_escape(&url))
                })
                .collect();
            out.push_str(&format!("**References:** {}\n\n", refs.join(", ")));
        }
    }
    out
}

/// The JSON report, with `share_link` added when `--link` was given.
#[derive(Serialize)]
struct JsonOut<'a> {
    #[serde(flatten)]
    report: &'a Report,
    #[serde(skip_serializing_if = "Option::is_none")]
    share_link: Option<&'a str>,
}

fn render_json(report: &Report, link: Option<&LinkResult>) -> Result<String, String> {
    let out = JsonOut {
        report,
        share_link: link.and_then(|l| l.as_deref().ok()),
    };
    let json =
        serde_json::to_string_pretty(&out).map_err(|e| format!("cannot encode the report: {e}"))?;
    // serde_json leaves DEL, C1 controls and bidi marks raw; as escapes the JSON means the
    // same and a terminal sees nothing to obey.
    let mut safe = String::with_capacity(json.len() + 1);
    for c in json.chars() {
        if unsafe_char(c) && c != '\n' {
            safe.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            safe.push(c);
        }
    }
    safe.push('\n');
    Ok(safe)
}

type LinkResult = Result<String, share::ShareError>;

/// Writes to stdout; a closed pipe (`| head`) is the reader's choice, any other failure (a
/// full disk) is an error.
fn emit(text: &str) -> Result<(), String> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write the report: {e}")),
    }
}

fn fail(message: &str) -> ExitCode {
    // Nothing more to do if even stderr is gone.
    let _ = writeln!(io::stderr(), "ecr-explain: {}", clean(message));
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args_os().skip(1)) {
        Ok(Command::Run(o)) => o,
        Ok(Command::Help) => return emit(USAGE).map_or_else(|e| fail(&e), |_| ExitCode::SUCCESS),
        Ok(Command::Version) => {
            let v = format!("ecr-explain {}\n", env!("CARGO_PKG_VERSION"));
            return emit(&v).map_or_else(|e| fail(&e), |_| ExitCode::SUCCESS);
        }
        Err(e) => return fail(&format!("{e} (see --help)")),
    };
    let input = match read_input(options.path.as_deref(), options.max_bytes) {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    let report = explain(&input);
    let link = options.link.as_deref().map(|base| {
        // Redacting what cannot be shared anyway would be wasted work.
        if input.len() > share::MAX_SHARE_TEXT {
            return Err(share::ShareError::TooLong);
        }
        share::link(base, &share::redact(&input).text)
    });
    let file = options
        .path
        .as_ref()
        .map(|p| p.to_string_lossy().into_owned());
    let text = match options.format {
        Format::Json => match render_json(&report, link.as_ref()) {
            Ok(j) => j,
            Err(e) => return fail(&e),
        },
        Format::Github => render_github(&input, &report, file.as_deref(), link.as_ref()),
        Format::Markdown => render_markdown(&input, &report, link.as_ref()),
        Format::Text => {
            let colour = io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            render_text(&input, &report, link.as_ref(), &Style { on: colour })
        }
    };
    if let (Format::Json, Some(Err(e))) = (options.format, &link) {
        let _ = writeln!(io::stderr(), "ecr-explain: no link: the input is {e}");
    }
    if let Err(e) = emit(&text) {
        return fail(&e);
    }
    if options.fail_on_finding && report.ecr_findings().next().is_some() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_and_blocks_outlast_backticks_in_the_value() {
        assert_eq!(md_code("a|b"), "`a\\|b`");
        assert_eq!(md_code("a`b"), "``a`b``");
        assert_eq!(md_code("`x"), "`` `x ``");
        assert_eq!(
            md_block("sh", "echo ```\nls"),
            "````sh\necho ```\nls\n````\n"
        );
    }

    #[test]
    fn prose_keeps_code_and_escapes_the_rest() {
        assert_eq!(
            md_prose("run `aws ecr x` on [a](http://e) <b>"),
            "run `aws ecr x` on \\[a\\](http://e) \\<b\\>"
        );
        // An unmatched backtick opens nothing.
        assert_eq!(md_prose("a `b` c `d"), "a `b` c \\`d");
        assert_eq!(plain("a `b`\u{1b}[31m"), "a b [31m");
    }

    #[test]
    fn workflow_command_escaping() {
        assert_eq!(gh_data("50%\r\nx"), "50%25%0D%0Ax");
        assert_eq!(gh_property("a,b:c%"), "a%2Cb%3Ac%25");
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("1000"), Some(1000));
        assert_eq!(parse_size("64M"), Some(64 << 20));
        assert_eq!(parse_size("2KiB"), Some(2048));
        assert_eq!(parse_size("1T"), None);
        assert_eq!(parse_size("99999999999999999999G"), None);
    }

    #[test]
    fn columns_count_characters_and_survive_odd_offsets() {
        let l = Lines::new("ab\nüx\n");
        assert_eq!(l.at(0), (1, 1));
        assert_eq!(l.at(3), (2, 1));
        assert_eq!(l.at(5), (2, 2));
        // Inside ü, and past the end: no panic.
        assert_eq!(l.at(4), (2, 1));
        assert_eq!(l.at(99), (3, 1));
    }
}
