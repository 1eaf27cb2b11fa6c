//! The pure classification engine: no DOM, no clock, no randomness. `explain(text)` is the
//! whole contract; the CLI, the JS API and the app only render its [`Report`].

// The stages, in the order text flows through them; the crate's own faces (the app, the
// highlighter) may use them, other crates see only the face below.
pub(crate) mod classify;
pub(crate) mod evidence;
pub(crate) mod facts;
pub(crate) mod field;
pub(crate) mod literals;
pub(crate) mod normalize;
pub(crate) mod pattern;
pub(crate) mod plain;
mod rank;
pub(crate) mod remedy;
mod report;
pub(crate) mod stable_order;
pub(crate) mod tolerant;
pub(crate) mod volatile;
pub(crate) mod words;

/// A family's page: its prose with every fact left as a placeholder.
pub mod docs;
/// Counts the engine's work (bytes searched, merge and order steps), for the scaling test.
pub mod work;

pub use report::{Candidate, Fields, Finding, Mark, Remedy, Report, Span, Withheld};

/// Internals the integration tests check directly (catalogue rules, quoting, the two regex
/// engines); not an interface to build on.
#[doc(hidden)]
pub mod testing {
    pub use super::classify::MAX_ANCHOR_LEN;
    pub use super::field::FIELDS;
    pub use super::normalize::normalize;
    pub use super::pattern::Regex;
    pub use super::remedy::{is_placeholder, render};
}

use crate::catalogue::{Family, Stage, CONSEQUENCES, FAMILIES};
use classify::{classify_chunk, Match};
use rank::Rank;
use stable_order::{sorted_by_key, stable_order};
use std::collections::{HashMap, VecDeque};

/// Inputs larger than this are read in line-aligned chunks, so memory stays bounded.
const CHUNK: usize = 1 << 20;
/// Chunks overlap by this much, so a message cut by a chunk boundary is still seen whole.
const CHUNK_OVERLAP: usize = 4 << 10;
/// Shortest anchor word that makes a family a candidate when nothing matched.
const MIN_MENTION_LEN: usize = 10;
/// When nothing matched, facts are still read from this much of the paste's head.
const FACTS_HEAD: usize = 64 << 10;
/// How many further occurrences a finding lists (it still counts them all).
const MAX_MORE_SPANS: usize = 50;
/// Distinct findings a report renders; the rest are counted (`omitted_findings`). Nobody
/// reads ten thousand cards, and each costs its remedies.
const MAX_FINDINGS: usize = 500;
/// How far after a wrapper's match the detail it carries may stand.
const WRAPPER_REACH: usize = 1500;

/// A match in original-input coordinates, with its facts resolved.
struct Hit {
    family: usize,
    signature: usize,
    start: usize,
    end: usize,
    confidence: f32,
    precise: bool,
    /// Found by the tolerant tier only.
    likely: bool,
    fields: Fields,
    marks: Vec<Mark>,
}

/// Explains `input`: every known ECR error in it, root cause first, with facts and remedies.
pub fn explain(input: &str) -> Report {
    let mut explainer = Explainer::new(input);
    while !explainer.step(input) {}
    explainer.finish(input)
}

/// Explains a long input one chunk at a time, so a caller (the browser tab) can yield between
/// chunks and stay responsive. Pass the same `input` to every call.
pub struct Explainer {
    chunks: Vec<(usize, usize)>,
    next: usize,
    /// Hits that a later, overlapping chunk may still read again.
    pending: Vec<Hit>,
    merger: Merger,
    rejected: Vec<classify::Rejected>,
    mentioned: Vec<(usize, &'static str)>,
}

impl Explainer {
    pub fn new(input: &str) -> Self {
        Self::with_chunk_size(input, CHUNK)
    }

    /// `chunk` bytes per step (at least 64 KiB; chunks end at line breaks where possible).
    pub fn with_chunk_size(input: &str, chunk: usize) -> Self {
        Explainer {
            chunks: chunks(input, chunk.max(64 << 10)),
            next: 0,
            pending: Vec::new(),
            merger: Merger::default(),
            rejected: Vec::new(),
            mentioned: Vec::new(),
        }
    }

