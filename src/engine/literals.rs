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

/// A set of literals indexed by their first byte.
pub struct LiteralSet {
    literals: Vec<Literal>,
    /// `by_first[b]` is the range of `order` holding the literals that start with byte `b`.
    by_first: [(u16, u16); 256],
    order: Vec<u16>,
    /// One bit per lowercase byte pair that starts some literal: most places in a text start
    /// none, and this says so with one load.
    first_pairs: Box<[u64; 1024]>,
}

fn pair(a: u8, b: u8) -> usize {
    (usize::from(a.to_ascii_lowercase()) << 8) | usize::from(b.to_ascii_lowercase())
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl LiteralSet {
    /// Panics on a literal shorter than two bytes or not lowercase: the lists are constants,
    /// checked by tests.
    pub fn new(literals: Vec<Literal>) -> Self {
        for l in &literals {
            assert!(
                l.text.len() >= 2 && !l.text.bytes().any(|b| b.is_ascii_uppercase()),
                "literal {:?} must be lowercase, two bytes or more",
                l.text
            );
        }
        let mut first_pairs = Box::new([0u64; 1024]);
        for l in &literals {
            let p = pair(l.text.as_bytes()[0], l.text.as_bytes()[1]);
            first_pairs[p / 64] |= 1 << (p % 64);
        }
        let mut order: Vec<u16> = (0..literals.len() as u16).collect();
        order.sort_unstable_by_key(|&i| literals[i as usize].text.as_bytes()[0]);
        let mut by_first = [(0u16, 0u16); 256];
        let mut at = 0;
        while at < order.len() {
            let first = literals[order[at] as usize].text.as_bytes()[0];
            let mut end = at;
            while end < order.len() && literals[order[end] as usize].text.as_bytes()[0] == first {
                end += 1;
            }
            by_first[first as usize] = (at as u16, end as u16);
            at = end;
        }
        LiteralSet {
            literals,
            by_first,
            order,
            first_pairs,
        }
    }

    pub fn len(&self) -> usize {
        self.literals.len()
    }

    /// Adds each literal's occurrences in `text` (overlapping ones too) to `counts`, which has
    /// one slot per literal in the order given to [`LiteralSet::new`].
    pub fn count(&self, text: &str, counts: &mut [u32]) {
        let h = text.as_bytes();
        for (pos, w) in h.windows(2).enumerate() {
            let p = pair(w[0], w[1]);
            if self.first_pairs[p / 64] & (1 << (p % 64)) == 0 {
                continue;
            }
            let (from, to) = self.by_first[w[0].to_ascii_lowercase() as usize];
            for &i in &self.order[from as usize..to as usize] {
                let i = i as usize;
                let l = &self.literals[i];
                if counts[i] >= l.cap {
                    continue;
                }
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
                    counts[i] += 1;
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
            lit("aa", Edge::Anywhere, 3),
            lit("image", Edge::Alnum, u32::MAX),
            lit("dockerhub_", Edge::Word, 8),
            lit("[container]", Edge::Word, 8),
            lit(".dkr.ecr", Edge::Word, 8),
            lit("é", Edge::Anywhere, 8),
        ])
    }

    #[test]
    fn counts_where_each_literal_stands() {
        let s = set();
        let mut counts = vec![0; s.len()];
        s.count(
            "ECR: ecr_x ecr. AAAA image_x images IMAGE DOCKERHUB_TOKEN [container] 1.dkr.ecr.é",
            &mut counts,
        );
        assert_eq!(counts, [3, 1, 3, 2, 1, 1, 1, 1]);
    }

    proptest! {
        #[test]
        fn one_pass_counts_what_many_passes_count(
            text in "([eEcCrR:._ \\[\\]a-zA-Z0-9é]|ecr|ECR:|image|dockerhub_|aa|\\[container\\]|\\.dkr\\.ecr){0,40}"
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
