//! ecr-explain: paste an Amazon ECR error, see what went wrong, why, and the commands that fix it.
//!
//! The crate is one pure engine ([`engine::explain`]) over a data catalogue
//! ([`catalogue::FAMILIES`]), with three faces: the `ecr-explain` CLI, the Yew app and the
//! JavaScript API (both in the wasm build).

pub mod bucket;
pub mod catalogue;
pub mod engine;
pub mod highlight;
pub mod prose;
#[cfg(not(target_arch = "wasm32"))]
pub mod scoring;
pub mod share;

pub use engine::{explain, Finding, Remedy, Report, Span};

// The JavaScript API (`src/js_api.rs`) belongs to the web binary, not here: a wasm export in
// the library would be exported, with the whole engine behind it, from the bucket's wasm too.
#[cfg(target_arch = "wasm32")]
pub mod app;
