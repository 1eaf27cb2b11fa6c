//! An API operation named in prose (`StartJobRun` is refused), the weakest operation fact.
//! A scanner, not a regex: it looks at every word of every text, and as a case-insensitive
//! regex (`(?:^|[^:A-Za-z0-9])((?:Start|…)[A-Z][a-z]+…)\b`) it was the dearest extractor,
//! especially in the browser's regex-lite.

use super::{fact, Fact, Found};

/// Verbs an AWS operation name starts with.
const VERBS: &[&str] = &[
    "Start",
    "Stop",
    "Create",
    "Delete",
    "Describe",
    "Get",
    "Put",
    "List",
    "Batch",
    "Update",
    "Run",
    "Invoke",
    "Initiate",
    "Complete",
    "Upload",
    "Set",
    "Register",
    "Tag",
    "Untag",
    "Validate",
    "Replicate",
];

/// Its rank among the extractors: the weakest operation fact.
const RANK: u8 = 8;

/// How many candidate words a text is read for (as many as any other extractor's matches).
const MAX_CANDIDATES: usize = 64;

/// Adds every word that names an operation: a run of letters that starts a word (not after
/// a letter, a digit or `:`, so `ecr:GetAuthorizationToken` is an action, not prose), begins
/// with a verb and at least two more letters, ends a word (no digit or `_` glued on), and is
/// written in CamelCase (`StartJobRun`, not `starter` or `STARTJOB`).
pub fn prose_operations(text: &str, out: &mut Vec<Fact>) {
    let h = text.as_bytes();
    let mut candidates = 0;
    let mut pos = 0;
    while pos < h.len() && candidates < MAX_CANDIDATES {
        if !h[pos].is_ascii_alphabetic() {
            pos += 1;
            continue;
        }
        let start = pos;
        while pos < h.len() && h[pos].is_ascii_alphabetic() {
            pos += 1;
        }
        let word = &text[start..pos];
        let starts_word =
            start == 0 || !(h[start - 1].is_ascii_alphanumeric() || h[start - 1] == b':');
        let ends_word = pos == h.len() || !(h[pos].is_ascii_digit() || h[pos] == b'_');
        let verb_first = VERBS.iter().any(|v| {
            word.len() >= v.len() + 2
                && word.as_bytes()[..v.len()].eq_ignore_ascii_case(v.as_bytes())
        });
        if !(starts_word && ends_word && verb_first) {
            continue;
        }
        candidates += 1;
        if is_camel_case(word) && !word.ends_with("Exception") && !word.ends_with("Error") {
            let at = Found {
                text: word,
                start,
                end: pos,
            };
            fact(out, "operation", word, at, RANK);
        }
    }
}

/// An uppercase first letter, another uppercase letter later, and a lowercase one.
fn is_camel_case(word: &str) -> bool {
    let b = word.as_bytes();
    b[0].is_ascii_uppercase()
        && b[1..].iter().any(u8::is_ascii_uppercase)
        && b.iter().any(u8::is_ascii_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::pattern::Regex;
    use proptest::prelude::*;

    /// The regex this scanner replaces, with the same checks after it.
    fn by_regex(text: &str) -> Vec<Fact> {
        let re = Regex::new(concat!(
            r"(?i)(?:^|[^:A-Za-z0-9])((?:Start|Stop|Create|Delete|Describe|Get|Put|List|Batch|",
            r"Update|Run|Invoke|Initiate|Complete|Upload|Set|Register|Tag|Untag|Validate|",
            r"Replicate)[A-Z][a-z]+(?:[A-Z][a-z]+)*)\b"
        ))
        .unwrap();
        let mut out = Vec::new();
        for c in re.captures_iter(text).take(MAX_CANDIDATES) {
            let m = c.get(1).unwrap();
            let op = m.as_str();
            if is_camel_case(op) && !op.ends_with("Exception") && !op.ends_with("Error") {
                fact(&mut out, "operation", op, m, RANK);
            }
        }
        out
    }

    fn by_scanner(text: &str) -> Vec<Fact> {
        let mut out = Vec::new();
        prose_operations(text, &mut out);
        out
    }

    #[test]
    fn reads_operations_in_prose() {
        let f =
            by_scanner("User is not allowed to call StartJobRun, nor ecr:GetAuthorizationToken.");
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].value.as_str(), f[0].start), ("StartJobRun", 28));
        for not_one in [
            "starter",
            "STARTJOB",
            "GetFooException",
            "Getx",
            "StartJob1",
            "2StartJob",
        ] {
            assert!(by_scanner(not_one).is_empty(), "{not_one}");
        }
        let many = "x StartJobRun".repeat(100);
        assert_eq!(by_scanner(&many).len(), MAX_CANDIDATES);
        assert_eq!(by_scanner(&many), by_regex(&many));
    }

    proptest! {
        #[test]
        fn scanner_reads_what_the_regex_read(
            text in "([a-zA-Z0-9:_ .é\\n]|Start|Get|Job|Run|Tag|Exception|Error|ecr:){0,80}"
        ) {
            prop_assert_eq!(by_scanner(&text), by_regex(&text));
        }

        #[test]
        fn scanner_reads_what_the_regex_read_on_any_text(text in "\\PC{0,200}") {
            prop_assert_eq!(by_scanner(&text), by_regex(&text));
        }
    }
}
