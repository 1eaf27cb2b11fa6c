use super::*;

/// `layer-upload-failed`: pushing a layer's blob to ECR broke off.
pub const FAMILY: Family = Family {
    id: "layer-upload-failed",
    title: "A layer upload to ECR failed (EOF / upload broken off)",
    http_status: None,
    stage: Stage::Registry,
    umbrella: false,
    explanation: "Docker (or buildah, BuildKit) was uploading a layer to the registry{registry_q} and the connection ended early: retries counted down and the push gave up with EOF or a broken upload.",
    causes: "Most often the repository does not exist or the push is not allowed, and ECR closes the upload instead of answering clearly (check with describe-repositories); a proxy or firewall cutting long uploads or not allowing the S3 layer bucket; an unstable network or MTU problems; disk or I/O trouble on the build host; very large layers on a slow link.",
    signatures: &[
        Signature {
            anchors: &["errors"],
            pattern: r#"\{\s*"errors"\s*:\s*\[\s*\{\s*"code"\s*:\s*"(?:BLOB_UNKNOWN|BLOB_UPLOAD_INVALID|BLOB_UPLOAD_UNKNOWN|DIGEST_INVALID|SIZE_INVALID)""#,
            scope: Scope::NeedsEcr,
            confidence: 0.85,
            ..Signature::BASE
        },
        Signature {
            anchors: &["retrying"],
            pattern: r"\bRetrying in \d+ seconds?\s+EOF\b",
            scope: Scope::AwsWithHint,
            confidence: 0.8,
            ..Signature::BASE
        },
        Signature {
            anchors: &["uploads"],
            pattern: r#"/blobs/uploads/?"?:?\s*(?:EOF|unexpected EOF|broken pipe|connection reset by peer)\b"#,
            scope: Scope::EcrUnlessForeign,
            confidence: 0.85,
            ..Signature::BASE
        },
        Signature {
            anchors: &["location"],
            pattern: r"\bno Location header in response\b",
            scope: Scope::NeedsEcr,
            confidence: 0.8,
            ..Signature::BASE
        },
        Signature {
            anchors: &["upload"],
            pattern: r"\bUpload failed(?:, retrying)?:\s*(?:EOF|unexpected EOF|broken pipe)",
            scope: Scope::NeedsEcr,
            confidence: 0.75,
            ..Signature::BASE
        },
        Signature {
            anchors: &["blob"],
            pattern: r"\b(?:blob upload (?:unknown|invalid)|unknown blob)\b",
            scope: Scope::NeedsEcr,
            confidence: 0.7,
            ..Signature::BASE
        },
        // A push whose layers only retry, with no error text at all: vague.
        Signature {
            anchors: &["refers"],
            pattern: r#"\bThe push refers to repository \[(?P<image>[^\]\s]+)\].{0,600}?\b[0-9a-f]{12}: Retrying in \d+ seconds?"#,
            scope: Scope::NeedsEcr,
            confidence: 0.6,
            precise: false,
            ..Signature::BASE
        },
        // A gateway error on a layer request after the layers were sent.
        Signature {
            anchors: &["gateway", "unavailable"],
            pattern: r#"\b(?:Head|Get|Put|Patch|Post) "?https://[^"\s]+/v2/[^"\s]+/blobs/[^"\s]*"?:\s*(?:Bad Gateway|Service Unavailable|Gateway Time-?out)"#,
            scope: Scope::NeedsEcr,
            confidence: 0.7,
            ..Signature::BASE
        },
    ],
    remedies: &[
        remedy(
            "Make sure the repository exists and you may push to it",
            "aws ecr describe-repositories --repository-names {repository} --region {region}\naws sts get-caller-identity",
        ),
        remedy(
            "Push again with fewer parallel uploads",
            "# /etc/docker/daemon.json: {\"max-concurrent-uploads\": 1}, then restart dockerd\ndocker push {registry}/{repository}:<tag>",
        ),
        remedy(
            "Behind a proxy or in a private subnet: allow the ECR endpoints and the S3 layer bucket",
            "curl -sv https://{registry}/v2/ -o /dev/null   # expect 401, not a timeout\n# S3 gateway endpoint policy must allow arn:aws:s3:::prod-{region}-starport-layer-bucket/*",
        ),
    ],
    references: &[
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/common-errors-docker.html",
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html",
    ],
    examples: &[
        "The push refers to repository [123456789012.dkr.ecr.eu-west-1.amazonaws.com/api]\n763ac63792f3: Retrying in 1 second\nEOF",
        "5d61935416b6: Pushed\nHead \"https://111122223333.dkr.ecr.us-east-1.amazonaws.com/v2/api/blobs/sha256:8c82c5\": Bad Gateway",
        "$ docker push 111122223333.dkr.ecr.us-east-2.amazonaws.com/api:7\nThe push refers to repository [111122223333.dkr.ecr.us-east-2.amazonaws.com/api]\n5f70bf18a086: Retrying in 3 seconds\n9a1b2c3d4e5f: Waiting\n5f70bf18a086: Retrying in 2 seconds",
    ],
    near_misses: near_misses(&[
        "The push refers to repository [docker.io/someone/app]\n1d0d249d60a5: Retrying in 1 second\nEOF",
    ]),
};
