//! Fills remedy templates with a finding's facts. A fact that is missing stays a visible
//! placeholder (`<region>`), never a guess.

use super::field;
use super::report::{Fields, Remedy, Withheld};
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
        let suffix = registry_domain(&region);
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
    vars.insert("operation_suffix".into(), affixed(operation, " (", ")"));
    vars.insert("image_suffix".into(), affixed(get("repository"), " (", ")"));
    // For prose: the fact with a leading space when known, nothing when not, so a sentence
    // reads well either way ("the registry{registry_q}").
    let known_host = fields
        .get("registry")
        .filter(|r| r.contains(".dkr") || r.as_str() == "public.ecr.aws")
        .cloned()
        .or_else(|| match (&registry_account, get("region")) {
            (Some(a), Some(r)) => Some(format!("{a}.dkr.ecr.{r}.{}", registry_domain(&r))),
            _ => None,
        });
    vars.insert("registry_q".into(), affixed(known_host, " ", ""));
    vars.insert("repository_q".into(), affixed(get("repository"), " ", ""));
    vars.insert("region_q".into(), affixed(get("region"), " in ", ""));
    vars
}

/// A known value between `before` and `after`; nothing for an unknown one.
fn affixed(value: Option<String>, before: &str, after: &str) -> String {
    value.map_or(String::new(), |v| format!("{before}{v}{after}"))
}

/// The domain of a Region's registry hosts: China and the European Sovereign Cloud have
/// their own.
fn registry_domain(region: &str) -> &'static str {
    if region.starts_with("cn-") {
        "amazonaws.com.cn"
    } else if region.starts_with("eusc-") {
        "amazonaws.eu"
    } else {
        "amazonaws.com"
    }
}

pub use super::field::is_placeholder;

/// Replaces `{name}` with the variable, or `<name>` when there is none; `{name|words}` falls
/// back to the words instead (for prose). Braces around anything else stay as written.
pub fn fill(template: &str, vars: &Fields) -> String {
    fill_with(template, vars, |_, value, _| Some(value.to_string()))
}

/// Fills a shell command. Every value is put in as the shell will read it: unchanged when it is
/// made of inert characters, single-quoted where it stands bare, and kept as `<name>` where it
/// stands inside quotes or a here-document (it cannot be quoted safely there).
pub fn fill_command(template: &str, vars: &Fields) -> String {
    fill_with(template, vars, |_, value, context| match context {
        ShellContext::Bare => Some(field::shell_quote(value)),
        // Inside quotes or a here-document a glob character means nothing.
        _ if field::is_inert_value(&value.replace('*', "")) => Some(value.to_string()),
        _ => None,
    })
}

