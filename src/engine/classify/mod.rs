//! Runs the catalogue over one normalized chunk: a cheap word prefilter picks which signatures
//! to try and where, regex-lite confirms, the evidence around each match decides whether it is
//! an ECR error, and the facts around it are read.

mod anchors;
mod facts_around;
mod repeats;
mod verdict;

use anchors::AnchorIndex;
pub use anchors::MAX_ANCHOR_LEN;
use facts_around::{own_fact, read_facts, FactBlocks};
use repeats::{repeat_key, Repeats};
use verdict::{confidence, own_message_agrees, scope_accepts};

use super::evidence::{self, Evidence};
use super::facts::Fact;
use super::normalize::Normalized;
use super::pattern::Regex;
use super::work;
use crate::catalogue::{self, Scope, Signature};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::OnceLock;

/// How far around an anchor word a signature is tried (messages are long: ARNs, URLs).
const BEFORE_ANCHOR: usize = 450;
const AFTER_ANCHOR: usize = 650;
/// How far around a match evidence is read.
const EVIDENCE_AROUND: usize = 600;
/// The image a message names decides whose it is, whatever else stands around it.
const IMAGE_WEIGHT: u32 = 8;
/// Bounds the work on hostile input: matches kept per signature and chunk.
const MAX_MATCHES_PER_SIGNATURE: usize = 1 << 16;

pub struct CompiledSignature {
    pub family: usize,
    /// The pattern captures the image reference the message is about.
    names_image: bool,
    pub signature: &'static Signature,
    regex: Regex,
    unless: Option<Regex>,
}

pub struct Compiled {
    pub signatures: Vec<CompiledSignature>,
    /// Anchor word -> signatures that name it, sorted by word for binary search.
    anchors: Vec<(&'static str, Vec<u16>)>,
    anchor_index: AnchorIndex,
}

pub fn compiled() -> &'static Compiled {
    static COMPILED: OnceLock<Compiled> = OnceLock::new();
    COMPILED.get_or_init(|| {
        let mut signatures = Vec::new();
        let mut anchors: Vec<(&'static str, Vec<u16>)> = Vec::new();
        for (fi, family) in catalogue::FAMILIES.iter().enumerate() {
            for signature in family.signatures {
                let idx = signatures.len() as u16;
                let regex = Regex::new(&format!("(?i){}", signature.pattern)).unwrap_or_else(|e| {
                    panic!("{}: bad pattern {:?}: {e}", family.id, signature.pattern)
                });
                let unless = signature
                    .unless
                    .map(|u| Regex::new(&format!("(?i){u}")).expect("unless pattern"));
                let names_image = regex.capture_names().flatten().any(|n| n == "image");
                signatures.push(CompiledSignature {
                    family: fi,
                    names_image,
                    signature,
                    regex,
                    unless,
                });
                for &word in signature.anchors {
                    // Anchors are looked up as lowercase runs of ASCII letters and digits.
                    assert!(
                        word.bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()),
                        "{}: anchor {word:?} is not a lowercase ASCII word",
                        family.id
                    );
                    match anchors.binary_search_by(|(w, _)| w.cmp(&word)) {
                        Ok(i) => anchors[i].1.push(idx),
                        Err(i) => anchors.insert(i, (word, vec![idx])),
                    }
                }
            }
        }
        let anchor_index = AnchorIndex::new(anchors.iter().map(|(w, _)| *w).collect());
        Compiled {
            signatures,
            anchors,
            anchor_index,
        }
    })
}

/// One accepted match, in clean-text coordinates.
#[derive(Debug, Clone)]
pub struct Match {
    pub family: usize,
    /// Index of the signature that matched, in [`Compiled::signatures`].
    pub signature: usize,
    pub start: usize,
    pub end: usize,
    pub confidence: f32,
    pub precise: bool,
    /// Facts, best first per key; family captures outrank everything else. Shared by the
    /// repeats of one line.
    pub facts: Rc<[Fact]>,
    /// A repeat of an earlier identical line: same facts, but their positions are the first
    /// occurrence's, so they mark nothing here.
    pub repeat: bool,
}

/// A wording that was found but not accepted, and why.
#[derive(Debug, Clone)]
pub struct Rejected {
    pub family: usize,
    pub reason: &'static str,
}

