//! The literal prefixes of a pattern: words one of which every match starts with, read from
//! the pattern's text. regex-lite has no literal prefilter, and its unanchored search pays for
//! every byte of the haystack; with the prefixes, `lite.rs` tries the pattern only where one
//! of them stands.
//!
//! Conservative by construction: syntax it does not understand ends the prefix there (a
//! prefix of a prefix is still one), and a branch that may start with anything gives none.

/// Prefixes of at most this many words are used.
const MAX_WORDS: usize = 64;
/// Words are cut to this many bytes.
const MAX_LEN: usize = 12;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prefixes {
    /// Every match starts with one of these (ASCII, non-empty).
    pub words: Vec<Vec<u8>>,
    /// Compare ignoring ASCII case (the pattern starts with `(?i)`; regex-lite folds ASCII only).
    pub fold: bool,
    /// A match may also start one character before a word (`(?:^|[^a-z])Word`).
    pub one_before: bool,
}

/// The prefixes of `pattern`, or `None` when some match could start with anything.
pub fn prefixes(pattern: &str) -> Option<Prefixes> {
    let (fold, body) = match pattern.strip_prefix("(?i)") {
        Some(rest) => (true, rest),
        None => (false, pattern),
    };
    let mut reader = Reader {
        p: body.as_bytes(),
        i: 0,
        depth: 0,
        after_first: None,
        split_at_top: false,
        flags: false,
    };
    let (mut words, _) = reader.alternation();
    // A stray `)` means a syntax this reader got wrong: use no prefix at all.
    if reader.i != reader.p.len() || reader.flags {
        return None;
    }
    let none = |words: &[Vec<u8>]| words.is_empty() || words.iter().any(|w| w.is_empty());
    let mut one_before = false;
    if none(&words) {
        words = reader
            .after_first
            .filter(|w| !reader.split_at_top && !none(w))?;
        one_before = true;
    }
    // Long words only cost comparisons: a few bytes pick the candidates well enough.
    for w in &mut words {
        w.truncate(MAX_LEN);
    }
    // A word that starts with another word finds no other candidates.
    let all = words.clone();
    words.retain(|w| !all.iter().any(|v| v.len() < w.len() && w.starts_with(v)));
    let mut unique = Vec::new();
    add(&mut unique, words);
    Some(Prefixes {
        words: unique,
        fold,
        one_before,
    })
}

struct Reader<'a> {
    p: &'a [u8],
    i: usize,
    /// Groups open at `i`.
    depth: usize,
    /// When the pattern is one branch whose first item matches at most one character: the
    /// words of what follows that item.
    after_first: Option<Vec<Vec<u8>>>,
    split_at_top: bool,
    /// The pattern sets flags inside.
    flags: bool,
}

/// What a piece of pattern contributes: the words its matches start with, and whether those
/// words are the whole match (so what follows may extend them).
type Words = (Vec<Vec<u8>>, bool);

/// Words, and whether the piece matches at most one character.
type Piece = (Words, bool);

/// Every word of `head` followed by every word of `tail`, capped at [`MAX_WORDS`] (beyond
/// that, `head` alone: still a prefix of every match).
fn product(head: &[Vec<u8>], tail: &Words) -> Words {
    if head.len() * tail.0.len() > MAX_WORDS {
        return (head.to_vec(), false);
    }
    let mut out = Vec::new();
    for h in head {
        add(&mut out, tail.0.iter().map(|t| [h.as_slice(), t].concat()));
    }
    (out, tail.1)
}

