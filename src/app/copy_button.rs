//! A button that copies a command: the Clipboard API, or a selection-and-copy fallback where
//! the API is missing (plain http, older browsers, some embeds).

use super::dom::{document, window};
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub text: AttrValue,
    /// What is being copied, for screen readers ("Copy: Create the repository").
    pub label: AttrValue,
}

fn fallback_copy(text: &str) -> bool {
    let doc = document();
    let Ok(area) = doc.create_element("textarea") else {
        return false;
    };
    let Ok(area) = area.dyn_into::<web_sys::HtmlTextAreaElement>() else {
        return false;
    };
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    // Out of sight. Set through the CSSOM, which the CSP allows (it forbids style attributes).
    let style = area.style();
    for (k, v) in [("position", "fixed"), ("top", "-1000px"), ("opacity", "0")] {
        let _ = style.set_property(k, v);
    }
    let Some(body) = doc.body() else {
        return false;
    };
    let _ = body.append_child(&area);
    area.select();
    let copied = doc
        .dyn_ref::<web_sys::HtmlDocument>()
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false);
    let _ = body.remove_child(&area);
    copied
}

#[component]
pub fn CopyButton(props: &Props) -> Html {
    let state = use_state(|| None::<bool>);
    let reset = use_mut_ref(|| None::<Timeout>);
    let onclick = {
        let text = props.text.clone();
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let clipboard = window().navigator().clipboard();
            // `clipboard` is undefined outside secure contexts; the binding then holds a
            // JS undefined, which `is_undefined` tells apart.
            let ok = if !wasm_bindgen::JsValue::from(clipboard.clone()).is_undefined() {
                let _ = clipboard.write_text(&text);
                true
            } else {
                fallback_copy(&text)
            };
            state.set(Some(ok));
            let state = state.clone();
            *reset.borrow_mut() = Some(Timeout::new(1500, move || state.set(None)));
        })
    };
    let (caption, class) = match *state {
        Some(true) => ("Copied", "copy copied"),
        Some(false) => ("Select and copy", "copy failed"),
        None => ("Copy", "copy"),
    };
    html! {
        <button type="button" {class} {onclick} aria-label={format!("Copy: {}", props.label)}>
            <span aria-live="polite">{caption}</span>
        </button>
    }
}
