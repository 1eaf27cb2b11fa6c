//! The Yew app. It only renders what the engine reports: no classification logic here.

pub mod bucket;
mod bucket_host;
mod copy_button;
mod dom;
mod error_pages;
mod explain_job;
mod explainer;
mod finding_card;
mod prose_view;
mod remedies;
mod route;
mod share_box;
mod source_view;

pub use bucket_host::{set_assets as set_bucket_assets, BucketAssets};
use dom::current_hash;
use dom::{document, window};
use route::Route;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Shows a panic as a readable message in the page instead of leaving a dead app.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = format!(
            "ecr-explain hit an internal error and stopped: {info}. Reload the page to start again; nothing you pasted left this page."
        );
        web_sys::console::error_1(&message.clone().into());
        let doc = document();
        if let Some(el) = doc.get_element_by_id("fatal") {
            el.set_text_content(Some(&message));
            let _ = el.remove_attribute("hidden");
        } else if let Ok(roots) = doc.query_selector_all(".ecr-explain") {
            // Mounted in another page: say it where the explainer was.
            for i in 0..roots.length() {
                if let Some(root) = roots
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                {
                    root.set_text_content(Some(&message));
                }
            }
        }
    }));
}

/// Mounts the app into our own page's `#app`. Loaded by another page (through embed.js),
/// whose elements are not ours, it does nothing: that page calls `mount()` instead.
pub fn start() {
    let Some(root) = document()
        .query_selector("#app[data-ecr-explain]")
        .ok()
        .flatten()
    else {
        return;
    };
    install_panic_hook();
    // The build writes where the visualizer's own wasm is (see tools/postbuild.mjs).
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    let absolute = |name: &str| {
        let file = root.get_attribute(name)?;
        web_sys::Url::new_with_base(&file, &base)
            .ok()
            .map(|u| u.href())
    };
    if let (Some(js), Some(wasm)) = (absolute("data-bucket-js"), absolute("data-bucket-wasm")) {
        set_bucket_assets(BucketAssets { js, wasm });
    }
    let embed = window()
        .location()
        .search()
        .unwrap_or_default()
        .trim_start_matches('?')
        .split('&')
        .any(|p| p == "embed" || p.starts_with("embed="));
    yew::Renderer::<App>::with_root_and_props(root, AppProps { embed }).render();
}

/// The route, kept in sync with the URL fragment.
#[hook]
fn use_route() -> Route {
    let route = use_state(|| Route::parse(&current_hash()));
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = gloo_events::EventListener::new(&window(), "hashchange", move |_| {
                route.set(Route::parse(&current_hash()));
            });
            move || drop(listener)
        });
    }
    (*route).clone()
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// `index.html?embed`: for an iframe in someone's docs; no site chrome, and a postMessage
    /// bridge to the parent (see [`use_embed_bridge`]).
    pub embed: bool,
}

