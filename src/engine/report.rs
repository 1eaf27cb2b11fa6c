//! The report every face renders: the CLI's `--json`, the JS API's objects and the app's cards.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Facts read from the paste, by name (`region`, `repository`, `action`, ...).
pub type Fields = BTreeMap<String, String>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset into the original input.
    pub start: usize,
    /// Byte offset one past the end, into the original input.
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Remedy {
    pub title: String,
    /// A command or snippet with the paste's facts filled in; missing facts stay `<name>`.
    pub command: String,
}

/// A fact from the paste that was kept out of the commands because it fails AWS's naming
/// rules (the paste is untrusted: its values are shown, never run).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Withheld {
    pub field: String,
    pub value: String,
    /// For people: which rule it fails.
    pub reason: String,
}

/// Where one extracted fact stands in the original input, for highlighting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mark {
    pub field: String,
    pub value: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub id: String,
    pub title: String,
    pub http_status: Option<u16>,
    pub confidence: f32,
    /// Matched only by the tolerant tier (paraphrased or mangled wording): shown as "likely".
    #[serde(default)]
    pub likely: bool,
    /// The first occurrence.
    pub span: Span,
    /// How many times this error (same id, same facts) stands in the paste.
    pub occurrences: usize,
    /// Further occurrences (at most a few dozen are listed).
    pub more_spans: Vec<Span>,
    /// True for look-alikes that are not ECR errors (ids starting with `not-ecr-`).
    pub not_ecr: bool,
    /// Set when this finding is a consequence of, or context for, an earlier finding.
    pub context_of: Option<String>,
    pub fields: Fields,
    pub marks: Vec<Mark>,
    /// What it means.
    pub explanation: String,
    /// Why it happens.
    pub causes: String,
    pub remedies: Vec<Remedy>,
    /// Facts kept out of `remedies` because they are not valid names (they stay `<name>`).
    #[serde(default)]
    pub withheld: Vec<Withheld>,
    pub references: Vec<String>,
}

/// A family whose wording was seen but whose match was rejected (e.g. no sign of ECR around a
/// generic AWS error), offered when nothing matched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    pub id: String,
    pub title: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Root cause first, consequences and look-alikes after.
    pub findings: Vec<Finding>,
    /// Every fact found, first occurrence wins.
    pub fields: Fields,
    /// A one-line verdict for people.
    pub summary: String,
    /// Nearest known errors when nothing matched.
    pub candidates: Vec<Candidate>,
    /// Distinct findings beyond the first 500, counted but not listed.
    #[serde(default)]
    pub omitted_findings: usize,
    pub input_bytes: usize,
}

impl Report {
    /// Findings that are ECR errors (not look-alikes).
    pub fn ecr_findings(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| !f.not_ecr)
    }
}
