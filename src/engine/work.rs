//! A count of the engine's work, for tests that check cost grows linearly with input: bytes
//! handed to pattern searches and steps of the merge and order passes. Counting, not timing,
//! so such a test cannot flake on a busy machine.

use std::cell::Cell;

thread_local! {
    static UNITS: Cell<u64> = const { Cell::new(0) };
}

/// Records `units` of work (bytes searched, comparisons made).
pub(crate) fn add(units: usize) {
    UNITS.with(|u| u.set(u.get().saturating_add(units as u64)));
}

/// Runs `f` and returns its result with the work it recorded on this thread.
pub fn measure<R>(f: impl FnOnce() -> R) -> (R, u64) {
    let before = UNITS.with(Cell::get);
    let result = f();
    (result, UNITS.with(Cell::get) - before)
}
