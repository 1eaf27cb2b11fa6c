//! The JSON report (`--format json`): the same shape as the JavaScript API's.

use super::safe::unsafe_char;
use super::LinkResult;
use ecr_explain::Report;
use serde::Serialize;

/// The JSON report, with `share_link` added when `--link` was given.
#[derive(Serialize)]
pub(crate) struct JsonOut<'a> {
    #[serde(flatten)]
    report: &'a Report,
    #[serde(skip_serializing_if = "Option::is_none")]
    share_link: Option<&'a str>,
}

pub(crate) fn render_json(report: &Report, link: Option<&LinkResult>) -> Result<String, String> {
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
