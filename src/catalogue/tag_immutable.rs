use super::*;

/// `tag-immutable`: a push tried to move a tag in an immutable repository.
pub const FAMILY: Family = Family {
    id: "tag-immutable",
    title: "The tag already exists and the repository is immutable",
    http_status: Some(400),
    stage: Stage::Api,
    umbrella: false,
    explanation: "The repository{repository_q} has tag immutability on, and the tag {tag|being pushed} already points to an image, so the push could not move it.",
    causes: "CI pushes a fixed tag (`latest`, a branch name) on every build; a retry of a push that already succeeded (ECR rejects even the same digest: there is no no-op success); the tag is not in the exclusion list of an IMMUTABLE_WITH_EXCLUSIONS repository.",
    signatures: &[
        Signature {
            anchors: &["invalid"],
            pattern: r"\btag[ _]invalid: The image tag '(?P<tag>[^']+)' already exists in the '(?P<repository>[^']+)' repository",
            scope: Scope::Ecr,
            confidence: 0.97,
            ..Signature::BASE
        },
        Signature {
            anchors: &["imagetagalreadyexistsexception"],
            pattern: r"\bImageTagAlreadyExistsException\b",
            scope: Scope::Ecr,
            confidence: 0.95,
            ..Signature::BASE
        },
        Signature {
            anchors: &["overwritten"],
            pattern: r"\bcannot be overwritten because the (?:repository|tag) is immutable",
            scope: Scope::Ecr,
            confidence: 0.95,
            ..Signature::BASE
        },
    ],
    remedies: &[
        remedy(
            "Push a unique tag per build (commit SHA plus build number)",
            "docker tag app:latest {registry}/{repository}:$(git rev-parse --short HEAD)-$BUILD_NUMBER\ndocker push {registry}/{repository}:$(git rev-parse --short HEAD)-$BUILD_NUMBER",
        ),
        remedy(
            "Treat an existing tag as done: check before pushing",
            "aws ecr describe-images --repository-name {repository} --image-ids imageTag={tag} --region {region} && echo 'already pushed'",
        ),
        remedy(
            "Or make the repository's tags mutable (you lose the protection)",
            "aws ecr put-image-tag-mutability --repository-name {repository} --image-tag-mutability MUTABLE --region {region}",
        ),
    ],
    references: &[
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html",
        "https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_PutImage.html",
    ],
    examples: &[
        "tag invalid: The image tag 'latest' already exists in the 'app' repository and cannot be overwritten because the repository is immutable.",
        "An error occurred (ImageTagAlreadyExistsException) when calling the PutImage operation: The image tag 'v1' already exists in the 'app' repository and cannot be overwritten because the repository is immutable.",
        "PUT https://111122223333.dkr.ecr.eu-west-1.amazonaws.com/v2/api/manifests/v5: TAG_INVALID: The image tag 'v5' already exists in the 'api' repository and cannot be overwritten because the tag is immutable.",
    ],
    near_misses: near_misses(&["fatal: tag 'v1.0' already exists"]),
};
