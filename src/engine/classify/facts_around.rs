//! The facts of a match: its signature's own captures, what the signature sets, then the
//! facts read around it, each key's value from the best-ranked extractor nearest the match.

use super::window;
use crate::engine::facts::{self, Fact};
use crate::engine::field;
use std::collections::HashMap;

/// How far around a match facts are read.
const FACT_BEFORE: usize = 700;
const FACT_AFTER: usize = 500;
/// How far from a match its own message may still run (wrapped lines, an envelope's prefix).
const MESSAGE_REACH: usize = 300;

/// A family's own capture, checked like any other fact.
pub(super) fn own_fact(out: &mut Vec<Fact>, name: &str, value: &str, start: usize, end: usize) {
    let value = value.trim_end_matches(['.', ',', ';']).trim();
    let at = facts::Found {
        text: value,
        start,
        end,
    };
    let key: &'static str = match name {
        "image" => return facts::image_facts(out, at, 0),
        "principal_arn" => return facts::principal_facts(out, at, 0),
        "repository" if facts::is_template(value) => return,
        "region" if !facts::is_region(value) => return,
        "registry_id" | "account_id" if !value.bytes().all(|c| c.is_ascii_digit()) => return,
        other => match field::field(other) {
            Some(f) => f.name,
            None => return,
        },
    };
    if !value.is_empty() {
        out.push(Fact {
            key,
            value: value.to_string(),
            start,
            end,
            rank: 0,
        });
    }
}

/// Facts of a chunk, read once per block of text as matches ask for them: matches on
/// neighbouring lines share their surroundings, so no byte is read by the fact extractors more
/// than about twice, however dense the errors.
pub(super) struct FactBlocks<'a> {
    text: &'a str,
    /// Per block: the facts that start in it, in clean-text coordinates.
    blocks: HashMap<usize, Vec<Fact>>,
}

/// Block size, and how far each block's text reaches into its neighbours so a fact that
/// starts near the edge is read whole.
const FACT_BLOCK: usize = 4096;
const FACT_BLOCK_OVERLAP: usize = 768;

impl<'a> FactBlocks<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        FactBlocks {
            text,
            blocks: HashMap::new(),
        }
    }

    fn block(&mut self, b: usize) -> &[Fact] {
        let text = self.text;
        self.blocks.entry(b).or_insert_with(|| {
            let own = (b * FACT_BLOCK, (b + 1) * FACT_BLOCK);
            let (lo, hi) = window(text, own.0, own.1, FACT_BLOCK_OVERLAP, FACT_BLOCK_OVERLAP);
            facts::extract_positioned(&text[lo..hi])
                .into_iter()
                .map(|f| Fact {
                    start: f.start + lo,
                    end: f.end + lo,
                    ..f
                })
                .filter(|f| (own.0..own.1).contains(&f.start))
                .collect()
        })
    }

    /// Every fact in the window around a match, at positions in the clean text, and the client
    /// that printed it.
    pub(super) fn window_facts(&mut self, start: usize, end: usize) -> Vec<Fact> {
        let (ws, we) = window(self.text, start, end, FACT_BEFORE, FACT_AFTER);
        let mut out = Vec::new();
        for b in ws / FACT_BLOCK..=we.saturating_sub(1) / FACT_BLOCK {
            out.extend(
                self.block(b)
                    .iter()
                    .filter(|f| f.start >= ws && f.end <= we)
                    .cloned(),
            );
        }
        if let Some(client) = facts::detect_client(&self.text[ws..we]) {
            out.push(Fact {
                start: ws,
                end: ws,
                ..facts::client_fact(client)
            });
        }
        out
    }
}

/// Facts about the failed call itself are read from its own message only.
fn is_about_call(key: &str) -> bool {
    field::field(key).is_some_and(|f| f.about_call)
}

/// A match's facts, one per key: its own captures first, then what its signature sets, then
/// every fact around it, the best-ranked extractor nearest the match first.
pub(super) fn read_facts(
    around: &[Fact],
    start: usize,
    end: usize,
    own: Vec<Fact>,
    sets: &[(&'static str, &'static str)],
) -> Vec<Fact> {
    let mut all = around.to_vec();
    let distance = |f: &Fact| {
        if f.end <= start {
            start - f.end
        } else {
            f.start.saturating_sub(end)
        }
    };
    // Facts about the failed call itself are read from its own message only; facts about
    // where it happened (region, registry, repository, client) may come from around it.
    all.retain(|f| !is_about_call(f.key) || distance(f) <= MESSAGE_REACH);
    all.sort_by_key(|f| (f.rank, distance(f)));
    let mut best: Vec<Fact> = own;
    for &(k, v) in sets {
        if !best.iter().any(|f| f.key == k) {
            best.push(Fact {
                key: k,
                value: v.to_string(),
                start,
                end: start,
                rank: 0,
            });
        }
    }
    for f in all {
        if !best.iter().any(|b| b.key == f.key) {
            best.push(f);
        }
    }
    best
}
