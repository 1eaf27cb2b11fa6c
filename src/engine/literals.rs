//! Counts many lowercase literals in one pass, ASCII case-insensitively. The evidence stage asks
//! "how often does each of these ~90 words occur here?" for every window; a `str::find` per word
//! reads the window ~90 times (and, in the wasm, without SIMD), where this reads it once and
//! tries only the literals that start with the byte at hand.

/// Where a literal must stand to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// Anywhere.
    Anywhere,
    /// Not glued to a word (`[A-Za-z0-9_]`) on a side where the literal itself starts or ends
    /// with a word character; a literal ending in `_` is a prefix (`dockerhub_` in
    /// `DOCKERHUB_TOKEN`).
    Word,
    /// A whole run of ASCII letters and digits (`_` and everything else separate).
    Alnum,
}

/// One literal: its lowercase bytes, where it must stand, and how many occurrences to count at
/// most (a sign that repeats in a retry loop is still one voice among a few).
#[derive(Debug, Clone, Copy)]
pub struct Literal {
    pub text: &'static str,
    pub edge: Edge,
    pub cap: u32,
}

/// A set of literals indexed by a hash of their first three bytes.
pub struct LiteralSet {
    literals: Vec<Literal>,
    /// One bit per hash of the lowercase three bytes that start some literal: most places in a
    /// text start none, and this says so with one load (a byte pair is not enough: `co`, `re`,
    /// `do` start half the words of a log).
    first_triples: [u64; TRIPLE_WORDS],
    /// `order[by_triple[t]..by_triple[t + 1]]` are the literals whose first three bytes hash
    /// to `t`: usually one.
    by_triple: Vec<u16>,
    order: Vec<u16>,
}

const TRIPLE_BITS: u32 = 12;
const TRIPLE_WORDS: usize = (1 << TRIPLE_BITS) / 64;

/// The hash of three lowercase bytes packed in the low 24 bits of `key`.
fn triple_hash(key: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B1) >> (32 - TRIPLE_BITS)) as usize
}

