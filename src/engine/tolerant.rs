//! The tolerant tier: when no exact wording matched in a chunk, the catalogue's [`Phrase`]s are
//! matched token by token on the normalized text. Paraphrased, retyped and mangled messages
//! ("cannot perform on non tty device", `\-no\-include\-email`, “Throttling Exception”) are found
//! this way, with lower confidence, and reported as "likely". The same evidence rules as for exact
//! matches decide whether they are ECR's.

use super::classify::{self, Match};
use super::normalize::Normalized;
use super::stable_order::sorted_by_key;
use crate::catalogue::{Phrase, FAMILIES, PHRASES};
use std::collections::HashMap;

/// Pastes longer than this are not read by the tolerant tier: paraphrases are short prose, and
/// a big log that matched nothing exactly is not worth a second, slower pass.
pub const MAX_INPUT: usize = 256 << 10;
/// Matches kept per phrase and chunk.
const MAX_MATCHES: usize = 64;
/// Candidate matches judged per phrase and chunk (judging reads the evidence around them).
const MAX_TRIES: usize = 32;
/// Most tokens one phrase word may span (`throttling` + `exception`).
const MAX_JOIN: usize = 3;
/// Highest confidence a likely finding gets.
const MAX_CONFIDENCE: f32 = 0.6;

/// Signature index used for tolerant matches: far from any real signature's.
pub fn signature_index(phrase: usize) -> usize {
    usize::MAX - phrase
}

/// Byte ranges of the alphanumeric tokens of `text`.
fn tokens(text: &str) -> Vec<(usize, usize)> {
    super::words::ascii_words(text).collect()
}

/// The tokens of a lowercased text, as slices of it.
struct Tokens<'a> {
    lower: &'a str,
    spans: Vec<(usize, usize)>,
}

impl Tokens<'_> {
    fn get(&self, i: usize) -> Option<&str> {
        self.spans.get(i).map(|&(s, e)| &self.lower[s..e])
    }

    fn len(&self) -> usize {
        self.spans.len()
    }
}

/// How many tokens from `at` one of `alternatives` covers: a whole token, the start of one
/// (stems of 4 letters or more), or several tokens joined (`throttling exception`).
fn word_at(tokens: &Tokens, at: usize, alternatives: &str) -> Option<usize> {
    let first = tokens.get(at)?;
    for alt in alternatives.split('|') {
        if first == alt || (alt.len() >= 4 && first.starts_with(alt)) {
            return Some(1);
        }
        let Some(mut rest) = alt.strip_prefix(first) else {
            continue;
        };
        for k in 1..MAX_JOIN {
            let Some(t) = tokens.get(at + k) else {
                break;
            };
            if rest == t {
                return Some(k + 1);
            }
            match rest.strip_prefix(t) {
                Some(r) if !t.is_empty() => rest = r,
                _ => break,
            }
        }
    }
    None
}

/// The token index just past a phrase that starts at token `at`.
fn phrase_at(tokens: &Tokens, at: usize, p: &Phrase) -> Option<usize> {
    let (first, rest) = p.words.split_first()?;
    let mut next = at + word_at(tokens, at, first)?;
    for word in rest {
        let found = (next..(next + p.gap + 1).min(tokens.len()))
            .find_map(|i| word_at(tokens, i, word).map(|n| i + n))?;
        next = found;
    }
    Some(next)
}

/// Every accepted tolerant match in one normalized chunk.
pub fn classify_chunk(n: &Normalized) -> Vec<Match> {
    let mut out = Vec::new();
    if n.text.len() > MAX_INPUT {
        return out;
    }
    // ASCII lowercasing keeps every byte offset.
    let lower = n.text.to_ascii_lowercase();
    let tokens = Tokens {
        lower: &lower,
        spans: tokens(&lower),
    };
    // Where each distinct token stands: a phrase is tried only where its first word can start.
    let mut positions: HashMap<&str, Vec<usize>> = HashMap::new();
    for i in 0..tokens.len() {
        positions
            .entry(tokens.get(i).unwrap_or(""))
            .or_default()
            .push(i);
    }
    for (pi, p) in PHRASES.iter().enumerate() {
        let Some(family) = FAMILIES.iter().position(|f| f.id == p.family) else {
            continue;
        };
        let first = p.words.first().copied().unwrap_or("");
        let starts: Vec<usize> = positions
            .iter()
            .filter(|(t, _)| {
                first.split('|').any(|alt| {
                    **t == alt || (alt.len() >= 4 && t.starts_with(alt)) || alt.starts_with(**t)
                })
            })
            .flat_map(|(_, at)| at.iter().copied())
            .collect();
        // Through the engine's one shared sort: a sort per element type costs the wasm a copy.
        let starts = sorted_by_key(starts, |&at| [at, 0, 0]);
        let (mut kept, mut tried, mut next_free) = (0, 0, 0);
        for at in starts {
            if kept >= MAX_MATCHES || tried >= MAX_TRIES {
                break;
            }
            if at < next_free {
                continue;
            }
            let Some(end) = phrase_at(&tokens, at, p) else {
                continue;
            };
            tried += 1;
            let (start, stop) = (tokens.spans[at].0, tokens.spans[end - 1].1);
            if let Some((confidence, facts)) =
                classify::judge(n, p.scope, start, stop, p.confidence)
            {
                kept += 1;
                out.push(Match {
                    family,
                    signature: signature_index(pi),
                    start,
                    end: stop,
                    confidence: confidence.min(MAX_CONFIDENCE),
                    precise: true,
                    facts,
                    repeat: false,
                });
            }
            next_free = end;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_match_stems_and_joined_names() {
        let lower = "a throttling exception and non-tty devices";
        let t = Tokens {
            lower,
            spans: tokens(lower),
        };
        assert_eq!(word_at(&t, 1, "throttlingexception"), Some(2));
        assert_eq!(word_at(&t, 5, "tty"), Some(1));
        assert_eq!(word_at(&t, 6, "device"), Some(1));
        assert_eq!(word_at(&t, 0, "and"), None);
    }
}
