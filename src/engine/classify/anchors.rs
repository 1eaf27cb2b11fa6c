//! Where anchor words stand in a chunk's clean text: every run of ASCII letters and digits
//! that is, case-insensitively, some signature's anchor. Words come 64 bytes at a time
//! ([`crate::engine::words`]); a hash bit turns away nearly every one that is no anchor.

/// Longest anchor word the prefilter can look up.
pub const MAX_ANCHOR_LEN: usize = 64;

pub(super) struct AnchorIndex {
    /// The anchor words, sorted, lowercase.
    words: Vec<&'static str>,
    /// One bit per hash of every anchor word: most words of a log are turned away by one bit
    /// test, without a search.
    hashes: Vec<u64>,
}

const HASH_BITS: u32 = 18;

/// A hash of the ASCII word `text[start..end]`, case-insensitively, folded to [`HASH_BITS`]
/// bits. Eight bytes at a time (`| 0x20` lowercases letters and keeps digits), so a word
/// costs a load and a multiplication or two, not a step per byte.
fn word_hash(text: &[u8], start: usize, end: usize) -> usize {
    let mut h = (end - start) as u64;
    let mut at = start;
    while at < end {
        let n = (end - at).min(8);
        let x = match text.get(at..at + 8) {
            Some(eight) => u64::from_le_bytes(eight.try_into().expect("eight bytes")),
            None => text[at..at + n]
                .iter()
                .rev()
                .fold(0, |x, &b| (x << 8) | u64::from(b)),
        };
        let keep = if n == 8 { u64::MAX } else { (1 << (8 * n)) - 1 };
        h = (h ^ ((x | 0x2020_2020_2020_2020) & keep)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        h ^= h >> 29;
        at += n;
    }
    (h >> (64 - HASH_BITS)) as usize
}

impl AnchorIndex {
    /// `words` sorted, each a lowercase ASCII word of at most [`MAX_ANCHOR_LEN`] bytes.
    pub(super) fn new(words: Vec<&'static str>) -> Self {
        let mut hashes = vec![0u64; (1 << HASH_BITS) / 64];
        for word in &words {
            let h = word_hash(word.as_bytes(), 0, word.len());
            hashes[h / 64] |= 1 << (h % 64);
        }
        AnchorIndex { words, hashes }
    }

    /// The anchor words in `text`, in order: `(start, end, index of the word)`. Every word of
    /// the text is looked up: a hash bit first, then a binary search.
    pub(super) fn find<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
        let bytes = text.as_bytes();
        crate::engine::words::ascii_words(text).filter_map(move |(start, end)| {
            let word = &bytes[start..end];
            if !(2..=MAX_ANCHOR_LEN).contains(&word.len()) {
                return None;
            }
            let h = word_hash(bytes, start, end);
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn index() -> AnchorIndex {
        let mut words = vec!["denied", "error", "errors", "429", "toomanyrequests", "ab"];
        words.sort_unstable();
        AnchorIndex::new(words)
    }

    /// Every occurrence of every word, case-insensitively, standing as a whole word.
    fn find_slowly(ix: &AnchorIndex, text: &str) -> Vec<(usize, usize, usize)> {
        let (b, lower) = (text.as_bytes(), text.to_ascii_lowercase());
        let mut out = Vec::new();
        for (wi, w) in ix.words.iter().enumerate() {
            for (at, _) in lower.match_indices(w) {
                let end = at + w.len();
                if (at == 0 || !b[at - 1].is_ascii_alphanumeric())
                    && (end == b.len() || !b[end].is_ascii_alphanumeric())
                {
                    out.push((at, end, wi));
                }
            }
        }
        out.sort_unstable();
        out
    }

    #[test]
    fn finds_whole_words_only() {
        let ix = index();
        let found: Vec<_> = ix
            .find("DENIED: errorsx errors 4290 429 ab_c")
            .map(|(s, e, _)| (s, e))
            .collect();
        assert_eq!(found, [(0, 6), (16, 22), (28, 31), (32, 34)]);
    }

    proptest! {
        #[test]
        fn finds_every_whole_anchor_word(
            text in "([a-zA-Z0-9 _:.é]|denied|DENIED|error|errors|429|ab|toomanyrequests){0,60}"
        ) {
            let ix = index();
            prop_assert_eq!(ix.find(&text).collect::<Vec<_>>(), find_slowly(&ix, &text));
        }
    }
}