/// Adds the words not there yet (a sort would cost the wasm kilobytes).
fn add(words: &mut Vec<Vec<u8>>, more: impl IntoIterator<Item = Vec<u8>>) {
    for w in more {
        if !words.contains(&w) {
            words.push(w);
        }
    }
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.p.get(self.i).copied()
    }

    /// Branches up to an unmatched `)` (left unread) or the end.
    fn alternation(&mut self) -> Words {
        self.branches().0
    }

    fn branches(&mut self) -> Piece {
        let ((mut words, mut whole), mut short) = self.sequence();
        while self.peek() == Some(b'|') {
            self.i += 1;
            // Several branches: no branch's `after_first` is the pattern's.
            self.split_at_top |= self.depth == 0;
            let ((more, more_whole), more_short) = self.sequence();
            add(&mut words, more);
            whole &= more_whole;
            short &= more_short;
        }
        ((words, whole), short)
    }

    /// One branch: its items, then their words folded from the last item to the first.
    fn sequence(&mut self) -> Piece {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            if c == b'|' || c == b')' {
                break;
            }
            let (item, short) = match self.item() {
                // Matches no text: the words around it are the branch's.
                Item::ZeroWidth => continue,
                Item::Literal(b) => ((vec![vec![b]], true), true),
                Item::Group(piece) => piece,
                // A class, `.`, `\s`, ...: the branch may start with any character here.
                Item::Other { one_char } => ((vec![Vec::new()], false), one_char),
            };
            let q = self.quantifier();
            items.push((
                item,
                q,
                short && matches!(q, Quantifier::Once | Quantifier::Optional),
            ));
        }
        let short = match items.as_slice() {
            [] => true,
            [(_, _, short)] => *short,
            _ => false,
        };
        let first_short = items.first().is_some_and(|item| item.2);
        let mut tail: Words = (vec![Vec::new()], true);
        for (k, ((words, whole), q, _)) in items.into_iter().enumerate().rev() {
            if k == 0 && first_short && self.depth == 0 {
                self.after_first = Some(tail.0.clone());
            }
            // What a branch starting with this item's words continues with.
            let then = |tail: &Words| match (whole, q) {
                (true, Quantifier::Once | Quantifier::Optional) => product(&words, tail),
                _ => (words.clone(), false),
            };
            tail = match q {
                Quantifier::Once | Quantifier::AtLeastOnce => then(&tail),
                // Either the item's words or, without it, what follows.
                Quantifier::Optional | Quantifier::MaybeNone => {
                    let (mut with, with_whole) = then(&tail);
                    add(&mut with, tail.0);
                    (with, with_whole && tail.1)
                }
            };
            if tail.0.len() > MAX_WORDS {
                // Too many branches to look for: none (never a wrong prefix).
                tail = (vec![Vec::new()], false);
            }
        }
        (tail, short)
    }

    /// Reads one item (not its quantifier).
    fn item(&mut self) -> Item {
        let c = self.p[self.i];
        self.i += 1;
        match c {
            b'\\' => {
                let Some(e) = self.peek() else {
                    return Item::Other { one_char: false };
                };
                self.i += 1;
                match e {
                    // `\b{start}` and friends are read as "something else".
                    b'b' | b'B' | b'A' | b'z' if self.peek() != Some(b'{') => Item::ZeroWidth,
                    // `\<` and `\>` are word boundaries in regex-lite, not literals.
                    b'<' | b'>' => Item::Other { one_char: true },
                    e if e.is_ascii_punctuation() => Item::Literal(e),
                    // A class (`\s`, `\d`, ...) or one escaped character.
                    _ => Item::Other { one_char: true },
                }
            }
            b'(' => self.group(),
            b'[' => {
                self.skip_class();
                Item::Other { one_char: true }
            }
            b'^' | b'$' => Item::ZeroWidth,
            b'.' => Item::Other { one_char: true },
            b'?' | b'*' | b'+' | b'{' => Item::Other { one_char: false },
            c if c.is_ascii() && !c.is_ascii_control() => Item::Literal(c),
            // A character of a multi-byte sequence, or a control character.
            _ => Item::Other { one_char: false },
        }
    }

    /// After `(`: a group's words, or "something else" for flags and look-arounds.
    fn group(&mut self) -> Item {
        let rest = &self.p[self.i..];
        let plain = if rest.starts_with(b"?:") {
            self.i += 2;
            true
        } else if rest.starts_with(b"?P<") || (rest.starts_with(b"?<") && rest.len() > 2) {
            // A named group: skip the name.
            match rest.iter().position(|&b| b == b'>') {
                Some(end) => {
                    self.i += end + 1;
                    true
                }
                None => false,
            }
        } else if rest.starts_with(b"?") {
            // Flags (`(?-i)`, `(?s:...)`): a flag group is no item (a quantifier after it
            // binds to the item before), so no prefix is read from such a pattern.
            self.flags = true;
            false
        } else {
            true
        };
        self.depth += 1;
        let inner = self.branches();
        self.depth -= 1;
        let closed = self.peek() == Some(b')');
        if closed {
            self.i += 1;
        }
        if plain && closed {
            Item::Group(inner)
        } else {
            Item::Other { one_char: false }
        }
    }

    /// Skips a character class, `[` already read; nested classes (`[[:alpha:]]`) included.
    fn skip_class(&mut self) {
        if self.peek() == Some(b'^') {
            self.i += 1;
        }
        // A `]` first is a literal.
        if self.peek() == Some(b']') {
            self.i += 1;
        }
        while let Some(c) = self.peek() {
            self.i += 1;
            match c {
                b'\\' => self.i += 1,
                b'[' => self.skip_class(),
                b']' => return,
                _ => {}
            }
        }
    }

    /// Reads the quantifier after an item, if any (and its lazy `?`).
    fn quantifier(&mut self) -> Quantifier {
        let q = match self.peek() {
            Some(b'+') => Quantifier::AtLeastOnce,
            Some(b'?') => Quantifier::Optional,
            Some(b'*') => Quantifier::MaybeNone,
            Some(b'{') => {
                let end = self.p[self.i..].iter().position(|&b| b == b'}');
                self.i += end.unwrap_or(0);
                Quantifier::MaybeNone
            }
            _ => return Quantifier::Once,
        };
        self.i += 1;
        if self.peek() == Some(b'?') {
            self.i += 1;
        }
        // A quantified repetition (`b+*`): read as possibly none.
        if matches!(self.peek(), Some(b'?' | b'*' | b'+' | b'{')) {
            self.quantifier();
            return Quantifier::MaybeNone;
        }
        q
    }
}

