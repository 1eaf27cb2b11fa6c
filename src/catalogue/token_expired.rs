use super::*;

/// `token-expired`: the 12-hour registry token Docker holds has expired.
pub const FAMILY: Family = Family {
    id: "token-expired",
    title: "The ECR registry login (12-hour token) has expired",
    http_status: Some(403),
    stage: Stage::Registry,
    umbrella: false,
    explanation: "The registry token that `docker login` stored for the registry{registry_q} is older than 12 hours, so ECR refused it. This is the Docker login token, not your AWS session.",
    causes: "ECR authorization tokens last 12 hours. Long builds, long-lived CI runners and developer machines keep reusing the token stored in ~/.docker/config.json; a stale entry saved with or without `https://` can shadow a fresh login; with temporary AWS credentials the token can also stop working when the session behind it ends.",
    signatures: &[Signature {
        anchors: &["authorization"],
        pattern: r"\byour authorization token has expired\b",
        scope: Scope::Ecr,
        confidence: 0.97,
        ..Signature::BASE
    }],
    remedies: &[
        remedy(
            "Log in again right before pushing or pulling",
            "aws ecr get-login-password --region {region} | docker login --username AWS --password-stdin {registry}",
        ),
        remedy(
            "On shared runners, drop the stale entry first",
            "docker logout {registry}\ndocker logout https://{registry}",
        ),
        remedy(
            "Or use the ECR credential helper, which refreshes tokens by itself",
            "# ~/.docker/config.json (remove the old \"auths\" entry for this host)\n{\"credHelpers\": {\"{registry}\": \"ecr-login\"}}",
        ),
    ],
    references: &[
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry_auth.html",
        "https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_GetAuthorizationToken.html",
        "https://github.com/awslabs/amazon-ecr-credential-helper",
    ],
    examples: &[
        "denied: Your authorization token has expired. Reauthenticate and try again",
        "denied: Your Authorization Token has expired. Please run 'aws ecr get-login --no-include-email' to fetch a new one.",
    ],
    near_misses: near_misses(&[
        "An error occurred (ExpiredTokenException) when calling the GetAuthorizationToken operation (reached max retries: 2): The security token included in the request is expired",
    ]),
};
