//! The one browser query only the visualizer needs; the globals come from the app's `dom`.

pub(super) use crate::app::dom::{document, window};

pub(super) fn reduced_motion_query() -> Option<web_sys::MediaQueryList> {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
}
