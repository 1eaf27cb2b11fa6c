//! The JavaScript API, exported from the wasm build and wrapped by `dist/embed.js`:
//! `explain(text)` and `families()` return plain objects shaped like the CLI's `--json`;
//! `mount(element, ...)` renders the explainer or the bucket into a host page's element.

use serde::Serialize;
use wasm_bindgen::prelude::*;

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    // Maps become plain objects and None becomes null, as in the JSON.
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from_str(&e.to_string()))
}

/// The report for `text`.
#[wasm_bindgen]
pub fn explain(text: &str) -> Result<JsValue, JsValue> {
    to_js(&ecr_explain::explain(text))
}

/// Benchmarks only (`--features bench-api`): the engine without converting its report into
/// JS objects, so a profile can tell the engine's time from the boundary's.
#[cfg(feature = "bench-api")]
#[wasm_bindgen(js_name = benchFindingCount)]
pub fn bench_finding_count(text: &str) -> usize {
    ecr_explain::explain(text).findings.len()
}

/// Every error family's documentation.
#[wasm_bindgen]
pub fn families() -> Result<JsValue, JsValue> {
    to_js(&ecr_explain::engine::docs::all())
}

/// A mounted explainer; `unmount()` removes it.
#[wasm_bindgen]
pub struct Mounted {
    handle: Option<yew::AppHandle<ecr_explain::app::Embedded>>,
}

#[wasm_bindgen]
impl Mounted {
    pub fn unmount(&mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
    }
}

/// Renders into `element` only: no routing, no URL changes, styles scoped to the element.
/// `view` is explainer, verdict, bucket or error-page (of `family`). `site` says where this
/// build is (absolute URLs): `base`, the site, where in-app links open; `bucketJs` and
/// `bucketWasm`, the visualizer's files, loaded only if it is shown.
#[wasm_bindgen]
pub fn mount(
    element: web_sys::Element,
    error: String,
    view: String,
    family: String,
    compact: bool,
    site: &js_sys::Object,
) -> Mounted {
    ecr_explain::app::install_panic_hook();
    let url = |key: &str| {
        js_sys::Reflect::get(site, &key.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    ecr_explain::app::set_bucket_assets(ecr_explain::app::BucketAssets {
        js: url("bucketJs"),
        wasm: url("bucketWasm"),
    });
    let _ = element.class_list().add_1("ecr-explain");
    let props = ecr_explain::app::EmbeddedProps {
        error: (!error.is_empty()).then_some(error),
        view: ecr_explain::app::EmbedView::parse(&view, &family),
        compact,
        base: url("base"),
    };
    Mounted {
        handle: Some(
            yew::Renderer::<ecr_explain::app::Embedded>::with_root_and_props(element, props)
                .render(),
        ),
    }
}
