use super::*;

/// `image-already-exists`: PutImage with nothing to change.
pub const FAMILY: Family = Family {
    id: "image-already-exists",
    title: "The image is already pushed with this tag (nothing changed)",
    http_status: Some(400),
    stage: Stage::Benign,
    umbrella: false,
    explanation: "PutImage was called for an image and tag that are already in the repository{repository_q}; nothing had to change. Usually harmless.",
    causes: "Re-tagging with `aws ecr put-image` to a tag that already points to this digest, or a retried push whose first attempt succeeded.",
    signatures: &[
        Signature {
            anchors: &["imagealreadyexistsexception"],
            pattern: r"\bImageAlreadyExistsException\b",
            scope: Scope::Ecr,
            ..Signature::BASE
        },
        Signature {
            anchors: &["already"],
            pattern: r"\bImage with digest '[^']+' and tag '(?P<tag>[^']+)' already exists in the repository with name '(?P<repository>[^']+)'",
            scope: Scope::Ecr,
            ..Signature::BASE
        },
    ],
    remedies: &[remedy(
        "Treat it as success in scripts, or check first",
        "aws ecr describe-images --repository-name {repository} --image-ids imageTag={tag} --region {region}",
    )],
    references: &["https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_PutImage.html"],
    examples: &[
        "An error occurred (ImageAlreadyExistsException) when calling the PutImage operation: Image with digest 'sha256:ab12' and tag 'v1' already exists in the repository with name 'app' in registry with id '123456789012'",
    ],
    near_misses: near_misses(&["Layer already exists"]),
};
