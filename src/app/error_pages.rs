//! `#errors` lists every family; `#error/<id>` is one family's page, linkable from docs.

use super::prose_view::prose;
use super::remedies::{references, remedies};
use crate::engine::docs;
use yew::prelude::*;

// Plain functions, not components: a component costs the wasm its own copy of Yew's
// lifecycle code, and these pages have no state of their own.

/// Every family, ECR errors first.
pub fn error_index() -> Html {
    let all = docs::all();
    let (ecr, lookalikes): (Vec<_>, Vec<_>) = all.iter().partition(|d| !d.not_ecr);
    let item = |d: &&docs::FamilyDoc| {
        html! {
            <li data-family={d.id.clone()}>
                <a href={format!("#error/{}", d.id)}><code>{&d.id}</code></a>
                {" — "}{prose(&d.title)}
                if let Some(s) = d.http_status { <span class="status">{format!(" HTTP {s}")}</span> }
            </li>
        }
    };
    html! {
        <div class="error-index">
            <h1>{"Error index"}</h1>
            <p>{format!("{} Amazon ECR error families, and {} look-alikes that are not ECR errors. Each has a page of its own you can link to.", ecr.len(), lookalikes.len())}</p>
            <h2>{"ECR errors"}</h2>
            <ul class="families">{for ecr.iter().map(item)}</ul>
            <h2>{"Look-alikes (not ECR)"}</h2>
            <ul class="families">{for lookalikes.iter().map(item)}</ul>
        </div>
    }
}

/// One family's page, or a note that `id` names none.
pub fn error_page(id: &str) -> Html {
    let Some(d) = docs::describe(id) else {
        return html! {
            <div class="error-page">
                <h1>{"Unknown error id"}</h1>
                <p>{format!("There is no error family called “{id}”. See the ")}<a href="#errors">{"error index"}</a>{"."}</p>
            </div>
        };
    };
    html! {
        <article class="error-page" data-family={d.id.clone()}>
            <p class="crumbs"><a href="#errors">{"Error index"}</a>{" › "}<code>{&d.id}</code></p>
            <h1>{prose(&d.title)}</h1>
            if let Some(s) = d.http_status { <p class="status">{format!("HTTP {s}")}</p> }
            <h2>{"What it means"}</h2>
            <p>{prose(&d.explanation)}</p>
            <h2>{"Why it happens"}</h2>
            <p>{prose(&d.causes)}</p>
            <h2>{"How it reads"}</h2>
            <ul class="wordings">
                {for d.examples.iter().map(|e| html! {
                    <li>
                        <pre><code>{e}</code></pre>
                        <a class="try" href={format!("#text={}", js_sys::encode_uri_component(e))}>{"Explain this example"}</a>
                    </li>
                })}
            </ul>
            <h2>{"How to fix it"}</h2>
            <p class="hint">{"Placeholders in angle brackets are filled in from your paste when you explain a real error."}</p>
            {remedies(&d.remedies)}
            <h2>{"References"}</h2>
            {references(&d.references)}
        </article>
    }
}
