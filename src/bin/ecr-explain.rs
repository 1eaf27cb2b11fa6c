//! `ecr-explain [--json] [FILE|-]`: explains the ECR errors in a log, a paste or stdin.

use ecr_explain::{explain, Report};
use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: ecr-explain [--json] [FILE|-]\n\nExplains the Amazon ECR errors in FILE (or standard input): what went wrong, why, and\nthe commands that fix it.\n\n  --json     print the report as JSON (the same shape the JavaScript API returns)\n  -h, --help print this help\n  -V, --version\n\nExit status: 0 when it ran (with or without findings), 2 on usage or I/O errors.";

struct Options {
    json: bool,
    path: Option<String>,
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Option<Options>, String> {
    let mut json = false;
    let mut path = None;
    let mut only_paths = false;
    for arg in args {
        match arg.as_str() {
            _ if only_paths => path = set_path(path, arg)?,
            "--json" => json = true,
            "-h" | "--help" => return Ok(None),
            "-V" | "--version" => {
                println!("ecr-explain {}", env!("CARGO_PKG_VERSION"));
                std::process::exit(0);
            }
            "--" => only_paths = true,
            "-" => path = set_path(path, arg)?,
            a if a.starts_with('-') => return Err(format!("unknown option {a}")),
            _ => path = set_path(path, arg)?,
        }
    }
    Ok(Some(Options { json, path }))
}

fn set_path(current: Option<String>, arg: String) -> Result<Option<String>, String> {
    match current {
        Some(_) => Err("only one FILE may be given".into()),
        None => Ok(Some(arg)),
    }
}

fn read_input(path: Option<&str>) -> Result<String, String> {
    let mut bytes = Vec::new();
    match path {
        None | Some("-") => std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?,
        Some(p) => {
            bytes = std::fs::read(p).map_err(|e| format!("cannot read {p}: {e}"))?;
            bytes.len()
        }
    };
    // Logs carry stray bytes; read them lossily rather than refuse the whole file.
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
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

/// Line and column (1-based) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rfind('\n')
        .map_or(before.len(), |nl| before.len() - nl - 1)
        + 1;
    (line, col)
}

fn render_text(input: &str, report: &Report, style: &Style) -> String {
    let mut out = String::new();
    let ecr = report.ecr_findings().count();
    out.push_str(&style.paint("1", &report.summary));
    out.push('\n');
    if report.findings.is_empty() {
        out.push_str("\nThis tool knows the common Amazon ECR errors (throttling, access denied, missing repositories, logins, pushes and pulls, ECS and EKS pulls) and did not recognise one here.\n");
        if !report.candidates.is_empty() {
            out.push_str("\nNearest known errors:\n");
            for c in &report.candidates {
                out.push_str(&format!("  - {} ({}): {}\n", c.title, c.id, c.reason));
            }
        }
        if !report.fields.is_empty() {
            out.push_str("\nFacts read anyway:\n");
            for (k, v) in &report.fields {
                out.push_str(&format!("  {k}: {v}\n"));
            }
        }
        return out;
    }
    for (i, f) in report.findings.iter().enumerate() {
        let (line, col) = line_col(input, f.span.start);
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
            style.paint("1", &f.title),
            style.paint("36", &f.id),
            f.confidence * 100.0,
        ));
        if let Some(c) = &f.context_of {
            out.push_str(&format!("   (context of {c})\n"));
        }
        let snippet: String = input[f.span.start..f.span.end]
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .take(300)
            .collect();
        out.push_str(&format!(
            "   {}\n",
            style.paint("2", &format!("» {snippet}"))
        ));
        out.push_str(&format!("\n   What it means: {}\n", f.explanation));
        out.push_str(&format!("   Why it happens: {}\n", f.causes));
        if !f.fields.is_empty() {
            out.push_str("\n   Facts:\n");
            for (k, v) in &f.fields {
                out.push_str(&format!("     {k}: {v}\n"));
            }
        }
        if !f.remedies.is_empty() {
            out.push_str("\n   How to fix it:\n");
            for r in &f.remedies {
                out.push_str(&format!("   - {}\n", r.title));
                for l in r.command.lines() {
                    out.push_str(&format!("       {}\n", style.paint("32", l)));
                }
            }
        }
        if !f.references.is_empty() {
            out.push_str("\n   References:\n");
            for r in &f.references {
                out.push_str(&format!("     {r}\n"));
            }
        }
    }
    if ecr == 0 {
        out.push_str("\nNo Amazon ECR error was recognised; the findings above are look-alikes from other registries or services.\n");
    }
    out
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(Some(o)) => o,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("ecr-explain: {e} (see --help)");
            return ExitCode::from(2);
        }
    };
    let input = match read_input(options.path.as_deref()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("ecr-explain: {e}");
            return ExitCode::from(2);
        }
    };
    let report = explain(&input);
    let text = if options.json {
        match serde_json::to_string_pretty(&report) {
            Ok(j) => j + "\n",
            Err(e) => {
                eprintln!("ecr-explain: cannot encode the report: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        let colour = std::io::stdout().is_terminal()
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        render_text(&input, &report, &Style { on: colour })
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth a message.
    let _ = stdout.write_all(text.as_bytes());
    ExitCode::SUCCESS
}
