//! Whether a match is an ECR error: its signature's scope weighed against the evidence
//! around it, and its own message, which has the last word; and how sure that makes it.

use crate::catalogue::{Scope, Signature};
use crate::engine::evidence::{self, Evidence};
use crate::engine::facts;
use crate::engine::pattern::Regex;
use std::sync::OnceLock;

pub(super) fn scope_accepts(scope: Scope, e: Evidence) -> Result<(), &'static str> {
    let ok = match scope {
        Scope::Ecr | Scope::Any => true,
        Scope::EcrUnlessForeign => e.foreign == 0 || e.ecr > e.foreign,
        Scope::AwsWithHint => (e.ecr > 0 || e.hint > 0) && (e.foreign == 0 || e.ecr > e.foreign),
        Scope::NeedsEcr => e.ecr > 0 && e.ecr > e.foreign,
        Scope::Foreign => e.foreign > 0 && e.foreign >= e.ecr,
    };
    if ok {
        return Ok(());
    }
    Err(match scope {
        Scope::Foreign => "the paste points at ECR, not at another registry or service",
        _ if e.foreign > 0 => "the text around it points at another registry or AWS service",
        _ => "nothing around it points at ECR (no ECR host, action, operation or image)",
    })
}

/// For wordings that need context: the match's own message has the last word. Its line must
/// not point elsewhere (a Docker Hub image, another registry), and an AWS envelope right after
/// it must name an ECR operation (`ValidationException when calling the CreateModel operation`
/// is SageMaker's).
pub(super) fn own_message_agrees(
    scope: Scope,
    text: &str,
    line: &str,
    end: usize,
) -> Result<(), &'static str> {
    if matches!(scope, Scope::Ecr | Scope::Any | Scope::Foreign) {
        return Ok(());
    }
    let local = evidence::weigh(line);
    if local.foreign > local.ecr {
        return Err("its own message points at another registry or AWS service");
    }
    let after = &text[end..text.ceil_char_boundary(end + 80)];
    if let Some(op) = envelope_operation(after) {
        if !facts::is_ecr_operation(op) && !evidence::is_neutral_operation(op) {
            return Err("it was returned by another AWS service's operation");
        }
    }
    Ok(())
}

/// The operation of an AWS CLI envelope that follows an exception's name.
fn envelope_operation(after: &str) -> Option<&str> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^\)? when calling the ([A-Za-z]+) operation").expect("envelope pattern")
    });
    re.captures(after)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str())
}

/// How sure a match is: its signature's confidence, raised by ECR evidence and lowered by
/// foreign evidence.
pub(super) fn confidence(signature: &Signature, e: Evidence) -> f32 {
    let boost = if e.ecr > 0 { 0.05 } else { 0.0 };
    let doubt = if e.foreign > 0 { 0.1 } else { 0.0 };
    ((signature.confidence + boost - doubt).clamp(0.05, 0.99) * 100.0).round() / 100.0
}
