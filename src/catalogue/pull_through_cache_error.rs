use super::*;

/// `pull-through-cache-error`: a pull-through cache rule could not fetch from its upstream.
pub const FAMILY: Family = Family {
    id: "pull-through-cache-error",
    title: "The pull-through cache could not get the image from its upstream",
    http_status: None,
    stage: Stage::Api,
    umbrella: false,
    explanation: "The image{repository_q} is served through an ECR pull-through cache rule, and ECR could not fetch it (or its layers) from the upstream registry.",
    causes: "Wrong or expired upstream credentials in the Secrets Manager secret (its name must start with `ecr-pullthroughcache/`); Docker Hub official images need `/library/` in the path (`docker-hub/library/nginx`); the puller lacks `ecr:BatchImportUpstreamImage` (every pull) or `ecr:CreateRepository` (first pull), which ECR reports as not found; layers redirected to the upstream's CDN that a private subnet cannot reach; the upstream is rate limiting.",
    signatures: &[
        Signature {
            anchors: &["failurecode"],
            pattern: r#"\bfailureCode['"]?\s*[:=]\s*['"]?(?P<error_code>UpstreamAccessDenied|UpstreamTooManyRequests|UpstreamUnavailable)\b"#,
            scope: Scope::EcrUnlessForeign,
            confidence: 0.9,
            ..Signature::BASE
        },
        Signature {
            anchors: &["upstream"],
            pattern: r"\bThe authentication to the upstream registry failed",
            scope: Scope::Ecr,
            confidence: 0.95,
            ..Signature::BASE
        },
        Signature {
            anchors: &[
                "unabletogetupstreamimageexception",
                "unabletogetupstreamlayerexception",
                "unabletolistupstreamimagereferrersexception",
                "secretnotfoundexception",
                "unabletoaccesssecretexception",
                "unabletodecryptsecretvalueexception",
                "pullthroughcacherulenotfoundexception",
                "unsupportedupstreamregistryexception",
            ],
            pattern: r"\b(?P<error_code>UnableToGetUpstreamImage|UnableToGetUpstreamLayer|UnableToListUpstreamImageReferrers|SecretNotFound|UnableToAccessSecret|UnableToDecryptSecretValue|PullThroughCacheRuleNotFound|UnsupportedUpstreamRegistry)Exception\b",
            scope: Scope::Ecr,
            confidence: 0.95,
            ..Signature::BASE
        },
        Signature {
            anchors: &["cloudflare", "quay", "ghcr", "gcr", "k8s", "azurecr", "gitlab"],
            pattern: r#"\bfailed to do request: Get "?https?://(?:[a-z0-9.-]*docker\.com|registry-1\.docker\.io|[a-z0-9.-]*quay\.io|ghcr\.io|[a-z0-9.-]*gcr\.io|registry\.k8s\.io|[a-z0-9.-]*azurecr\.io|registry\.gitlab\.com)"#,
            scope: Scope::NeedsEcr,
            confidence: 0.7,
            ..Signature::BASE
        },
        Signature {
            anchors: &["forbidden"],
            pattern: r#"/docker-hub/[^/\s"]+:[^\s"]*"?.{0,200}?403 Forbidden"#,
            scope: Scope::Ecr,
            confidence: 0.85,
            ..Signature::BASE
        },
        // A registry proxy (distribution's `proxy` mode) whose upstream is ECR failed to fetch.
        Signature {
            anchors: &["detail"],
            pattern: r#"\berr\.detail="?(?:Get|Head|GET|HEAD) "?https?://(?:public\.ecr\.aws|[^"\s/]*\.dkr\.ecr\.[^"\s/]+)/v2/[^"\s]*"?:\s*(?:unexpected EOF|EOF|i/o timeout|connection reset by peer|context deadline exceeded|[0-9]{3} [A-Z])"#,
            scope: Scope::Ecr,
            confidence: 0.8,
            ..Signature::BASE
        },
    ],
    remedies: &[
        remedy(
            "Validate the rule and its upstream credentials",
            "aws ecr describe-pull-through-cache-rules --region {region}\naws ecr validate-pull-through-cache-rule --ecr-repository-prefix <prefix> --region {region}",
        ),
        remedy(
            "Give pullers the two permissions pull-through cache needs",
            "{\"Effect\": \"Allow\", \"Action\": [\"ecr:BatchImportUpstreamImage\", \"ecr:CreateRepository\"], \"Resource\": \"arn:aws:ecr:{region}:{account_id}:repository/<prefix>/*\"}",
        ),
        remedy(
            "Docker Hub official images need /library/",
            "docker pull {account_id}.dkr.ecr.{region}.amazonaws.com/docker-hub/library/<image>:<tag>",
        ),
    ],
    references: &[
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache.html",
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/error-pullthroughcache.html",
    ],
    examples: &[
        "Error response from daemon: pull access denied for 123456789012.dkr.ecr.eu-west-1.amazonaws.com/docker-hub/library/nginx, repository does not exist or may require 'docker login': denied: The authentication to the upstream registry failed. Verify that the credentials provided in the pull through cache rule are correct, and try again.",
        "time=\"2025-01-02T03:04:05Z\" level=error msg=\"response completed with error\" err.code=unknown err.detail=\"Get \\\"https://public.ecr.aws/v2/nginx/nginx/manifests/1.27\\\": unexpected EOF\" err.message=\"unknown error\"",
    ],
    near_misses: near_misses(&["Error response from daemon: Get \"https://registry-1.docker.io/v2/\": net/http: request canceled"]),
};
