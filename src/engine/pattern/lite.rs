//! The browser's patterns: regex-lite behind a literal prefilter. regex-lite's unanchored
//! search runs its NFA over every byte of the haystack (most of explain()'s time in the
//! browser); where every match of a pattern starts with one of a few words, or one character
//! before one (`prefix.rs`), the pattern is instead tried, anchored, only there. Matches are exactly
//! regex-lite's: the leftmost candidate where the anchored pattern matches is the leftmost
//! match, and its text and groups are the ones the plain search reports.

use super::prefix::{prefixes, Prefixes};
use super::Match;
use std::sync::OnceLock;

#[derive(Debug, Clone)]
pub struct Regex {
    plain: regex_lite::Regex,
    prefilter: Option<Prefilter>,
}

#[derive(Debug, Clone)]
struct Prefilter {
    pattern: String,
    prefixes: Prefixes,
    /// Bytes a prefix may start with.
    first: [bool; 256],
    /// Bits of [`pair`] for the first two bytes of every word (all set when a word has one
    /// byte): most positions with a common first letter are turned away without comparing.
    pairs: [bool; 256],
    /// The pattern anchored at a candidate: `\A(?:pattern)` for a candidate at 0, and
    /// `\A(?s:.)(?:pattern)`, run from the character before, for the others (look-behind,
    /// `\b` or `^`, still sees that character). Compiled when first needed.
    anchored: [OnceLock<regex_lite::Regex>; 2],
}

impl Prefilter {
    /// The next position at or after `from` where a match may start: where a word stands or,
    /// for `one_before` prefixes, the character before it.
    fn candidate(&self, haystack: &str, from: usize) -> Option<usize> {
        let at = self.word(haystack.as_bytes(), from)?;
        if self.prefixes.one_before && at > 0 {
            let before = haystack.floor_char_boundary(at - 1);
            if before >= from {
                return Some(before);
            }
        }
        Some(at)
    }

    /// The next position at or after `from` where a word stands.
    fn word(&self, haystack: &[u8], from: usize) -> Option<usize> {
        let fold = self.prefixes.fold;
        (from..haystack.len()).find(|&at| {
            self.first[haystack[at] as usize]
                && haystack
                    .get(at + 1)
                    .is_none_or(|&b| self.pairs[pair(haystack[at], b)])
                && self.prefixes.words.iter().any(|w| {
                    haystack.get(at..at + w.len()).is_some_and(|h| {
                        if fold {
                            h.eq_ignore_ascii_case(w)
                        } else {
                            h == w.as_slice()
                        }
                    })
                })
        })
    }

    fn anchored(&self, after_previous: bool) -> &regex_lite::Regex {
        let k = usize::from(after_previous);
        self.anchored[k].get_or_init(|| {
            let start = [r"\A", r"\A(?s:.)"][k];
            regex_lite::Regex::new(&format!("{start}(?:{})", self.pattern))
                .expect("anchored pattern")
        })
    }
}

/// A hash of two bytes, ignoring ASCII case.
fn pair(a: u8, b: u8) -> usize {
    (a.to_ascii_lowercase() as usize * 7 + b.to_ascii_lowercase() as usize) & 255
}

pub struct Captures<'h> {
    haystack: &'h str,
    inner: regex_lite::Captures<'h>,
    /// Where `inner`'s haystack starts in `haystack`.
    offset: usize,
    /// Where the whole match starts, when `inner` also holds the character before it.
    start: Option<usize>,
}

impl<'h> Captures<'h> {
    fn whole(haystack: &'h str, inner: regex_lite::Captures<'h>) -> Self {
        Captures {
            haystack,
            inner,
            offset: 0,
            start: None,
        }
    }

    fn shift(&self, i: usize, m: regex_lite::Match<'h>) -> Match<'h> {
        let start = match (i, self.start) {
            (0, Some(start)) => start,
            _ => self.offset + m.start(),
        };
        Match {
            haystack: self.haystack,
            start,
            end: self.offset + m.end(),
        }
    }

    pub fn get(&self, i: usize) -> Option<Match<'h>> {
        self.inner.get(i).map(|m| self.shift(i, m))
    }

    pub fn name(&self, name: &str) -> Option<Match<'h>> {
        // Group 0 has no name, so no start to fix.
        self.inner.name(name).map(|m| self.shift(usize::MAX, m))
    }

    pub fn len(&self) -> usize {
        self.inner.len()
    }

    pub fn is_empty(&self) -> bool {
        false
    }
}

