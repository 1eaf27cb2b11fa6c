use super::*;

/// `invalid-image-reference`: the image name given to ECS, Docker or Kubernetes is malformed.
pub const FAMILY: Family = Family {
    id: "invalid-image-reference",
    title: "The image reference is malformed (could not be parsed)",
    http_status: None,
    stage: Stage::Api,
    umbrella: false,
    explanation: "The image name was rejected before anything was pulled: it does not parse as `registry/repository:tag` or `registry/repository@digest`. ECS says it failed to normalize the reference, Docker says invalid reference format, Kubernetes says InvalidImageName.",
    causes: "An unrendered template or empty variable (`{registry}/:`, `:${TAG}`, a trailing colon); uppercase letters or spaces in the repository name; a tag with characters tags cannot hold (`+`, `/`); `https://` in front of the registry; a tag given twice (`app:1:2`) or a repository URI pasted where only the tag belongs; a digest that is not `sha256:` plus 64 hex characters.",
    signatures: &[
        Signature {
            anchors: &["errors"],
            pattern: r#"\{\s*"errors"\s*:\s*\[\s*\{\s*"code"\s*:\s*"NAME_INVALID""#,
            scope: Scope::NeedsEcr,
            confidence: 0.8,
            ..Signature::BASE
        },
        Signature {
            anchors: &["normalize"],
            pattern: r"\bfailed to normalize image reference\b",
            scope: Scope::EcrUnlessForeign,
            confidence: 0.9,
            ..Signature::BASE
        },
        Signature {
            anchors: &["format"],
            pattern: r"\binvalid reference format\b",
            scope: Scope::NeedsEcr,
            confidence: 0.8,
            ..Signature::BASE
        },
        Signature {
            anchors: &["parse", "invalidimagename"],
            pattern: r#"\b(?:couldn't parse image (?:reference|name) "?(?P<image>[^"\s]*)"?|InvalidImageName\b)"#,
            scope: Scope::NeedsEcr,
            confidence: 0.8,
            ..Signature::BASE
        },
    ],
    remedies: &[
        remedy(
            "Look at the exact image string the task or pod was given",
            "aws ecs describe-task-definition --task-definition <family:revision> --query 'taskDefinition.containerDefinitions[].image'",
        ),
        remedy(
            "Use the full URI: registry host, repository, then one tag or digest",
            "{registry}/{repository}:<tag>\n{registry}/{repository}@sha256:<64-hex-digest>",
        ),
        remedy(
            "Check the tag exists in the repository",
            "aws ecr describe-images --repository-name {repository} --region {region} --query 'imageDetails[].imageTags'",
        ),
    ],
    references: &[
        "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html",
        "https://docs.docker.com/reference/cli/docker/image/tag/",
    ],
    examples: &[
        "CannotPullContainerError: failed to normalize image reference \"111122223333.dkr.ecr.eu-west-1.amazonaws.com/web:\"",
        "docker: invalid reference format: repository name must be lowercase.\n(tagging for 111122223333.dkr.ecr.eu-west-1.amazonaws.com/MyApp)",
    ],
    near_misses: near_misses(&[
        "docker: invalid reference format: repository name must be lowercase. (while building someuser/MyApp from ghcr.io)",
    ]),
};
