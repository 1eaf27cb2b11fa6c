//! Catalogue prose as nodes: backtick runs become `<code>`, the rest text (see `crate::prose`).
//! Text nodes only, never HTML source: the prose carries facts filled in from the paste.

use crate::prose::{pieces, Piece};
use yew::prelude::*;

pub fn prose(text: &str) -> Html {
    pieces(text)
        .into_iter()
        .map(|p| match p {
            Piece::Plain(s) => html! { {s.to_string()} },
            Piece::Code(s) => html! { <code>{s.to_string()}</code> },
        })
        .collect()
}
