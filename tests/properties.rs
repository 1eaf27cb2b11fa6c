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
fn both_engines() -> &'static Vec<(regex_lite::Regex, ecr_explain::engine::testing::Regex)> {
    static BOTH: std::sync::OnceLock<
        Vec<(regex_lite::Regex, ecr_explain::engine::testing::Regex)>,
    > = std::sync::OnceLock::new();
    BOTH.get_or_init(|| {
        FAMILIES
            .iter()
            .flat_map(|f| f.signatures)
            .map(|s| {
                let p = format!("(?i){}", s.pattern);
                (
                    regex_lite::Regex::new(&p).unwrap(),
                    ecr_explain::engine::testing::Regex::new(&p).unwrap(),
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
        let text = ecr_explain::engine::testing::normalize(&text).text;
        for (lite, native) in both_engines() {
            let a: Vec<(usize, usize)> = lite.find_iter(&text).map(|m| (m.start(), m.end())).collect();
            let b: Vec<(usize, usize)> = native.find_iter(&text).map(|m| (m.start(), m.end())).collect();
            prop_assert_eq!(a, b, "pattern {}", lite.as_str());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 60, ..ProptestConfig::default() })]

    /// A retry loop is copied, not re-read: the same lines stamped with their own times,
    /// counters and request ids give exactly the findings of one such line, each counted once
    /// per line (copying never hides a match that reading would find).
    #[test]
    fn stamped_repeats_give_the_findings_of_one_line(
        family in 0..FAMILIES.len(),
        lines in 3usize..40,
        seed in any::<u32>(),
    ) {
        let example = FAMILIES[family].examples[0].replace('\n', " ");
        let stamp = |i: usize| {
            let x = seed.wrapping_add(i as u32).wrapping_mul(2_654_435_761);
            format!("2026-12-01T03:{:02}:{:02}.{:03}Z attempt {} req {:08x}-1111-2222-3333-{:012x}: ",
                i / 60 % 60, i % 60, x % 1000, i + 1, x, i)
        };
        let one = explain(&format!("{}{example}\n", stamp(0)));
        let many: String = (0..lines).map(|i| format!("{}{example}\n", stamp(i))).collect();
        let report = explain(&many);
        let ids = |r: &Report| {
            let mut v: Vec<String> = r.findings.iter().map(|f| f.id.clone()).collect();
            v.sort();
            v.dedup();
            v
        };
        prop_assert_eq!(ids(&report), ids(&one));
        for f in &report.findings {
            prop_assert!(f.occurrences >= lines, "{} counted {} of {lines}", f.id, f.occurrences);
        }
        check(&many, &report);
    }
}

#[test]
fn a_message_wrapped_over_two_lines_and_repeated_is_found_every_time() {
    let pad = "x".repeat(900);
    let block = |i: usize| {
        format!(
            "{pad} 2026-12-01T03:04:{:02}Z push failed: The repository with name 'team/app'\n\
             does not exist in the registry with id '111122223333' {pad}\n",
            i % 60
        )
    };
    let text: String = (0..12).map(block).collect();
    let report = explain(&text);
    let f = report
        .findings
        .iter()
        .find(|f| f.id == "repository-not-found")
        .expect("found");
    assert!(f.occurrences >= 12, "{}", f.occurrences);
    check(&text, &report);
}
