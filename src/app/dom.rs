//! The browser's globals. Every component runs in a page, so their absence is a bug, not a
//! state to render.

use wasm_bindgen::JsCast;

pub(crate) fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

pub(crate) fn document() -> web_sys::Document {
    window().document().expect("a document")
}

/// The URL fragment, with its `#`.
pub(crate) fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The element an event happened on, as the element type its handler expects.
pub(crate) fn target<T: JsCast>(e: &web_sys::Event) -> Option<T> {
    e.target().and_then(|t| t.dyn_into::<T>().ok())
}
