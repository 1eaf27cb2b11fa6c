//! The Yew app. It only renders what the engine reports: no classification logic here.

mod bucket_view;
mod copy_button;
mod error_pages;
mod explainer;
mod finding_card;
mod route;
mod source_view;

use route::Route;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Mounts the app into `#app` and makes any panic visible in the page instead of a dead tab.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        let message = format!(
            "ecr-explain hit an internal error and stopped: {info}. Reload the page to start again; nothing you pasted left this page."
        );
        web_sys::console::error_1(&message.clone().into());
        if let Some(el) = document().get_element_by_id("fatal") {
            el.set_text_content(Some(&message));
            let _ = el.remove_attribute("hidden");
        }
    }));
    let root = document()
        .get_element_by_id("app")
        .expect("index.html has an #app element");
    yew::Renderer::<App>::with_root(root).render();
}

pub(crate) fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

pub(crate) fn document() -> web_sys::Document {
    window().document().expect("a document")
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

pub(crate) fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

#[component]
fn App() -> Html {
    let route = use_route();
    // `/` focuses the paste box from anywhere (unless typing in a field already).
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
    html! {
        <>
            <header class="site-header">
                <a class="brand" href="#">{"ecr-explain"}</a>
                <nav aria-label="Sections">
                    <a href="#" aria-current={current(&route, "explain")}>{"Explain an error"}</a>
                    <a href="#errors" aria-current={current(&route, "errors")}>{"Error index"}</a>
                    <a href="#bucket" aria-current={current(&route, "bucket")}>{"Throttling bucket"}</a>
                </nav>
                <p class="privacy">
                    {"Runs entirely in your browser: nothing you paste leaves this page."}
                </p>
            </header>
            <main id="main">
                {match &route {
                    Route::Explainer { text } => html! { <explainer::Explainer initial={text.clone()} /> },
                    Route::Index => html! { <error_pages::ErrorIndex /> },
                    Route::Error(id) => html! { <error_pages::ErrorPage id={id.clone()} /> },
                    Route::Bucket(q) => html! { <bucket_view::BucketView query={AttrValue::from(q.clone())} /> },
                }}
            </main>
            <footer class="site-footer">
                <p>
                    {"Explains Amazon ECR errors from the AWS CLI, SDKs, Docker, BuildKit, ECS and Kubernetes. "}
                    {"Not affiliated with AWS. Always check commands before running them."}
                </p>
            </footer>
        </>
    }
}
