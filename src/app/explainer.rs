//! The paste box and the live verdict.

use super::dom;
use super::explain_job::Handles;
use super::finding_card::FindingCard;
use super::share_box::ShareBox;
use super::source_view::SourceView;
use crate::engine::{self, docs, Report};
use gloo_timers::callback::Timeout;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Debounce: classify this long after the last keystroke.
const DEBOUNCE_MS: u32 = 25;

/// Families offered as one-click examples first; all others sit in the list below them.
const FEATURED: &[&str] = &[
    "throttling",
    "access-denied",
    "repository-not-found",
    "non-tty-login",
    "no-basic-auth-credentials",
    "token-expired",
    "image-not-found",
    "ecs-cannot-pull-container",
];

#[derive(Properties, PartialEq)]
pub struct Props {
    /// An error passed in the URL fragment (or by the embedding page), shown on load.
    pub initial: Option<String>,
    /// Offer a share link (not when embedded: the link would point at the host page).
    #[prop_or(true)]
    pub share: bool,
    /// Just the box and the verdict: no examples and no highlighted source.
    #[prop_or(false)]
    pub compact: bool,
    /// Focus the box on load (not inside someone else's page).
    #[prop_or(true)]
    pub focus: bool,
    /// Show the paste box; without it, only the verdict on `initial` (an embedding's "verdict").
    #[prop_or(true)]
    pub input: bool,
    /// Label the two panes as landmarks (regions). Not when embedded: a docs page may hold
    /// several explainers, and landmarks must be unique on a page.
    #[prop_or(true)]
    pub landmarks: bool,
    /// Told the text each time a verdict is ready.
    #[prop_or_default]
    pub on_text: Option<Callback<Rc<String>>>,
}

#[wasm_bindgen]
extern "C" {
    /// A `DataTransfer` whose `getData` leaves the string in JavaScript: web-sys's binding
    /// copies all of it into wasm at once, a long frame for a paste of megabytes.
    #[wasm_bindgen(extends = web_sys::DataTransfer)]
    type LazyDataTransfer;
    #[wasm_bindgen(method, catch, js_name = getData)]
    fn get_data(this: &LazyDataTransfer, format: &str) -> Result<js_sys::JsString, JsValue>;
}

fn textarea(node: &NodeRef) -> Option<web_sys::HtmlTextAreaElement> {
    node.cast::<web_sys::HtmlTextAreaElement>()
}

