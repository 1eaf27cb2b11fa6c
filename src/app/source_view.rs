//! The paste, with each finding's span and each fact marked by colour and by a label.

use crate::engine::Report;
use crate::highlight::{pieces, Piece};
use std::rc::Rc;
use yew::prelude::*;

/// Pastes up to this size are shown whole; longer ones around their findings only.
const SHOW_WHOLE: usize = 20_000;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub text: Rc<String>,
    pub report: Rc<Report>,
}

#[component]
pub fn SourceView(props: &Props) -> Html {
    let text = props.text.as_str();
    let parts = pieces(text, &props.report, SHOW_WHOLE);
    html! {
        <figure class="source">
            <figcaption>{"Your paste, with each finding numbered and its facts labelled"}</figcaption>
            <pre class="source-text" tabindex="0">
                {for parts.iter().map(|p| match p {
                    Piece::Gap(n) => html! { <span class="gap">{format!("\n… {n} bytes not shown …\n")}</span> },
                    Piece::Text(s) => {
                        let class = classes!(
                            s.finding.map(|i| format!("hl hl-{}", i % 6)),
                            s.fact.as_ref().map(|_| "fact"),
                        );
                        html! {
                            <>
                                if let Some(i) = s.finding_starts {
                                    <span class={format!("hl-badge hl-{}", i % 6)} aria-label={format!("finding {} starts", i + 1)}>{i + 1}</span>
                                }
                                if let Some(f) = &s.fact_starts {
                                    <span class="fact-tag" aria-hidden="true">{super::finding_card::fact_label(f)}</span>
                                }
                                <span {class} data-fact={s.fact.clone()}>{&text[s.start..s.end]}</span>
                            </>
                        }
                    }
                })}
            </pre>
        </figure>
    }
}