enum Item {
    /// An assertion: `\b`, `^`, ... (matches no text, so it is passed over).
    ZeroWidth,
    Literal(u8),
    Group(Piece),
    /// A class, `.`, an escape like `\s`, a flag group: ends the prefix. `one_char`: it
    /// matches at most one character.
    Other {
        one_char: bool,
    },
}

#[derive(Clone, Copy)]
enum Quantifier {
    Once,
    AtLeastOnce,
    /// `?`: once or not at all.
    Optional,
    /// `*`, `{n,m}` (read as possibly zero, possibly many).
    MaybeNone,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(p: &str) -> Option<Vec<String>> {
        prefixes(p).map(|x| {
            x.words
                .into_iter()
                .map(|w| String::from_utf8(w).unwrap())
                .collect()
        })
    }

    #[test]
    fn reads_literal_runs_groups_and_branches() {
        assert_eq!(
            words(r"(?i)reached max retries:\s*(\d+)").unwrap(),
            ["reached max "]
        );
        assert_eq!(
            words(r"\bAccessDenied(?:Exception)?\b").unwrap(),
            ["AccessDenied"]
        );
        assert_eq!(words(r"ab?c").unwrap(), ["abc", "ac"]);
        assert_eq!(words(r"ab+c").unwrap(), ["ab"]);
        assert_eq!(words(r"a{2}"), None);
        assert_eq!(
            words(r"\b(?:push|pull) refers").unwrap(),
            ["push refers", "pull refers"]
        );
        assert_eq!(words(r"(arn:aws[a-z-]*:)").unwrap(), ["arn:aws"]);
        assert_eq!(words(r"x|(?P<n>yz)w").unwrap(), ["x", "yzw"]);
        assert_eq!(words(r"\$\{[^}]*\}").unwrap(), ["${"]);
        assert_eq!(words(r"(?:a|b)+c").unwrap(), ["a", "b"]);
        assert_eq!(words(r"\s*(?:^|[^:])Start"), None);
        assert_eq!(words(r"[^:]+Start"), None);
        assert_eq!(words(r"(?:^|[^:])Start|x"), None);
        assert_eq!(words(r"(?:^|[^:]{2})Start"), None);
        let p = prefixes(r"(?:^|[^:])(?:Start|Stop)[A-Z]").unwrap();
        assert_eq!((p.words.len(), p.one_before), (2, true));
        assert!(!prefixes("ab").unwrap().one_before);
        assert_eq!(words(r"(?:ab)?c").unwrap(), ["abc", "c"]);
        assert_eq!(
            words(r"\b(?:api\.)?ecr(?:-x)?\.").unwrap(),
            ["api.ecr-x.", "api.ecr.", "ecr-x.", "ecr."]
        );
        assert_eq!(words(r"(?:^|x)ab").unwrap(), ["ab", "xab"]);
        assert_eq!(words(r"a*b").unwrap(), ["a", "b"]);
        assert_eq!(words(r"a*"), None);
        assert_eq!(words(r"ab+*").unwrap(), ["a"]);
        assert_eq!(words(r"(?:a\s)?b").unwrap(), ["a", "b"]);
        assert_eq!(words(r"a|\sb"), None);
        assert_eq!(words(r"[|(]x").unwrap(), ["x"]);
        assert_eq!(words(r"(?-i)x"), None);
        assert_eq!(words(r"ab(?-i)?"), None);
        assert!(prefixes(r"\<x").unwrap().one_before);
        assert_eq!(words(r"[|(]+x"), None);
        assert_eq!(words(r"[)]x|y"), None);
    }
}
