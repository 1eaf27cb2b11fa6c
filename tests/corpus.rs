//! Real pastes from `../shared/corpus` (never copied here): the first finding must be the
//! expected family (for `none`: no ECR finding at all) and every listed fact must be reported.

use ecr_explain::{explain, Report};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus")
}

fn has_field(report: &Report, key: &str, value: &str) -> bool {
    report.fields.get(key).map(String::as_str) == Some(value)
        || report
            .findings
            .iter()
            .any(|f| f.fields.get(key).map(String::as_str) == Some(value))
}

#[test]
fn every_corpus_row_gets_the_expected_first_finding_and_facts() {
    let dir = corpus_dir();
    let manifest = std::fs::read_to_string(dir.join("manifest.tsv"))
        .expect("../shared/corpus/manifest.tsv must sit beside the checkout");
    let mut tally: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    for line in manifest.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (file, expected) = (cols[0], cols[1]);
        let fields = cols.get(3).copied().unwrap_or("");
        let bytes = std::fs::read(dir.join(file)).expect(file);
        let text = String::from_utf8_lossy(&bytes);
        let report = explain(&text);
        let first = report.findings.first().map(|f| f.id.as_str());
        let mut problems = Vec::new();
        if expected == "none" {
            if let Some(f) = report.ecr_findings().next() {
                problems.push(format!("expected no ECR finding, got {}", f.id));
            }
        } else if first != Some(expected) {
            problems.push(format!(
                "first finding {:?}, all: {:?}",
                first,
                report.findings.iter().map(|f| &f.id).collect::<Vec<_>>()
            ));
        }
        for pair in fields.split(';').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').expect("key=value");
            if !has_field(&report, k, v) {
                problems.push(format!("missing {k}={v} (have {:?})", report.fields.get(k)));
            }
        }
        let entry = tally.entry(expected.to_string()).or_default();
        entry.1 += 1;
        if problems.is_empty() {
            entry.0 += 1;
        } else {
            failures.push(format!("{file} [{expected}]: {}", problems.join("; ")));
        }
    }
    println!("corpus tally (passed/rows per expected id):");
    for (id, (pass, total)) in &tally {
        println!("  {id:<28} {pass}/{total}");
    }
    let total: usize = tally.values().map(|t| t.1).sum();
    println!("  {:<28} {}/{}", "ALL", total - failures.len(), total);
    assert!(
        failures.is_empty(),
        "{} rows fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