    /// Reads the next chunk; true once every chunk has been read.
    pub fn step(&mut self, input: &str) -> bool {
        if let Some(&(start, end)) = self.chunks.get(self.next) {
            let chunk = &input[start..end];
            let n = normalize::normalize(chunk);
            let result = classify_chunk(&n);
            // Where no exact wording matched in a paste of a few pages, the tolerant tier reads
            // the chunk again.
            let total = self.chunks.last().map_or(0, |c| c.1);
            let tolerant = if result.matches.is_empty() && total <= tolerant::MAX_INPUT {
                tolerant::classify_chunk(&n)
            } else {
                Vec::new()
            };
            for m in result.matches {
                self.pending.push(to_hit(chunk, start, &n, m));
            }
            // Only the first rejection and mention of a family are ever shown.
            for r in result.rejected {
                if !self.rejected.iter().any(|x| x.family == r.family) {
                    self.rejected.push(r);
                }
            }
            for m in result.mentioned {
                if !self.mentioned.iter().any(|x| x.0 == m.0) {
                    self.mentioned.push(m);
                }
            }
            for m in tolerant {
                let mut hit = to_hit(chunk, start, &n, m);
                hit.likely = true;
                self.pending.push(hit);
            }
            self.next += 1;
            self.settle();
        }
        self.next >= self.chunks.len()
    }

    /// Hands the merger every pending hit that no later chunk can read again, in order of
    /// position. Chunks overlap: a message in the overlap is read twice, once kept.
    fn settle(&mut self) {
        let settled_before = self.chunks.get(self.next).map_or(usize::MAX, |c| c.0);
        self.pending = sorted_by_key(std::mem::take(&mut self.pending), |h| {
            [h.start, h.family, h.signature]
        });
        self.pending
            .dedup_by_key(|h| (h.start, h.family, h.signature));
        let keep_from = self.pending.partition_point(|h| h.start < settled_before);
        let rest = self.pending.split_off(keep_from);
        for h in std::mem::replace(&mut self.pending, rest) {
            self.merger.push(h);
        }
    }

    /// Bytes read so far, and in all.
    pub fn progress(&self) -> (usize, usize) {
        let total = self.chunks.last().map_or(0, |c| c.1);
        let done = self.next.checked_sub(1).map_or(0, |i| self.chunks[i].1);
        (done, total)
    }

