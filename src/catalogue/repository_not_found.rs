use super::*;

/// `repository-not-found`: the named repository does not exist in that registry.
pub const FAMILY: Family = Family {
    id: "repository-not-found",
    title: "The repository does not exist in this registry",
    http_status: Some(404),
    stage: Stage::Api,
    umbrella: false,
    explanation: "ECR has no repository named {repository|like that} in registry {registry_id|of this account}{region_q}. Unlike Docker Hub, ECR does not create repositories on push: they must exist first.",
    causes: "The repository was never created (or the pipeline pushes before the stack that creates it has run); a typo or a different nesting (`team/app` vs `app`); the right name in the wrong Region or account (check the registry host of the image reference and the profile in use); or it was deleted. Registries with a repository creation template for CREATE_ON_PUSH do create repositories on push; pull-through cache creates them on first pull but needs `ecr:CreateRepository`. A BuildKit push refused with `403 Forbidden` on its first HEAD request usually means the same thing when the pusher's IAM policy names only the repositories that exist: check the name before the permissions.",
    signatures: &[
        Signature {
            anchors: &["failurecode"],
            pattern: r#"\bfailureCode['"]?\s*[:=]\s*['"]?REPOSITORY_NOT_FOUND\b"#,
            scope: Scope::EcrUnlessForeign,
            confidence: 0.9,
            ..Signature::BASE
        },
        Signature {
            anchors: &["exist"],
            pattern: r"\brepository with name '(?P<repository>[^']+)' does not exist in the registry(?: with id '(?P<registry_id>[^']*)')?",
            scope: Scope::Ecr,
            confidence: 0.97,
            ..Signature::BASE
        },
        Signature {
            anchors: &["repositorynotfoundexception"],
            pattern: r"\bRepositoryNotFoundException\b",
            scope: Scope::Ecr,
            confidence: 0.95,
            ..Signature::BASE
        },
        Signature {
            anchors: &["exist"],
            pattern: r#"\b(?:HTTP\s*)?404:?\s*"?Repository Does Not Exist"#,
            scope: Scope::Ecr,
            confidence: 0.9,
            ..Signature::BASE
        },
        Signature {
            anchors: &["404"],
            pattern: r"\bunexpected status(?: code)?(?: from (?:POST|PUT|PATCH) request to)? \S+/blobs/uploads/\S*:?\s*404 Not Found",
            scope: Scope::NeedsEcr,
            confidence: 0.75,
            ..Signature::BASE
        },
        Signature {
            anchors: &["repository"],
            pattern: r"\bAPI error \(404\): repository (?P<image>\S+) not found\b",
            scope: Scope::NeedsEcr,
            confidence: 0.75,
            precise: false,
            ..Signature::BASE
        },
        Signature {
            anchors: &["unknown"],
            pattern: r"\bname[ _]unknown\b",
            scope: Scope::NeedsEcr,
            confidence: 0.8,
            ..Signature::BASE
        },
        // BuildKit's push whose first blob check is refused: ECR answers 403, not 404, for a
        // repository that does not exist when the pusher's policy names only existing ones.
        Signature {
            anchors: &["forbidden"],
            pattern: r"\bfailed to push (?P<image>\S+?): unexpected status from HEAD request (?:to )?\S+:? 403 Forbidden",
            scope: Scope::EcrUnlessForeign,
            confidence: 0.6,
            ..Signature::BASE
        },
        // Terraform's AWS provider: `reading ECR Repository (name): couldn't find resource`.
        Signature {
            anchors: &["couldn", "empty"],
            pattern: r#"\b(?:reading|describing|finding) ECR Repository \(?(?P<repository>[a-z0-9][a-z0-9._/-]*)\)?:?\s*(?:couldn't find resource|empty result)"#,
            scope: Scope::Ecr,
            confidence: 0.85,
            ..Signature::BASE
        },
    ],
    remedies: &[
        remedy(
            "Check the exact name, Region and account",
            "aws ecr describe-repositories --repository-names {repository} --region {region} --registry-id {registry_id}\naws sts get-caller-identity",
        ),
        remedy(
            "Create the repository",
            "aws ecr create-repository --repository-name {repository} --region {region}",
        ),
        remedy(
            "Or let pushes create repositories: a creation template applied on push",
            "aws ecr create-repository-creation-template --prefix ROOT --applied-for CREATE_ON_PUSH --region {region} --description \"create repositories on first push\"",
        ),
    ],
    references: &[
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/common-errors.html",
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-create.html",
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-creation-templates.html",
    ],
    examples: &[
        "An error occurred (RepositoryNotFoundException) when calling the DescribeRepositories operation: The repository with name 'my-app' does not exist in the registry with id '123456789012'",
        "name unknown: The repository with name 'team/app' does not exist in the registry with id '123456789012'",
        "Error response from daemon: repository 123456789012.dkr.ecr.us-east-1.amazonaws.com/app not found: name unknown: The repository with name 'app' does not exist in the registry with id '123456789012'",
        "HTTP 404: \"Repository Does Not Exist\"",
        "Error: reading ECR Repository (team/api): couldn't find resource\n  with data.aws_ecr_repository.api",
        "ERROR: failed to solve: failed to push 111122223333.dkr.ecr.eu-north-1.amazonaws.com/web/frontend:9f1c2a: unexpected status from HEAD request to https://111122223333.dkr.ecr.eu-north-1.amazonaws.com/v2/web/frontend/blobs/sha256:0a1b: 403 Forbidden",
    ],
    near_misses: near_misses(&[
        "Could not list tags: name unknown: repository name not known to registry harbor.example.com",
        "An error occurred (RepositoryDoesNotExistException) when calling the GetRepository operation: my-repo does not exist",
    ]),
};
