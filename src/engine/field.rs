//! The facts a paste can yield, with the AWS naming rule each must pass before it may enter a
//! copyable command. The paste is untrusted: a value that fails its rule is still shown as a
//! fact, but commands keep the `<placeholder>` and the finding says why.

/// One kind of fact: its name (the JSON key), how people see it, and the rule a value must
/// pass. This table is the one list of fact names; the engine, the app and the highlighter
/// read it.
pub struct FieldRule {
    pub name: &'static str,
    /// What a person reads, on a finding's card and on the mark in the paste.
    pub label: &'static str,
    /// Place on a finding's card: facts in the order people look for them ([`UNRANKED`] last).
    pub card_rank: u8,
    /// Where several facts are read from one span of the paste (a registry host gives the
    /// registry, its account and Region), the lowest names the whole span ([`UNRANKED`] last).
    pub mark_rank: u8,
    /// About the failed call itself (its action, its error code), so read from its own message
    /// only; the others say where it happened (Region, repository, client) and may come from
    /// around it.
    pub about_call: bool,
    /// What a valid value is, for the message when one is withheld.
    pub rule: &'static str,
    pub valid: fn(&str) -> bool,
}

/// The rank of facts no ordering names.
pub const UNRANKED: u8 = u8::MAX;

/// Every fact name the engine reads, with its naming rule.
pub const FIELDS: &[FieldRule] = &[
    rule("operation", "an API operation name (letters only)", |v| {
        bounded(v, 1, 64) && v.bytes().all(|b| b.is_ascii_alphabetic())
    })
    .on_card(1)
    .marks_span(5)
    .about_call(),
    rule("action", "an IAM action (service:Action)", |v| {
        match v.split_once(':') {
            Some((svc, name)) => {
                bounded(svc, 2, 32)
                    && svc.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                    && bounded(name, 1, 128)
                    && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'*')
            }
            None => false,
        }
    })
    .labelled("IAM action")
    .on_card(0)
    .marks_span(4)
    .about_call(),
    rule(
        "principal_arn",
        "an IAM or STS principal ARN",
        valid_principal_arn,
    )
    .labelled("principal ARN")
    .on_card(2)
    .marks_span(0)
    .about_call(),
    rule("principal_type", "an IAM principal type", |v| {
        matches!(
            v,
            "user" | "role" | "assumed-role" | "federated-user" | "root" | "group"
        )
    })
    .labelled("principal type")
    .on_card(3)
    .about_call(),
    rule(
        "principal_name",
        "an IAM user, role or session name",
        valid_iam_name,
    )
    .labelled("principal name")
    .on_card(4)
    .about_call(),
    rule("account_id", "a 12-digit AWS account ID", valid_account)
        .labelled("account")
        .on_card(5)
        .marks_span(9),
    rule("partition", "an AWS partition (aws, aws-cn, …)", |v| {
        bounded(v, 3, 16)
            && v.starts_with("aws")
            && v.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
    })
    .about_call(),
    rule("region", "an AWS Region code (eu-west-1)", valid_region)
        .labelled("Region")
        .on_card(7)
        .marks_span(7),
    rule(
        "repository",
        "an ECR repository name (lowercase letters, digits, . _ - and /, 2 to 256 characters)",
        valid_repository,
    )
    .on_card(8)
    .marks_span(3),
    rule("registry_id", "a 12-digit AWS account ID", valid_account)
        .labelled("registry account")
        .on_card(6)
        .marks_span(8),
    rule("registry", "a registry host name", valid_host)
        .on_card(9)
        .marks_span(1),
    rule("resource", "an ARN or *", |v| {
        v == "*" || (v.starts_with("arn:") && bounded(v, 8, 1024) && v.bytes().all(is_arn_byte))
    })
    .on_card(10)
    .marks_span(2)
    .about_call(),
    rule("deny_reason", "a short reason", |v| {
        bounded(v, 1, 200)
            && v.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b' ' || b == b'-')
    })
    .labelled("denied by")
    .on_card(11)
    .about_call(),
    rule("docker_version", "a version number", valid_version)
        .labelled("Docker version")
        .on_card(15),
    rule("client", "a client name and version", |v| {
        bounded(v, 1, 64)
            && v.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"./-_ ".contains(&b))
    })
    .on_card(14),
    rule("retries", "a number", |v| {
        bounded(v, 1, 4) && v.bytes().all(|b| b.is_ascii_digit())
    })
    .on_card(16)
    .about_call(),
    rule(
        "tag",
        "an image tag (letters, digits, _ . -, up to 128)",
        |v| {
            bounded(v, 1, 128)
                && v.bytes()
                    .next()
                    .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
                && v.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b))
        },
    )
    .on_card(12),
    rule("error_code", "an error code", |v| {
        bounded(v, 1, 64) && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    })
    .labelled("error code")
    .on_card(13)
    .marks_span(6)
    .about_call(),
    rule("scan_status", "a scan status", |v| {
        bounded(v, 1, 64) && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    })
    .labelled("scan status"),
    rule("upstream", "a registry host name", valid_host),
    rule(
        "token_region",
        "an AWS Region code (eu-west-1)",
        valid_region,
    )
    .labelled("token Region"),
    // Read only to choose remedies (`aws ecr get-login` is the CLI version 1's).
    rule("cli_command", "an AWS CLI command name", |v| {
        bounded(v, 1, 64) && v.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
    })
    .labelled("cli command"),
    rule("policy_id", "a policy ID", |v| {
        bounded(v, 1, 128)
            && v.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_".contains(&b))
    })
    .labelled("policy id"),
];

