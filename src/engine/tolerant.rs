//! The tolerant tier: when no exact wording matched in a chunk, the catalogue's [`Phrase`]s are
//! matched token by token on the normalized text. Paraphrased, retyped and mangled messages
//! ("cannot perform on non tty device", `\-no\-include\-email`, “Throttling Exception”) are found
//! this way, with lower confidence, and reported as "likely". The same evidence rules as for exact
//! matches decide whether they are ECR's.

use super::classify::{self, Match};
use super::normalize::Normalized;
use crate::catalogue::{Phrase, FAMILIES, PHRASES};

/// Chunks longer than this are not read by the tolerant tier: paraphrases are short prose, and
/// a huge log that matched nothing exactly is not worth a second, slower pass.
const MAX_TEXT: usize = 256 << 10;
/// Matches kept per phrase and chunk.
const MAX_MATCHES: usize = 64;
/// Most tokens one phrase word may span (`throttling` + `exception`).
const MAX_JOIN: usize = 3;
/// Highest confidence a likely finding gets.
const MAX_CONFIDENCE: f32 = 0.6;

/// Signature index used for tolerant matches: far from any real signature's.
pub fn signature_index(phrase: usize) -> usize {
    usize::MAX - phrase
}

/// Lowercase alphanumeric tokens of `text` with their byte ranges.
fn tokens(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        out.push((start, i, text[start..i].to_ascii_lowercase()));
    }
    out
}

/// How many tokens from `at` one of `alternatives` covers: a whole token, the start of one
/// (stems of 4 letters or more), or several tokens joined (`throttling exception`).
fn word_at(tokens: &[(usize, usize, String)], at: usize, alternatives: &str) -> Option<usize> {
    for alt in alternatives.split('|') {
        let mut joined = String::new();
        for k in 0..MAX_JOIN {
            let Some((_, _, t)) = tokens.get(at + k) else {
                break;
            };
            joined.push_str(t);
            if joined == alt || (k == 0 && alt.len() >= 4 && joined.starts_with(alt)) {
                return Some(k + 1);
            }
            if !alt.starts_with(joined.as_str()) {
                break;
            }
        }
    }
    None
}

/// The token range `[at, end)` a phrase covers when it starts at token `at`.
fn phrase_at(tokens: &[(usize, usize, String)], at: usize, p: &Phrase) -> Option<usize> {
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
    if n.text.len() > MAX_TEXT {
        return out;
    }
    let tokens = tokens(&n.text);
    for (pi, p) in PHRASES.iter().enumerate() {
        let Some(family) = FAMILIES.iter().position(|f| f.id == p.family) else {
            continue;
        };
        let mut kept = 0;
        let mut at = 0;
        while at < tokens.len() && kept < MAX_MATCHES {
            let Some(end) = phrase_at(&tokens, at, p) else {
                at += 1;
                continue;
            };
            let (start, stop) = (tokens[at].0, tokens[end - 1].1);
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
            at = end;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_match_stems_and_joined_names() {
        let t = tokens("a Throttling Exception and non-TTY devices");
        assert_eq!(word_at(&t, 1, "throttlingexception"), Some(2));
        assert_eq!(word_at(&t, 5, "tty"), Some(1));
        assert_eq!(word_at(&t, 6, "device"), Some(1));
        assert_eq!(word_at(&t, 0, "and"), None);
    }
}