#[component]
fn App(props: &AppProps) -> Html {
    let route = use_route();
    use_slash_focuses_input();
    // The text being explained, for the iframe's "open in the full explainer" link.
    let current_text = use_state(|| Rc::new(String::new()));
    let on_text = {
        let current_text = current_text.clone();
        Callback::from(move |t: Rc<String>| current_text.set(t))
    };
    let incoming = use_embed_bridge(props.embed);
    let current = |r: &Route, name: &str| -> Option<AttrValue> {
        let on = matches!(
            (r, name),
            (Route::Explainer { .. }, "explain")
                | (Route::Index, "errors")
                | (Route::Error(_), "errors")
                | (Route::Bucket(_), "bucket")
        );
        on.then(|| AttrValue::from("page"))
    };
    let page = match &route {
        Route::Explainer { text } => {
            let initial = (*incoming).clone().or_else(|| text.clone());
            // The page's one h1; in the iframe the bar names the tool, so it is for screen
            // readers only.
            let class = if props.embed {
                "page-title sr-only"
            } else {
                "page-title"
            };
            html! {
                <>
                    <h1 {class}>{"Explain an Amazon ECR error"}</h1>
                    <explainer::Explainer {initial} share={!props.embed} on_text={on_text.clone()} />
                </>
            }
        }
        Route::Index => error_pages::error_index(),
        Route::Error(id) => error_pages::error_page(id),
        Route::Bucket(q) => {
            html! { <bucket_host::BucketHost query={AttrValue::from(q.clone())} /> }
        }
    };
    if props.embed {
        // The link leaves the frame (a new tab, maybe a chat): it is redacted like the share
        // box's, and carries no text past the share limit.
        let full = if current_text.is_empty() || current_text.len() > crate::share::MAX_SHARE_TEXT {
            "./".to_string()
        } else {
            let redacted = crate::share::redact(&current_text).text;
            crate::share::link("./", &redacted).unwrap_or_else(|_| "./".to_string())
        };
        return html! {
            <div class="embedded-frame">
                // A header (banner landmark), so all content sits in landmarks.
                <header class="embed-bar">
                    <span class="brand">{"ecr-explain"}</span>
                    <a href={full} target="_blank" rel="noopener">{"Open in the full explainer"}</a>
                </header>
                <main id="main">{page}</main>
            </div>
        };
    }
    html! {
        <>
            <header class="site-header">
                <a class="brand" href="#">{"ecr-explain"}</a>
                <nav aria-label="Sections">
                    <a href="#" aria-current={current(&route, "explain")}>{"Explain an error"}</a>
                    <a href="#errors" aria-current={current(&route, "errors")}>{"Error index"}</a>
                    <a href="#bucket" aria-current={current(&route, "bucket")}>{"Throttling bucket"}</a>
                    <a href="embed.html">{"Embed"}</a>
                </nav>
                <p class="privacy">
                    {"Runs entirely in your browser: nothing you paste leaves this page."}
                </p>
            </header>
            <main id="main">{page}</main>
            <footer class="site-footer">
                <p>
                    {"Explains Amazon ECR errors from the AWS CLI, SDKs, Docker, BuildKit, ECS and Kubernetes. "}
                    {"Not affiliated with AWS. Always check commands before running them."}
                </p>
            </footer>
        </>
    }
}

/// `/` focuses the paste box from anywhere (unless typing in a field already).
#[hook]
fn use_slash_focuses_input() {
    use_effect_with((), |_| {
        let listener = gloo_events::EventListener::new(&document(), "keydown", |e| {
            let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            let typing = document().active_element().is_some_and(|el| {
                matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            });
            if e.key() == "/" && !typing && !e.ctrl_key() && !e.meta_key() && !e.alt_key() {
                if let Some(input) = document()
                    .get_element_by_id("error-input")
                    .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    e.prevent_default();
                    let _ = input.focus();
                }
            }
        });
        move || drop(listener)
    });
}

/// What the iframe bridge keeps alive: the message listener, the size observer and its callback.
type Bridge = (
    gloo_events::EventListener,
    web_sys::ResizeObserver,
    Closure<dyn FnMut()>,
);

/// Largest error text accepted by postMessage.
const MAX_MESSAGE_TEXT: usize = 16 << 20;

