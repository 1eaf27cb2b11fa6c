//! IAM principals (the caller named in a denial) and the policy layer that denied it.

use super::{all_digits, fact, Fact, Found};

/// What a principal ARN says about the caller.
pub struct Principal {
    pub partition: String,
    pub account: Option<String>,
    pub kind: &'static str,
    pub name: Option<String>,
}

pub fn parse_principal(arn: &str) -> Option<Principal> {
    let rest = arn.strip_prefix("arn:")?;
    let (partition, rest) = rest.split_once(':')?;
    let (_service, rest) = rest.split_once(':')?;
    let (_region, rest) = rest.split_once(':')?;
    let (account, resource) = rest.split_once(':')?;
    let segments: Vec<&str> = resource.split('/').collect();
    let kind = match segments[0] {
        "user" => "user",
        "role" => "role",
        "assumed-role" => "assumed-role",
        "federated-user" => "federated-user",
        "root" => "root",
        _ => return None,
    };
    let name = match kind {
        "root" => Some("root"),
        "assumed-role" => segments.get(1).copied(),
        _ => segments.last().copied().filter(|_| segments.len() > 1),
    };
    Some(Principal {
        partition: partition.to_string(),
        account: all_digits(account).then(|| account.to_string()),
        kind,
        name: name.filter(|n| !n.is_empty()).map(str::to_string),
    })
}

/// Facts from a principal ARN: the ARN, its partition, kind, account and name.
pub fn principal_facts<'a>(out: &mut Vec<Fact>, at: impl Into<Found<'a>>, rank: u8) {
    let at = at.into();
    fact(out, "principal_arn", at.text, at, rank);
    if let Some(p) = parse_principal(at.text) {
        fact(out, "partition", &p.partition, at, rank);
        fact(out, "principal_type", p.kind, at, rank);
        if let Some(a) = &p.account {
            fact(out, "account_id", a, at, rank);
        }
        if let Some(n) = &p.name {
            fact(out, "principal_name", n, at, rank);
        }
    }
}

/// The layer of policy an IAM denial names.
pub fn deny_reason(suffix: &str) -> Option<&'static str> {
    let s = suffix.to_ascii_lowercase();
    let explicit = s.contains("explicit deny");
    let reason = if s.contains("service control policy") {
        "scp"
    } else if s.contains("resource control policy") {
        "rcp"
    } else if s.contains("permissions boundary") {
        "permissions-boundary"
    } else if s.contains("session policy") || s.contains("sessions policy") {
        "session-policy"
    } else if s.contains("vpc endpoint policy") {
        "vpc-endpoint-policy"
    } else if s.contains("resource-based policy") {
        if explicit {
            "explicit-deny-resource"
        } else {
            "resource-policy"
        }
    } else if s.contains("identity-based policy") {
        if explicit {
            "explicit-deny-identity"
        } else {
            "identity-policy"
        }
    } else {
        return None;
    };
    Some(reason)
}
