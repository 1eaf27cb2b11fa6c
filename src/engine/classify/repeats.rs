//! Lines that repeat an earlier one but for volatile tokens: their matches are copied, not
//! searched for.

use super::Match;
use crate::engine::normalize::Normalized;
use crate::engine::{volatile, work};
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// Lines that repeat an earlier line but for volatile tokens (times, counters, ids), with the
/// line before and after them alike too, so any match that starts on them reads the same
/// text. Their matches are copied from the first occurrence: a retry loop costs one hash per
/// line, not a pattern search.
pub(super) struct Repeats<'a> {
    text: &'a str,
    /// Clean ranges of the lines.
    lines: Vec<(usize, usize)>,
    /// Read as needed (only lines where an anchor word or a match stands are ever asked
    /// about): per line, the hash of its masked text, and the earlier line it repeats.
    hashes: RefCell<Vec<Option<u64>>>,
    first: RefCell<Vec<Option<Option<usize>>>>,
    seen: RefCell<HashMap<(u64, u64, u64), usize>>,
}

impl<'a> Repeats<'a> {
    pub(super) fn new(n: &'a Normalized) -> Self {
        let lines: Vec<(usize, usize)> = n.lines().collect();
        Repeats {
            text: n.text.as_str(),
            hashes: RefCell::new(vec![None; lines.len()]),
            first: RefCell::new(vec![None; lines.len()]),
            seen: RefCell::new(HashMap::new()),
            lines,
        }
    }

    fn hash(&self, i: usize) -> u64 {
        if let Some(h) = self.hashes.borrow()[i] {
            return h;
        }
        let (s, e) = self.lines[i];
        let mut masked = String::with_capacity(e - s);
        volatile::mask_into(&self.text[s..e], &mut masked);
        let mut h = std::collections::hash_map::DefaultHasher::new();
        masked.hash(&mut h);
        let h = h.finish();
        self.hashes.borrow_mut()[i] = Some(h);
        h
    }

    /// The earlier line that line `i` repeats, deciding it on first ask.
    fn first_of(&self, i: usize) -> Option<usize> {
        if let Some(known) = self.first.borrow()[i] {
            return known;
        }
        let before = i.checked_sub(1).map_or(0, |p| self.hash(p));
        let after = if i + 1 < self.lines.len() {
            self.hash(i + 1)
        } else {
            0
        };
        let key = (before, self.hash(i), after);
        let first = match self.seen.borrow_mut().entry(key) {
            std::collections::hash_map::Entry::Occupied(o) => Some(*o.get()),
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(i);
                None
            }
        };
        self.first.borrow_mut()[i] = Some(first);
        first
    }

    fn line_of(&self, at: usize) -> usize {
        self.lines
            .partition_point(|&(s, _)| s <= at)
            .saturating_sub(1)
    }

    pub(super) fn is_repeat_at(&self, at: usize) -> bool {
        !self.lines.is_empty() && self.first_of(self.line_of(at)).is_some()
    }

    /// Whether anchor words at `at` can only find matches that are copied anyway: its line
    /// and the one before are both repeats.
    pub(super) fn anchors_needless_at(&self, at: usize) -> bool {
        if self.lines.is_empty() {
            return false;
        }
        let line = self.line_of(at);
        self.first_of(line).is_some() && line > 0 && self.first_of(line - 1).is_some()
    }

    /// The text of line `i` and the next one: a match that starts on a line ends by then.
    fn unit(&self, i: usize) -> (usize, usize) {
        let end = self.lines.get(i + 1).map_or(self.lines[i].1, |l| l.1);
        (self.lines[i].0, end)
    }

    /// Copies of the first occurrences' matches onto every repeated line, at the places that
    /// correspond once volatile tokens are set aside.
    pub(super) fn copy_matches(&self, text: &str, matches: &[Match]) -> Vec<Match> {
        let mut by_line: HashMap<usize, Vec<&Match>> = HashMap::new();
        for m in matches {
            by_line.entry(self.line_of(m.start)).or_default().push(m);
        }
        let mut copies = Vec::new();
        let decided = self.first.borrow();
        for (line, first) in decided.iter().enumerate() {
            let Some(originals) = first
                .flatten()
                .and_then(|k| by_line.get(&k).map(|v| (k, v)))
            else {
                continue;
            };
            let (k, originals) = originals;
            let (ks, ke) = self.unit(k);
            let (ls, le) = self.unit(line);
            let (from, to) = (&text[ks..ke], &text[ls..le]);
            for m in originals.iter().filter(|m| m.end <= ke) {
                if let Some((s, e)) = volatile::align_span(from, to, m.start - ks, m.end - ks) {
                    work::add(1);
                    copies.push(Match {
                        start: ls + s,
                        end: ls + e,
                        repeat: true,
                        ..(*m).clone()
                    });
                }
            }
        }
        copies
    }
}

/// A line with its volatile tokens masked and the match's place in it marked.
pub(super) fn repeat_key(line: &str, match_at: usize) -> String {
    let mut key = String::with_capacity(line.len() + 1);
    let at = line.floor_char_boundary(match_at);
    volatile::mask_into(&line[..at], &mut key);
    key.push('\u{1}');
    volatile::mask_into(&line[at..], &mut key);
    key
}
