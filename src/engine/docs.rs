//! Documentation of a family for its own page (`#error/<id>`) and for the JS API: the same
//! text a finding shows, with every fact left as a placeholder.

use super::remedy;
use super::report::{Fields, Remedy};
use crate::catalogue::{Family, FAMILIES};
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
        not_ecr: f.id.starts_with("not-ecr-"),
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
    FAMILIES.iter().find(|f| f.id == id).map(doc)
}

/// Every family, in catalogue order.
pub fn all() -> Vec<FamilyDoc> {
    FAMILIES.iter().map(doc).collect()
}
