//! Output safety: a paste's characters never drive the terminal, and positions in it are
//! given as lines and columns.

use ecr_explain::{prose, Finding};

/// Characters a terminal (or a reader) could be made to obey: C0 and C1 controls, DEL, bidi
/// overrides and invisible format characters.
pub(crate) fn unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{061c}' | '\u{feff}')
}

/// One line, every unsafe character (newlines too) turned into a space.
pub(crate) fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if unsafe_char(c) { ' ' } else { c })
        .collect()
}

/// Like [`clean`], keeping line breaks.
pub(crate) fn clean_lines(s: &str) -> String {
    s.lines().map(clean).collect::<Vec<_>>().join("\n")
}

/// Catalogue prose as plain text: backticks (its inline-code marks) dropped.
pub(crate) fn plain(s: &str) -> String {
    clean(&prose::plain(s))
}

/// 1-based line and column (in characters) of byte offsets, from one index of line starts.
pub(crate) struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { text, starts }
    }

    pub(crate) fn at(&self, offset: usize) -> (usize, usize) {
        let offset = self.text.floor_char_boundary(offset);
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let col = self.text[start..offset].chars().count() + 1;
        (line, col)
    }
}

/// The pasted text a finding covers, on one line, at most 300 characters.
pub(crate) fn snippet(input: &str, f: &Finding) -> String {
    let s = input.get(f.span.start..f.span.end).unwrap_or_default();
    clean(&s.chars().take(300).collect::<String>())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_and_survive_odd_offsets() {
        let l = Lines::new("ab\nüx\n");
        assert_eq!(l.at(0), (1, 1));
        assert_eq!(l.at(3), (2, 1));
        assert_eq!(l.at(5), (2, 2));
        // Inside ü, and past the end: no panic.
        assert_eq!(l.at(4), (2, 1));
        assert_eq!(l.at(99), (3, 1));
    }
}
