//! Fills remedy templates with a finding's facts. A fact that is missing stays a visible
//! placeholder (`<region>`), never a guess.

use super::report::{Fields, Remedy};
use crate::catalogue::{quotas, RemedyTemplate};

/// Facts derived from others, for templates: the registry host, the IAM role behind an
/// assumed-role session, the resource a policy should name, the bare action name.
pub fn template_vars(fields: &Fields) -> Fields {
    let mut vars = fields.clone();
    let get = |k: &str| fields.get(k).cloned();
    let placeholder = |k: &str| get(k).unwrap_or_else(|| format!("<{k}>"));
    let registry_account = get("registry_id").or_else(|| get("account_id"));
    // A registry host to log in to: the one in the paste, else one built from its parts.
    let has_host = vars
        .get("registry")
        .is_some_and(|r| r.contains(".dkr.") || r == "public.ecr.aws");
    if !has_host {
        let account = registry_account
            .clone()
            .unwrap_or_else(|| "<account_id>".into());
        let region = placeholder("region");
        let suffix = if region.starts_with("cn-") {
            "amazonaws.com.cn"
        } else {
            "amazonaws.com"
        };
        vars.insert(
            "registry".into(),
            format!("{account}.dkr.ecr.{region}.{suffix}"),
        );
    }
    if let Some(arn) = get("principal_arn") {
        let role_arn = match (get("principal_type").as_deref(), get("principal_name")) {
            (Some("assumed-role"), Some(role)) => {
                let account = get("account_id").unwrap_or_else(|| "<account_id>".into());
                let partition = get("partition").unwrap_or_else(|| "aws".into());
                format!("arn:{partition}:iam::{account}:role/{role}")
            }
            _ => arn,
        };
        vars.insert("role_arn".into(), role_arn);
    }
    // The action with its service in lowercase (IAM matches actions case-insensitively, but
    // policies read better that way). A missing action stays missing, so prose can fall back.
    let action = get("action").map(|a| match a.split_once(':') {
        Some((svc, name)) => format!("{}:{}", svc.to_ascii_lowercase(), name),
        None => a,
    });
    if let Some(a) = &action {
        let name = a.split_once(':').map_or(a.as_str(), |(_, n)| n);
        vars.insert("action_name".into(), name.to_string());
        vars.insert("action".into(), a.clone());
    }
    let action = action.unwrap_or_default();
    let resource = match get("resource") {
        Some(r) => r,
        // GetAuthorizationToken takes no resource; anything else is scoped to the repository.
        None if action.ends_with(":GetAuthorizationToken") => "*".into(),
        None => format!(
            "arn:{}:ecr:{}:{}:repository/{}",
            get("partition").unwrap_or_else(|| "aws".into()),
            placeholder("region"),
            registry_account
                .clone()
                .unwrap_or_else(|| "<registry_id>".into()),
            placeholder("repository"),
        ),
    };
    vars.insert("policy_resource".into(), resource);
    let operation = get("operation");
    if let Some(q) = operation.as_deref().and_then(quotas::rate_quota) {
        vars.insert("quota_code".into(), q.quota_code.into());
    }
    vars.insert("rate_note".into(), quotas::rate_note(operation.as_deref()));
    vars.insert(
        "operation_suffix".into(),
        operation.map_or(String::new(), |op| format!(" ({op})")),
    );
    vars.insert(
        "image_suffix".into(),
        get("repository").map_or(String::new(), |r| format!(" ({r})")),
    );
    // For prose: the fact with a leading space when known, nothing when not, so a sentence
    // reads well either way ("the registry{registry_q}").
    let known_host = fields
        .get("registry")
        .filter(|r| r.contains(".dkr") || r.as_str() == "public.ecr.aws")
        .cloned()
        .or_else(|| match (&registry_account, get("region")) {
            (Some(a), Some(r)) => Some(format!("{a}.dkr.ecr.{r}.amazonaws.com")),
            _ => None,
        });
    vars.insert(
        "registry_q".into(),
        known_host.map_or(String::new(), |h| format!(" {h}")),
    );
    vars.insert(
        "repository_q".into(),
        get("repository").map_or(String::new(), |r| format!(" {r}")),
    );
    vars.insert(
        "region_q".into(),
        get("region").map_or(String::new(), |r| format!(" in {r}")),
    );
    vars
}

