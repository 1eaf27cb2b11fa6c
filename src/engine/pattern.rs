//! The engine's patterns. The browser build uses regex-lite (small), with feature
//! `wasm-prefilter` behind a literal prefilter (`lite.rs`: explain() of a 2 KB paste about 3x
//! faster in Chromium, for about 3.6 KiB gzip of wasm); the native build (CLI, tests,
//! benchmarks) uses the regex crate (literal prefilters and a lazy DFA, many times faster on
//! long logs). Both read patterns with regex-lite's ASCII meaning of `\b`, `\w`, `\s`, `\d`
//! and case folding, so a paste gets the same findings in either.

#[cfg(all(target_arch = "wasm32", not(feature = "wasm-prefilter")))]
pub use regex_lite::{Captures, Match, Regex};

#[cfg(all(target_arch = "wasm32", feature = "wasm-prefilter"))]
pub use lite::{Captures, Regex};

#[cfg(not(target_arch = "wasm32"))]
pub use native::{Captures, Regex};

/// `caps[i]`, group `i`'s text (a panic if it took no part), for either engine's `Captures`.
#[cfg(any(not(target_arch = "wasm32"), feature = "wasm-prefilter"))]
macro_rules! index_by_group {
    ($captures:ident) => {
        impl std::ops::Index<usize> for $captures<'_> {
            type Output = str;

            fn index(&self, i: usize) -> &str {
                self.get(i)
                    .map(|m| m.as_str())
                    .unwrap_or_else(|| panic!("no group {i} in this match"))
            }
        }
    };
}

// After the macro, which they use. Natively built for the tests only.
#[cfg(any(all(target_arch = "wasm32", feature = "wasm-prefilter"), test))]
mod lite;
#[cfg(any(all(target_arch = "wasm32", feature = "wasm-prefilter"), test))]
mod prefix;

/// Where a pattern or one of its groups matched (either wrapper).
#[cfg(any(not(target_arch = "wasm32"), feature = "wasm-prefilter"))]
#[derive(Debug, Clone, Copy)]
pub struct Match<'h> {
    haystack: &'h str,
    start: usize,
    end: usize,
}

#[cfg(any(not(target_arch = "wasm32"), feature = "wasm-prefilter"))]
impl<'h> Match<'h> {
    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn as_str(&self) -> &'h str {
        &self.haystack[self.start..self.end]
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::Match;
    use regex::bytes;
    use std::ops::Range;

    /// A compiled pattern over `&str`, with regex-lite's API and meaning.
    #[derive(Debug, Clone)]
    pub struct Regex(bytes::Regex);

    impl<'h> Match<'h> {
        /// Ranges are snapped to character boundaries: an ASCII pattern over bytes could
        /// otherwise end inside a character.
        fn new(haystack: &'h str, range: Range<usize>) -> Self {
            let start = haystack.floor_char_boundary(range.start);
            let end = haystack.ceil_char_boundary(range.end).max(start);
            Match {
                haystack,
                start,
                end,
            }
        }
    }

    pub struct Captures<'h> {
        haystack: &'h str,
        inner: bytes::Captures<'h>,
        names: &'h Regex,
    }

    impl<'h> Captures<'h> {
        pub fn get(&self, i: usize) -> Option<Match<'h>> {
            self.inner
                .get(i)
                .map(|m| Match::new(self.haystack, m.range()))
        }

        pub fn name(&self, name: &str) -> Option<Match<'h>> {
            self.inner
                .name(name)
                .map(|m| Match::new(self.haystack, m.range()))
        }

        pub fn len(&self) -> usize {
            self.names.0.captures_len()
        }

        pub fn is_empty(&self) -> bool {
            false
        }
    }

    index_by_group!(Captures);

    impl Regex {
        pub fn new(pattern: &str) -> Result<Regex, regex::Error> {
            #[cfg(test)]
            super::compiled_patterns()
                .lock()
                .unwrap()
                .push(pattern.to_string());
            bytes::RegexBuilder::new(pattern)
                // regex-lite's meaning: ASCII classes, boundaries and case folding.
                .unicode(false)
                .build()
                .map(Regex)
        }

        pub fn is_match(&self, haystack: &str) -> bool {
            self.0.is_match(haystack.as_bytes())
        }

        pub fn find<'h>(&self, haystack: &'h str) -> Option<Match<'h>> {
            self.0
                .find(haystack.as_bytes())
                .map(|m| Match::new(haystack, m.range()))
        }

        pub fn find_iter<'r, 'h>(
            &'r self,
            haystack: &'h str,
        ) -> impl Iterator<Item = Match<'h>> + use<'r, 'h> {
            self.0
                .find_iter(haystack.as_bytes())
                .map(move |m| Match::new(haystack, m.range()))
        }

        pub fn captures<'h>(&'h self, haystack: &'h str) -> Option<Captures<'h>> {
            self.captures_at(haystack, 0)
        }

        pub fn captures_at<'h>(&'h self, haystack: &'h str, start: usize) -> Option<Captures<'h>> {
            self.0
                .captures_at(haystack.as_bytes(), start)
                .map(|inner| Captures {
                    haystack,
                    inner,
                    names: self,
                })
        }

        pub fn captures_iter<'h>(
            &'h self,
            haystack: &'h str,
        ) -> impl Iterator<Item = Captures<'h>> + 'h {
            self.0
                .captures_iter(haystack.as_bytes())
                .map(move |inner| Captures {
                    haystack,
                    inner,
                    names: self,
                })
        }

        pub fn capture_names(&self) -> impl Iterator<Item = Option<&str>> {
            self.0.capture_names()
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn ascii_meaning_like_regex_lite() {
            // A word character in another script is no word character here.
            let re = Regex::new(r"(?i)\bdenied\b").unwrap();
            assert!(re.is_match("エラーdenied: x"));
            assert!(re.is_match("DENIED"));
            let caps = Regex::new(r"name '([^']+)'").unwrap();
            let c = caps.captures("name 'répo' x").unwrap();
            assert_eq!(&c[1], "répo");
            // A bounded any-byte run never ends inside a character.
            let m = Regex::new(r"x.{0,2}").unwrap().find("xéa").unwrap();
            assert!(m.as_str() == "xé" || m.as_str() == "xéa");
        }
    }
}

/// Every pattern the engine compiled so far (the prefilter's property test runs them all).
#[cfg(test)]
fn compiled_patterns() -> &'static std::sync::Mutex<Vec<String>> {
    static PATTERNS: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());
    &PATTERNS
}