index_by_group!(Captures);

impl Regex {
    pub fn new(pattern: &str) -> Result<Regex, regex_lite::Error> {
        Ok(Regex::with_prefilter(
            regex_lite::Regex::new(pattern)?,
            prefixes(pattern),
        ))
    }

    fn with_prefilter(plain: regex_lite::Regex, prefixes: Option<Prefixes>) -> Regex {
        let prefilter = prefixes.map(|prefixes| {
            let mut first = [false; 256];
            let mut pairs = [false; 256];
            for w in &prefixes.words {
                first[w[0] as usize] = true;
                if prefixes.fold {
                    first[w[0].to_ascii_lowercase() as usize] = true;
                    first[w[0].to_ascii_uppercase() as usize] = true;
                }
                match w.get(1) {
                    Some(&b) => pairs[pair(w[0], b)] = true,
                    None => pairs = [true; 256],
                }
            }
            Prefilter {
                pattern: plain.as_str().to_string(),
                prefixes,
                first,
                pairs,
                anchored: Default::default(),
            }
        });
        Regex { plain, prefilter }
    }

    /// The same pattern without the prefilter (the property test compares the two).
    #[cfg(test)]
    fn unfiltered(&self) -> Regex {
        Regex::with_prefilter(self.plain.clone(), None)
    }

    pub fn is_match(&self, haystack: &str) -> bool {
        self.captures_at(haystack, 0).is_some()
    }

    pub fn find<'h>(&self, haystack: &'h str) -> Option<Match<'h>> {
        self.captures_at(haystack, 0)?.get(0)
    }

    pub fn find_iter<'r, 'h>(
        &'r self,
        haystack: &'h str,
    ) -> impl Iterator<Item = Match<'h>> + use<'r, 'h> {
        self.captures_iter(haystack).filter_map(|c| c.get(0))
    }

    pub fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        self.captures_at(haystack, 0)
    }

    pub fn captures_at<'h>(&self, haystack: &'h str, start: usize) -> Option<Captures<'h>> {
        let Some(pf) = &self.prefilter else {
            return self
                .plain
                .captures_at(haystack, start)
                .map(|c| Captures::whole(haystack, c));
        };
        // The leftmost candidate where the pattern matches, anchored, is the leftmost match.
        let mut from = start;
        while let Some(at) = pf.candidate(haystack, from) {
            // From the character before the candidate, so look-behind (`\b`) still sees it.
            let offset = haystack.floor_char_boundary(at.saturating_sub(1));
            if let Some(inner) = pf.anchored(at > 0).captures(&haystack[offset..]) {
                return Some(Captures {
                    haystack,
                    inner,
                    offset,
                    start: Some(at),
                });
            }
            from = at + 1;
        }
        None
    }

    pub fn captures_iter<'r, 'h>(
        &'r self,
        haystack: &'h str,
    ) -> impl Iterator<Item = Captures<'h>> + use<'r, 'h> {
        let mut plain = self
            .prefilter
            .is_none()
            .then(|| self.plain.captures_iter(haystack));
        let mut at = 0;
        std::iter::from_fn(move || match &mut plain {
            Some(it) => it.next().map(|c| Captures::whole(haystack, c)),
            // Prefixed matches are never empty, so the next search starts at the end.
            None => self
                .captures_at(haystack, at)
                .inspect(|c| at = c.get(0).map_or(usize::MAX, |m| m.end)),
        })
    }

    pub fn capture_names(&self) -> impl Iterator<Item = Option<&str>> {
        self.plain.capture_names()
    }
}

#[cfg(test)]
mod tests {
    use super::{Match, Regex};
    use proptest::prelude::*;
    use std::sync::OnceLock;

    type Spans = Vec<Option<(usize, usize)>>;