#[component]
pub fn Explainer(props: &Props) -> Html {
    let input = use_node_ref();
    let handles = Handles {
        job: use_mut_ref(Default::default),
        text: use_state(|| Rc::new(String::new())),
        report: use_state(|| None),
        progress: use_state(|| None),
        big: use_state(|| None),
        input: input.clone(),
    };
    let big = handles.big.clone();

    let load_text = {
        let handles = handles.clone();
        Callback::from(move |text: String| handles.load(text))
    };
    // Focus the paste box on load; show an error passed in the fragment (or by the embedding
    // page), the same way a paste is shown.
    {
        let input = input.clone();
        let load_text = load_text.clone();
        let focus = props.focus;
        use_effect_with(props.initial.clone(), move |initial| {
            if let Some(text) = initial {
                load_text.emit(text.clone());
            }
            if let (true, Some(el)) = (focus, textarea(&input)) {
                let _ = el.focus();
            }
        });
    }
    // Compile the engine's patterns while the page is idle, so the first paste does not pay
    // for it (a few tens of milliseconds in wasm).
    {
        let warm = use_mut_ref(|| None::<Timeout>);
        use_effect_with((), move |_| {
            *warm.borrow_mut() = Some(Timeout::new(50, || {
                let sample = docs::ids()
                    .next()
                    .and_then(docs::example)
                    .unwrap_or_default();
                let _ = engine::explain(sample);
            }));
            move || drop(warm.borrow_mut().take())
        });
    }
    {
        let on_text = props.on_text.clone();
        use_effect_with((*handles.text).clone(), move |text| {
            if let Some(cb) = on_text {
                cb.emit(text.clone());
            }
        });
    }

    let oninput = {
        let handles = handles.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(el) = dom::target::<web_sys::HtmlTextAreaElement>(&e) {
                handles.schedule(el.value(), DEBOUNCE_MS);
            }
        })
    };
    // Shows `text` in the box (its head only, read-only, when it is big) and explains it.
    let onpaste = {
        let handles = handles.clone();
        Callback::from(move |e: Event| {
            let Some(e) = e.dyn_ref::<web_sys::ClipboardEvent>() else {
                return;
            };
            let Some(pasted) = e.clipboard_data().and_then(|d| {
                d.unchecked_into::<LazyDataTransfer>()
                    .get_data("text/plain")
                    .ok()
            }) else {
                return;
            };
            // Small pastes go the usual way (the browser inserts them, `input` follows).
            if handles.load_js(pasted, true) {
                e.prevent_default();
            }
        })
    };
    // A log file dropped on the box is read in the page (FileReader): nothing is uploaded.
    let ondrop = {
        let handles = handles.clone();
        Callback::from(move |e: DragEvent| {
            let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            else {
                return;
            };
            e.prevent_default();
            let Ok(reader) = web_sys::FileReader::new() else {
                return;
            };
            let done = reader.clone();
            let handles = handles.clone();
            let onload = Closure::once_into_js(move || {
                if let Some(text) = done.result().ok().and_then(|v| v.dyn_into().ok()) {
                    handles.load_js(text, false);
                }
            });
            reader.set_onload(Some(onload.unchecked_ref()));
            // Bytes that are not UTF-8 become U+FFFD, like the CLI's lossy read.
            let _ = reader.read_as_text(&file);
        })
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let clear = {
        let handles = handles.clone();
        let big = big.clone();
        let input = input.clone();
        Callback::from(move |_: ()| {
            if let Some(el) = textarea(&input) {
                el.set_value("");
                el.set_read_only(false);
                let _ = el.focus();
            }
            big.set(None);
            handles.schedule(String::new(), 0);
        })
    };
    let onkeydown = {
        let clear = clear.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                clear.emit(());
            }
        })
    };
    let load_example = {
        let load_text = load_text.clone();
        let input = input.clone();
        Callback::from(move |text: String| {
            load_text.emit(text);
            if let Some(el) = textarea(&input) {
                let _ = el.focus();
            }
        })
    };

    let text = (*handles.text).clone();
    let report = (*handles.report).clone();
    let pane_role = (!props.landmarks).then_some("group");
    let big_note = big.as_ref().map(|(b, lines)| {
        format!(
            "Large paste: {} in {} lines. The box shows its first lines so the page stays responsive; all of it is read.",
            megabytes(b.len()),
            lines
        )
    });
    html! {
        <div class={classes!("explainer", (props.compact || !props.input).then_some("compact"))}>
            if props.input {
            <section class="input-pane" role={pane_role} aria-label="Your error">
                <label for="error-input" class="input-label">
                    {"Paste an error from your terminal, CI log or SDK stack trace"}
                </label>
                if let Some(note) = big_note {
                    <p class="big-paste" role="status">
                        {note}{" "}
                        <button type="button" onclick={clear.reform(|_: MouseEvent| ())}>{"Clear"}</button>
                    </p>
                }
                <textarea
                    id="error-input"
                    ref={input}
                    {oninput}
                    {onkeydown}
                    {onpaste}
                    {ondrop}
                    {ondragover}
                    autofocus={props.focus}
                    spellcheck="false"
                    autocomplete="off"
                    rows="10"
                    aria-describedby="input-help"
                    placeholder="An error occurred (AccessDeniedException) when calling the GetAuthorizationToken operation: User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ecr:GetAuthorizationToken on resource: *"
                />
                <p id="input-help" class="hint">
                    <kbd>{"/"}</kbd>{" focuses this box, "}<kbd>{"Esc"}</kbd>{" clears it. The verdict updates as you type; you can also drop a log file here."}
                </p>
                if !props.compact {
                    {examples(&load_example)}
                    if let Some(report) = report.clone() {
                        if !report.findings.is_empty() {
                            <SourceView text={text.clone()} report={report} />
                        }
                    }
                }
            </section>
            }
            <section class="result-pane" role={pane_role} aria-label="Verdict" aria-busy={handles.progress.is_some().to_string()}>
                if let Some((done, total)) = *handles.progress {
                    <p class="progress" role="status">
                        {format!("Reading {} of {}…", megabytes(done), megabytes(total))}
                        <progress max={total.to_string()} value={done.to_string()} />
                    </p>
                }
                {verdict(report.as_deref(), text.len())}
                if props.share && report.is_some() {
                    <ShareBox text={text.clone()} />
                }
            </section>
        </div>
    }
}

fn megabytes(bytes: usize) -> String {
    tenths_mb(bytes)
}

