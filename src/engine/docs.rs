//! Documentation of a family for its own page (`#error/<id>`) and for the JS API: the same
//! text a finding shows, with every fact left as a placeholder.

use super::remedy;
use super::report::{Fields, Remedy};
use crate::catalogue::{self, Family, FAMILIES};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FamilyDoc {
    pub id: String,
    pub title: String,
    pub http_status: Option<u16>,
    pub not_ecr: bool,
    pub explanation: String,
    pub causes: String,
    pub remedies: Vec<Remedy>,
    pub references: Vec<String>,
    /// Sample texts this family recognises.
    pub examples: Vec<String>,
}

fn doc(f: &Family) -> FamilyDoc {
    let none = Fields::new();
    let vars = remedy::template_vars(&none);
    FamilyDoc {
        id: f.id.into(),
        title: f.title.into(),
        http_status: f.http_status,
        not_ecr: f.is_lookalike(),
        explanation: remedy::fill(f.explanation, &vars),
        causes: remedy::fill(f.causes, &vars),
        // Every remedy, whatever the facts would select.
        remedies: f
            .remedies
            .iter()
            .map(|t| Remedy {
                title: remedy::fill(t.title, &vars),
                command: remedy::fill_command(t.command, &vars),
            })
            .collect(),
        references: f.references.iter().map(|r| r.to_string()).collect(),
        examples: f.examples.iter().map(|e| e.to_string()).collect(),
    }
}

/// The documentation of family `id`.
pub fn describe(id: &str) -> Option<FamilyDoc> {
    catalogue::family(id).map(doc)
}

/// Every family, in catalogue order.
pub fn all() -> Vec<FamilyDoc> {
    FAMILIES.iter().map(doc).collect()
}

/// How many families are Amazon ECR errors (the rest are look-alikes).
pub fn ecr_family_count() -> usize {
    FAMILIES.iter().filter(|f| !f.is_lookalike()).count()
}

/// Every family id, in catalogue order.
pub fn ids() -> impl Iterator<Item = &'static str> {
    FAMILIES.iter().map(|f| f.id)
}

/// The first sample text family `id` recognises: what an example button pastes.
pub fn example(id: &str) -> Option<&'static str> {
    catalogue::family(id).and_then(|f| f.examples.first().copied())
}
