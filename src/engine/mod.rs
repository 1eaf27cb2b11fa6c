//! The pure classification engine: no DOM, no clock, no randomness. `explain(text)` is the
//! whole contract; the CLI, the JS API and the app only render its [`Report`].

pub mod classify;
pub mod docs;
pub mod evidence;
pub mod facts;
pub mod normalize;
pub mod remedy;
pub mod report;
pub mod tolerant;

pub use report::{Candidate, Fields, Finding, Mark, Remedy, Report, Span};

use crate::catalogue::{Family, Stage, CONSEQUENCES, FAMILIES};
use classify::{classify_chunk, Match};
use normalize::floor_char_boundary;

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
    hits: Vec<Hit>,
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
            hits: Vec::new(),
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
            // Where no exact wording matched, the tolerant tier reads the chunk again.
            let tolerant = if result.matches.is_empty() {
                tolerant::classify_chunk(&n)
            } else {
                Vec::new()
            };
            for m in result.matches {
                self.hits.push(to_hit(chunk, start, &n, m));
            }
            for m in tolerant {
                let mut hit = to_hit(chunk, start, &n, m);
                hit.likely = true;
                self.hits.push(hit);
            }
            self.rejected.extend(result.rejected);
            self.mentioned.extend(result.mentioned);
            self.next += 1;
        }
        self.next >= self.chunks.len()
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
        let mut hits = self.hits;
        hits.sort_by_key(|h| (h.start, h.family, h.signature));
        // Chunks overlap: a message in the overlap is read twice.
        hits.dedup_by_key(|h| (h.start, h.family, h.signature));
        let findings = order(merge(hits), input);
        let mut fields = Fields::new();
        for f in &findings {
            for (k, v) in &f.fields {
                fields.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
        if findings.is_empty() {
            // Still say what could be read, from the head of the paste.
            let head = &input[..floor_char_boundary(input, FACTS_HEAD.min(input.len()))];
            let n = normalize::normalize(head);
            for f in facts::extract(&n.text) {
                fields.entry(f.key.to_string()).or_insert(f.value);
            }
        }
        let candidates = if findings.iter().any(|f| !f.not_ecr) {
            Vec::new()
        } else {
            candidates(&self.rejected, &self.mentioned)
        };
        Report {
            summary: summary(&findings),
            findings,
            fields,
            candidates,
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
        let mut end = floor_char_boundary(input, (start + size).min(input.len()));
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
        let mut next = floor_char_boundary(input, end.saturating_sub(CHUNK_OVERLAP).max(start + 1));
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
    for f in m.facts.iter() {
        fields
            .entry(f.key.to_string())
            .or_insert_with(|| f.value.clone());
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
    // A token Region only matters when it differs from the registry's.
    if fields.get("token_region") == fields.get("region") {
        fields.remove("token_region");
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

/// One finding per family and distinct facts. First, matches of different signatures of a
/// family that stand in one message become one match; then repeats of the same error become
/// occurrences of one finding.
fn merge(hits: Vec<Hit>) -> Vec<(Hit, Vec<Span>)> {
    let mut messages: Vec<Hit> = Vec::new();
    for h in hits {
        // Hits come in order of position: only the last few can be in the same message.
        let recent = messages.len().saturating_sub(SAME_MESSAGE_LOOKBACK);
        let same_message = messages[recent..]
            .iter()
            .rposition(|m| {
                m.family == h.family
                    && m.signature != h.signature
                    && h.start <= m.end + SAME_MESSAGE_GAP
                    && compatible(m, &h)
            })
            .map(|i| recent + i);
        match same_message {
            Some(i) => absorb(&mut messages[i], h),
            None => messages.push(h),
        }
    }
    let mut groups: Vec<(Hit, Vec<Span>)> = Vec::new();
    for h in messages {
        match groups
            .iter_mut()
            .find(|(g, _)| g.family == h.family && group_key(g) == group_key(&h))
        {
            Some((_, spans)) => spans.push(Span {
                start: h.start,
                end: h.end,
            }),
            None => groups.push((h, Vec::new())),
        }
    }
    groups
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

fn group_key(h: &Hit) -> [Option<&String>; 3] {
    ["action", "repository", "operation"].map(|k| h.fields.get(k))
}

/// Orders findings root cause first. A wrapper (ECS, `pull access denied`) that carries a
/// precise error follows it; a vague detail inside a wrapper follows the wrapper.
fn order(groups: Vec<(Hit, Vec<Span>)>, input: &str) -> Vec<Finding> {
    let n = groups.len();
    // (rank, vague, position, sub-order, context_of): a precise finding goes before a vague one
    // (a generic ValidationException before the message that explains it would be the wrong
    // way round); see [`rank`].
    let mut keys: Vec<(Rank, bool, usize, usize, Option<usize>)> = groups
        .iter()
        .map(|(h, _)| (rank(h), !h.precise, h.start, 0, None))
        .collect();
    for u in 0..n {
        let (uh, _) = &groups[u];
        if !FAMILIES[uh.family].umbrella || keys[u].4.is_some() {
            continue;
        }
        let reach = detail_reach(input, uh.end);
        for f in 0..n {
            let (fh, _) = &groups[f];
            if f == u || fh.start < uh.start || fh.start > reach || keys[f].4.is_some() {
                continue;
            }
            let inner_is_wrapper = FAMILIES[fh.family].umbrella;
            // A precise error of the same kind (ECR in an ECR wrapper, a look-alike in a
            // look-alike wrapper) goes first.
            let same_kind = FAMILIES[fh.family].id.starts_with("not-ecr-")
                == FAMILIES[uh.family].id.starts_with("not-ecr-");
            if fh.precise && !inner_is_wrapper && same_kind {
                keys[u] = (keys[f].0, keys[f].1, keys[f].2, 1, Some(f));
            } else {
                keys[f] = (keys[u].0, keys[u].1, keys[u].2, 1 + f, Some(u));
            }
        }
    }
    // A consequence whose cause is in the paste follows it.
    for &(cause, consequence) in CONSEQUENCES {
        let find = |id: &str| groups.iter().position(|(h, _)| FAMILIES[h.family].id == id);
        if let (Some(c), Some(q)) = (find(cause), find(consequence)) {
            if keys[q].4.is_none() && keys[q] < keys[c] {
                keys[q] = (keys[c].0, keys[c].1, keys[c].2, 1 + q, Some(c));
            }
        }
    }
    let family_of: Vec<usize> = groups.iter().map(|(h, _)| h.family).collect();
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by_key(|&i| (keys[i].0, keys[i].1, keys[i].2, keys[i].3));
    let mut groups: Vec<Option<(Hit, Vec<Span>)>> = groups.into_iter().map(Some).collect();
    idx.iter()
        .map(|&i| {
            let (h, spans) = groups[i].take().expect("each group once");
            let context_of = keys[i].4.map(|c| FAMILIES[family_of[c]].id);
            finding(h, spans, context_of)
        })
        .collect()
}

/// What orders findings before their position: `(late, likely, vague, stage)`. Harmless and
/// look-alike findings come last; a tolerant ("likely") match never outranks an exact one; a
/// vague wording (a generic download failure, a bare status code, a code every AWS service
/// uses) follows any precise finding that explains it, whatever the stages; then the cascade.
type Rank = (bool, bool, bool, Stage);

fn rank(h: &Hit) -> Rank {
    let stage = FAMILIES[h.family].stage;
    (stage >= Stage::Benign, h.likely, !h.precise, stage)
}

/// End of the region after a wrapper's match where the detail it carries may stand: the rest
/// of the message, up to a blank line.
fn detail_reach(input: &str, end: usize) -> usize {
    let limit = floor_char_boundary(input, (end + WRAPPER_REACH).min(input.len()));
    input[end.min(limit)..limit]
        .find("\n\n")
        .map_or(limit, |p| end + p)
}

fn finding(h: Hit, spans: Vec<Span>, context_of: Option<&'static str>) -> Finding {
    let family: &Family = &FAMILIES[h.family];
    let vars = remedy::template_vars(&h.fields);
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
        occurrences: 1 + spans.len(),
        more_spans: spans.into_iter().take(MAX_MORE_SPANS).collect(),
        not_ecr: family.id.starts_with("not-ecr-"),
        context_of: context_of.map(str::to_string),
        explanation: remedy::fill(family.explanation, &vars),
        causes: remedy::fill(family.causes, &vars),
        remedies: remedy::render(family.remedies, &h.fields),
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
        if f.id.starts_with("not-ecr-") || out.iter().any(|c| c.id == f.id) || out.len() >= 3 {
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

fn summary(findings: &[Finding]) -> String {
    let ecr: Vec<&Finding> = findings.iter().filter(|f| !f.not_ecr).collect();
    match (ecr.first(), findings.first()) {
        (Some(first), _) if ecr.len() == 1 => first.title.clone(),
        (Some(first), _) => format!(
            "{} (and {} more finding{})",
            first.title,
            ecr.len() - 1,
            if ecr.len() == 2 { "" } else { "s" }
        ),
        (None, Some(lookalike)) => format!("Not an ECR error: {}", lookalike.title),
        (None, None) => "Not an ECR error this tool knows.".to_string(),
    }
}
