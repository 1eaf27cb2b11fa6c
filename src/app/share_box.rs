//! "Share a link": the error travels in the URL fragment only (never sent to a server), and
//! is redacted by default. The box shows exactly the text the link will carry.

use super::copy_button::CopyButton;
use super::dom::{self, window};
use crate::share;
use std::rc::Rc;
use yew::prelude::*;

/// Links longer than this are refused: browsers and chat tools cut long URLs.
const MAX_LINK: usize = 1 << 20;
/// Texts longer than this are not even tried (redacting and compressing them would stall the
/// tab for nothing: the link would be too long anyway).
const MAX_SHARE_TEXT: usize = 4 << 20;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub text: Rc<String>,
}

#[component]
pub fn ShareBox(props: &Props) -> Html {
    let open = use_state(|| false);
    let redact = use_state(|| true);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            if let Some(d) = dom::target::<web_sys::HtmlDetailsElement>(&e) {
                open.set(d.open());
            }
        })
    };
    let onredact = {
        let redact = redact.clone();
        Callback::from(move |e: Event| {
            if let Some(i) = dom::target::<web_sys::HtmlInputElement>(&e) {
                redact.set(i.checked());
            }
        })
    };
    // Work only when the box is open: compressing a big paste on every keystroke would be waste.
    let body = if *open && props.text.len() > MAX_SHARE_TEXT {
        html! {
            <p class="share-too-long" role="alert">{format!("Too long for a link ({}): share the log as a file instead.", super::explainer::tenths_mb(props.text.len()))}</p>
        }
    } else if *open {
        let (shared, replaced) = if *redact {
            let r = share::redact(&props.text);
            let n = r.replaced.len();
            (r.text, n)
        } else {
            (props.text.to_string(), 0)
        };
        let base = window().location().href().unwrap_or_default();
        let base = base.split('#').next().unwrap_or_default().to_string();
        let link = format!("{base}#{}", share::fragment(&shared));
        let too_long = link.len() > MAX_LINK;
        html! {
            <>
                <label class="redact">
                    <input type="checkbox" id="share-redact" checked={*redact} onchange={onredact} />
                    {" Redact account IDs, access key IDs, session names and passwords"}
                </label>
                if *redact {
                    <p class="hint">{format!("{replaced} value{} replaced with stand-ins that read the same way.", if replaced == 1 { "" } else { "s" })}</p>
                }
                <p class="hint">{"The link carries exactly this text, in the part after #, which browsers never send to a server:"}</p>
                <pre class="share-preview" id="share-preview" tabindex="0">{shared}</pre>
                if too_long {
                    <p class="share-too-long" role="alert">{format!("Too long for a link ({} even compressed): share the log as a file instead.", super::explainer::tenths_mb(link.len()))}</p>
                } else {
                    <div class="share-link">
                        <input type="text" id="share-link" readonly=true value={link.clone()} aria-label="Share link" />
                        <CopyButton text={link} label="the share link" />
                    </div>
                }
            </>
        }
    } else {
        Html::default()
    };
    html! {
        <details class="share" {ontoggle}>
            <summary>{"Share a link to this explanation"}</summary>
            {body}
        </details>
    }
}
