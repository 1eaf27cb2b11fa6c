//! The facts a paste can yield, with the AWS naming rule each must pass before it may enter a
//! copyable command. The paste is untrusted: a value that fails its rule is still shown as a
//! fact, but commands keep the `<placeholder>` and the finding says why.

/// One kind of fact.
pub struct FieldRule {
    pub name: &'static str,
    /// What a valid value is, for the message when one is withheld.
    pub rule: &'static str,
    pub valid: fn(&str) -> bool,
}

/// Every fact name the engine reads, with its naming rule.
pub const FIELDS: &[FieldRule] = &[
    rule("operation", "an API operation name (letters only)", |v| {
        bounded(v, 1, 64) && v.bytes().all(|b| b.is_ascii_alphabetic())
    }),
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
    }),
    rule(
        "principal_arn",
        "an IAM or STS principal ARN",
        valid_principal_arn,
    ),
    rule("principal_type", "an IAM principal type", |v| {
        matches!(
            v,
            "user" | "role" | "assumed-role" | "federated-user" | "root" | "group"
        )
    }),
    rule(
        "principal_name",
        "an IAM user, role or session name",
        valid_iam_name,
    ),
    rule("account_id", "a 12-digit AWS account ID", valid_account),
    rule("partition", "an AWS partition (aws, aws-cn, …)", |v| {
        bounded(v, 3, 16)
            && v.starts_with("aws")
            && v.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
    }),
    rule("region", "an AWS Region code (eu-west-1)", valid_region),
    rule(
        "repository",
        "an ECR repository name (lowercase letters, digits, . _ - and /, 2 to 256 characters)",
        valid_repository,
    ),
    rule("registry_id", "a 12-digit AWS account ID", valid_account),
    rule("registry", "a registry host name", valid_host),
    rule("resource", "an ARN or *", |v| {
        v == "*" || (v.starts_with("arn:") && bounded(v, 8, 1024) && v.bytes().all(is_arn_byte))
    }),
    rule("deny_reason", "a short reason", |v| {
        bounded(v, 1, 200)
            && v.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b' ' || b == b'-')
    }),
    rule("docker_version", "a version number", valid_version),
    rule("client", "a client name and version", |v| {
        bounded(v, 1, 64)
            && v.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"./-_ ".contains(&b))
    }),
    rule("retries", "a number", |v| {
        bounded(v, 1, 4) && v.bytes().all(|b| b.is_ascii_digit())
    }),
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
    ),
    rule("error_code", "an error code", |v| {
        bounded(v, 1, 64) && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    }),
    rule("scan_status", "a scan status", |v| {
        bounded(v, 1, 64) && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    }),
    rule("upstream", "a registry host name", valid_host),
    rule(
        "token_region",
        "an AWS Region code (eu-west-1)",
        valid_region,
    ),
    rule("policy_id", "a policy ID", |v| {
        bounded(v, 1, 128)
            && v.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_".contains(&b))
    }),
];

const fn rule(name: &'static str, rule: &'static str, valid: fn(&str) -> bool) -> FieldRule {
    FieldRule { name, rule, valid }
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
