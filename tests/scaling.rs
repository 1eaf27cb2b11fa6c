//! Cost grows linearly with input for every worst-case shape: the engine's own count of work
//! (bytes searched, merge and order steps) at most a little over doubles when the input
//! doubles. Counting, not timing: it cannot flake on a busy machine.

mod shapes;

use ecr_explain::engine::work;
use ecr_explain::explain;

#[test]
fn work_grows_linearly_with_input_for_every_shape() {
    let mut failures = Vec::new();
    for (name, make) in shapes::ALL {
        let units: Vec<u64> = [32 << 10, 64 << 10, 128 << 10]
            .iter()
            .map(|&n| work::measure(|| explain(&make(n))).1.max(1))
            .collect();
        let growth: Vec<f64> = units
            .windows(2)
            .map(|w| w[1] as f64 / w[0] as f64)
            .collect();
        println!("{name:<40} work {units:?}, growth per doubling {growth:.2?}");
        if growth.iter().any(|&g| g > 2.3) {
            failures.push(format!("{name}: {growth:.2?}"));
        }
    }
    assert!(failures.is_empty(), "superlinear: {failures:?}");
}

#[test]
fn a_count_that_does_not_grow_is_still_a_count() {
    // The measure reads work done, not a constant: twice the text, more work.
    let small = work::measure(|| explain(&shapes::sparse_ci_log(32 << 10))).1;
    let big = work::measure(|| explain(&shapes::sparse_ci_log(64 << 10))).1;
    assert!(small > 0 && big > small, "{small} {big}");
}
