//! Look-alikes: errors that read like ECR's but come from another registry or AWS service.
//! They are reported under `not-ecr-` ids so nobody follows ECR advice for them.

use super::*;

const NOT_ECR_CAUSES: &str = "The wording resembles an ECR error, but the paste names another registry or AWS service, so ECR's fixes would not help.";

/// Docker Hub's anonymous/free pull rate limit.
pub const DOCKER_HUB_RATE_LIMIT: Family = Family {
    id: "not-ecr-docker-hub-rate-limit",
    title: "Not ECR: Docker Hub's pull rate limit",
    http_status: Some(429),
    stage: Stage::Lookalike,
    umbrella: false,
    explanation: "This is Docker Hub limiting pulls (per IP for anonymous pulls, per account otherwise), not ECR throttling. The image comes from Docker Hub.",
    causes: "Anonymous pulls from CI runners or nodes that share an IP; many nodes pulling the same public images.",
    signatures: &[
        Signature {
            anchors: &["reached"],
            pattern: r"\bYou have reached your (?:[a-z]+ )?pull rate\b",
            scope: Scope::Any,
            confidence: 0.95,
            ..Signature::BASE
        },
        Signature {
            anchors: &["toomanyrequests"],
            pattern: r"\btoomanyrequests: Too Many Requests\b",
            scope: Scope::Any,
            confidence: 0.85,
            ..Signature::BASE
        },
    ],
    remedies: &[
        remedy(
            "Authenticate to Docker Hub for higher limits",
            "echo \"$DOCKERHUB_TOKEN\" | docker login --username <docker-hub-user> --password-stdin",
        ),
        remedy(
            "Or cache Docker Hub images in ECR with a pull-through cache rule (official images need /library/)",
            "aws ecr create-pull-through-cache-rule --ecr-repository-prefix docker-hub --upstream-registry-url registry-1.docker.io --credential-arn <secret-arn> --region <region>\ndocker pull <account_id>.dkr.ecr.<region>.amazonaws.com/docker-hub/library/nginx:latest",
        ),
    ],
    references: &[
        "https://docs.docker.com/docker-hub/usage/",
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache.html",
    ],
    examples: &[
        "Error response from daemon: toomanyrequests: You have reached your unauthenticated pull rate limit. https://www.docker.com/increase-rate-limit",
    ],
    near_misses: near_misses(&["Error response from daemon: toomanyrequests: Rate exceeded"]),
};

/// `docker login` with an empty password, for a registry that is not ECR.
pub const REGISTRY_LOGIN: Family = Family {
    id: "not-ecr-registry-login",
    title: "Not ECR: an empty-password docker login to another registry",
    http_status: None,
    stage: Stage::Lookalike,
    umbrella: false,
    explanation: "`docker login` got an empty password with no terminal to prompt on, but the login is for another registry (Docker Hub, GHCR, GitLab, ...), not ECR.",
    causes: "The CI secret or variable holding that registry's password or token is empty or not passed to this step.",
    signatures: &[Signature {
        anchors: &["tty"],
        pattern: r"\bCannot perform an interactive login from a non[- ]?TTY device",
        scope: Scope::Foreign,
        confidence: 0.8,
        ..Signature::BASE
    }],
    remedies: &[remedy(
        "Check the secret is set for this job, and pass it on stdin",
        "test -n \"$REGISTRY_PASSWORD\" || echo 'password variable is empty'\necho \"$REGISTRY_PASSWORD\" | docker login <registry> --username <user> --password-stdin",
    )],
    references: &["https://docs.docker.com/reference/cli/docker/login/"],
    examples: &[
        "Run docker login -u $DOCKER_USER -p $DOCKER_PASSWORD\nError: Cannot perform an interactive login from a non TTY device",
    ],
    near_misses: near_misses(&[
        "aws ecr get-login-password | docker login --username AWS --password-stdin 123456789012.dkr.ecr.us-east-1.amazonaws.com\nError: Cannot perform an interactive login from a non TTY device",
    ]),
};