const fn rule(name: &'static str, rule: &'static str, valid: fn(&str) -> bool) -> FieldRule {
    FieldRule {
        name,
        label: name,
        card_rank: UNRANKED,
        mark_rank: UNRANKED,
        about_call: false,
        rule,
        valid,
    }
}

impl FieldRule {
    const fn labelled(self, label: &'static str) -> Self {
        FieldRule { label, ..self }
    }

    const fn on_card(self, card_rank: u8) -> Self {
        FieldRule { card_rank, ..self }
    }

    const fn marks_span(self, mark_rank: u8) -> Self {
        FieldRule { mark_rank, ..self }
    }

    const fn about_call(self) -> Self {
        FieldRule {
            about_call: true,
            ..self
        }
    }
}

/// A template variable the engine derives from the facts (`remedy::template_vars`), with the
/// facts it is built from: a fact withheld from the commands is reported wherever a remedy
/// uses what it builds.
pub struct DerivedVar {
    pub name: &'static str,
    pub from: &'static [&'static str],
}

/// Every derived template variable. `registry` is a fact too: a host built from its parts
/// stands in for one the paste lacks.
pub const DERIVED: &[DerivedVar] = &[
    derived("registry", &["registry_id", "account_id", "region"]),
    derived(
        "role_arn",
        &["principal_arn", "principal_name", "account_id", "partition"],
    ),
    derived("action_name", &["action"]),
    derived(
        "policy_resource",
        &[
            "resource",
            "region",
            "registry_id",
            "account_id",
            "repository",
            "partition",
        ],
    ),
    // Prose helpers: a fact with a leading space or in parentheses when known, nothing when not.
    derived("quota_code", &[]),
    derived("rate_note", &[]),
    derived("operation_suffix", &[]),
    derived("image_suffix", &[]),
    derived("repository_q", &[]),
    derived("registry_q", &[]),
    derived("region_q", &[]),
];

const fn derived(name: &'static str, from: &'static [&'static str]) -> DerivedVar {
    DerivedVar { name, from }
}

/// Whether `{name}` in a template is a placeholder (anything else, like curl's
/// `%{http_code}` or JSON, stays as written).
pub fn is_placeholder(name: &str) -> bool {
    is_field(name) || DERIVED.iter().any(|d| d.name == name)
}

/// The rule for a fact name, if the engine knows it.
pub fn field(name: &str) -> Option<&'static FieldRule> {
    FIELDS.iter().find(|f| f.name == name)
}

pub fn is_field(name: &str) -> bool {
    field(name).is_some()
}

/// Whether `value` may enter a command as fact `name`.
pub fn is_valid(name: &str, value: &str) -> bool {
    field(name).is_some_and(|f| (f.valid)(value)) && value.bytes().all(is_inert)
}

fn bounded(v: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&v.len())
}

/// Characters that mean nothing to a POSIX shell in any quoting context, nor to JSON: a value
/// made only of these can stand anywhere in a command unquoted.
pub fn is_inert(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"_./:@%+=,-".contains(&b)
}

fn is_arn_byte(b: u8) -> bool {
    is_inert(b) || b == b'*'
}

fn valid_account(v: &str) -> bool {
    v.len() == 12 && v.bytes().all(|b| b.is_ascii_digit())
}

/// `us-east-1`, `us-gov-west-1`, `cn-north-1`, `eusc-de-east-1`.
fn valid_region(v: &str) -> bool {
    let parts: Vec<&str> = v.split('-').collect();
    bounded(v, 9, 32)
        && parts.len() >= 3
        && parts[..parts.len() - 1]
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase()))
        && parts[parts.len() - 1].bytes().all(|b| b.is_ascii_digit())
        && bounded(parts[parts.len() - 1], 1, 2)
}

/// AWS's pattern `(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*`, 2–256.
fn valid_repository(v: &str) -> bool {
    let alnum = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    bounded(v, 2, 256)
        && v.split('/').all(|segment| {
            let bytes = segment.as_bytes();
            !bytes.is_empty()
                && alnum(bytes[0])
                && alnum(bytes[bytes.len() - 1])
                && bytes.iter().all(|&b| alnum(b) || b"._-".contains(&b))
                && !bytes.windows(2).any(|w| !alnum(w[0]) && !alnum(w[1]))
        })
}

/// IAM names: `[\w+=,.@-]`, 1–64 (session names and paths use the same characters).
fn valid_iam_name(v: &str) -> bool {
    bounded(v, 1, 128)
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+=,.@_-".contains(&b))
}