/// In an iframe: tells the parent the page's height whenever it changes
/// (`{type: "ecr-explain:height", height}`), and takes error texts from the parent
/// (`{type: "ecr-explain:explain", text}`). Anything else, or from anyone else, is ignored.
#[hook]
fn use_embed_bridge(enabled: bool) -> UseStateHandle<Option<String>> {
    let incoming = use_state(|| None::<String>);
    {
        let incoming = incoming.clone();
        use_effect_with(enabled, move |&enabled| {
            let mut keep: Option<Bridge> = None;
            if enabled {
                let post_height = Closure::<dyn FnMut()>::new(|| {
                    let height = document()
                        .document_element()
                        .map_or(0, |e| e.scroll_height());
                    let message = js_sys::Object::new();
                    let _ = js_sys::Reflect::set(
                        &message,
                        &"type".into(),
                        &"ecr-explain:height".into(),
                    );
                    let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
                    if let Ok(Some(parent)) = window().parent() {
                        // Only the height, which is no secret: any embedding page may read it.
                        let _ = parent.post_message(&message, "*");
                    }
                });
                let observer =
                    web_sys::ResizeObserver::new(post_height.as_ref().unchecked_ref()).ok();
                if let (Some(observer), Some(root)) = (&observer, document().document_element()) {
                    observer.observe(&root);
                }
                let listener = gloo_events::EventListener::new(&window(), "message", move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() else {
                        return;
                    };
                    let from_parent = match (e.source(), window().parent()) {
                        (Some(source), Ok(Some(parent))) => js_sys::Object::is(&source, &parent),
                        _ => false,
                    };
                    if !from_parent {
                        return;
                    }
                    let data = e.data();
                    let field = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok();
                    let is_explain = data.is_object()
                        && field("type").and_then(|t| t.as_string()).as_deref()
                            == Some("ecr-explain:explain");
                    let text = field("text").and_then(|t| t.as_string());
                    if let (true, Some(text)) = (is_explain, text) {
                        if text.len() <= MAX_MESSAGE_TEXT {
                            incoming.set(Some(text));
                        }
                    }
                });
                if let Some(observer) = observer {
                    keep = Some((listener, observer, post_height));
                }
            }
            move || {
                if let Some((_listener, observer, _closure)) = keep {
                    observer.disconnect();
                }
            }
        });
    }
    incoming
}

/// What `mount()` and the `<ecr-explain>` element show.
#[derive(Clone, PartialEq)]
pub enum EmbedView {
    /// The paste box and the verdict.
    Explainer,
    /// The verdict for the given error alone, without the box.
    Verdict,
    Bucket,
    /// One family's page (`#error/<id>` of the site).
    ErrorPage(String),
}

impl EmbedView {
    /// From the `view` (and `family`) the embedding page gave; anything unknown is the explainer.
    pub fn parse(view: &str, family: &str) -> Self {
        match view {
            "verdict" => Self::Verdict,
            "bucket" => Self::Bucket,
            "error-page" => Self::ErrorPage(family.trim().to_string()),
            _ => Self::Explainer,
        }
    }
}

/// What `mount()` renders into a host page's element: no routing, and no changes to the host
/// page's URL.
#[derive(Properties, PartialEq)]
pub struct EmbeddedProps {
    pub error: Option<String>,
    pub view: EmbedView,
    pub compact: bool,
    /// The explainer site's URL (where embed.js is). Our in-app links (`#error/<id>`, ...)
    /// open there in a new tab instead of changing the host page's fragment.
    pub base: String,
}

#[component]
pub fn Embedded(props: &EmbeddedProps) -> Html {
    let onclick = {
        let base = props.base.clone();
        Callback::from(move |e: MouseEvent| {
            let link = dom::target::<web_sys::Element>(&e)
                .and_then(|el| el.closest("a[href^='#']").ok().flatten());
            let Some(href) = link.and_then(|a| a.get_attribute("href")) else {
                return;
            };
            e.prevent_default();
            if base.starts_with("https://") || base.starts_with("http://") {
                let _ = window().open_with_url_and_target_and_features(
                    &format!("{base}{href}"),
                    "_blank",
                    "noopener",
                );
            }
        })
    };
    let body = match &props.view {
        EmbedView::Bucket => html! { <bucket_host::BucketHost query="" standalone=false /> },
        EmbedView::ErrorPage(id) => error_pages::error_page(id),
        view => html! {
            <explainer::Explainer initial={props.error.clone()} compact={props.compact}
                input={*view != EmbedView::Verdict} share=false focus=false landmarks=false />
        },
    };
    html! {
        <div class="embedded" {onclick}>{body}</div>
    }
}
