//! Remedies and references, as a finding card and a family page both show them.

use super::copy_button::CopyButton;
use super::prose_view::prose;
use crate::engine::Remedy;
use crate::prose::plain;
use yew::prelude::*;

// Plain functions, not components: a component costs the wasm its own copy of Yew's
// lifecycle code, and these have no state of their own.

/// Numbered fixes, each command in a block with a copy button.
pub fn remedies(remedies: &[Remedy]) -> Html {
    html! {
        <ol class="remedies">
            {for remedies.iter().map(|r| {
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

/// Links to the documentation, opened away from the explainer.
pub fn references(references: &[String]) -> Html {
    html! {
        <ul class="references">
            {for references.iter().map(|r| html! {
                <li><a href={r.clone()} rel="noopener noreferrer" target="_blank">{r}</a></li>
            })}
        </ul>
    }
}
