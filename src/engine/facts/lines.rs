//! Most fact patterns cannot cross a line break, and every match of an extractor holds one of
//! its needles (that is why a needle gates it). Such a pattern need only run on the lines where
//! one of its needles stands: in a 2 KB build log with one error line, it reads that line, not
//! the whole text.

use std::ops::Range;

/// True when no match of `pattern` can hold a line break and the pattern means the same on a
/// line as in the text around it. Read conservatively: a `\s` outside a negated class, a
/// negated class without `\s`, `\W`/`\D`/`\x`/`\p`-style escapes, a `(?s)` flag or a `^`/`$`
/// anchor (which would match at the line's edges) all say no.
pub(super) fn stays_on_one_line(pattern: &str) -> bool {
    let b = pattern.as_bytes();
    // Inside a class: whether it is negated and whether it has excluded whitespace so far.
    let mut class: Option<(bool, bool)> = None;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match class {
            None => match c {
                b'\\' => {
                    let e = b.get(i + 1).copied().unwrap_or(b'\\');
                    if matches!(e, b's' | b'n' | b'W' | b'D' | b'v' | b'x' | b'u' | b'U')
                        || matches!(e, b'p' | b'P')
                    {
                        return false;
                    }
                    i += 2;
                    continue;
                }
                b'^' | b'$' | b'\n' => return false,
                b'(' if b.get(i + 1) == Some(&b'?') => {
                    let flags = b[i + 2..]
                        .iter()
                        .take_while(|f| f.is_ascii_alphabetic() || **f == b'-');
                    if flags.clone().any(|&f| f == b's') {
                        return false;
                    }
                }
                b'[' => {
                    let negated = b.get(i + 1) == Some(&b'^');
                    class = Some((negated, false));
                    i += if negated { 2 } else { 1 };
                    // A `]` first in a class is a literal.
                    if b.get(i) == Some(&b']') {
                        i += 1;
                    }
                    continue;
                }
                _ => {}
            },
            Some((negated, excludes_space)) => match c {
                b'\\' => {
                    let e = b.get(i + 1).copied().unwrap_or(b'\\');
                    if e == b's' || e == b'n' {
                        if !negated {
                            return false;
                        }
                        class = Some((negated, true));
                    } else if e.is_ascii_alphanumeric()
                        && !matches!(e, b'r' | b't')
                        && (negated || !matches!(e, b'w' | b'd' | b'S'))
                    {
                        // `\W`, `\x0a`, `\p{..}`, or `\S`, `\w`, `\d` in a negated class: not worth
                        // reading exactly.
                        return false;
                    }
                    i += 2;
                    continue;
                }
                b'[' | b'\n' => return false,
                b']' => {
                    if negated && !excludes_space {
                        return false;
                    }
                    class = None;
                }
                _ => {}
            },
        }
        i += 1;
    }
    class.is_none()
}

/// The lines of `text` that hold the occurrences it is told of, in order and each once. The
/// occurrences come in the order of their positions, so each line is measured once.
pub(super) struct LinesOf<'a> {
    text: &'a [u8],
    current: Range<usize>,
}

impl<'a> LinesOf<'a> {
    pub fn new(text: &'a str) -> Self {
        LinesOf {
            text: text.as_bytes(),
            current: 0..0,
        }
    }

    /// The line that holds byte `at`, which is not before the last one asked about.
    pub fn line_of(&mut self, at: usize) -> Range<usize> {
        if at >= self.current.end || self.current.is_empty() {
            // Only the bytes since the last line are read back: linear over the whole text.
            let back_to = self.current.end.min(at);
            let start = self.text[back_to..at]
                .iter()
                .rposition(|&c| c == b'\n')
                .map_or(back_to, |p| back_to + p + 1);
            let end = self.text[at..]
                .iter()
                .position(|&c| c == b'\n')
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
    fn patterns_that_cannot_cross_a_line() {
        for p in [
            r#"(arn:aws[a-z-]*:(?:iam|sts)::(?:\[[^\]\n]*\]|[^:\s]*):(?:user|role)[^\s"',;)|]*)"#,
            r"\b(?:api\.)?ecr(?:-public|-fips)?\.([a-z0-9-]+)\.(?:amazonaws\.com|api\.aws)",
            r"(?i)--region[ =]([a-z0-9-]+)",
            r"\bimage ([a-z0-9][a-z0-9._/-]*(?::[\w.-]+)?) not found\b",
            r"arn:[^\s\[|]*\S+?",
            r"[]a]x",
        ] {
            assert!(stays_on_one_line(p), "{p}");
        }
        for p in [
            r"\s*is not authorized",
            r"::\[[^\]]*\]:",
            r"get-login-password\b[^|]{0,80}?--region",
            r"[^\S]x",
            r"[\s,]x",
            r"^repository",
            r"name$",
            r"(?is)a.b",
            r"a\Wb",
            r"a\x0ab",
            r"[^a",
        ] {
            assert!(!stays_on_one_line(p), "{p}");
        }
    }

    #[test]
    fn lines_are_found_once_each() {
        let text = "ab\ncd ef\n\ngh";
        let mut lines = LinesOf::new(text);
        let got: Vec<_> = [0, 1, 3, 6, 10, 11]
            .iter()
            .map(|&at| &text[lines.line_of(at)])
            .collect();
        assert_eq!(got, ["ab", "ab", "cd ef", "cd ef", "gh", "gh"]);
    }
}
