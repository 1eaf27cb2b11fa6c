//! Where anchor words stand in a chunk's clean text: every run of ASCII letters and digits
//! that is, case-insensitively, some signature's anchor. Natively one Aho-Corasick pass (SIMD
//! where the CPU has it) finds them; the wasm keeps a word-by-word scan, which costs no
//! extra crate. Both find exactly the same words (a property test compares them).

/// Longest anchor word the prefilter can look up.
pub const MAX_ANCHOR_LEN: usize = 64;

pub(super) struct AnchorIndex {
    /// The anchor words, sorted, lowercase.
    words: Vec<&'static str>,
    /// One bit per hash of every anchor word: most words of a log are turned away by one bit
    /// test, without a search.
    hashes: Vec<u64>,
    #[cfg(not(target_arch = "wasm32"))]
    automaton: aho_corasick::AhoCorasick,
}

const HASH_BITS: u32 = 18;

/// A hash of an ASCII word, case-insensitively, folded to [`HASH_BITS`] bits. Eight bytes at a
/// time (`| 0x20` lowercases letters and keeps digits), so a word costs one or two
/// multiplications, not one per byte.
fn word_hash(word: &[u8]) -> usize {
    let mut h = word.len() as u64;
    for chunk in word.chunks(8) {
        let x = chunk
            .iter()
            .rev()
            .fold(0u64, |x, &b| (x << 8) | u64::from(b | 0x20));
        h = (h ^ x).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        h ^= h >> 29;
    }
    (h >> (64 - HASH_BITS)) as usize
}

impl AnchorIndex {
    /// `words` sorted, each a lowercase ASCII word of at most [`MAX_ANCHOR_LEN`] bytes.
    pub(super) fn new(words: Vec<&'static str>) -> Self {
        let mut hashes = vec![0u64; (1 << HASH_BITS) / 64];
        for word in &words {
            let h = word_hash(word.as_bytes());
            hashes[h / 64] |= 1 << (h % 64);
        }
        AnchorIndex {
            #[cfg(not(target_arch = "wasm32"))]
            automaton: aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .build(&words)
                .expect("anchor automaton"),
            words,
            hashes,
        }
    }

    /// The anchor words in `text`, in order: `(start, end, index of the word)`.
    pub(super) fn find<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
        #[cfg(not(target_arch = "wasm32"))]
        return self.find_by_automaton(text);
        #[cfg(target_arch = "wasm32")]
        return self.find_by_words(text);
    }

    /// Every whole word the automaton finds. Leftmost-longest is enough: anchors are words,
    /// so no match spans two words, and at a word's start the longest anchor is the word itself
    /// when it is one.
    #[cfg(not(target_arch = "wasm32"))]
    fn find_by_automaton<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
        let bytes = text.as_bytes();
        self.automaton.find_iter(text).filter_map(move |m| {
            let (start, end) = (m.start(), m.end());
            let whole = (start == 0 || !bytes[start - 1].is_ascii_alphanumeric())
                && (end == bytes.len() || !bytes[end].is_ascii_alphanumeric());
            whole.then(|| (start, end, m.pattern().as_usize()))
        })
    }

    /// Every word of the text, looked up: a hash bit first, then a binary search.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    fn find_by_words<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
        let bytes = text.as_bytes();
        crate::engine::normalize::ascii_words(text).filter_map(move |(start, end)| {
            let word = &bytes[start..end];
            if !(2..=MAX_ANCHOR_LEN).contains(&word.len()) {
                return None;
            }
            let h = word_hash(word);
            if self.hashes[h / 64] & (1 << (h % 64)) == 0 {
                return None;
            }
            let mut buf = [0u8; MAX_ANCHOR_LEN];
            buf[..word.len()].copy_from_slice(word);
            buf[..word.len()].make_ascii_lowercase();
            let lower = &buf[..word.len()];
            self.words
                .binary_search_by(|w| w.as_bytes().cmp(lower))
                .ok()
                .map(|i| (start, end, i))
        })
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn index() -> AnchorIndex {
        let mut words = vec!["denied", "error", "errors", "429", "toomanyrequests", "ab"];
        words.sort_unstable();
        AnchorIndex::new(words)
    }

    #[test]
    fn finds_whole_words_only() {
        let ix = index();
        let found: Vec<_> = ix
            .find_by_automaton("DENIED: errorsx errors 4290 429 ab_c")
            .map(|(s, e, _)| (s, e))
            .collect();
        assert_eq!(found, [(0, 6), (16, 22), (28, 31), (32, 34)]);
    }

    proptest! {
        #[test]
        fn the_automaton_finds_what_the_word_scan_finds(
            text in "([a-zA-Z0-9 _:.é]|denied|DENIED|error|errors|429|ab|toomanyrequests){0,60}"
        ) {
            let ix = index();
            let a: Vec<_> = ix.find_by_automaton(&text).collect();
            let w: Vec<_> = ix.find_by_words(&text).collect();
            prop_assert_eq!(a, w);
        }
    }
}
