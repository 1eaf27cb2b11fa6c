//! The throttling visualizer's own wasm (Trunk builds it beside the app's): the simulation and
//! its views, without the engine. The app fetches it the first time a page shows the bucket
//! (`src/app/bucket_host.rs`).

#[cfg(target_arch = "wasm32")]
mod web {
    use ecr_explain::app::bucket::{BucketView, Props};
    use wasm_bindgen::prelude::*;

    /// A visualizer rendered into a page's element.
    #[wasm_bindgen]
    pub struct MountedBucket {
        handle: Option<yew::AppHandle<BucketView>>,
        standalone: bool,
    }

    #[wasm_bindgen]
    impl MountedBucket {
        /// A new scenario (the fragment's query after `#bucket?`).
        pub fn update(&mut self, query: String) {
            let standalone = self.standalone;
            if let Some(handle) = self.handle.as_mut() {
                handle.update(Props {
                    query: query.into(),
                    standalone,
                });
            }
        }

        pub fn destroy(&mut self) {
            if let Some(handle) = self.handle.take() {
                handle.destroy();
            }
        }
    }

    /// Renders the visualizer into `element`. `standalone`: our own page, whose URL fragment
    /// the visualizer keeps in step with its settings.
    #[wasm_bindgen]
    pub fn mount_bucket(
        element: web_sys::Element,
        query: String,
        standalone: bool,
    ) -> MountedBucket {
        ecr_explain::app::install_panic_hook();
        let props = Props {
            query: query.into(),
            standalone,
        };
        MountedBucket {
            handle: Some(yew::Renderer::<BucketView>::with_root_and_props(element, props).render()),
            standalone,
        }
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!(
        "ecr-explain-bucket is part of the browser app: build it with `trunk build --release`."
    );
}
