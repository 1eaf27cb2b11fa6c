//! Where the throttling visualizer appears. It lives in a wasm of its own
//! (`ecr-explain-bucket`, see `src/bucket_main.rs`), fetched the first time a page shows it, so
//! a first visit to the explainer does not pay for the simulation and its views.

// The host takes what the visualizer takes, and hands it on.
use super::bucket::Props;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

// The dynamic `import()` has to be JavaScript; wasm-bindgen ships this as a file (a snippet),
// so the CSP needs no inline script. One load per page, retried after a failure.
#[wasm_bindgen(inline_js = r#"
let loading = null;
export function loadBucket(js, wasm) {
  loading ??= import(js)
    .then(async (module) => { await module.default({ module_or_path: wasm }); return module; })
    .catch((error) => { loading = null; throw error; });
  return loading;
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = loadBucket)]
    fn load_bucket(js: &str, wasm: &str) -> js_sys::Promise;

    /// The bucket wasm's exports (`src/bucket_main.rs`).
    type BucketModule;
    #[wasm_bindgen(method, js_name = mount_bucket)]
    fn mount_bucket(
        this: &BucketModule,
        element: &web_sys::Element,
        query: &str,
        standalone: bool,
    ) -> MountedBucket;

    type MountedBucket;
    #[wasm_bindgen(method)]
    fn update(this: &MountedBucket, query: &str);
    #[wasm_bindgen(method)]
    fn destroy(this: &MountedBucket);
}

/// Where this build's bucket files are (absolute URLs): from `#app`'s `data-bucket-*` on our
/// own page (written by the build), from embed.js when mounted into another page.
#[derive(Clone, Debug, Default)]
pub struct BucketAssets {
    pub js: String,
    pub wasm: String,
}

thread_local! {
    static ASSETS: RefCell<Option<BucketAssets>> = const { RefCell::new(None) };
}

pub fn set_assets(assets: BucketAssets) {
    ASSETS.with(|a| *a.borrow_mut() = Some(assets));
}

fn assets() -> Option<BucketAssets> {
    ASSETS.with(|a| a.borrow().clone())
}

#[derive(Clone, PartialEq)]
enum Status {
    Loading,
    Shown,
    Failed(String),
}

#[component]
pub fn BucketHost(props: &Props) -> Html {
    let host = use_node_ref();
    let status = use_state(|| Status::Loading);
    let mounted = use_mut_ref(|| None::<MountedBucket>);
    // The newest query, for a load that finishes after the route changed again.
    let latest_query = use_mut_ref(|| props.query.to_string());

    {
        let (host, status, mounted) = (host.clone(), status.clone(), mounted.clone());
        let latest_query = latest_query.clone();
        let standalone = props.standalone;
        use_effect_with((), move |_| {
            let alive = Rc::new(Cell::new(true));
            let still_alive = alive.clone();
            let mounted_now = mounted.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = match assets() {
                    Some(a) => wasm_bindgen_futures::JsFuture::from(load_bucket(&a.js, &a.wasm))
                        .await
                        .map_err(|e| format!("{e:?}")),
                    None => Err("this build has no bucket files".to_string()),
                };
                if !still_alive.get() {
                    return;
                }
                match (loaded, host.cast::<web_sys::Element>()) {
                    (Ok(module), Some(element)) => {
                        let module: BucketModule = module.unchecked_into();
                        let query = latest_query.borrow().clone();
                        *mounted_now.borrow_mut() =
                            Some(module.mount_bucket(&element, &query, standalone));
                        status.set(Status::Shown);
                    }
                    (Err(why), _) => status.set(Status::Failed(why)),
                    (Ok(_), None) => {}
                }
            });
            move || {
                alive.set(false);
                if let Some(bucket) = mounted.borrow_mut().take() {
                    bucket.destroy();
                }
            }
        });
    }
    {
        let mounted = mounted.clone();
        use_effect_with(props.query.clone(), move |query| {
            *latest_query.borrow_mut() = query.to_string();
            if let Some(bucket) = mounted.borrow().as_ref() {
                bucket.update(query);
            }
        });
    }

    // The message sits beside the host element, never in it: the visualizer's own renderer
    // owns everything inside.
    let message = match &*status {
        Status::Loading => html! {
            <p class="bucket-loading" role="status">{"Loading the throttling visualizer…"}</p>
        },
        Status::Shown => html! {},
        Status::Failed(why) => html! {
            <p class="bucket-loading" role="alert">
                {format!("The throttling visualizer could not load: {why}. Reload the page to try again.")}
            </p>
        },
    };
    html! {
        <>
            {message}
            <div class="bucket-host" ref={host}></div>
        </>
    }
}
