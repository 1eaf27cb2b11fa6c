//! Scores the engine on folders of real pastes in the manifest format:
//! `cargo run --release --example score -- DIR [DIR…]` (a later folder overrides the same file
//! name in an earlier one). Prints agreement per expected id, every miss, facts right and
//! wrong, and how look-alikes (`none` rows) were handled.

use ecr_explain::explain;
use ecr_explain::scoring::{read_folders, score};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn main() {
    let folders: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if folders.is_empty() {
        eprintln!("usage: cargo run --release --example score -- DIR [DIR…]");
        std::process::exit(2);
    }
    let rows = match read_folders(&folders) {
        Ok(rows) => rows,
        Err(e) => {
            eprintln!("score: {e}");
            std::process::exit(2);
        }
    };
    // Per expected label: (agreed, rows).
    let mut per_id: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let (mut agreed, mut likely, mut facts_right, mut facts_total) = (0, 0, 0, 0);
    let (mut none_rows, mut none_clean) = (0, 0);
    let mut misses = Vec::new();
    for row in &rows {
        let report = explain(&row.text);
        let outcome = score(row, &report);
        let entry = per_id.entry(row.expected_label()).or_default();
        entry.1 += 1;
        facts_right += outcome.facts_right;
        facts_total += outcome.facts_right + outcome.facts_wrong.len();
        if row.expects_none() {
            none_rows += 1;
            none_clean += usize::from(outcome.agrees);
        }
        if outcome.agrees {
            entry.0 += 1;
            agreed += 1;
            likely += usize::from(outcome.likely);
        } else {
            misses.push(format!(
                "  {:<10} expected {:<28} got {}",
                row.file,
                row.expected_label(),
                outcome.got.as_deref().unwrap_or("nothing")
            ));
        }
        for (k, v, have) in &outcome.facts_wrong {
            misses.push(format!(
                "  {:<10} fact {k}: expected {v:?}, reported {:?}",
                row.file,
                have.as_deref().unwrap_or("nothing")
            ));
        }
    }
    println!("agreement per expected id (first finding):");
    for (id, (pass, total)) in &per_id {
        println!("  {id:<40} {pass}/{total}");
    }
    let pct = |a: usize, b: usize| {
        if b == 0 {
            100.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    println!(
        "first finding agrees: {agreed}/{} ({:.1}%), {likely} of them only as \"likely\"",
        rows.len(),
        pct(agreed, rows.len())
    );
    println!(
        "facts right: {facts_right}/{facts_total} ({:.1}%)",
        pct(facts_right, facts_total)
    );
    println!("look-alikes (none) with no ECR finding: {none_clean}/{none_rows}");
    if !misses.is_empty() {
        println!("misses:");
        for m in &misses {
            println!("{m}");
        }
    }
}