/// `arn:aws:iam::123456789012:role/path/name`, `arn:aws:sts::…:assumed-role/role/session`.
fn valid_principal_arn(v: &str) -> bool {
    let mut parts = v.splitn(6, ':');
    let (Some("arn"), Some(partition), Some(service), Some(""), Some(account), Some(resource)) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return false;
    };
    partition.starts_with("aws")
        && matches!(service, "iam" | "sts")
        && valid_account(account)
        && bounded(resource, 4, 512)
        && resource
            .split('/')
            .all(|p| p.is_empty() || valid_iam_name(p))
}

fn valid_host(v: &str) -> bool {
    bounded(v, 3, 253)
        && v.split('.').count() >= 2
        && v.split('.').all(|label| {
            bounded(label, 1, 63)
                && !label.starts_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

fn valid_version(v: &str) -> bool {
    bounded(v, 1, 32)
        && v.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b".-+".contains(&b))
}

/// Whether a value may stand anywhere in a command as it is: inert characters, and the
/// engine's own `<name>` placeholders (derived values such as a registry host built from a
/// missing account keep them, for the person to fill in).
pub fn is_inert_value(value: &str) -> bool {
    let mut rest = value;
    loop {
        let (before, after) = match rest.split_once('<') {
            Some(pair) => pair,
            None => return rest.bytes().all(is_inert),
        };
        if !before.bytes().all(is_inert) {
            return false;
        }
        match after.split_once('>') {
            Some((name, tail))
                if !name.is_empty()
                    && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') =>
            {
                rest = tail
            }
            _ => return false,
        }
    }
}

/// Quotes a value for a POSIX shell: unchanged when it is inert (see [`is_inert_value`]), else
/// in single quotes (a `'` inside becomes `'\''`).
pub fn shell_quote(value: &str) -> String {
    if !value.is_empty() && is_inert_value(value) {
        return value.to_string();
    }
    format!("'{}'", value.replace('\'', r"'\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_aws_rules() {
        for ok in ["team/app", "my.repo_1", "a-b/c-d/e", "ab"] {
            assert!(is_valid("repository", ok), "{ok}");
        }
        for bad in [
            "App",
            "a",
            "app$(curl x|sh)",
            "a//b",
            "a..b",
            "-a",
            "a b",
            "public.ecr.aws/x/y:1",
            "***.dkr.ecr.us-east-1.amazonaws.com/x",
        ] {
            assert!(!is_valid("repository", bad), "{bad}");
        }
        for ok in ["eu-west-1", "us-gov-west-1", "cn-north-1", "eusc-de-east-1"] {
            assert!(is_valid("region", ok), "{ok}");
        }
        for bad in ["eu-west", "EU-WEST-1", "eu-west-1;id", "x"] {
            assert!(!is_valid("region", bad), "{bad}");
        }
        assert!(is_valid("account_id", "111122223333"));
        assert!(!is_valid("account_id", "1111-2222-3333"));
        assert!(is_valid(
            "principal_arn",
            "arn:aws-us-gov:sts::111122223333:assumed-role/ci-role/i-0abc"
        ));
        assert!(!is_valid(
            "principal_arn",
            "arn:aws:iam::111122223333:role/x`id`"
        ));
        assert!(is_valid("principal_name", "deploy+ci@corp.example"));
        assert!(!is_valid("principal_name", "a;b"));
        assert!(is_valid("tag", "v1.2.3-rc_1"));
        assert!(!is_valid("tag", ".hidden"));
        assert!(!is_valid("unknown-fact", "x"));
    }

    #[test]
    fn one_row_per_fact_and_distinct_ranks() {
        let mut names: Vec<&str> = FIELDS.iter().map(|f| f.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), FIELDS.len());
        for rank in [|f: &FieldRule| f.card_rank, |f: &FieldRule| f.mark_rank] {
            let mut ranks: Vec<u8> = FIELDS.iter().map(rank).filter(|&r| r != UNRANKED).collect();
            let count = ranks.len();
            ranks.sort_unstable();
            ranks.dedup();
            assert_eq!(ranks.len(), count);
        }
        // Derived variables are built, not read; only `registry` is both.
        for d in DERIVED {
            assert_eq!(is_field(d.name), d.name == "registry", "{}", d.name);
            assert!(d.from.iter().all(|f| is_field(f)), "{}", d.name);
        }
    }

    #[test]
    fn quoting() {
        assert_eq!(shell_quote("eu-west-1"), "eu-west-1");
        assert_eq!(shell_quote("*"), "'*'");
        assert_eq!(shell_quote("a'b"), r"'a'\''b'");
        assert_eq!(shell_quote(""), "''");
        assert_eq!(
            shell_quote("<account_id>.dkr.ecr.<region>.amazonaws.com"),
            "<account_id>.dkr.ecr.<region>.amazonaws.com"
        );
        assert_eq!(shell_quote("<a>$(x)"), "'<a>$(x)'");
        assert_eq!(shell_quote("<A;b>"), "'<A;b>'");
    }
}
