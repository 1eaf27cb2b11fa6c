//! The readable report (`--format text`), coloured on a terminal.

use super::safe::{clean, plain, snippet, Lines};
use super::LinkResult;
use ecr_explain::Report;

/// Colour (ANSI SGR) on or off.
pub(crate) struct Style {
    pub(crate) on: bool,
}

impl Style {
    pub(crate) fn paint(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

pub(crate) fn render_text(
    input: &str,
    report: &Report,
    link: Option<&LinkResult>,
    style: &Style,
) -> String {
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