fn triple_key(t: &[u8]) -> u32 {
    t[..3]
        .iter()
        .fold(0, |k, b| (k << 8) | u32::from(b.to_ascii_lowercase()))
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl LiteralSet {
    /// Panics on a literal shorter than three bytes or not lowercase: the lists are constants,
    /// checked by tests.
    pub fn new(literals: Vec<Literal>) -> Self {
        for l in &literals {
            assert!(
                l.text.len() >= 3 && !l.text.bytes().any(|b| b.is_ascii_uppercase()),
                "literal {:?} must be lowercase, three bytes or more",
                l.text
            );
        }
        let hash_of = |i: u16| triple_hash(triple_key(literals[i as usize].text.as_bytes()));
        let mut order: Vec<u16> = (0..literals.len() as u16).collect();
        order.sort_unstable_by_key(|&i| hash_of(i));
        let mut by_triple = vec![0u16; (1 << TRIPLE_BITS) + 1];
        let mut first_triples = [0u64; TRIPLE_WORDS];
        for &i in &order {
            let t = hash_of(i);
            first_triples[t / 64] |= 1 << (t % 64);
            by_triple[t + 1] += 1;
        }
        for t in 0..1 << TRIPLE_BITS {
            by_triple[t + 1] += by_triple[t];
        }
        LiteralSet {
            literals,
            first_triples,
            by_triple,
            order,
        }
    }

    pub fn len(&self) -> usize {
        self.literals.len()
    }

    /// Adds each literal's occurrences in `text` (overlapping ones too) to `counts`, which has
    /// one slot per literal in the order given to [`LiteralSet::new`], up to each literal's cap.
    pub fn count(&self, text: &str, counts: &mut [u32]) {
        self.each_occurrence(text, |i, _| {
            if counts[i] < self.literals[i].cap {
                counts[i] += 1;
            }
        });
    }

    /// Calls `found(literal, at)` for every occurrence of every literal in `text` that stands
    /// where its edge says (overlapping ones too), in the order of `at`; caps are not applied.
    pub fn each_occurrence(&self, text: &str, mut found: impl FnMut(usize, usize)) {
        let h = text.as_bytes();
        // The last three bytes, lowercased, rolled along the text.
        let mut key = 0u32;
        for (last, &b) in h.iter().enumerate() {
            key = ((key << 8) | u32::from(b.to_ascii_lowercase())) & 0xFF_FFFF;
            let Some(pos) = last.checked_sub(2) else {
                continue;
            };
            let t = triple_hash(key);
            if self.first_triples[t / 64] & (1 << (t % 64)) == 0 {
                continue;
            }
            let (from, to) = (self.by_triple[t], self.by_triple[t + 1]);
            for &i in &self.order[from as usize..to as usize] {
                let i = i as usize;
                let l = &self.literals[i];
                let n = l.text.as_bytes();
                let end = pos + n.len();
                if end > h.len() || !h[pos..end].eq_ignore_ascii_case(n) {
                    continue;
                }
                let stands = match l.edge {
                    Edge::Anywhere => true,
                    Edge::Word => {
                        let left = !is_word_byte(n[0]) || pos == 0 || !is_word_byte(h[pos - 1]);
                        let right = !n[n.len() - 1].is_ascii_alphanumeric()
                            || end == h.len()
                            || !is_word_byte(h[end]);
                        left && right
                    }
                    Edge::Alnum => {
                        (pos == 0 || !h[pos - 1].is_ascii_alphanumeric())
                            && (end == h.len() || !h[end].is_ascii_alphanumeric())
                    }
                };
                if stands {
                    found(i, pos);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The many-pass reference: `str::find` per literal over the lowercased text.
    fn count_slowly(text: &str, l: &Literal) -> u32 {
        let lower = text.to_ascii_lowercase();
        let (h, n) = (lower.as_bytes(), l.text.as_bytes());
        let mut count = 0;
        let mut from = 0;
        while count < l.cap {
            let Some(pos) = lower[from..].find(l.text).map(|p| p + from) else {
                break;
            };
            let end = pos + n.len();
            let stands = match l.edge {
                Edge::Anywhere => true,
                Edge::Word => {
                    (!is_word_byte(n[0]) || pos == 0 || !is_word_byte(h[pos - 1]))
                        && (!n[n.len() - 1].is_ascii_alphanumeric()
                            || end == h.len()
                            || !is_word_byte(h[end]))
                }
                Edge::Alnum => {
                    (pos == 0 || !h[pos - 1].is_ascii_alphanumeric())
                        && (end == h.len() || !h[end].is_ascii_alphanumeric())
                }
            };
            count += u32::from(stands);
            from = pos + l.text.chars().next().map_or(1, char::len_utf8);
        }
        count
    }

    fn set() -> LiteralSet {
        let lit = |text, edge, cap| Literal { text, edge, cap };
        LiteralSet::new(vec![
            lit("ecr", Edge::Word, 8),
            lit("ecr:", Edge::Word, 8),
            lit("aaa", Edge::Anywhere, 3),
            lit("image", Edge::Alnum, u32::MAX),
            lit("dockerhub_", Edge::Word, 8),
            lit("[container]", Edge::Word, 8),
            lit(".dkr.ecr", Edge::Word, 8),
            lit("ée", Edge::Anywhere, 8),
        ])
    }

    #[test]
    fn counts_where_each_literal_stands() {
        let s = set();
        let mut counts = vec![0; s.len()];
        s.count(
            "ECR: ecr_x ecr. AAAAA image_x images IMAGE DOCKERHUB_TOKEN [container] 1.dkr.ecr.ée",
            &mut counts,
        );
        assert_eq!(counts, [3, 1, 3, 2, 1, 1, 1, 1]);
    }

    proptest! {
        #[test]
        fn one_pass_counts_what_many_passes_count(
            text in "([eEcCrR:._ \\[\\]a-zA-Z0-9é]|ecr|ECR:|image|dockerhub_|aaa|\\[container\\]|\\.dkr\\.ecr){0,40}"
        ) {
            let s = set();
            let mut counts = vec![0; s.len()];
            s.count(&text, &mut counts);
            for (i, l) in s.literals.iter().enumerate() {
                prop_assert_eq!(counts[i], count_slowly(&text, l), "{:?} in {:?}", l.text, text);
            }
        }
    }
}