#[derive(Debug, Default)]
pub struct ChunkResult {
    pub matches: Vec<Match>,
    pub rejected: Vec<Rejected>,
    /// Families whose anchor words appeared, with the first such word.
    pub mentioned: Vec<(usize, &'static str)>,
}

/// `before` bytes before `start` to `after` bytes after `end`, widened to whole tokens so no
/// host or ARN is cut in half (a cut one would read as a different, wrong fact).
fn window(s: &str, start: usize, end: usize, before: usize, after: usize) -> (usize, usize) {
    const MAX_WIDEN: usize = 256;
    let mut lo = s.floor_char_boundary(start.saturating_sub(before));
    let mut hi = s.ceil_char_boundary(end.saturating_add(after));
    let b = s.as_bytes();
    let lo_limit = lo.saturating_sub(MAX_WIDEN);
    while lo > lo_limit && !b[lo - 1].is_ascii_whitespace() {
        lo -= 1;
    }
    let hi_limit = (hi + MAX_WIDEN).min(b.len());
    while hi < hi_limit && !b[hi].is_ascii_whitespace() {
        hi += 1;
    }
    (s.floor_char_boundary(lo), s.ceil_char_boundary(hi))
}

/// Byte ranges of the text, per signature, worth trying that signature on.
type Regions = Vec<Vec<(usize, usize)>>;
/// Families whose anchor words appeared, with the first such word.
type Mentions = Vec<(usize, &'static str)>;

/// Per signature, the merged regions of the text worth trying it on.
fn candidate_regions(text: &str, compiled: &Compiled, repeats: &Repeats) -> (Regions, Mentions) {
    let mut regions: Regions = vec![Vec::new(); compiled.signatures.len()];
    let mut mentioned: Mentions = Vec::new();
    for (start, i, found) in compiled.anchor_index.find(text) {
        // A repeated line's matches are copied from its first occurrence. Its anchors still
        // count when the line before it is not a repeat: a message wrapped onto this line may
        // start there.
        if repeats.anchors_needless_at(start) {
            continue;
        }
        let (anchor, sigs) = &compiled.anchors[found];
        for &si in sigs {
            let family = compiled.signatures[si as usize].family;
            if !mentioned.iter().any(|&(f, _)| f == family) {
                mentioned.push((family, anchor));
            }
            let r = &mut regions[si as usize];
            let (lo, hi) = (start.saturating_sub(BEFORE_ANCHOR), i + AFTER_ANCHOR);
            match r.last_mut() {
                Some(last) if last.1 >= lo => last.1 = last.1.max(hi),
                _ => r.push((lo, hi)),
            }
        }
    }
    (regions, mentioned)
}

/// What a match came to, remembered for identical lines: a log that repeats one error
/// thousands of times (a retry loop) costs one evaluation, not thousands.
#[derive(Clone)]
enum Outcome {
    Accepted { confidence: f32, facts: Rc<[Fact]> },
    Rejected,
}

/// How much of a match's line, each side, makes two matches "the same line".
const SAME_LINE_REACH: usize = 512;

/// Finds every accepted match in one normalized chunk.
pub fn classify_chunk(n: &Normalized) -> ChunkResult {
    let text = n.text.as_str();
    let compiled = compiled();
    let repeats = Repeats::new(n);
    let (regions, mentioned) = candidate_regions(text, compiled, &repeats);
    let mut scan = Scan {
        n,
        seen: HashMap::new(),
        blocks: FactBlocks::new(text),
        result: ChunkResult {
            mentioned,
            ..ChunkResult::default()
        },
    };
    for (si, cs) in compiled.signatures.iter().enumerate() {
        let mut kept = 0;
        for &(lo, hi) in &regions[si] {
            let (lo, hi) = (text.floor_char_boundary(lo), text.ceil_char_boundary(hi));
            let region = Region {
                text: &text[lo..hi],
                at: lo,
            };
            // Find first, capture only what is new: captures cost more than finds.
            work::add(region.text.len());
            for m in cs.regex.find_iter(region.text) {
                if kept >= MAX_MATCHES_PER_SIGNATURE {
                    break;
                }
                if repeats.is_repeat_at(lo + m.start())
                    || cs.unless.as_ref().is_some_and(|u| u.is_match(m.as_str()))
                {
                    continue;
                }
                if scan.consider(si, cs, &region, m.start(), m.end()) {
                    kept += 1;
                }
            }
        }
    }
    let mut result = scan.result;
    let copies = repeats.copy_matches(text, &result.matches);
    result.matches.extend(copies);
    result
}

/// The stretch of clean text a signature is tried on.
struct Region<'a> {
    text: &'a str,
    /// Where it starts in the chunk's clean text.
    at: usize,
}

/// One chunk's scan: the outcomes so far and the facts read so far.
struct Scan<'a> {
    n: &'a Normalized,
    seen: HashMap<(usize, String), Outcome>,
    blocks: FactBlocks<'a>,
    result: ChunkResult,
}