/// Template variables the engine derives from the facts, beside the facts themselves.
pub const DERIVED_VARS: &[&str] = &[
    "registry",
    "role_arn",
    "action_name",
    "policy_resource",
    "quota_code",
    "rate_note",
    "operation_suffix",
    "image_suffix",
    "repository_q",
    "registry_q",
    "region_q",
];

/// Whether `{name}` in a template is a placeholder (anything else, like curl's
/// `%{http_code}` or JSON, stays as written).
pub fn is_placeholder(name: &str) -> bool {
    super::classify::FIELD_NAMES.contains(&name)
        || DERIVED_VARS.contains(&name)
        || name == "cli_command"
}

/// Replaces `{name}` with the variable, or `<name>` when there is none; `{name|words}` falls
/// back to the words instead (for prose). Braces around anything else stay as written.
pub fn fill(template: &str, vars: &Fields) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let inner = after.find('}').map(|close| (close, &after[..close]));
        let (name, fallback) = match inner {
            Some((_, body)) => match body.split_once('|') {
                Some((n, f)) => (n, Some(f)),
                None => (body, None),
            },
            None => ("", None),
        };
        match inner {
            Some((close, _)) if is_placeholder(name) => {
                match (vars.get(name), fallback) {
                    (Some(v), _) => out.push_str(v),
                    (None, Some(f)) => out.push_str(f),
                    (None, None) => {
                        out.push('<');
                        out.push_str(name);
                        out.push('>');
                    }
                }
                rest = &after[close + 1..];
            }
            _ => {
                // A literal brace (JSON policies, shell): keep it.
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The remedies that apply to these facts, filled in.
pub fn render(templates: &[RemedyTemplate], fields: &Fields) -> Vec<Remedy> {
    let vars = template_vars(fields);
    // Conditions see derived facts (quota_code) and the action with its service in lowercase.
    let known = |k: &str| match k {
        "action" | "quota_code" => vars.get(k).filter(|v| !v.starts_with('<')).cloned(),
        _ => fields.get(k).cloned(),
    };
    templates
        .iter()
        .filter(|t| t.when.holds(&known))
        .map(|t| Remedy {
            title: fill(t.title, &vars),
            command: fill(t.command, &vars),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Fields {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn fills_and_keeps_placeholders() {
        let vars = template_vars(&fields(&[("region", "eu-west-1")]));
        assert_eq!(
            fill("aws ecr get-login-password --region {region} | docker login --username AWS --password-stdin {registry}", &vars),
            "aws ecr get-login-password --region eu-west-1 | docker login --username AWS --password-stdin <account_id>.dkr.ecr.eu-west-1.amazonaws.com"
        );
        assert_eq!(
            fill("{\"Effect\": \"Allow\"}", &vars),
            "{\"Effect\": \"Allow\"}"
        );
    }

    #[test]
    fn role_behind_an_assumed_role_session() {
        let vars = template_vars(&fields(&[
            (
                "principal_arn",
                "arn:aws:sts::111122223333:assumed-role/ci/session",
            ),
            ("principal_type", "assumed-role"),
            ("principal_name", "ci"),
            ("account_id", "111122223333"),
        ]));
        assert_eq!(vars["role_arn"], "arn:aws:iam::111122223333:role/ci");
    }

    #[test]
    fn policy_resource_defaults() {
        let v = template_vars(&fields(&[("action", "ecr:GetAuthorizationToken")]));
        assert_eq!(v["policy_resource"], "*");
        let v = template_vars(&fields(&[
            ("action", "ECR:BatchGetImage"),
            ("region", "us-west-2"),
            ("registry_id", "444455556666"),
            ("repository", "a/b"),
        ]));
        assert_eq!(
            v["policy_resource"],
            "arn:aws:ecr:us-west-2:444455556666:repository/a/b"
        );
        assert_eq!(v["action"], "ecr:BatchGetImage");
    }
}
