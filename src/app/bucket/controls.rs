//! The form: playback buttons, the workload, the retry strategy and the bucket. Every
//! setting is an [`Action`] for the scenario's reducer.

use super::num;
use super::playback::{Button, STEP_BUTTON_S};
use crate::bucket::decimal::shortest;
use crate::bucket::{presets, Action, LinkFields, PolicyKind, Preset, Scenario, Setting};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What the strategy select shows for a policy: its label and a hint.
fn policy_text(kind: PolicyKind) -> (&'static str, &'static str) {
    match kind {
        PolicyKind::None => ("No retry", "A throttled call fails at once."),
        PolicyKind::Immediate => (
            "Immediate retry",
            "Retry as soon as the 429 comes back (20 ms later).",
        ),
        PolicyKind::Fixed => ("Fixed delay (1 s)", "Wait 1 s before each retry."),
        PolicyKind::Exponential => (
            "Exponential backoff",
            "Wait 0.1 s, 0.2 s, 0.4 s… (capped at 20 s): every throttled client waits the same, so they come back together.",
        ),
        PolicyKind::FullJitter => (
            "Exponential backoff, full jitter",
            "Wait a random time between 0 and the exponential delay: retries spread out.",
        ),
        PolicyKind::DecorrelatedJitter => (
            "Decorrelated jitter",
            "Wait a random time between 0.1 s and three times the previous wait (capped at 20 s).",
        ),
        PolicyKind::SdkStandard => (
            "AWS SDK standard mode",
            "3 attempts, full jitter from 1 s (cap 20 s), and a 500-token retry quota: each retry costs 5, so a storm stops retrying.",
        ),
    }
}

/// Playback speeds offered; a link may carry another, which is then listed too.
const SPEEDS: [&str; 7] = ["0.25", "0.5", "1", "2", "5", "10", "30"];

#[derive(Properties, PartialEq)]
pub(super) struct ControlsProps {
    pub(super) scenario: Scenario,
    pub(super) playing: bool,
    pub(super) on_action: Callback<Action>,
    pub(super) on_button: Callback<Button>,
}

fn input_value(e: &Event) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default()
}

fn select_value(e: &Event) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default()
}

/// Settings and buttons. A separate component, so it re-renders only when they change,
/// not on every animation frame.
#[component]
pub(super) fn Controls(props: &ControlsProps) -> Html {
    let fields = LinkFields::from_scenario(&props.scenario);
    let policy = fields.policy;
    // The form shows what the link says; a link leaves attempts out where the strategy
    // fixes them (none: 1, SDK: 3).
    let shown = |s: Setting| {
        if fields.carries(s) {
            fields.value(s)
        } else {
            props.scenario.config.policy.max_attempts().to_string()
        }
    };
    let on_set = |setting: Setting, value: fn(&Event) -> String| {
        props
            .on_action
            .reform(move |e: Event| Action::Set(setting, value(&e)))
    };
    let number = |setting: Setting, label: &'static str, max: &'static str, disabled: bool| {
        let id = format!("bk-{}", setting.key());
        html! {
            <div class="bk-field">
                <label for={id.clone()}>{label}</label>
                <input {id} type="number" min="0" {max} step="any" inputmode="decimal"
                    value={shown(setting)} onchange={on_set(setting, input_value)} {disabled} />
            </div>
        }
    };
    let all = presets();
    // Several APIs share a bucket size, so remember which one was picked while it still fits.
    let chosen = use_state(String::new);
    let fits = |p: &&Preset| p.capacity == fields.capacity && p.refill_per_sec == fields.refill;
    let current = all
        .iter()
        .filter(fits)
        .find(|p| p.id == *chosen)
        .or_else(|| all.iter().find(fits));
    let on_preset = {
        let on_action = props.on_action.clone();
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let id = select_value(&e);
            chosen.set(id.clone());
            on_action.emit(Action::Preset(id));
        })
    };
    let speed = fields.value(Setting::Speed);
    let click = |button: Button| props.on_button.reform(move |_: MouseEvent| button);
    html! {
        <div class="bucket-controls">
            <div class="bucket-buttons">
                <button type="button" onclick={click(Button::Play)} disabled={props.playing}>{"Play"}</button>
                <button type="button" onclick={click(Button::Pause)} disabled={!props.playing}>{"Pause"}</button>
                <button type="button" onclick={click(Button::Step)}>{format!("Step +{} s", shortest(STEP_BUTTON_S))}</button>
                <button type="button" onclick={click(Button::Reset)}>{"Reset"}</button>
                <label for="bk-speed">{"Speed"}</label>
                <select id="bk-speed" onchange={on_set(Setting::Speed, select_value)}>
                    {for SPEEDS.iter().map(|s| html! {
                        <option value={*s} selected={speed == *s}>{format!("{s}×")}</option>
                    })}
                    if !SPEEDS.contains(&speed.as_str()) {
                        <option value={speed.clone()} selected=true>{format!("{speed}×")}</option>
                    }
                </select>
            </div>
            <fieldset>
                <legend>{"Workload (all from t = 0)"}</legend>
                {number(Setting::Rate, "Steady rate (calls/s)", "5000", false)}
                {number(Setting::Burst, "Burst (calls from one client)", "10000", false)}
                {number(Setting::FanOut, "Fan-out (clients, each needs one success)", "10000", false)}
            </fieldset>
            <fieldset>
                <legend>{"Client retries"}</legend>
                <div class="bk-field">
                    <label for="bk-policy">{"Retry strategy"}</label>
                    <select id="bk-policy" onchange={on_set(Setting::Policy, select_value)}>
                        {for PolicyKind::ALL.into_iter().map(|kind| html! {
                            <option value={kind.name()} selected={policy == kind}>{policy_text(kind).0}</option>
                        })}
                    </select>
                </div>
                {number(Setting::Attempts, "Max attempts (first included)", "100", policy.fixes_attempts())}
                <p class="hint">{policy_text(policy).1}</p>
            </fieldset>
            <fieldset>
                <legend>{"Bucket"}</legend>
                <div class="bk-field">
                    <label for="bk-preset">{"Preset"}</label>
                    <select id="bk-preset" onchange={on_preset}>
                        {for all.iter().map(|p| html! {
                            <option value={p.id.clone()} selected={current.is_some_and(|c| c.id == p.id)}>
                                {format!("{}: {} credits, +{}/s ({})", p.api, num(p.capacity), num(p.refill_per_sec), p.source)}
                            </option>
                        })}
                        if current.is_none() {
                            <option value="custom" selected=true>{"Custom"}</option>
                        }
                    </select>
                </div>
                if let Some(p) = current {
                    <p class="hint">{format!("Source: {}. {}", p.source, p.note)}</p>
                }
                {number(Setting::Capacity, "Capacity (credits)", "1000000", false)}
                {number(Setting::Refill, "Refill (credits/s)", "1000000", false)}
            </fieldset>
        </div>
    }
}
