//! `#bucket`: the token-bucket visualizer of ECR throttling.
//!
//! All the arithmetic is in [`crate::bucket`]; this module only drives it from
//! requestAnimationFrame and draws it. Per frame it touches a handful of SVG
//! elements (dots and bars are one `<path>` each), so frames stay cheap.
//!
//! The scenario is state, changed only by [`Action`]s (from the form, a link, a prepared
//! scenario); the run follows it, and on our own page the URL fragment is written from it.
//! Nothing here reaches the explainer, so the visualizer can be built on its own.

mod controls;
mod counters;
mod dom;
mod picture;
mod playback;
mod timeline;

use crate::bucket::decimal::fixed;
use crate::bucket::{from_fragment_query, Action, Scenario};
use controls::Controls;
use dom::{document, reduced_motion_query, window};
use gloo_events::EventListener;
use playback::{Button, LiveRun, Player};
use std::rc::Rc;
use timeline::CHART_SECONDS;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The scenario part of the fragment, after `#bucket?` (may be empty).
    pub query: AttrValue,
    /// The page is ours: settings are written to the URL fragment. Mounted into another
    /// site's page, the bucket never touches that page's URL.
    #[prop_or(true)]
    pub standalone: bool,
}

/// The reducer's state: the scenario, changed only through [`Action`]s.
#[derive(Clone, PartialEq)]
struct ScenarioState {
    scenario: Scenario,
    /// The form set it last (not a link), so our page's link is to be written from it.
    from_form: bool,
}

