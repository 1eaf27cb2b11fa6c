//! Arbitrary input never panics, and every span the report gives is a valid range of the input.

use ecr_explain::catalogue::FAMILIES;
use ecr_explain::{explain, Report};
use proptest::prelude::*;

fn check(text: &str, r: &Report) {
    for f in &r.findings {
        for s in std::iter::once(&f.span).chain(&f.more_spans) {
            assert!(
                s.start <= s.end && s.end <= text.len(),
                "{s:?} in {} bytes",
                text.len()
            );
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
        for m in &f.marks {
            assert!(m.span.start <= m.span.end && m.span.end <= text.len());
            assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        }
        assert!((0.0..=1.0).contains(&f.confidence));
    }
}

/// Pieces people paste around errors: escapes, gutters, ANSI, quotes, other scripts.
fn noise() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\\\"".to_string()),
        Just("\\\\\\\"".to_string()),
        Just("\\n".to_string()),
        Just("\u{1b}[31m".to_string()),
        Just("> ".to_string()),
        Just("12 | ".to_string()),
        Just("`".to_string()),
        Just("“".to_string()),
        Just("オ".to_string()),
        Just("&quot;".to_string()),
        Just("](http://x)".to_string()),
        Just("\\u00".to_string()),
        "\\PC{0,8}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        let r = explain(&text);
        check(&text, &r);
    }

    #[test]
    fn arbitrary_bytes_read_lossily_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let r = explain(&text);
        check(&text, &r);
    }

    #[test]
    fn examples_cut_and_sprinkled_with_noise_never_panic(
        family in 0..FAMILIES.len(),
        cut in any::<prop::sample::Index>(),
        at in any::<prop::sample::Index>(),
        junk in proptest::collection::vec(noise(), 0..6),
    ) {
        let example = FAMILIES[family].examples[0];
        let mut text: String = example.chars().take(cut.index(example.chars().count() + 1)).collect();
        let positions: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let pos = positions[at.index(positions.len())];
        text.insert_str(pos, &junk.concat());
        let r = explain(&text);
        check(&text, &r);
    }
}

/// Every catalogue pattern, compiled for both builds: regex-lite (the browser's) and the native
/// engine's. Case-insensitive, as the engine compiles them.
fn both_engines() -> &'static Vec<(regex_lite::Regex, ecr_explain::engine::pattern::Regex)> {
    static BOTH: std::sync::OnceLock<
        Vec<(regex_lite::Regex, ecr_explain::engine::pattern::Regex)>,
    > = std::sync::OnceLock::new();
    BOTH.get_or_init(|| {
        FAMILIES
            .iter()
            .flat_map(|f| f.signatures)
            .map(|s| {
                let p = format!("(?i){}", s.pattern);
                (
                    regex_lite::Regex::new(&p).unwrap(),
                    ecr_explain::engine::pattern::Regex::new(&p).unwrap(),
                )
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// The browser and the CLI find the same matches: the native engine's faster patterns
    /// never hide (or add) a match that regex-lite finds.
    #[test]
    fn native_patterns_match_exactly_where_regex_lite_does(
        family in 0..FAMILIES.len(),
        cut in any::<prop::sample::Index>(),
        junk in proptest::collection::vec(noise(), 0..6),
    ) {
        let example = FAMILIES[family].examples[0];
        let keep = cut.index(example.chars().count() + 1);
        let mut text: String = example.chars().take(keep).collect();
        text.push_str(&junk.concat());
        text.push_str(FAMILIES[(family + 1) % FAMILIES.len()].examples[0]);
        let text = ecr_explain::engine::normalize::normalize(&text).text;
        for (lite, native) in both_engines() {
            let a: Vec<(usize, usize)> = lite.find_iter(&text).map(|m| (m.start(), m.end())).collect();
            let b: Vec<(usize, usize)> = native.find_iter(&text).map(|m| (m.start(), m.end())).collect();
            prop_assert_eq!(a, b, "pattern {}", lite.as_str());
        }
    }
}