impl Scan<'_> {
    /// Decides a match of signature `si` at `m_start..m_end` of `region` (a repeat of a line
    /// decided before takes that decision) and records it; true when it was accepted.
    fn consider(
        &mut self,
        si: usize,
        cs: &CompiledSignature,
        region: &Region,
        m_start: usize,
        m_end: usize,
    ) -> bool {
        let (start, end) = (region.at + m_start, region.at + m_end);
        let (line_at, line) = line_around(self.n, start, end);
        // Same signature, same line but for its volatile tokens (times, counters, ids), same
        // place in it: a repeat (two messages on one line are two places).
        let key = (si, repeat_key(line, start - line_at));
        let (outcome, repeat) = match self.seen.get(&key) {
            Some(outcome) => (outcome.clone(), true),
            None => {
                let outcome = match self.accept(cs, region, m_start, start, end) {
                    Ok(e) => Outcome::Accepted {
                        confidence: confidence(cs.signature, e),
                        facts: self.match_facts(cs, region, m_start, start, end),
                    },
                    Err(reason) => {
                        self.result.rejected.push(Rejected {
                            family: cs.family,
                            reason,
                        });
                        Outcome::Rejected
                    }
                };
                self.seen.insert(key, outcome.clone());
                (outcome, false)
            }
        };
        let Outcome::Accepted { confidence, facts } = outcome else {
            return false;
        };
        self.result.matches.push(Match {
            family: cs.family,
            signature: si,
            start,
            end,
            confidence,
            precise: cs.signature.precise,
            facts,
            repeat,
        });
        true
    }

    /// The evidence for a match if its signature's scope accepts it, else why not.
    fn accept(
        &self,
        cs: &CompiledSignature,
        region: &Region,
        m_start: usize,
        start: usize,
        end: usize,
    ) -> Result<Evidence, &'static str> {
        let text = self.n.text.as_str();
        let (line_at, line) = line_around(self.n, start, end);
        let (es, ee) = window(text, start, end, EVIDENCE_AROUND, EVIDENCE_AROUND);
        let mut e = evidence::weigh_around(&text[es..ee]);
        // The image the message itself names outweighs anything around it.
        if cs.names_image {
            if let Some(image) = cs
                .regex
                .captures_at(region.text, m_start)
                .and_then(|c| c.name("image").map(|g| g.as_str()))
            {
                evidence::weigh_image(&mut e, image, IMAGE_WEIGHT);
            }
        }
        let e = evidence::with_subject(e, self.n, line_at, line_at + line.len());
        scope_accepts(cs.signature.scope, e)?;
        own_message_agrees(cs.signature.scope, text, line, end)?;
        Ok(e)
    }

    /// The facts of an accepted match: its signature's own captures, what the signature sets,
    /// then the facts around it.
    fn match_facts(
        &mut self,
        cs: &CompiledSignature,
        region: &Region,
        m_start: usize,
        start: usize,
        end: usize,
    ) -> Rc<[Fact]> {
        let mut own = Vec::new();
        work::add(end - start);
        if let Some(caps) = cs.regex.captures_at(region.text, m_start) {
            for name in cs.regex.capture_names().flatten() {
                if let Some(g) = caps.name(name) {
                    let (gs, ge) = (region.at + g.start(), region.at + g.end());
                    own_fact(&mut own, name, g.as_str(), gs, ge);
                }
            }
        }
        let around = self.blocks.window_facts(start, end);
        read_facts(&around, start, end, own, cs.signature.sets).into()
    }
}

/// The start and text of the line a match stands on, at most [`SAME_LINE_REACH`] each side.
fn line_around(n: &Normalized, start: usize, end: usize) -> (usize, &str) {
    let text = n.text.as_str();
    let line_at = text.floor_char_boundary(
        n.line_start(start)
            .max(start.saturating_sub(SAME_LINE_REACH)),
    );
    let line_hi = text.ceil_char_boundary(n.line_end(end).min(end + SAME_LINE_REACH));
    (line_at, &text[line_at..line_hi])
}

/// Judges a match found outside the signatures (the tolerant tier): the same evidence rules and
/// the same facts as an exact match of that scope. `None` when the evidence says it is not ECR's.
pub(crate) fn judge(
    n: &Normalized,
    scope: Scope,
    start: usize,
    end: usize,
    base_confidence: f32,
) -> Option<(f32, Rc<[Fact]>)> {
    let text = n.text.as_str();
    let (line_at, line) = line_around(n, start, end);
    let (es, ee) = window(text, start, end, EVIDENCE_AROUND, EVIDENCE_AROUND);
    let line_hi = line_at + line.len();
    let e = evidence::with_subject(evidence::weigh_around(&text[es..ee]), n, line_at, line_hi);
    scope_accepts(scope, e).ok()?;
    own_message_agrees(scope, text, line, end).ok()?;
    let signature = Signature {
        confidence: base_confidence,
        ..Signature::BASE
    };
    let around = FactBlocks::new(text).window_facts(start, end);
    let facts = read_facts(&around, start, end, Vec::new(), &[]);
    Some((confidence(&signature, e), facts.into()))
}