/// "1.3 MB": integer arithmetic, so the explainer needs no float formatting code.
pub(crate) fn tenths_mb(bytes: usize) -> String {
    let tenths = (bytes + 50_000) / 100_000;
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

fn verdict(report: Option<&Report>, len: usize) -> Html {
    let Some(report) = report else {
        return empty_state();
    };
    let ecr = report.ecr_findings().count();
    let summary_class = if ecr > 0 {
        "verdict found"
    } else {
        "verdict unknown"
    };
    html! {
        <>
            // Only the one-line verdict is announced: the cards would be too much to read out
            // on every keystroke.
            <div class={summary_class} data-verdict={if ecr > 0 { "ecr" } else { "unknown" }} role="status" aria-live="polite">
                <h2>{super::prose_view::prose(&report.summary)}</h2>
                if report.findings.len() > 1 {
                    <p class="hint">{"Root cause first; what follows it is a consequence or context."}</p>
                }
            </div>
            if ecr == 0 {
                {unknown(report, len)}
            }
            {for report.findings.iter().enumerate().map(|(i, f)| html! {
                <FindingCard finding={Rc::new(f.clone())} index={i} />
            })}
        </>
    }
}

// The verdicts and the examples are plain functions, not components: a component costs the wasm
// its own copy of Yew's lifecycle code, and these have no state of their own.
fn empty_state() -> Html {
    let ecr = docs::ecr_family_count();
    html! {
        <div class="verdict empty" data-verdict="empty">
            <h2>{"Paste an Amazon ECR error to see what went wrong"}</h2>
            <p>
                {format!("ecr-explain knows {ecr} ECR error families: throttling, access denied, missing repositories and images, expired tokens and credentials, Docker logins and credential helpers, pushes, pulls through ECS and Kubernetes, and every exception of the ECR API. ")}
                {"It also tells look-alikes from Docker Hub, other registries and other AWS services apart."}
            </p>
            <p>{"It reads the facts in your paste (account, Region, repository, IAM action, principal) and fills them into the fix. Try an example, or browse the "}<a href="#errors">{"error index"}</a>{"."}</p>
        </div>
    }
}

fn unknown(r: &Report, len: usize) -> Html {
    html! {
        <div class="unknown-detail">
            <p>
                {format!("Read {len} characters. ")}
                {"This is not an ECR error this tool knows, so it offers no fix rather than a guess."}
            </p>
            if !r.candidates.is_empty() {
                <>
                    <h3>{"Nearest known errors"}</h3>
                    <ul class="candidates">
                        {for r.candidates.iter().map(|c| html! {
                            <li><a href={format!("#error/{}", c.id)}>{super::prose_view::prose(&c.title)}</a>{": "}{&c.reason}</li>
                        })}
                    </ul>
                </>
            }
            if !r.fields.is_empty() {
                <>
                    <h3>{"Facts read anyway"}</h3>
                    <dl class="facts">
                        {for r.fields.iter().map(|(k, v)| html! {
                            <><dt>{k.replace('_', " ")}</dt><dd><code>{v}</code></dd></>
                        })}
                    </dl>
                </>
            }
        </div>
    }
}

fn examples(onpick: &Callback<String>) -> Html {
    let pick = |text: &'static str| {
        let onpick = onpick.clone();
        Callback::from(move |_: MouseEvent| onpick.emit(text.to_string()))
    };
    let onselect = {
        let onpick = onpick.clone();
        Callback::from(move |e: Event| {
            if let Some(sel) = dom::target::<web_sys::HtmlSelectElement>(&e) {
                if let Some(example) = docs::example(&sel.value()) {
                    onpick.emit(example.to_string());
                }
                sel.set_value("");
            }
        })
    };
    html! {
        <div class="examples">
            <span class="examples-label" id="examples-label">{"Try an example:"}</span>
            <div class="example-buttons" role="group" aria-labelledby="examples-label">
                {for FEATURED.iter().filter_map(|&id| Some((id, docs::example(id)?))).map(|(id, example)| html! {
                    <button type="button" class="example" data-example={id} onclick={pick(example)}>{id}</button>
                })}
            </div>
            <label class="more-examples">
                <span>{"or any other: "}</span>
                <select onchange={onselect}>
                    <option value="" selected=true>{"choose an error…"}</option>
                    {for docs::ids().filter(|id| !FEATURED.contains(id)).map(|id| html! {
                        <option value={id}>{id}</option>
                    })}
                </select>
            </label>
        </div>
    }
}
