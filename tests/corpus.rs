//! Real pastes from `../shared/corpus` and `../shared/corpus-2` (never copied here; a file in
//! `corpus-2` overrides the same name in `corpus`): the first finding must be the expected
//! family (for `none`: no ECR finding at all) and every listed fact must be reported.

use ecr_explain::explain;
use ecr_explain::scoring::{read_folders, score};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn corpus_folders() -> Vec<PathBuf> {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let mut folders = vec![shared.join("corpus")];
    // corpus-2, corpus-3, … as they are released.
    for n in 2.. {
        let next = shared.join(format!("corpus-{n}"));
        if !next.join("manifest.tsv").exists() {
            break;
        }
        folders.push(next);
    }
    folders
}

#[test]
fn every_corpus_row_gets_the_expected_first_finding_and_facts() {
    let folders = corpus_folders();
    let rows = read_folders(&folders).expect("../shared/corpus* must sit beside the checkout");
    assert!(rows.len() > 100, "only {} corpus rows read", rows.len());
    // Per folder, per expected label: (passed, rows).
    let mut tally: BTreeMap<String, BTreeMap<String, (usize, usize)>> = BTreeMap::new();
    let mut failures = Vec::new();
    for row in &rows {
        let outcome = score(row, &explain(&row.text));
        let folder = row
            .folder
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let entry = tally
            .entry(folder.clone())
            .or_default()
            .entry(row.expected_label())
            .or_default();
        entry.1 += 1;
        if outcome.passes() {
            entry.0 += 1;
            continue;
        }
        let mut problems = Vec::new();
        if !outcome.agrees {
            problems.push(format!("first finding {:?}", outcome.got));
        }
        for (k, v, have) in &outcome.facts_wrong {
            problems.push(format!("missing {k}={v} (have {have:?})"));
        }
        failures.push(format!(
            "{folder}/{} [{}]: {}",
            row.file,
            row.expected_label(),
            problems.join("; ")
        ));
    }
    for (folder, ids) in &tally {
        println!("{folder} (passed/rows per expected id):");
        for (id, (pass, total)) in ids {
            println!("  {id:<40} {pass}/{total}");
        }
        let pass: usize = ids.values().map(|t| t.0).sum();
        let total: usize = ids.values().map(|t| t.1).sum();
        println!("  {:<40} {pass}/{total}", "ALL");
    }
    assert!(
        failures.is_empty(),
        "{} rows fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
