//! The catalogue's own rules (the "tidy" check): unique ids, complete entries, and every
//! example matched first by its own family while every near-miss is not matched by it.

use ecr_explain::catalogue::{Scope, Stage, FAMILIES};
use ecr_explain::engine::testing::is_placeholder;
use ecr_explain::engine::testing::MAX_ANCHOR_LEN;
use ecr_explain::explain;
use std::collections::HashSet;

#[test]
fn ids_are_unique_and_kebab_case() {
    let mut seen = HashSet::new();
    for f in FAMILIES {
        assert!(seen.insert(f.id), "duplicate id {}", f.id);
        assert!(
            f.id.bytes()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-'),
            "{} is not kebab-case",
            f.id
        );
        assert_eq!(
            f.id.starts_with("not-ecr-"),
            f.stage == Stage::Lookalike,
            "{}: look-alikes and only look-alikes start with not-ecr-",
            f.id
        );
    }
}

#[test]
fn every_entry_is_complete() {
    for f in FAMILIES {
        assert!(
            !f.title.is_empty() && !f.explanation.is_empty() && !f.causes.is_empty(),
            "{}",
            f.id
        );
        assert!(!f.signatures.is_empty(), "{} has no signature", f.id);
        assert!(!f.remedies.is_empty(), "{} has no remedy", f.id);
        assert!(!f.examples.is_empty(), "{} has no example", f.id);
        assert!(!f.near_misses.is_empty(), "{} has no near-miss", f.id);
        assert!(
            f.references.iter().any(|r| r.starts_with("https://")),
            "{} has no reference URL",
            f.id
        );
        for s in f.signatures {
            assert!(
                !s.anchors.is_empty(),
                "{}: a signature without anchors is never tried",
                f.id
            );
            for a in s.anchors {
                // The prefilter looks up lowercase alphanumeric words only.
                assert!(
                    a.bytes()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()),
                    "{}: anchor {a:?} can never match",
                    f.id
                );
                assert!(
                    a.len() <= MAX_ANCHOR_LEN,
                    "{}: anchor {a:?} is too long",
                    f.id
                );
            }
            if f.stage == Stage::Lookalike {
                assert!(matches!(s.scope, Scope::Foreign | Scope::Any), "{}", f.id);
            }
        }
    }
}

#[test]
fn every_example_is_claimed_first_by_its_own_family() {
    for f in FAMILIES {
        for example in f.examples {
            let report = explain(example);
            let first = report.findings.first().map(|x| x.id.as_str());
            assert_eq!(
                first,
                Some(f.id),
                "example of {} read as {:?}:\n{example}",
                f.id,
                first
            );
        }
    }
}

#[test]
fn no_near_miss_is_matched_by_its_family() {
    for f in FAMILIES {
        for near in f.near_misses {
            let report = explain(near);
            assert!(
                !report.findings.iter().any(|x| x.id == f.id),
                "near-miss of {} matched it:\n{near}",
                f.id
            );
        }
    }
}

#[test]
fn templates_only_name_known_facts() {
    for f in FAMILIES {
        let texts = f
            .remedies
            .iter()
            .flat_map(|r| [r.title, r.command])
            .chain([f.explanation, f.causes]);
        for text in texts {
            let mut rest = text;
            while let Some(open) = rest.find('{') {
                let after = &rest[open + 1..];
                if let Some(close) = after.find('}') {
                    let name = after[..close].split('|').next().unwrap_or("");
                    // A lowercase name in braces looks like a placeholder: it must be one.
                    let looks_like = !name.is_empty()
                        && name.bytes().all(|c| c.is_ascii_lowercase() || c == b'_')
                        && !rest[..open].ends_with('%');
                    if looks_like {
                        assert!(
                            is_placeholder(name),
                            "{}: unknown placeholder {{{name}}}",
                            f.id
                        );
                    }
                }
                rest = after;
            }
        }
    }
}

#[test]
fn the_seed_four_and_the_issue_families_exist() {
    let ids: HashSet<&str> = FAMILIES.iter().map(|f| f.id).collect();
    for id in [
        "throttling",
        "access-denied",
        "repository-not-found",
        "non-tty-login",
        "no-basic-auth-credentials",
        "token-expired",
        "aws-credentials-expired",
        "aws-credentials-invalid",
        "aws-credentials-missing",
        "cli-version-mismatch",
        "credential-helper-error",
        "registry-unauthorized",
        "login-bad-request",
        "image-not-found",
        "tag-immutable",
        "image-already-exists",
        "layer-upload-failed",
        "endpoint-unreachable",
        "region-missing",
        "ecs-cannot-pull-container",
        "ecs-execution-role-missing",
        "pull-access-denied",
        "pull-through-cache-error",
        "limit-exceeded",
        "scan-error",
        "lambda-image-unsupported",
        "kms-error",
        "repository-not-empty",
        "repository-already-exists",
        "registry-policy-not-found",
        "invalid-parameter",
    ] {
        assert!(ids.contains(id), "missing family {id}");
    }
}

#[test]
fn prose_backticks_are_balanced() {
    // Backticks mark inline code in the prose (see `ecr_explain::prose`); an odd one out would
    // show as a stray character instead of code.
    use ecr_explain::prose::balanced;
    for f in FAMILIES {
        for (what, text) in [
            ("title", f.title),
            ("explanation", f.explanation),
            ("causes", f.causes),
        ] {
            assert!(
                balanced(text),
                "{}: unbalanced backticks in its {what}",
                f.id
            );
        }
        for r in f.remedies {
            assert!(
                balanced(r.title),
                "{}: unbalanced backticks in the remedy title {:?}",
                f.id,
                r.title
            );
        }
    }
}
