//! The web app's entry point (Trunk builds this for wasm32).

#[cfg(target_arch = "wasm32")]
fn main() {
    ecr_explain::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("ecr-explain-web is the browser app: build it with `trunk build --release`. For the command line use `ecr-explain`.");
}
