//! GitHub Actions workflow commands (`--format github`).

use super::safe::{clean, clean_lines, plain, Lines};
use super::LinkResult;
use ecr_explain::Report;

/// GitHub workflow-command data: `%`, CR and LF escaped, so a paste cannot end the command
/// and start another.
pub(crate) fn gh_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow-command property value: data escaping plus `:` and `,`.
pub(crate) fn gh_property(s: &str) -> String {
    gh_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub(crate) fn render_github(
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_command_escaping() {
        assert_eq!(gh_data("50%\r\nx"), "50%25%0D%0Ax");
        assert_eq!(gh_property("a,b:c%"), "a%2Cb%3Ac%25");
    }
}
