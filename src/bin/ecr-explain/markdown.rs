//! A Markdown report (`--format markdown`) for a job summary or a merge-request comment.

use super::safe::{clean, clean_lines, snippet, Lines};
use super::LinkResult;
use ecr_explain::{prose, Report};

/// A Markdown code span holding `s` literally (and safe inside a table cell).
pub(crate) fn md_code(s: &str) -> String {
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
pub(crate) fn md_block(lang: &str, s: &str) -> String {
    let s = clean_lines(s);
    let fence = "`".repeat((longest_backtick_run(&s) + 1).max(3));
    format!("{fence}{lang}\n{s}\n{fence}\n")
}

pub(crate) fn longest_backtick_run(s: &str) -> usize {
    s.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

/// Catalogue prose (with facts from the paste filled in) as Markdown: its backtick code spans
/// are kept; everything else is escaped, so a filled-in value cannot become a link, an image,
/// HTML or a mention.
pub(crate) fn md_prose(s: &str) -> String {
    prose::pieces(&clean(s))
        .iter()
        .map(|p| match p {
            prose::Piece::Plain(t) => md_escape(t),
            prose::Piece::Code(c) => md_code(c),
        })
        .collect()
}

pub(crate) fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\`*_[]<>!|~&@".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub(crate) fn render_markdown(input: &str, report: &Report, link: Option<&LinkResult>) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::safe::plain;

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
}
