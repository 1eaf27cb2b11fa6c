//! The browser's globals. Every component runs in a page, so their absence is a bug, not a
//! state to render.

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
