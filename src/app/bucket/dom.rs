//! The few browser handles the visualizer needs, kept here so it links without the app root.

pub(super) fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

pub(super) fn document() -> web_sys::Document {
    window().document().expect("a document")
}

pub(super) fn reduced_motion_query() -> Option<web_sys::MediaQueryList> {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
}
