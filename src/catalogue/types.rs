//! The shape of a catalogue entry. Entries are plain data; the engine interprets them.

/// One error family: everything a person needs about it, and how to recognise it.
pub struct Family {
    /// Stable public id (`access-denied`). Look-alikes start with `not-ecr-`.
    pub id: &'static str,
    pub title: &'static str,
    pub http_status: Option<u16>,
    /// Where it sits in a cascade: lower runs first (see [`Stage`]).
    pub stage: Stage,
    /// A wrapper that carries another error's detail (ECS `CannotPullContainerError`,
    /// Docker's `pull access denied`): a precise error inside it is reported first.
    pub umbrella: bool,
    /// What it means. May name facts as `{field}`.
    pub explanation: &'static str,
    /// Why it happens.
    pub causes: &'static str,
    pub signatures: &'static [Signature],
    pub remedies: &'static [RemedyTemplate],
    pub references: &'static [&'static str],
    /// Texts this family must match (and be the first finding of).
    pub examples: &'static [&'static str],
    /// Texts close to it that it must not match (natively only: see [`near_misses`]).
    pub near_misses: &'static [&'static str],
}

impl Family {
    /// Not an ECR error: another registry or service with a similar message.
    pub fn is_lookalike(&self) -> bool {
        self.id.starts_with("not-ecr-")
    }
}

/// Cascade order: a connection failure explains the credential error after it, which explains
/// the Docker error after that, which an ECS or Kubernetes wrapper then repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    Network = 0,
    Credentials = 1,
    Api = 2,
    Registry = 3,
    Wrapper = 4,
    Benign = 6,
    Lookalike = 9,
}

/// How much evidence of ECR a match needs around it before it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Wording only ECR produces: no context needed.
    Ecr,
    /// Mostly ECR in practice: counts unless the paste points at another registry or service.
    EcrUnlessForeign,
    /// A generic AWS error: needs at least a hint of images, repositories or ECR nearby.
    AwsWithHint,
    /// A generic registry error: needs an ECR host, action, operation or the word ECR nearby.
    NeedsEcr,
    /// For look-alikes: counts only when another registry or service is named nearby.
    Foreign,
    /// Counts everywhere (look-alikes with unmistakable wording).
    Any,
}

/// One way a family shows up. `pattern` is a regex-lite pattern, matched case-insensitively
/// against the normalized paste; named groups become facts (`(?P<repository>...)`, and
/// `(?P<image>...)`, which is parsed into registry, region and repository).
pub struct Signature {
    /// Lowercase alphanumeric words, one of which must appear for the pattern to be tried.
    pub anchors: &'static [&'static str],
    pub pattern: &'static str,
    /// A match is dropped when its text also matches this.
    pub unless: Option<&'static str>,
    pub scope: Scope,
    pub confidence: f32,
    /// False for vague wordings that a wrapper's own family explains at least as well.
    pub precise: bool,
    /// Facts this wording implies (`docker_version` = `>=1.12.0`).
    pub sets: &'static [(&'static str, &'static str)],
}

impl Signature {
    /// Defaults for the fields an entry leaves out: `Signature { anchors, pattern, ..Signature::BASE }`.
    pub const BASE: Signature = Signature {
        anchors: &[],
        pattern: "",
        unless: None,
        scope: Scope::Ecr,
        confidence: 0.9,
        precise: true,
        sets: &[],
    };
}

/// A remedy whose command names facts as `{field}`; a missing fact renders as `<field>`.
pub struct RemedyTemplate {
    pub title: &'static str,
    pub command: &'static str,
    pub when: When,
}

/// When a remedy applies, judged on the finding's facts.
#[derive(Debug, Clone, Copy)]
pub enum When {
    Always,
    Has(&'static str),
    Lacks(&'static str),
    Is(&'static str, &'static str),
    IsNot(&'static str, &'static str),
    /// The field's value is one of these.
    OneOf(&'static str, &'static [&'static str]),
    /// The field is missing, or its value is one of these.
    UnsetOr(&'static str, &'static [&'static str]),
    /// Every condition holds.
    All(&'static [When]),
}

impl When {
    pub fn holds(&self, get: &impl Fn(&str) -> Option<String>) -> bool {
        match *self {
            When::Always => true,
            When::Has(k) => get(k).is_some(),
            When::Lacks(k) => get(k).is_none(),
            When::Is(k, v) => get(k).as_deref() == Some(v),
            When::IsNot(k, v) => get(k).as_deref() != Some(v),
            When::OneOf(k, vs) => get(k).is_some_and(|x| vs.contains(&x.as_str())),
            When::UnsetOr(k, vs) => get(k).is_none_or(|x| vs.contains(&x.as_str())),
            When::All(all) => all.iter().all(|w| w.holds(get)),
        }
    }
}

/// A family's near misses. They are test data (the catalogue test checks that none matches),
/// never shown, so the wasm build leaves them out.
#[cfg(not(target_arch = "wasm32"))]
pub const fn near_misses(texts: &'static [&'static str]) -> &'static [&'static str] {
    texts
}

/// A family's near misses. They are test data (the catalogue test checks that none matches),
/// never shown, so the wasm build leaves them out.
#[cfg(target_arch = "wasm32")]
pub const fn near_misses(_texts: &'static [&'static str]) -> &'static [&'static str] {
    &[]
}

/// Shorthand for an always-applicable remedy.
pub const fn remedy(title: &'static str, command: &'static str) -> RemedyTemplate {
    RemedyTemplate {
        title,
        command,
        when: When::Always,
    }
}

/// Shorthand for a remedy that applies only `when`.
pub const fn remedy_when(title: &'static str, command: &'static str, when: When) -> RemedyTemplate {
    RemedyTemplate {
        title,
        command,
        when,
    }
}

/// A tolerant wording of a family, for the tolerant tier: words in order, each a `|`-separated
/// set of stems, with at most `gap` other words between two of them. It is matched token by
/// token after normalization, so case, punctuation, markdown escapes, quotes, names split or
/// joined (`Throttling Exception`) and inflections (a stem of 4 letters or more matches any word
/// it begins) do not matter. Its findings are "likely": lower confidence, and only where no
/// exact wording matched.
pub struct Phrase {
    pub family: &'static str,
    pub words: &'static [&'static str],
    pub gap: usize,
    pub scope: Scope,
    pub confidence: f32,
}
