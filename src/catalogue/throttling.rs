use super::*;

/// `throttling`: an ECR API or the registry refused calls over its rate quota.
pub const FAMILY: Family = Family {
    id: "throttling",
    title: "ECR throttled the requests (rate exceeded)",
    http_status: Some(429),
    stage: Stage::Api,
    umbrella: false,
    explanation: "Amazon ECR refused calls because they arrived faster than the rate quota of the API being called (Docker shows HTTP 429 `toomanyrequests: Rate exceeded`; the JSON API returns ThrottlingException). {rate_note}",
    causes: "Throttling applies per account, per Region and per API. Typical triggers: logging in (GetAuthorizationToken) before every pull or push in a large CI fan-out, many nodes or tasks starting at once, parallel pushes of many layers (PutImage is only 10 per second), scripts polling DescribeImages in a loop, and unauthenticated pulls from public.ecr.aws (1 per second per IP, shared by everything behind the same NAT).",
    signatures: &[
        Signature {
            anchors: &["errors"],
            pattern: r#"\{\s*"errors"\s*:\s*\[\s*\{\s*"code"\s*:\s*"TOOMANYREQUESTS""#,
            scope: Scope::NeedsEcr,
            confidence: 0.85,
            ..Signature::BASE
        },
        Signature {
            anchors: &["throttlingexception", "throttleexception"],
            pattern: r"\bThrottl(?:ing|e)Exception\b",
            scope: Scope::AwsWithHint,
            ..Signature::BASE
        },
        Signature {
            anchors: &["toomanyrequests"],
            pattern: r"\btoomanyrequests:?\s+Rate exceeded",
            scope: Scope::EcrUnlessForeign,
            confidence: 0.95,
            sets: &[("docker_version", ">=1.12.0")],
            ..Signature::BASE
        },
        Signature {
            anchors: &["unknown"],
            pattern: r"\bUnknown:\s*Rate\s+exceeded",
            scope: Scope::EcrUnlessForeign,
            sets: &[("docker_version", "<1.12.0"), ("client", "docker")],
            ..Signature::BASE
        },
        Signature {
            anchors: &["429"],
            pattern: r"\b(?:HTTP\s*)?429:?\s+Too Many Requests\b",
            scope: Scope::NeedsEcr,
            confidence: 0.8,
            ..Signature::BASE
        },
        Signature {
            anchors: &["throttled", "throttling"],
            pattern: r"\b(?:request|requests|call|calls) (?:was |were |is |are |being )?(?:throttled|denied due to request throttling)\b",
            scope: Scope::NeedsEcr,
            confidence: 0.7,
            ..Signature::BASE
        },
    ],
    remedies: &[
        remedy(
            "Let the AWS CLI and SDKs retry with backoff and jitter (more attempts than the default 3)",
            "export AWS_RETRY_MODE=standard\nexport AWS_MAX_ATTEMPTS=10\n# or persist it for a profile:\naws configure set retry_mode standard\naws configure set max_attempts 10",
        ),
        remedy_when(
            "Log in once per job and reuse the 12-hour token instead of calling GetAuthorizationToken per pull",
            "aws ecr get-login-password --region {region} | docker login --username AWS --password-stdin {registry}\n# or let the ECR credential helper cache tokens (~/.ecr/cache.json):\n#   ~/.docker/config.json: {\"credHelpers\": {\"{registry}\": \"ecr-login\"}}",
            When::IsNot("registry", "public.ecr.aws"),
        ),
        remedy_when(
            "Authenticate to ECR Public: authenticated pulls get 10 per second instead of 1",
            "aws ecr-public get-login-password --region us-east-1 | docker login --username AWS --password-stdin public.ecr.aws",
            When::Is("registry", "public.ecr.aws"),
        ),
        remedy_when(
            "Check the quota applied to your account for {operation}",
            "aws service-quotas get-service-quota --service-code ecr --quota-code {quota_code} --region {region}",
            When::Has("quota_code"),
        ),
        remedy_when(
            "Request a higher rate if sustained traffic really needs it",
            "aws service-quotas request-service-quota-increase --service-code ecr --quota-code {quota_code} --desired-value <new-rate> --region {region}",
            When::Has("quota_code"),
        ),
        remedy_when(
            "See how close you run to the quota (CloudWatch usage metric, per second)",
            "aws cloudwatch get-metric-statistics --namespace AWS/Usage --metric-name CallCount --dimensions Name=Service,Value=ECR Name=Type,Value=API Name=Resource,Value={operation} Name=Class,Value=None --statistics Sum --period 60 --start-time $(date -u -d '-1 hour' +%FT%TZ) --end-time $(date -u +%FT%TZ) --region {region}",
            When::Has("operation"),
        ),
        remedy(
            "Spread concurrent starts and pushes instead of firing them at once",
            "# e.g. a random start delay per CI job or node\nsleep $((RANDOM % 30))",
        ),
    ],
    references: &[
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/common-errors.html",
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/service-quotas.html",
        "https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html",
        "https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/",
    ],
    examples: &[
        "An error occurred (ThrottlingException) when calling the GetAuthorizationToken operation (reached max retries: 4): Rate exceeded",
        "Error response from daemon: toomanyrequests: Rate exceeded",
        "TOOMANYREQUESTS: Rate exceeded",
        "Unknown: Rate exceeded",
        "CannotPullECRContainerError: ThrottlingException: Rate exceeded\n\tstatus code: 400, request id: 0d8e",
        "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"} from ecr.us-east-1.amazonaws.com",
        "aws: [ERROR]: An error occurred (ThrottlingException) when calling the DescribeImages operation: Rate exceeded",
    ],
    near_misses: near_misses(&[
        "toomanyrequests: You have reached your unauthenticated pull rate limit. https://www.docker.com/increase-rate-limit",
        "An error occurred (ThrottlingException) when calling the RunTask operation: Rate exceeded",
        "{\"message\":\"Rate exceeded.\",\"code\":\"ThrottlingException\",\"statusCode\":400}",
        "image pull failed: pull QPS exceeded",
    ]),
};
