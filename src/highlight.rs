//! Splits a paste into pieces for display: which finding and which fact each piece belongs
//! to, and, for huge pastes, only the neighbourhood of each finding. Pure, so it is tested
//! natively; the app only turns pieces into elements.

use crate::engine::stable_order::sorted_by_key;
use crate::engine::{field, Report};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub start: usize,
    pub end: usize,
    /// Index of the finding whose span covers this piece (the first such finding).
    pub finding: Option<usize>,
    /// The fact this piece is part of.
    pub fact: Option<String>,
    /// Set on the piece where a finding's span starts: its number is shown there.
    pub finding_starts: Option<usize>,
    /// Set on the piece where a fact starts: its name is shown there.
    pub fact_starts: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(Segment),
    /// Bytes of the paste left out between two shown neighbourhoods.
    Gap(usize),
}

/// Lines shown before and after a finding when the paste is too long to show whole.
const CONTEXT_LINES: usize = 2;
/// Most bytes shown around one finding.
const MAX_WINDOW: usize = 4096;
const MAX_WINDOWS: usize = 30;

fn window_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    // Byte searches: a finding may start right after a multi-byte character, so `start - 1`
    // is no place to slice a `str`.
    let bytes = text.as_bytes();
    let mut s = start.min(text.len());
    for _ in 0..=CONTEXT_LINES {
        s = bytes[..s.saturating_sub(1)]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        if s == 0 {
            break;
        }
    }
    let mut e = end.min(text.len());
    for _ in 0..=CONTEXT_LINES {
        match bytes[e..].iter().position(|&b| b == b'\n') {
            Some(p) => e = e + p + 1,
            None => {
                e = text.len();
                break;
            }
        }
    }
    let s = text.floor_char_boundary(s.max(start.saturating_sub(MAX_WINDOW / 2)));
    let e = text.ceil_char_boundary(e.min(end.saturating_add(MAX_WINDOW / 2)));
    (s, e)
}

/// Which of several facts read from one span names it best (lower is better).
fn label_rank(name: &str) -> u8 {
    field::field(name).map_or(field::UNRANKED, |f| f.mark_rank)
}

