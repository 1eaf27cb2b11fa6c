//! The throttling bucket's link query: any text parses (clamped), its canonical form parses
//! back to the same scenario, and a short simulation of it runs.
#![no_main]

use ecr_explain::bucket::{from_fragment_query, Simulation};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let q = String::from_utf8_lossy(data);
    let s = from_fragment_query(&q);
    let canonical = s.to_query();
    assert_eq!(from_fragment_query(&canonical), s, "{canonical}");
    let mut sim = Simulation::from_scenario(&s);
    sim.run_until(0.5);
});