/// Throttling or access errors of other AWS services.
pub const OTHER_AWS_SERVICE: Family = Family {
    id: "not-ecr-other-aws-service",
    title: "Not ECR: an error from another AWS service",
    http_status: None,
    stage: Stage::Lookalike,
    umbrella: false,
    explanation: "This throttling or access error comes from another AWS service (the operation, action or client named in the paste is not ECR's).",
    causes: NOT_ECR_CAUSES,
    signatures: &[
        Signature {
            anchors: &["throttlingexception", "throttling", "rate"],
            pattern: r"\b(?:Throttl(?:ing|e)Exception|Throttling|Rate exceeded)\b",
            scope: Scope::Foreign,
            confidence: 0.7,
            ..Signature::BASE
        },
        Signature {
            anchors: &["authorized"],
            pattern: r"\bis not authorized to perform:?\s*[a-z0-9-]+:[a-z*]+",
            unless: Some(r"perform:?\s*ecr"),
            scope: Scope::Foreign,
            confidence: 0.8,
            ..Signature::BASE
        },
        Signature {
            anchors: &["accessdeniedexception", "accessdenied"],
            pattern: r"\bAccessDenied(?:Exception)?\b",
            scope: Scope::Foreign,
            confidence: 0.6,
            ..Signature::BASE
        },
        // ECS fetching the task's secrets (Secrets Manager, SSM), not its image.
        Signature {
            anchors: &["secret", "secrets"],
            pattern: r"\bunable to retrieve secrets? from (?:asm|ssm)\b",
            scope: Scope::Any,
            confidence: 0.85,
            ..Signature::BASE
        },
    ],
    remedies: &[remedy(
        "Look up the error in the documentation of the service that raised it",
        "aws sts get-caller-identity",
    )],
    references: &["https://docs.aws.amazon.com/general/latest/gr/api-retries.html"],
    examples: &[
        "An error occurred (ThrottlingException) when calling the DescribeAutoScalingGroups operation: Rate exceeded",
        "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::bucket/key",
    ],
    near_misses: near_misses(&[
        "An error occurred (ThrottlingException) when calling the GetAuthorizationToken operation (reached max retries: 2): Rate exceeded",
    ]),
};

/// Registry errors from a registry that is not ECR.
pub const OTHER_REGISTRY: Family = Family {
    id: "not-ecr-other-registry",
    title: "Not ECR: an error from another container registry",
    http_status: None,
    stage: Stage::Lookalike,
    umbrella: true,
    explanation: "This registry error comes from another registry (Docker Hub, GHCR, GCR, Quay, GitLab, Harbor, ...): the image reference or host in the paste is not ECR's.",
    causes: NOT_ECR_CAUSES,
    signatures: &[
        Signature {
            anchors: &["manifest"],
            pattern: r"\bmanifest for (?P<image>\S+) not found\b",
            scope: Scope::Foreign,
            confidence: 0.75,
            ..Signature::BASE
        },
        Signature {
        anchors: &["unknown", "denied", "unauthorized", "401", "403", "429", "blob", "basic", "eof", "cannotpullcontainererror", "timeout"],
        pattern: r"\b(?:CannotPullContainerError|i/o timeout|denied: denied|name unknown|manifest unknown|pull access denied|unauthorized: authentication required|401 Unauthorized|403 Forbidden|blob upload unknown|unknown blob|no basic auth credentials|Upload failed, retrying: EOF|Retrying in \d+ seconds?\s+EOF|429 Too Many Requests|Error 429)\b",
        scope: Scope::Foreign,
        confidence: 0.7,
        ..Signature::BASE
        },
    ],
    remedies: &[remedy(
        "Check the image reference: a name without a registry host means Docker Hub",
        "docker image inspect <image> --format '{{.RepoTags}}'",
    )],
    references: &["https://docs.docker.com/reference/cli/docker/image/pull/"],
    examples: &[
        "Error response from daemon: manifest for someuser/app:2 not found: manifest unknown: manifest unknown",
    ],
    near_misses: near_misses(&[
        "Error response from daemon: manifest for 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:2 not found: manifest unknown: Requested image not found",
    ]),
};