/// The pieces of `text` to show: all of it when it is at most `max_bytes`, else the
/// neighbourhood of each finding.
pub fn pieces(text: &str, report: &Report, max_bytes: usize) -> Vec<Piece> {
    let windows: Vec<(usize, usize)> = if text.len() <= max_bytes {
        vec![(0, text.len())]
    } else {
        let w: Vec<(usize, usize)> = report
            .findings
            .iter()
            .take(MAX_WINDOWS)
            .map(|f| window_around(text, f.span.start, f.span.end))
            .collect();
        let w = sorted_by_key(w, |&(s, e)| [s, e, 0]);
        let mut merged: Vec<(usize, usize)> = Vec::new();
        for (s, e) in w {
            match merged.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        merged
    };
    // Distinct fact spans; where several facts come from one span (a registry host gives the
    // registry, its account and Region), the label names the whole thing: the best ranked,
    // the first read among equals. (Sorted and deduplicated through the engine's one shared
    // sort rather than a map: each sort or map type costs the wasm its own copy.)
    let marks: Vec<(usize, usize, &str)> = report
        .findings
        .iter()
        .flat_map(|f| {
            f.marks
                .iter()
                .filter(|m| m.span.end > m.span.start && f.fields.contains_key(&m.field))
        })
        .map(|m| (m.span.start, m.span.end, m.field.as_str()))
        .collect();
    let mut marks = sorted_by_key(marks, |&(s, e, name)| [s, e, label_rank(name).into()]);
    marks.dedup_by_key(|&mut (s, e, _)| (s, e));
    let mut out = Vec::new();
    let mut shown_until = 0;
    for (ws, we) in windows {
        if ws > shown_until {
            out.push(Piece::Gap(ws - shown_until));
        }
        // Only what touches this window (a paste may hold many thousands of findings).
        let findings: Vec<(usize, usize, usize)> = report
            .findings
            .iter()
            .enumerate()
            .filter(|(_, f)| f.span.start <= we && f.span.end >= ws)
            .map(|(i, f)| (i, f.span.start, f.span.end))
            .collect();
        let window_marks: Vec<&(usize, usize, &str)> =
            marks.iter().filter(|m| m.0 <= we && m.1 >= ws).collect();
        let mut cuts = vec![ws, we];
        for f in &findings {
            cuts.extend([f.1, f.2]);
        }
        for m in &window_marks {
            cuts.extend([m.0, m.1]);
        }
        let cuts: Vec<usize> = cuts
            .into_iter()
            .filter(|&c| c >= ws && c <= we)
            .map(|c| text.floor_char_boundary(c))
            .collect();
        let mut cuts = sorted_by_key(cuts, |&c| [c, 0, 0]);
        cuts.dedup();
        for pair in cuts.windows(2) {
            let (s, e) = (pair[0], pair[1]);
            if s == e {
                continue;
            }
            let finding = findings.iter().find(|f| f.1 <= s && e <= f.2).map(|f| f.0);
            let fact = window_marks
                .iter()
                .find(|m| m.0 <= s && e <= m.1)
                .map(|m| m.2.to_string());
            let finding_starts = findings.iter().find(|f| f.1 == s).map(|f| f.0);
            let fact_starts = window_marks
                .iter()
                .find(|m| m.0 == s)
                .map(|m| m.2.to_string());
            out.push(Piece::Text(Segment {
                start: s,
                end: e,
                finding,
                fact,
                finding_starts,
                fact_starts,
            }));
        }
        shown_until = we;
    }
    if shown_until < text.len() {
        out.push(Piece::Gap(text.len() - shown_until));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain;

    fn text_of(text: &str, pieces: &[Piece]) -> String {
        pieces
            .iter()
            .map(|p| match p {
                Piece::Text(s) => text[s.start..s.end].to_string(),
                Piece::Gap(n) => format!("[{n}]"),
            })
            .collect()
    }

    #[test]
    fn short_pastes_are_shown_whole_with_findings_and_facts() {
        let text =
            "x\ndenied: Your authorization token has expired. Reauthenticate and try again\n";
        let report = explain(text);
        let p = pieces(text, &report, 10_000);
        assert_eq!(text_of(text, &p), text);
        assert!(p
            .iter()
            .any(|p| matches!(p, Piece::Text(s) if s.finding_starts == Some(0))));
    }

    #[test]
    fn facts_are_marked() {
        let text = "Error response from daemon: Get https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/v2/app/manifests/latest: no basic auth credentials";
        let report = explain(text);
        let p = pieces(text, &report, 10_000);
        assert!(p
            .iter()
            .any(|p| matches!(p, Piece::Text(s) if s.fact_starts.is_some())));
    }

    #[test]
    fn a_finding_right_after_a_multibyte_character_in_a_long_paste() {
        // A curly quote just before the finding, after more than the cap of log lines.
        let text = format!(
            "{}\u{201c}no basic auth credentials\u{201d}\n",
            "some log line of a build\n".repeat(1000)
        );
        let report = explain(&text);
        assert!(!report.findings.is_empty());
        let p = pieces(&text, &report, 20_000);
        assert!(text_of(&text, &p).contains("no basic auth credentials"));
        // Invalid bytes read lossily, then an error: the window start lands right after U+FFFD.
        let text =
            String::from_utf8_lossy(b"\xffgetaddrinfo ENOTFOUND ecr.us-east-1.amazonaws.com")
                .into_owned();
        let report = explain(&text);
        pieces(&text, &report, 4);
    }

    #[test]
    fn long_pastes_show_only_the_neighbourhood_of_findings() {
        let filler = "ordinary build output line\n".repeat(5000);
        let text = format!("{filler}no basic auth credentials\n{filler}");
        let report = explain(&text);
        let p = pieces(&text, &report, 10_000);
        let shown = text_of(&text, &p);
        assert!(shown.contains("no basic auth credentials"));
        assert!(shown.len() < 2_000, "{}", shown.len());
        assert!(
            matches!(p.first(), Some(Piece::Gap(_))) && matches!(p.last(), Some(Piece::Gap(_)))
        );
    }
}
