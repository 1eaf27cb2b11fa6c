//! Reading in chunks finds what reading at once finds. The input is placed across a chunk
//! boundary (the first two bytes pick where), inside filler lines that match nothing.
#![no_main]

use ecr_explain::engine::Explainer;
use ecr_explain::explain;
use libfuzzer_sys::fuzz_target;

const CHUNK: usize = 64 << 10;

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let shift = u16::from_le_bytes([data[0], data[1]]) as usize % 8192;
    let body = String::from_utf8_lossy(&data[2..]);
    // Plain words no signature looks at, so each run stays cheap.
    let filler_line = "lorem ipsum dolor sit amet consectetur\n";
    let mut text = filler_line.repeat((CHUNK - shift) / filler_line.len());
    text.push_str(&body);
    text.push('\n');
    // Just enough after the body that the text spans two chunks.
    text.push_str(&filler_line.repeat(8192 / filler_line.len() + 1));
    let one_shot = explain(&text);
    let chunked = Explainer::with_chunk_size(&text, CHUNK).finish(&text);
    let ids = |r: &ecr_explain::Report| -> Vec<(String, usize, usize)> {
        let mut v: Vec<_> = r
            .findings
            .iter()
            .map(|f| (f.id.clone(), f.span.start, f.occurrences))
            .collect();
        v.sort();
        v
    };
    assert_eq!(ids(&one_shot), ids(&chunked));
});
