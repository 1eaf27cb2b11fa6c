use super::*;

/// `login-bad-request`: docker login to an ECR host was answered 400 Bad Request.
pub const FAMILY: Family = Family {
    id: "login-bad-request",
    title: "docker login to ECR failed with 400 Bad Request",
    http_status: Some(400),
    stage: Stage::Registry,
    umbrella: false,
    explanation: "The registry{registry_q} refused the login as malformed: the password Docker sent is not a token for this registry.",
    causes: "The token was requested for another Region than the registry host (the `--region` of get-login-password must match the Region in the host); the token belongs to another partition or account; the password was mangled on the way (extra characters, a `get-login` command line pasted as the password, CRLF from Windows).",
    signatures: &[Signature {
        anchors: &["attempt"],
        pattern: r"\blogin attempt to \S+ failed with status:?\s*400 Bad Request",
        scope: Scope::EcrUnlessForeign,
        confidence: 0.9,
        ..Signature::BASE
    }],
    remedies: &[
        remedy_when(
            "The token was requested for {token_region} but the registry is in {region}: use the registry's Region",
            "aws ecr get-login-password --region {region} | docker login --username AWS --password-stdin {registry}",
            When::Has("token_region"),
        ),
        remedy_when(
            "Request the token in the registry's Region",
            "aws ecr get-login-password --region {region} | docker login --username AWS --password-stdin {registry}",
            When::Lacks("token_region"),
        ),
    ],
    references: &["https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry_auth.html"],
    examples: &[
        "aws ecr get-login-password --region eu-central-1 | docker login --username AWS --password-stdin 123456789012.dkr.ecr.us-west-2.amazonaws.com\nError response from daemon: login attempt to https://123456789012.dkr.ecr.us-west-2.amazonaws.com/v2/ failed with status: 400 Bad Request",
    ],
    near_misses: near_misses(&["Error response from daemon: login attempt to https://ghcr.io/v2/ failed with status: 400 Bad Request"]),
};
