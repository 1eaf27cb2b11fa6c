//! Remedies and references, as a finding card and a family page both show them.

use super::copy_button::CopyButton;
use super::prose_view::prose;
use crate::engine::Remedy;
use crate::prose::plain;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RemediesProps {
    pub remedies: Vec<Remedy>,
}

/// Numbered fixes, each command in a block with a copy button.
#[component]
pub fn Remedies(props: &RemediesProps) -> Html {
    html! {
        <ol class="remedies">
            {for props.remedies.iter().map(|r| {
                let title = plain(&r.title);
                // Commands scroll sideways: focusable (to scroll by keyboard) and named.
                html! {
                    <li class="remedy">
                        <div class="remedy-head">
                            <p class="remedy-title">{prose(&r.title)}</p>
                            <CopyButton text={r.command.clone()} label={title.clone()} />
                        </div>
                        <pre class="command" tabindex="0" role="group" aria-label={format!("Command: {title}")}><code>{&r.command}</code></pre>
                    </li>
                }
            })}
        </ol>
    }
}

#[derive(Properties, PartialEq)]
pub struct ReferencesProps {
    pub references: Vec<String>,
}

/// Links to the documentation, opened away from the explainer.
#[component]
pub fn References(props: &ReferencesProps) -> Html {
    html! {
        <ul class="references">
            {for props.references.iter().map(|r| html! {
                <li><a href={r.clone()} rel="noopener noreferrer" target="_blank">{r}</a></li>
            })}
        </ul>
    }
}