    /// Everything a search reports, group by group, for every way the engine searches.
    fn results(re: &Regex, text: &str, from: usize) -> (bool, Vec<(usize, usize)>, Vec<Spans>) {
        let span = |m: Match| {
            assert_eq!(
                (m.len(), m.is_empty()),
                (m.as_str().len(), m.start() == m.end())
            );
            (m.start(), m.end())
        };
        let groups = |c: super::Captures| -> Spans {
            assert!(!c.is_empty());
            let names = re.capture_names().flatten().map(|n| c.name(n).map(span));
            (0..c.len())
                .map(|i| c.get(i).map(span))
                .chain(names)
                .collect()
        };
        let found = re.find_iter(text).map(span).collect();
        let mut caps: Vec<Spans> = re.captures_iter(text).map(groups).collect();
        caps.extend(re.captures_at(text, from).map(groups));
        caps.extend(re.captures(text).map(groups));
        caps.extend(re.find(text).map(|m| vec![Some(span(m))]));
        (re.is_match(text), found, caps)
    }

    /// Every pattern the engine compiles: the catalogue's examples run once to build them all.
    fn engine_patterns() -> &'static Vec<(Regex, Regex)> {
        static PATTERNS: OnceLock<Vec<(Regex, Regex)>> = OnceLock::new();
        PATTERNS.get_or_init(|| {
            for family in crate::catalogue::FAMILIES {
                for text in family.examples.iter().chain(family.near_misses) {
                    crate::explain(text);
                }
            }
            let mut patterns = super::super::compiled_patterns().lock().unwrap().clone();
            patterns.sort();
            patterns.dedup();
            assert!(patterns.len() > 100, "only {} patterns", patterns.len());
            patterns
                .iter()
                .map(|p| {
                    let re = Regex::new(p).unwrap();
                    let plain = re.unfiltered();
                    (re, plain)
                })
                .collect()
        })
    }

    #[test]
    fn most_engine_patterns_have_a_prefix() {
        let all = engine_patterns();
        let prefixed = all.iter().filter(|(re, _)| re.prefilter.is_some()).count();
        assert!(prefixed * 2 > all.len(), "{prefixed} of {}", all.len());
    }

    /// Bits of logs, the catalogue's examples and tricky characters, glued at random.
    fn text() -> impl Strategy<Value = String> {
        let pieces = prop_oneof![
            (
                0..crate::catalogue::FAMILIES.len(),
                any::<prop::sample::Index>()
            )
                .prop_map(|(f, cut)| {
                    let e = crate::catalogue::FAMILIES[f].examples[0];
                    let chars: Vec<char> = e.chars().collect();
                    let (a, b) = (cut.index(chars.len() + 1), chars.len());
                    chars[a.min(b)..]
                        .iter()
                        .chain(&chars[..a])
                        .collect::<String>()
                }),
            "[a-zA-Z0-9:./_ -]{0,12}",
            Just("\n".to_string()),
            Just("é€x".to_string()),
            Just("ARN:AWS:".to_string()),
            Just("\u{212a}ubelet".to_string()),
        ];
        proptest::collection::vec(pieces, 0..6).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

        /// The prefilter never hides, adds or moves a match: every engine pattern reports the
        /// same matches and groups with and without it.
        #[test]
        fn prefilter_changes_no_match_of_the_engine_patterns(
            text in text(),
            from in any::<prop::sample::Index>(),
        ) {
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let from = bounds[from.index(bounds.len())];
            for (re, plain) in engine_patterns() {
                prop_assert_eq!(results(re, &text, from), results(plain, &text, from), "{}", re.plain.as_str());
            }
        }

    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

        /// The same for patterns made up at random from the syntax the prefix reader knows.
        #[test]
        fn prefilter_changes_no_match_of_random_patterns(
            fold in any::<bool>(),
            parts in proptest::collection::vec(prop::sample::select(vec![
                "ab", "Ab", "b", "-", ":", r"\.", r"\b", r"\B", "^", "$", "(?:", "(", "(?P<n>",
                "|", ")", "?", "*", "+", "+?", "{1,2}", "{2}", "??", "[a-b]", "[)|]", "[^a:]", "[]a]", r"\s", r"\d", r"\<", r"\(",
                ".", "(?-i)", "(?i:", "é",
            ]), 1..10),
            text in "[aAbB:. \n-]{0,24}|[aAbé:. \n-]{0,24}",
            from in any::<prop::sample::Index>(),
        ) {
            let pattern = format!("{}{}", if fold { "(?i)" } else { "" }, parts.concat());
            let Ok(re) = Regex::new(&pattern) else { return Ok(()) };
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let from = bounds[from.index(bounds.len())];
            prop_assert_eq!(results(&re, &text, from), results(&re.unfiltered(), &text, from), "{}", pattern);
        }
    }
}
