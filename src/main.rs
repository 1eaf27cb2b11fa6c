//! The web app's entry point (Trunk builds this for wasm32), with the JavaScript API that
//! `dist/embed.js` wraps.

#[cfg(target_arch = "wasm32")]
mod js_api;

#[cfg(target_arch = "wasm32")]
fn main() {
    ecr_explain::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("ecr-explain-web is the browser app: build it with `trunk build --release`. For the command line use `ecr-explain`.");
}
