use super::*;

/// `limit-exceeded`: a count quota (images per repository, repositories per Region ...).
pub const FAMILY: Family = Family {
    id: "limit-exceeded",
    title: "An ECR count quota was reached (LimitExceededException)",
    http_status: Some(400),
    stage: Stage::Api,
    umbrella: false,
    explanation: "The operation would have gone over a service limit of your account: images per repository, repositories per Region, tags per image, lifecycle or replication rules.",
    causes: "Repositories that collect every CI build's image with no lifecycle policy reach the images-per-repository quota (10,000 in older quotas, 100,000 now); many repositories per Region; over 1,000 tags on one image.",
    signatures: &[
        Signature {
            anchors: &["limitexceededexception"],
            pattern: r"\bLimitExceededException\b",
            scope: Scope::NeedsEcr,
            confidence: 0.85,
            ..Signature::BASE
        },
        Signature {
            anchors: &["maximum"],
            pattern: r"\balready has the maximum allowed number of (?:images|repositories|tags)",
            scope: Scope::Ecr,
            confidence: 0.95,
            ..Signature::BASE
        },
        Signature {
            anchors: &["limit"],
            pattern: r"\bwould have exceeded a service limit for your account",
            scope: Scope::NeedsEcr,
            confidence: 0.85,
            ..Signature::BASE
        },
    ],
    remedies: &[
        remedy(
            "Expire old images with a lifecycle policy",
            "aws ecr put-lifecycle-policy --repository-name {repository} --region {region} --lifecycle-policy-text '{\"rules\":[{\"rulePriority\":1,\"description\":\"keep last 500\",\"selection\":{\"tagStatus\":\"any\",\"countType\":\"imageCountMoreThan\",\"countNumber\":500},\"action\":{\"type\":\"expire\"}}]}'",
        ),
        remedy(
            "Or ask for more (images per repository: L-03A36CE1, repositories: L-CFEB8E8D)",
            "aws service-quotas request-service-quota-increase --service-code ecr --quota-code L-03A36CE1 --desired-value <n> --region {region}",
        ),
    ],
    references: &[
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/service-quotas.html",
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html",
    ],
    examples: &[
        "denied: The repository with name 'app' in registry with id '123456789012' already has the maximum allowed number of images which is '10000'",
    ],
    near_misses: near_misses(&["An error occurred (LimitExceededException) when calling the CreateFunction operation: Code storage limit exceeded."]),
};
