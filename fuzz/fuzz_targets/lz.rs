//! The LZ coder: any bytes decompress or are refused (never past the cap), and any bytes
//! round-trip through compress.
#![no_main]

use ecr_explain::share::{lz, MAX_SHARE_TEXT};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(out) = lz::decompress(data) {
        assert!(out.len() <= MAX_SHARE_TEXT);
    }
    assert_eq!(lz::decompress(&lz::compress(data)).as_deref(), Some(data));
});
