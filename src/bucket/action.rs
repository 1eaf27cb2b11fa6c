//! What the visualizer's form does to a scenario: the pure half of its reducer. The app's
//! `use_reducer` wraps [`Scenario::after`]; the link is written from the result.

use super::presets::presets;
use super::{LinkFields, Scenario, Setting};

/// One change to the scenario, as the form and the page's links ask for it.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A setting changed to this text, as a link would carry it: bad text gives the
    /// setting's default and numbers are clamped, exactly as when a link is opened.
    Set(Setting, String),
    /// The bucket of the preset with this id (capacity and refill).
    Preset(String),
    /// A whole scenario: a link was opened, or a prepared scenario picked.
    Load(Scenario),
}

impl Scenario {
    /// The scenario after `action`. A setting goes through the link form, so the result is
    /// always a scenario a link can say.
    pub fn after(&self, action: Action) -> Scenario {
        let mut fields = LinkFields::from_scenario(self);
        match action {
            Action::Set(setting, text) => fields.set(setting, &text),
            Action::Preset(id) => {
                let Some(p) = presets().into_iter().find(|p| p.id == id) else {
                    return self.clone();
                };
                fields.capacity = p.capacity;
                fields.refill = p.refill_per_sec;
            }
            Action::Load(scenario) => return scenario,
        }
        fields.to_scenario()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bucket::{from_fragment_query, PolicyKind, RetryPolicy, DEFAULT_ATTEMPTS};

    fn after(query: &str, actions: Vec<Action>) -> String {
        let mut s = from_fragment_query(query);
        for a in actions {
            s = s.after(a);
            // Whatever the form does, the link says it exactly.
            assert_eq!(from_fragment_query(&s.to_query()), s, "{}", s.to_query());
        }
        s.to_query()
    }

    #[test]
    fn settings_change_one_key_of_the_link() {
        use Setting::*;
        // (link, settings changed in order, link after)
        type Case = (
            &'static str,
            &'static [(Setting, &'static str)],
            &'static str,
        );
        let cases: [Case; 3] = [
            (
                "",
                &[(Policy, "full-jitter"), (FanOut, "300")],
                "burst=0&fanout=300&rate=0&capacity=200&refill=20&policy=full-jitter&base=0.1\
                 &cap=20&attempts=10&seed=1&speed=1",
            ),
            (
                "rate=25&speed=5",
                &[(Speed, "0.25")],
                "burst=0&fanout=0&rate=25&capacity=200&refill=20&policy=none&seed=1&speed=0.25",
            ),
            // Bad text gives the default, numbers are clamped, as in a link.
            (
                "capacity=500",
                &[(Capacity, ""), (Burst, "1e12"), (Rate, "-4")],
                "burst=10000&fanout=0&rate=0&capacity=200&refill=20&policy=none&seed=1&speed=1",
            ),
        ];
        for (start, settings, expected) in cases {
            let actions = settings
                .iter()
                .map(|&(setting, text)| Action::Set(setting, text.to_string()))
                .collect();
            assert_eq!(after(start, actions), expected);
        }
    }

    #[test]
    fn a_new_policy_keeps_the_parameters_it_shares() {
        let s = from_fragment_query("policy=full-jitter&base=0.2&cap=5&attempts=6");
        let fixed = s.after(Action::Set(Setting::Policy, "fixed".into()));
        assert_eq!(
            fixed.config.policy,
            RetryPolicy::Fixed {
                delay_s: 1.0,
                max_attempts: 6
            }
        );
        // No retry drops the attempts from the link; choosing a retry again starts at the default.
        let none = fixed.after(Action::Set(Setting::Policy, "none".into()));
        assert_eq!(none.config.policy, RetryPolicy::None);
        let again = none.after(Action::Set(Setting::Policy, "immediate".into()));
        assert_eq!(
            again.config.policy,
            RetryPolicy::Immediate {
                max_attempts: DEFAULT_ATTEMPTS
            }
        );
        // Every listed kind is reachable by its name.
        for kind in PolicyKind::ALL {
            let s = s.after(Action::Set(Setting::Policy, kind.name().into()));
            assert_eq!(s.config.policy.kind(), kind);
        }
    }

    #[test]
    fn presets_set_the_bucket_and_loads_replace_everything() {
        let s = from_fragment_query("fanout=300&policy=sdk-standard&speed=2");
        let put = s.after(Action::Preset("put-image".into()));
        assert_eq!(
            put.to_query(),
            "burst=0&fanout=300&rate=0&capacity=10&refill=10&policy=sdk-standard&seed=1&speed=2"
        );
        assert_eq!(put.after(Action::Preset("no-such-preset".into())), put);
        let loaded = put.after(Action::Load(from_fragment_query("burst=250")));
        assert_eq!(loaded, from_fragment_query("burst=250"));
    }
}
