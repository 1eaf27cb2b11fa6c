//! Scoring the engine on folders of real pastes in the manifest format (`file`, `expected`,
//! `source`, `fields`, `note`, tab-separated). One reader serves the corpus test and
//! `cargo run --release --example score -- DIR…`, so anyone with a new batch can measure it.
//!
//! `expected` is a finding id, `id1|id2` (either is right), or `none` (no ECR finding at all).
//! When several folders are read, a file in a later folder overrides the same name in an
//! earlier one.

use crate::engine::Report;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One pasted text with its expert label.
#[derive(Debug, Clone)]
pub struct Row {
    /// The folder the row came from (after overrides).
    pub folder: PathBuf,
    pub file: String,
    /// Acceptable first-finding ids; empty means `none`.
    pub expected: Vec<String>,
    /// Facts the report must hold, `key=value`.
    pub fields: Vec<(String, String)>,
    pub note: String,
    pub text: String,
}

impl Row {
    pub fn expects_none(&self) -> bool {
        self.expected.is_empty()
    }

    pub fn expected_label(&self) -> String {
        if self.expects_none() {
            "none".to_string()
        } else {
            self.expected.join("|")
        }
    }
}

/// Reads every folder's `manifest.tsv` and texts; later folders override earlier ones by name.
/// Rows come sorted by file name.
pub fn read_folders(folders: &[PathBuf]) -> Result<Vec<Row>, String> {
    let mut rows: BTreeMap<String, Row> = BTreeMap::new();
    for folder in folders {
        for row in read_folder(folder)? {
            rows.insert(row.file.clone(), row);
        }
    }
    Ok(rows.into_values().collect())
}

fn read_folder(folder: &Path) -> Result<Vec<Row>, String> {
    let manifest_path = folder.join("manifest.tsv");
    let manifest = std::fs::read_to_string(&manifest_path)
        .map_err(|e| format!("{}: {e}", manifest_path.display()))?;
    let mut lines = manifest.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let column = |name: &str| header.iter().position(|h| h.trim() == name);
    let (file_col, expected_col) = match (column("file"), column("expected")) {
        (Some(f), Some(e)) => (f, e),
        _ => {
            return Err(format!(
                "{}: needs file and expected columns",
                manifest_path.display()
            ))
        }
    };
    let (fields_col, note_col) = (column("fields"), column("note"));
    let mut rows = Vec::new();
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let get = |i: Option<usize>| i.and_then(|i| cols.get(i)).copied().unwrap_or("").trim();
        let file = get(Some(file_col)).to_string();
        let bytes = std::fs::read(folder.join(&file))
            .map_err(|e| format!("{}: {e}", folder.join(&file).display()))?;
        let expected = get(Some(expected_col));
        rows.push(Row {
            folder: folder.to_path_buf(),
            expected: if expected == "none" {
                Vec::new()
            } else {
                expected.split('|').map(|s| s.trim().to_string()).collect()
            },
            fields: get(fields_col)
                .split(';')
                .filter_map(|p| p.split_once('='))
                .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
                .collect(),
            note: get(note_col).to_string(),
            text: String::from_utf8_lossy(&bytes).into_owned(),
            file,
        });
    }
    Ok(rows)
}

/// How the report did on one row.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The report's first finding id (for `none` rows: its first ECR finding, if any).
    pub got: Option<String>,
    /// The first finding agrees with the label.
    pub agrees: bool,
    /// The first finding was only a tolerant ("likely") match.
    pub likely: bool,
    pub facts_right: usize,
    /// Expected facts that are missing or differ: `(key, expected, reported)`.
    pub facts_wrong: Vec<(String, String, Option<String>)>,
}

impl Outcome {
    pub fn passes(&self) -> bool {
        self.agrees && self.facts_wrong.is_empty()
    }
}

pub fn score(row: &Row, report: &Report) -> Outcome {
    let (got, agrees, likely) = if row.expects_none() {
        let first_ecr = report.ecr_findings().next();
        (first_ecr.map(|f| f.id.clone()), first_ecr.is_none(), false)
    } else {
        let first = report.findings.first();
        (
            first.map(|f| f.id.clone()),
            first.is_some_and(|f| row.expected.contains(&f.id)),
            first.is_some_and(|f| f.likely),
        )
    };
    let mut facts_right = 0;
    let mut facts_wrong = Vec::new();
    for (key, value) in &row.fields {
        if has_fact(report, key, value) {
            facts_right += 1;
        } else {
            facts_wrong.push((key.clone(), value.clone(), report.fields.get(key).cloned()));
        }
    }
    Outcome {
        got,
        agrees,
        likely,
        facts_right,
        facts_wrong,
    }
}

fn has_fact(report: &Report, key: &str, value: &str) -> bool {
    report.fields.get(key).map(String::as_str) == Some(value)
        || report
            .findings
            .iter()
            .any(|f| f.fields.get(key).map(String::as_str) == Some(value))
}