    /// The report (reads whatever chunks are left first).
    pub fn finish(mut self, input: &str) -> Report {
        while !self.step(input) {}
        let (findings, omitted_findings) = order(self.merger.finish(), input);
        let mut fields = Fields::new();
        for f in &findings {
            for (k, v) in &f.fields {
                fields.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
        if findings.is_empty() {
            // Still say what could be read, from the head of the paste.
            let head = &input[..input.floor_char_boundary(FACTS_HEAD.min(input.len()))];
            let n = normalize::normalize(head);
            for f in facts::extract(&n.text) {
                fields.entry(f.key.to_string()).or_insert(f.value);
            }
        }
        let candidates = if findings.iter().any(|f| !f.not_ecr) || omitted_findings > 0 {
            Vec::new()
        } else {
            candidates(&self.rejected, &self.mentioned)
        };
        Report {
            summary: summary(&findings, omitted_findings),
            findings,
            fields,
            candidates,
            omitted_findings,
            input_bytes: input.len(),
        }
    }
}

/// Line-aligned, overlapping chunk ranges of at most `size` bytes.
fn chunks(input: &str, size: usize) -> Vec<(usize, usize)> {
    if input.len() <= size {
        return vec![(0, input.len())];
    }
    let mut out = Vec::new();
    let mut start = 0;
    while start < input.len() {
        let mut end = input.floor_char_boundary((start + size).min(input.len()));
        if end < input.len() {
            if let Some(nl) = input[start..end].rfind('\n') {
                if nl > size / 2 {
                    end = start + nl + 1;
                }
            }
        }
        out.push((start, end));
        if end >= input.len() {
            break;
        }
        let mut next = input.floor_char_boundary(end.saturating_sub(CHUNK_OVERLAP).max(start + 1));
        if let Some(nl) = input[next..end].find('\n') {
            next += nl + 1;
        }
        start = next;
    }
    out
}

fn to_hit(chunk: &str, base: usize, n: &normalize::Normalized, m: Match) -> Hit {
    let (s, e) = n.original_range(chunk, m.start, m.end);
    let mut fields = Fields::new();
    let mut marks = Vec::new();
    let mut token_region = None;
    for f in m.facts.iter() {
        if f.key == "token_region" {
            token_region.get_or_insert(&f.value);
        } else {
            fields
                .entry(f.key.to_string())
                .or_insert_with(|| f.value.clone());
        }
        if !m.repeat && f.end > f.start && f.key != "client" {
            let (fs, fe) = n.original_range(chunk, f.start, f.end);
            marks.push(Mark {
                field: f.key.to_string(),
                value: f.value.clone(),
                span: Span {
                    start: base + fs,
                    end: base + fe,
                },
            });
        }
    }
    // A token Region only matters when it differs from the registry's. (Added after the
    // fact, not removed: removing from a BTreeMap would cost the wasm its rebalancing code.)
    if let Some(t) = token_region.filter(|&t| fields.get("region") != Some(t)) {
        fields.insert("token_region".into(), t.clone());
    }
    // The caller's account, else the registry's: the account the commands run against.
    if !fields.contains_key("account_id") {
        if let Some(r) = fields.get("registry_id").cloned() {
            fields.insert("account_id".into(), r);
        }
    }
    Hit {
        family: m.family,
        signature: m.signature,
        start: base + s,
        end: base + e,
        confidence: m.confidence,
        precise: m.precise,
        likely: false,
        fields,
        marks,
    }
}

/// Two signatures of a family matching parts of one message (`AccessDeniedException` and
/// `... is not authorized ...` in one CLI line) are this close at most.
const SAME_MESSAGE_GAP: usize = 160;
/// How many earlier matches may share a message with the next one.
const SAME_MESSAGE_LOOKBACK: usize = 16;

/// Merges hits, fed in order of position, into findings: first, matches of different
/// signatures of a family that stand in one message become one match; then repeats of the same
/// error become occurrences of one group. Hashing keeps it linear; only the last few messages
/// stay open, and a group keeps a bounded list of spans, so memory does not grow with repeats.
#[derive(Default)]
struct Merger {
    /// The latest messages, which a following hit may still belong to.
    open: VecDeque<Hit>,
    groups: Vec<Group>,
    index: HashMap<GroupKey, usize>,
}

struct Group {
    hit: Hit,
    /// Further occurrences, at most [`MAX_MORE_SPANS`] of them.
    spans: Vec<Span>,
    occurrences: usize,
}

type GroupKey = (usize, [Option<String>; 3]);

impl Merger {
    fn push(&mut self, h: Hit) {
        work::add(self.open.len());
        let same_message = self.open.iter().rposition(|m| {
            m.family == h.family
                && m.signature != h.signature
                && h.start <= m.end + SAME_MESSAGE_GAP
                && compatible(m, &h)
        });
        match same_message {
            Some(i) => absorb(&mut self.open[i], h),
            None => {
                self.open.push_back(h);
                if self.open.len() > SAME_MESSAGE_LOOKBACK {
                    let done = self.open.pop_front().expect("not empty");
                    self.commit(done);
                }
            }
        }
    }

    fn commit(&mut self, h: Hit) {
        let key = (h.family, group_key(&h));
        match self.index.get(&key) {
            Some(&i) => {
                let g = &mut self.groups[i];
                g.occurrences += 1;
                if g.spans.len() < MAX_MORE_SPANS {
                    g.spans.push(Span {
                        start: h.start,
                        end: h.end,
                    });
                }
            }
            None => {
                self.index.insert(key, self.groups.len());
                self.groups.push(Group {
                    hit: h,
                    spans: Vec::new(),
                    occurrences: 1,
                });
            }
        }
    }

    fn finish(mut self) -> Vec<Group> {
        while let Some(h) = self.open.pop_front() {
            self.commit(h);
        }
        self.groups
    }
}

/// Two matches can be one message unless they name different actions or repositories.
fn compatible(a: &Hit, b: &Hit) -> bool {
    ["action", "repository"]
        .iter()
        .all(|k| match (a.fields.get(*k), b.fields.get(*k)) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        })
}

/// Folds `h` into `into`: the span covers both, the surer match's facts come first.
fn absorb(into: &mut Hit, h: Hit) {
    into.start = into.start.min(h.start);
    into.end = into.end.max(h.end);
    into.precise |= h.precise;
    // An exact match of the same message makes it exact.
    into.likely &= h.likely;
    if h.confidence > into.confidence {
        into.confidence = h.confidence;
        let mut fields = h.fields;
        for (k, v) in std::mem::take(&mut into.fields) {
            fields.entry(k).or_insert(v);
        }
        into.fields = fields;
    } else {
        for (k, v) in h.fields {
            into.fields.entry(k).or_insert(v);
        }
    }
    for m in h.marks {
        if !into
            .marks
            .iter()
            .any(|x| x.field == m.field && x.span == m.span)
        {
            into.marks.push(m);
        }
    }
}

fn group_key(h: &Hit) -> [Option<String>; 3] {
    ["action", "repository", "operation"].map(|k| h.fields.get(k).cloned())
}

/// Orders findings root cause first, and renders at most [`MAX_FINDINGS`] of them (the count
/// of the rest comes second). A wrapper (ECS, `pull access denied`) that carries a precise
/// error follows it; a vague detail inside a wrapper follows the wrapper.
fn order(groups: Vec<Group>, input: &str) -> (Vec<Finding>, usize) {
    let groups = sorted_by_key(groups, |g| [g.hit.start, 0, 0]);
    let n = groups.len();
    let mut ranks: Vec<Rank> = groups
        .iter()
        .map(|g| {
            let stage = FAMILIES[g.hit.family].stage;
            Rank {
                late: stage >= Stage::Benign,
                likely: g.hit.likely,
                vague: !g.hit.precise,
                stage,
                position: g.hit.start,
                sub_order: 0,
            }
        })
        .collect();
    let mut context_of: Vec<Option<usize>> = vec![None; n];
    for u in 0..n {
        let uh = &groups[u].hit;
        if !FAMILIES[uh.family].umbrella || context_of[u].is_some() {
            continue;
        }
        let reach = detail_reach(input, uh.end);
        // Groups are in order of position: only those from the wrapper to its reach.
        let first = groups.partition_point(|g| g.hit.start < uh.start);
        for f in (first..n).take_while(|&f| groups[f].hit.start <= reach) {
            work::add(1);
            let fh = &groups[f].hit;
            if f == u || context_of[f].is_some() {
                continue;
            }
            let inner_is_wrapper = FAMILIES[fh.family].umbrella;
            // A precise error of the same kind (ECR in an ECR wrapper, a look-alike in a
            // look-alike wrapper) goes first.
            let same_kind =
                FAMILIES[fh.family].is_lookalike() == FAMILIES[uh.family].is_lookalike();
            if fh.precise && !inner_is_wrapper && same_kind {
                ranks[u] = Rank {
                    sub_order: 1,
                    ..ranks[f]
                };
                context_of[u] = Some(f);
            } else {
                ranks[f] = Rank {
                    sub_order: 1 + f,
                    ..ranks[u]
                };
                context_of[f] = Some(u);
            }
        }
    }
    // A consequence whose cause is in the paste follows it.
    // Indexed by family (ids are unique), not hashed by id: one less map type in the wasm.
    let mut first_of_family: Vec<Option<usize>> = vec![None; FAMILIES.len()];
    for (i, g) in groups.iter().enumerate() {
        first_of_family[g.hit.family].get_or_insert(i);
    }
    let first = |id: &str| {
        FAMILIES
            .iter()
            .position(|f| f.id == id)
            .and_then(|f| first_of_family[f])
    };
    for &(cause, consequence) in CONSEQUENCES {
        if let (Some(c), Some(q)) = (first(cause), first(consequence)) {
            if context_of[q].is_none() && (ranks[q], context_of[q]) < (ranks[c], context_of[c]) {
                ranks[q] = Rank {
                    sub_order: 1 + q,
                    ..ranks[c]
                };
                context_of[q] = Some(c);
            }
        }
    }
    let family_of: Vec<usize> = groups.iter().map(|g| g.hit.family).collect();
    let idx = stable_order(ranks.iter().map(Rank::key));
    let omitted = n.saturating_sub(MAX_FINDINGS);
    let mut groups: Vec<Option<Group>> = groups.into_iter().map(Some).collect();
    let findings = idx
        .iter()
        .take(MAX_FINDINGS)
        .map(|&i| {
            let g = groups[i].take().expect("each group once");
            let context = context_of[i].map(|c| FAMILIES[family_of[c]].id);
            finding(g, context)
        })
        .collect();
    (findings, omitted)
}

/// End of the region after a wrapper's match where the detail it carries may stand: the rest
/// of the message, up to a blank line.
fn detail_reach(input: &str, end: usize) -> usize {
    let limit = input.floor_char_boundary((end + WRAPPER_REACH).min(input.len()));
    input[end.min(limit)..limit]
        .find("\n\n")
        .map_or(limit, |p| end + p)
}

fn finding(g: Group, context_of: Option<&'static str>) -> Finding {
    let (h, spans) = (g.hit, g.spans);
    let family: &Family = &FAMILIES[h.family];
    let vars = remedy::template_vars(&h.fields);
    let (remedies, withheld) = remedy::render(family.remedies, &h.fields);
    Finding {
        id: family.id.to_string(),
        title: family.title.to_string(),
        http_status: family.http_status,
        confidence: h.confidence,
        likely: h.likely,
        span: Span {
            start: h.start,
            end: h.end,
        },
        occurrences: g.occurrences,
        more_spans: spans,
        not_ecr: family.is_lookalike(),
        context_of: context_of.map(str::to_string),
        explanation: remedy::fill(family.explanation, &vars),
        causes: remedy::fill(family.causes, &vars),
        remedies,
        withheld,
        references: family.references.iter().map(|r| r.to_string()).collect(),
        fields: h.fields,
        marks: h.marks,
    }
}

fn candidates(
    rejected: &[classify::Rejected],
    mentioned: &[(usize, &'static str)],
) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    let mut push = |family: usize, reason: String| {
        let f = &FAMILIES[family];
        if f.is_lookalike() || out.iter().any(|c| c.id == f.id) || out.len() >= 3 {
            return;
        }
        out.push(Candidate {
            id: f.id.to_string(),
            title: f.title.to_string(),
            reason,
        });
    };
    for r in rejected {
        push(
            r.family,
            format!("Its wording was found, but {}.", r.reason),
        );
    }
    // Only distinctive words (exception names, `authorized`, `toomanyrequests`) make a family a
    // candidate: everyday words like "unknown" or "missing" would suggest nonsense.
    for &(family, word) in mentioned.iter().filter(|(_, w)| w.len() >= MIN_MENTION_LEN) {
        push(
            family,
            format!("The paste mentions \u{201c}{word}\u{201d}, but not in a wording this family is known by."),
        );
    }
    out
}

fn summary(findings: &[Finding], omitted: usize) -> String {
    let ecr: Vec<&Finding> = findings.iter().filter(|f| !f.not_ecr).collect();
    let more = ecr.len().saturating_sub(1) + omitted;
    match (ecr.first(), findings.first()) {
        (Some(first), _) if more == 0 => first.title.clone(),
        (Some(first), _) => format!(
            "{} (and {} more finding{})",
            first.title,
            more,
            if more == 1 { "" } else { "s" }
        ),
        (None, Some(lookalike)) => format!("Not an ECR error: {}", lookalike.title),
        (None, None) => "Not an ECR error this tool knows.".to_string(),
    }
}
