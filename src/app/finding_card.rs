//! One finding: what it means, why, the facts read, the fixes and the references.

use super::prose_view::prose;
use super::remedies::{references, remedies};
use crate::engine::stable_order::sorted_by_key;
use crate::engine::{field, Finding};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub finding: Rc<Finding>,
    /// Position in the report; numbers the card and its highlight in the source.
    pub index: usize,
}

/// What people read for fact `key` (the key itself, spaced, for one the table lacks).
pub(super) fn fact_label(key: &str) -> String {
    field::field(key).map_or_else(|| key.replace('_', " "), |f| f.label.to_string())
}

#[component]
pub fn FindingCard(props: &Props) -> Html {
    let f = &props.finding;
    let n = props.index + 1;
    // In the order people look for them.
    let facts = sorted_by_key(f.fields.iter().collect(), |(k, _)| {
        [
            field::field(k)
                .map_or(field::UNRANKED, |f| f.card_rank)
                .into(),
            0,
            0,
        ]
    });
    let class = classes!(
        "finding",
        format!("hl-{}", props.index % 6),
        f.not_ecr.then_some("not-ecr"),
        f.context_of.is_some().then_some("context")
    );
    let heading_id = format!("finding-{n}");
    // Throttling gets a simulation of the throttled API's bucket.
    let bucket_link = (f.id == "throttling")
        .then(|| crate::bucket::link_for_operation(f.fields.get("operation").map(String::as_str)));
    html! {
        <article {class} data-finding={f.id.clone()} aria-labelledby={heading_id.clone()}>
            <header>
                <span class="badge-number" title={format!("Finding {n}, highlighted in your paste with the same number")}>{n}</span>
                <h3 id={heading_id}>{prose(&f.title)}</h3>
                <p class="meta">
                    <a class="id" href={format!("#error/{}", f.id)} title="About this error">{&f.id}</a>
                    if let Some(status) = f.http_status {
                        <span class="status">{format!("HTTP {status}")}</span>
                    }
                    <span class="confidence" title="How sure the match is">{format!("{}% sure", (f.confidence * 100.0).round() as u32)}</span>
                    if f.likely {
                        <span class="likely-badge" title="Matched a paraphrased, retyped or mangled wording, not the exact message">{"likely"}</span>
                    }
                    if f.occurrences > 1 {
                        <span class="occurrences">{format!("seen {} times", f.occurrences)}</span>
                    }
                    if f.not_ecr {
                        <span class="not-ecr-badge">{"not ECR"}</span>
                    }
                    if let Some(c) = &f.context_of {
                        <span class="context-badge">{format!("follows from {c}")}</span>
                    }
                </p>
            </header>
            <section>
                <h4>{"What it means"}</h4>
                <p>{prose(&f.explanation)}</p>
                <h4>{"Why it happens"}</h4>
                <p>{prose(&f.causes)}</p>
                if let Some((href, title)) = bucket_link {
                    <p class="bucket-link"><a {href} {title}>{"See it in the bucket"}</a></p>
                }
            </section>
            if !facts.is_empty() {
                <section>
                    <h4>{"Facts from your paste"}</h4>
                    <dl class="facts">
                        {for facts.iter().map(|(k, v)| html! {
                            <div class="fact-row" data-field={(*k).clone()}>
                                <dt>{fact_label(k)}</dt>
                                <dd><code>{*v}</code></dd>
                            </div>
                        })}
                    </dl>
                </section>
            }
            if !f.remedies.is_empty() {
                <section>
                    <h4>{"How to fix it"}</h4>
                    {remedies(&f.remedies)}
                    {for f.withheld.iter().map(|w| html! {
                        <p class="withheld" data-withheld={w.field.clone()}>{&w.reason}</p>
                    })}
                </section>
            }
            if !f.references.is_empty() {
                <section>
                    <h4>{"References"}</h4>
                    {references(&f.references)}
                </section>
            }
        </article>
    }
}
