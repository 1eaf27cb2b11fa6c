//! The tolerant tier's data: each family's message as people retype it from memory, as docs
//! mangle it (markdown escapes) and as prose quotes it (split names, curly quotes). Only where no
//! exact wording matched; findings are shown as "likely". See [`Phrase`].

use super::*;

const fn phrase(
    family: &'static str,
    words: &'static [&'static str],
    gap: usize,
    scope: Scope,
) -> Phrase {
    Phrase {
        family,
        words,
        gap,
        scope,
        confidence: 0.55,
    }
}

pub static PHRASES: &[Phrase] = &[
    // "cannot perform ... non TTY", "login ... non-TTY devices".
    phrase(
        "non-tty-login",
        &["perform", "non", "tty"],
        3,
        Scope::EcrUnlessForeign,
    ),
    phrase(
        "non-tty-login",
        &["login|logging|logged|logins", "non", "tty"],
        8,
        Scope::EcrUnlessForeign,
    ),
    phrase(
        "non-tty-login",
        &["interactive", "login", "tty"],
        4,
        Scope::EcrUnlessForeign,
    ),
    // `Unknown options: --no-include-email` with its dashes escaped or lost.
    phrase(
        "cli-version-mismatch",
        &[
            "unknown|unrecognized|invalid",
            "option|flag|argument",
            "no",
            "include",
            "email",
        ],
        2,
        Scope::EcrUnlessForeign,
    ),
    phrase(
        "cli-version-mismatch",
        &["invalid|unknown", "choice|command", "get", "login"],
        3,
        Scope::EcrUnlessForeign,
    ),
    phrase(
        "cli-version-mismatch",
        &["deprecat|removed|obsolete|retired", "get", "login"],
        3,
        Scope::EcrUnlessForeign,
    ),
    phrase(
        "cli-version-mismatch",
        &["get", "login", "deprecat|removed|obsolete|retired|no"],
        3,
        Scope::EcrUnlessForeign,
    ),
    phrase(
        "cli-version-mismatch",
        &["invalid", "choice"],
        0,
        Scope::NeedsEcr,
    ),
    // Exception names split in two (`Throttling Exception`).
    phrase(
        "throttling",
        &["throttlingexception|throttleexception"],
        0,
        Scope::AwsWithHint,
    ),
    phrase(
        "throttling",
        &["too", "many", "requests"],
        0,
        Scope::NeedsEcr,
    ),
    phrase("throttling", &["rate", "exceeded"], 0, Scope::NeedsEcr),
    phrase(
        "limit-exceeded",
        &["limitexceededexception"],
        0,
        Scope::NeedsEcr,
    ),
    phrase(
        "limit-exceeded",
        &["max|maximum|limit|quota", "number", "image|repositor|tags"],
        4,
        Scope::NeedsEcr,
    ),
    // ECR scans each image at most once a day.
    phrase(
        "scan-error",
        &["scan", "once|twice|more", "per|every|a|each|than", "day|24"],
        2,
        Scope::AwsWithHint,
    ),
    phrase("scan-error", &["scan", "quota"], 3, Scope::AwsWithHint),
    phrase(
        "access-denied",
        &["not", "authori", "perform", "ecr"],
        2,
        Scope::NeedsEcr,
    ),
    phrase(
        "access-denied",
        &["accessdeniedexception"],
        0,
        Scope::NeedsEcr,
    ),
    phrase("access-denied", &["access", "denied"], 0, Scope::NeedsEcr),
    phrase(
        "repository-not-found",
        &["repositorynotfoundexception"],
        0,
        Scope::EcrUnlessForeign,
    ),
    phrase(
        "repository-not-found",
        &["repository", "does|do", "not", "exist"],
        3,
        Scope::NeedsEcr,
    ),
    phrase(
        "repository-not-found",
        &["repository|repo", "not", "found"],
        1,
        Scope::NeedsEcr,
    ),
    phrase(
        "image-not-found",
        &["imagenotfoundexception"],
        0,
        Scope::EcrUnlessForeign,
    ),
    phrase(
        "image-not-found",
        &["requested", "image", "not", "found"],
        1,
        Scope::EcrUnlessForeign,
    ),
    phrase(
        "no-basic-auth-credentials",
        &["no", "basic", "auth"],
        1,
        Scope::EcrUnlessForeign,
    ),
    phrase(
        "token-expired",
        &["authorization|auth|login", "token", "expired"],
        3,
        Scope::NeedsEcr,
    ),
    phrase(
        "region-missing",
        &["must", "specify", "region"],
        2,
        Scope::EcrUnlessForeign,
    ),
    phrase(
        "aws-credentials-missing",
        &["unable|could|cannot", "locate|find", "credentials"],
        3,
        Scope::NeedsEcr,
    ),
    phrase(
        "aws-credentials-expired",
        &["security", "token", "expired"],
        4,
        Scope::AwsWithHint,
    ),
    phrase(
        "aws-credentials-invalid",
        &["security", "token", "invalid"],
        4,
        Scope::AwsWithHint,
    ),
    phrase(
        "endpoint-unreachable",
        &["could|cannot|unable", "connect", "endpoint"],
        3,
        Scope::NeedsEcr,
    ),
    phrase(
        "tag-immutable",
        &["tag", "already", "exist", "immutab"],
        6,
        Scope::NeedsEcr,
    ),
    phrase(
        "cli-not-found",
        &["aws", "cli|command|executable", "not", "found|installed"],
        2,
        Scope::NeedsEcr,
    ),
];
