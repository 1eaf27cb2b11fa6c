//! Some fact patterns can never match whitespace: each of their matches lies inside one run of
//! non-space bytes (a token), and holds one of its extractor's needles. Such a pattern need
//! only run on the tokens where a needle stands. In the browser this matters: regex-lite runs
//! its NFA over every byte it is given, and a pattern whose matches start with no fixed word
//! (the registry host: `<anything>.dkr.ecr.…`) gets no literal prefilter, so a 2 KB paste with
//! one registry host in it was read whole, byte by byte, for that one token.

use std::ops::Range;

/// regex-lite's `\s`, ASCII: the bytes that end a token.
fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// True when no match of `pattern` can hold a whitespace byte and the pattern means the same on
/// a token as in the text around it. Read conservatively: a literal space, `.`, an escape other
/// than punctuation, `\b`, `\w`, `\d` or `\S`, a negated class without `\s`, a range between
/// anything but letters or digits, a nested class or a class set operation, `^`/`$` or the `x`
/// flag all say no.
pub(super) fn never_matches_space(pattern: &str) -> bool {
    let b = pattern.as_bytes();
    // Inside a class: whether it is negated, whether it excludes `\s`, and whether a member
    // stands before the current byte (so a `-` there makes a range).
    let mut class: Option<(bool, bool, Option<u8>)> = None;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match class {
            None => match c {
                b'\\' => {
                    let e = b.get(i + 1).copied().unwrap_or(b's');
                    if !(e.is_ascii_punctuation() || matches!(e, b'b' | b'w' | b'd' | b'S')) {
                        return false;
                    }
                    i += 2;
                    continue;
                }
                b'.' | b'^' | b'$' => return false,
                _ if is_space(c) => return false,
                b'(' if b.get(i + 1) == Some(&b'?') => {
                    let flags = b[i + 2..]
                        .iter()
                        .take_while(|f| f.is_ascii_alphabetic() || **f == b'-');
                    if flags.clone().any(|&f| f == b'x') {
                        return false;
                    }
                }
                b'[' => {
                    let negated = b.get(i + 1) == Some(&b'^');
                    i += if negated { 2 } else { 1 };
                    class = Some((negated, false, None));
                    // A `]` first in a class is a literal.
                    if b.get(i) == Some(&b']') {
                        class = Some((negated, false, Some(b']')));
                        i += 1;
                    }
                    continue;
                }
                _ => {}
            },
            Some((negated, excludes_space, previous)) => match c {
                b'\\' => {
                    let e = b.get(i + 1).copied().unwrap_or(b'x');
                    if e == b's' && negated {
                        class = Some((negated, true, None));
                    } else if e.is_ascii_punctuation()
                        || (!negated && matches!(e, b'w' | b'd' | b'S'))
                    {
                        class = Some((negated, excludes_space, Some(e)));
                    } else {
                        return false;
                    }
                    i += 2;
                    continue;
                }
                b'[' => return false,
                // Set operations (`&&`, `--`, `~~`) could put a space back into a class.
                b'&' | b'-' | b'~' if b.get(i + 1) == Some(&c) => return false,
                b']' => {
                    if negated && !excludes_space {
                        return false;
                    }
                    class = None;
                }
                b'-' if previous.is_some() && b.get(i + 1) != Some(&b']') => {
                    let (from, to) = (previous.unwrap_or(0), b.get(i + 1).copied().unwrap_or(0));
                    let alphanumeric = from.is_ascii_alphanumeric() && to.is_ascii_alphanumeric();
                    if !(negated || alphanumeric) {
                        return false;
                    }
                    class = Some((negated, excludes_space, None));
                    i += 2;
                    continue;
                }
                _ if !negated && is_space(c) => return false,
                _ => class = Some((negated, excludes_space, Some(c))),
            },
        }
        i += 1;
    }
    class.is_none()
}

/// The tokens of a text that hold the positions it is told of, asked in the order of the
/// positions: each byte is read about once, however many needles a long token holds.
pub(super) struct TokensOf<'a> {
    text: &'a [u8],
    current: Range<usize>,
}

impl<'a> TokensOf<'a> {
    pub fn new(text: &'a str) -> Self {
        TokensOf {
            text: text.as_bytes(),
            current: 0..0,
        }
    }

    /// The token that holds byte `at` (a non-space byte), which is not before the last one
    /// asked about.
    pub fn token_of(&mut self, at: usize) -> Range<usize> {
        if at >= self.current.end || self.current.is_empty() {
            // Only the bytes since the last token are read back.
            let back_to = self.current.end.min(at);
            let start = self.text[back_to..at]
                .iter()
                .rposition(|&c| is_space(c))
                .map_or(back_to, |p| back_to + p + 1);
            let end = self.text[at..]
                .iter()
                .position(|&c| is_space(c))
                .map_or(self.text.len(), |p| at + p);
            self.current = start..end;
        }
        self.current.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_that_cannot_match_a_space() {
        for p in [
            r#"((?:https?://|docker://)?(?:<[^>\s]*>|\[\[?[^\]\s]*\]\]?|\$\{[^}\s]*\}|[^\s/"'\[\](),=@:<>]+)\.dkr[.-]ecr(?:-fips)?\.[^\s./"']+\.(?:amazonaws\.com(?:\.cn)?|amazonaws\.eu|on\.aws)(?:/[^\s"'\],|]*)?)"#,
            r"(?i)--region=([a-z0-9-]+)\b",
            r"[]a]x",
            r"[\w.-]+",
            r"[^\s]+",
        ] {
            assert!(never_matches_space(p), "{p}");
        }
        for p in [
            r"\s*is not authorized",
            r"is not",
            r"a.b",
            r"::\[[^\]]*\]:",
            r"[ -~]+",
            r"[!-~]+",
            r"[\t]",
            r"a\x20b",
            r"a\ b",
            r"a\Wb",
            r"^repository",
            r"name$",
            r"(?x)a b",
            r"[^a",
            r"[[:alpha:]]",
            r"[^\s&&a]",
            r"[^\s--a]",
            r"[^\s~~a]",
        ] {
            assert!(!never_matches_space(p), "{p}");
        }
    }

    #[test]
    fn tokens_are_found_once_each() {
        let text = "ab\tcd.ef  gh\x0bij";
        let mut tokens = TokensOf::new(text);
        let got: Vec<_> = [0, 1, 3, 6, 10, 13]
            .iter()
            .map(|&at| &text[tokens.token_of(at)])
            .collect();
        assert_eq!(got, ["ab", "ab", "cd.ef", "cd.ef", "gh", "ij"]);
    }
}
