//! The catalogue's tiny inline format: text between backticks is code, nothing else is markup.
//! Pure (no DOM): the app turns the pieces into text and `<code>` nodes, never into HTML
//! source, so a pasted value filled into the prose cannot inject markup.

/// One run of prose text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    Plain(&'a str),
    Code(&'a str),
}

/// Splits `text` into plain and code runs. Backticks pair up left to right; a backtick left
/// without a partner, and an empty pair, stay in the plain text as typed.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut plain_from = 0;
    let mut rest = 0;
    while let Some(open) = text[rest..].find('`').map(|i| rest + i) {
        let Some(close) = text[open + 1..].find('`').map(|i| open + 1 + i) else {
            break;
        };
        if close == open + 1 {
            // "``": nothing to show as code; keep both backticks as text.
            rest = close + 1;
            continue;
        }
        if open > plain_from {
            out.push(Piece::Plain(&text[plain_from..open]));
        }
        out.push(Piece::Code(&text[open + 1..close]));
        plain_from = close + 1;
        rest = plain_from;
    }
    if plain_from < text.len() {
        out.push(Piece::Plain(&text[plain_from..]));
    }
    out
}

/// The text a reader sees, without the markup (for labels and plain-text output).
pub fn plain(text: &str) -> String {
    pieces(text)
        .iter()
        .map(|p| match p {
            Piece::Plain(s) | Piece::Code(s) => *s,
        })
        .collect()
}

/// Whether every backtick of `text` has a partner (the catalogue's prose must be).
pub fn balanced(text: &str) -> bool {
    text.bytes().filter(|&b| b == b'`').count() % 2 == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use Piece::{Code, Plain};

    #[test]
    fn code_between_backticks() {
        assert_eq!(
            pieces("run `docker login` first, then `docker push`."),
            vec![
                Plain("run "),
                Code("docker login"),
                Plain(" first, then "),
                Code("docker push"),
                Plain(".")
            ]
        );
        assert_eq!(pieces("`a`"), vec![Code("a")]);
        assert_eq!(pieces("`a``b`"), vec![Code("a"), Code("b")]);
    }

    #[test]
    fn no_backticks_is_one_plain_piece() {
        assert_eq!(pieces("plain words"), vec![Plain("plain words")]);
        assert_eq!(pieces(""), vec![]);
    }

    #[test]
    fn an_unpaired_backtick_stays_text() {
        assert_eq!(
            pieces("`one` and a stray ` here"),
            vec![Code("one"), Plain(" and a stray ` here")]
        );
        assert_eq!(pieces("`"), vec![Plain("`")]);
        assert_eq!(pieces("x ``y"), vec![Plain("x ``y")]);
        assert_eq!(pieces("`` `z`"), vec![Plain("`` "), Code("z")]);
    }

    #[test]
    fn markup_is_left_as_text() {
        // Angle brackets are just characters here: the renderer makes text nodes of them.
        assert_eq!(
            pieces("`<img src=x onerror=alert(1)>` <b>"),
            vec![Code("<img src=x onerror=alert(1)>"), Plain(" <b>")]
        );
    }

    #[test]
    fn multibyte_text_splits_on_char_boundaries() {
        assert_eq!(
            pieces("é `ü…` ß"),
            vec![Plain("é "), Code("ü…"), Plain(" ß")]
        );
    }

    #[test]
    fn plain_drops_only_the_pairs() {
        assert_eq!(plain("a `b` c ` d"), "a b c ` d");
        assert_eq!(plain("no code"), "no code");
    }

    #[test]
    fn balance() {
        assert!(balanced("`a` and `b`"));
        assert!(balanced("none"));
        assert!(!balanced("`a` and `b"));
    }
}
