//! `explain` on arbitrary text, then the highlighted view of it: no panic, and spans that
//! point into the input on character boundaries.
#![no_main]

use ecr_explain::{explain, highlight};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the highlight cap, so the windowed view (cap below the length)
    // is exercised as well as the whole one.
    let (cap, rest) = match data.split_first() {
        Some((c, rest)) => (*c as usize * 16, rest),
        None => (0, data),
    };
    let text = String::from_utf8_lossy(rest);
    let report = explain(&text);
    assert_eq!(report.input_bytes, text.len());
    for f in &report.findings {
        for s in std::iter::once(&f.span).chain(&f.more_spans) {
            assert!(s.start <= s.end && s.end <= text.len(), "{s:?}");
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "{s:?}");
        }
    }
    let _ = highlight::pieces(&text, &report, cap);
});