fn fill_with(
    template: &str,
    vars: &Fields,
    mut substitute: impl FnMut(&str, &str, ShellContext) -> Option<String>,
) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut shell = ShellScanner::default();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        shell.advance(&rest[..open]);
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
                let value = vars
                    .get(name)
                    .and_then(|v| substitute(name, v, shell.context()));
                match (value, fallback) {
                    (Some(v), _) => out.push_str(&v),
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
                shell.advance("{");
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Where a placeholder stands in a shell command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ShellContext {
    #[default]
    Bare,
    SingleQuoted,
    DoubleQuoted,
    HereDocument,
    /// After `#`: nothing runs, but people copy what comments suggest, so only inert values.
    Comment,
}

/// Follows a command template's quoting as a POSIX shell would, far enough to know the context
/// of each placeholder: quotes, backslashes and here-documents (`<<'EOF'` … `EOF`).
#[derive(Default)]
struct ShellScanner {
    context: ShellContext,
    escaped: bool,
    /// After a `#` that starts a word: quotes in a comment mean nothing.
    comment: bool,
    /// A here-document announced on this line, starting at the next one.
    pending_heredoc: Option<String>,
    heredoc_end: String,
    line: String,
}

impl ShellScanner {
    fn context(&self) -> ShellContext {
        if self.comment {
            ShellContext::Comment
        } else {
            self.context
        }
    }

    fn advance(&mut self, text: &str) {
        for c in text.chars() {
            if c == '\n' {
                self.end_line();
                continue;
            }
            let word_start = self.line.ends_with([' ', '\t']) || self.line.is_empty();
            self.line.push(c);
            if std::mem::take(&mut self.escaped) || self.comment {
                continue;
            }
            if self.context == ShellContext::Bare && c == '#' && word_start {
                self.comment = true;
                continue;
            }
            self.context = match (self.context, c) {
                (ShellContext::Bare, '\'') => ShellContext::SingleQuoted,
                (ShellContext::Bare, '"') => ShellContext::DoubleQuoted,
                (ShellContext::Bare | ShellContext::DoubleQuoted, '\\') => {
                    self.escaped = true;
                    self.context
                }
                (ShellContext::SingleQuoted, '\'') | (ShellContext::DoubleQuoted, '"') => {
                    ShellContext::Bare
                }
                (context, _) => context,
            };
        }
    }

    fn end_line(&mut self) {
        let line = std::mem::take(&mut self.line);
        self.escaped = false;
        self.comment = false;
        if self.context == ShellContext::HereDocument {
            if line.trim() == self.heredoc_end {
                self.context = ShellContext::Bare;
            }
            return;
        }
        if let Some(end) = self.pending_heredoc.take() {
            self.heredoc_end = end;
            self.context = ShellContext::HereDocument;
        }
        if self.context == ShellContext::Bare {
            if let Some(at) = line.find("<<") {
                let word = line[at + 2..].trim_start_matches('-').trim_start();
                let word: String = word
                    .trim_start_matches(['\'', '"'])
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !word.is_empty() {
                    self.context = ShellContext::HereDocument;
                    self.heredoc_end = word;
                }
            }
        }
    }
}

/// The remedies that apply to these facts, filled in, and the facts that were kept out of
/// them because they fail AWS's naming rules.
pub fn render(templates: &[RemedyTemplate], fields: &Fields) -> (Vec<Remedy>, Vec<Withheld>) {
    let (valid, invalid): (Fields, Fields) = fields
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .partition(|(k, v)| field::is_valid(k, v) || !field::is_field(k));
    let display_vars = template_vars(fields);
    let command_vars = template_vars(&valid);
    // Conditions see derived facts (quota_code) and the action with its service in lowercase.
    let known = |k: &str| match k {
        "action" | "quota_code" => display_vars.get(k).filter(|v| !v.starts_with('<')).cloned(),
        _ => fields.get(k).cloned(),
    };
    let applicable: Vec<&RemedyTemplate> =
        templates.iter().filter(|t| t.when.holds(&known)).collect();
    let used = |name: &str| {
        applicable.iter().any(|t| {
            let mentions = |n: &str| t.command.contains(&format!("{{{n}}}"));
            mentions(name)
                || field::DERIVED
                    .iter()
                    .any(|d| d.from.contains(&name) && mentions(d.name))
        })
    };
    let withheld = invalid
        .into_iter()
        .filter(|(k, _)| used(k))
        .map(|(k, v)| Withheld {
            reason: format!(
                "The {} in the paste is not {}, so the commands keep <{k}>.",
                k.replace('_', " "),
                field::field(&k).map_or("valid", |f| f.rule),
            ),
            field: k,
            value: v,
        })
        .collect();
    let remedies = applicable
        .iter()
        .map(|t| Remedy {
            title: fill(t.title, &display_vars),
            command: fill_command(t.command, &command_vars),
        })
        .collect();
    (remedies, withheld)
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
    fn registry_hosts_follow_the_partition() {
        let host = |r: &str| {
            template_vars(&fields(&[("region", r), ("account_id", "111122223333")]))["registry"]
                .clone()
        };
        assert_eq!(
            host("cn-north-1"),
            "111122223333.dkr.ecr.cn-north-1.amazonaws.com.cn"
        );
        assert_eq!(
            host("eusc-de-east-1"),
            "111122223333.dkr.ecr.eusc-de-east-1.amazonaws.eu"
        );
        assert_eq!(
            host("eu-west-1"),
            "111122223333.dkr.ecr.eu-west-1.amazonaws.com"
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