impl Reducible for ScenarioState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = ScenarioState {
            from_form: !matches!(action, Action::Load(_)),
            scenario: self.scenario.after(action),
        };
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[component]
pub fn BucketView(props: &Props) -> Html {
    let scenario = {
        let query = props.query.clone();
        use_reducer(move || ScenarioState {
            scenario: scenario_from(&query),
            from_form: false,
        })
    };
    let redraw = use_force_update();
    let run = {
        let first = scenario.scenario.clone();
        use_mut_ref(move || {
            let reduced = reduced_motion_query().is_some_and(|m| m.matches());
            LiveRun::new(first, reduced)
        })
    };
    let player = Player { run, redraw };

    // The loop and its listeners belong to this effect; teardown drops them all.
    {
        let player = player.clone();
        use_effect_with((), move |_| {
            let visibility = {
                let player = player.clone();
                EventListener::new(&document(), "visibilitychange", move |_| {
                    if document().hidden() {
                        player.stop();
                    } else {
                        player.start();
                    }
                })
            };
            let motion = reduced_motion_query().map(|mql| {
                let player = player.clone();
                EventListener::new(&mql, "change", move |e| {
                    let reduce = e
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::MediaQueryList>().ok())
                        .is_some_and(|m| m.matches());
                    player.run.borrow_mut().reduced = reduce;
                    player.redraw.force_update();
                })
            });
            player.start();
            move || {
                drop(visibility);
                drop(motion);
                player.stop();
            }
        });
    }

    // A new link (back/forward, an edited fragment, a link on the page) loads its scenario.
    {
        let dispatcher = scenario.dispatcher();
        use_effect_with(props.query.clone(), move |query| {
            dispatcher.dispatch(Action::Load(scenario_from(query)));
        });
    }

    // The run follows the scenario; on our own page, once the form has set it, so does the link.
    {
        let player = player.clone();
        let standalone = props.standalone;
        use_effect_with((*scenario).clone(), move |state| {
            player.follow(&state.scenario);
            if standalone && state.from_form {
                // replace(), not assign(): tweaking a setting must not flood the history.
                let link = format!("#bucket?{}", state.scenario.to_query());
                let _ = window().location().replace(&link);
            }
        });
    }

    let on_action = {
        let dispatcher = scenario.dispatcher();
        use_callback((), move |action: Action, _| dispatcher.dispatch(action))
    };
    let on_try = on_action.reform(|q: &'static str| Action::Load(from_fragment_query(q)));
    let on_button = {
        let player = player.clone();
        use_callback((), move |button: Button, _| player.press(button))
    };

    let standalone = props.standalone;
    let run = player.run.borrow();
    let now = run.sim.now();
    let capacity = run.sim.config().capacity;
    let credits = run.sim.credits();
    let totals = run.sim.totals();
    let seconds = run.sim.per_second();
    let window_start = seconds.len().saturating_sub(CHART_SECONDS as usize);

    html! {
        <div class="bucket-page">
            <h1>{"Throttling bucket"}</h1>
            <p class="bucket-intro">
                {"Amazon ECR throttles each API with a token bucket: every call takes one credit, \
                  the bucket refills at a steady rate, and a call that finds it empty is throttled \
                  (ThrottlingException, HTTP 429). AWS's troubleshooting page gives \
                  GetAuthorizationToken 200 credits per account and Region, refilled at 20 per second: \
                  200 calls can pass in one second, then 20 per second for as long as you like. \
                  The service-quota table now says 500 per second; the pages disagree, so both are presets. \
                  What to learn: start 300 clients at once and compare retry strategies. Jittered backoff \
                  finishes the fan-out with fewer calls than immediate retry, which mostly hits an empty \
                  bucket until clients give up."}
            </p>
            <p class="bucket-try">
                {"Try: "}
                {for TRY.iter().map(|&(label, q)| if standalone {
                    html! { <a href={format!("#bucket?{q}")}>{label}</a> }
                } else {
                    let on_try = on_try.clone();
                    html! { <button type="button" class="link" onclick={move |_| on_try.emit(q)}>{label}</button> }
                })}
            </p>
            if run.reduced {
                <p class="hint bucket-reduced">
                    {"Your system asks for reduced motion: dots don't fly and the picture updates once a \
                      second instead of gliding. The simulation, timeline and counters run as usual."}
                </p>
            }
            <div
                id="token-bucket"
                class="bucket-view"
                data-credits={fixed(credits, 2)}
                data-accepted={totals.accepted.to_string()}
                data-throttled={totals.throttled.to_string()}
                data-time={fixed(now, 2)}
                data-state={run.state()}
            >
                <div class="bucket-stage">
                    {picture::picture(&run, credits, capacity)}
                    {picture::legend(&[
                        ("bk-dot-ok", "M4 8a4 4 0 1 0 8 0a4 4 0 1 0-8 0", "accepted: took a credit and reached ECR"),
                        ("bk-dot-no", "M4 4l8 8m0-8l-8 8", "throttled: no credit, bounced (HTTP 429)"),
                        ("bk-dot-ring", "M1 8a7 7 0 1 0 14 0a7 7 0 1 0-14 0", "ring: the call was a retry"),
                    ])}
                    <p class="hint">{"One dot per call; when more than 60 arrive in a frame, a sample in the same proportion is drawn."}</p>
                </div>
                <div class="bucket-side">
                    {counters::counters(&run)}
                <figure class="bucket-chart">
                    {timeline::timeline(&seconds[window_start..], now, capacity)}
                    <figcaption>
                        {picture::legend(&[
                            ("bk-bar-ok", "M2 2h12v12h-12z", "accepted per second"),
                            ("bk-bar-no", "M2 2h12v12h-12z", "throttled per second (hatched)"),
                            ("bk-credit-line", "M1 11L8 5L15 8", "credits at the end of each second (right axis)"),
                        ])}
                    </figcaption>
                </figure>
                </div>
            </div>
            <Controls
                scenario={scenario.scenario.clone()}
                playing={run.playing}
                {on_action}
                {on_button}
            />
        </div>
    }
}

/// What a bare `#bucket` shows: the lesson's fan-out, so the page never opens idle.
const DEFAULT_QUERY: &str = "fanout=300&policy=full-jitter&attempts=10";

fn scenario_from(query: &str) -> Scenario {
    from_fragment_query(if query.is_empty() {
        DEFAULT_QUERY
    } else {
        query
    })
}

/// Prepared scenarios, linked from the page.
const TRY: &[(&str, &str)] = &[
    ("a burst of 250", "burst=250&policy=none"),
    ("25 calls/s sustained", "rate=25&policy=none&speed=5"),
    (
        "300 clients, immediate retry",
        "fanout=300&policy=immediate&attempts=10",
    ),
    (
        "300 clients, full jitter",
        "fanout=300&policy=full-jitter&attempts=10",
    ),
    (
        "300 clients, AWS SDK standard mode",
        "fanout=300&policy=sdk-standard",
    ),
];

/// Whole numbers without a fraction, others with one decimal.
fn num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        fixed(x, 1)
    }
}
