use super::*;

/// `sam-image-upload-error`: `sam deploy`/`sam package` could not push a function's image.
pub const FAMILY: Family = Family {
    id: "sam-image-upload-error",
    title: "SAM could not upload the function's container image",
    http_status: None,
    stage: Stage::Wrapper,
    umbrella: true,
    explanation: "The AWS SAM CLI pushes each function of package type Image to ECR before deploying, and that push failed. `Image not found for ImageUri` means SAM found no local image for the function; when SAM quotes a registry error after its own message, that error (and its finding, listed first) is the reason.",
    causes: "`sam build` was not run, or ran for another template or architecture, so the local image tagged for the function does not exist; the template's `ImageUri` or Metadata (DockerTag, DockerContext, Dockerfile) points at another name; no `--image-repository`/`--resolve-image-repos` for the function; Docker not running; the push itself refused (not logged in to ECR, no permission, repository missing).",
    signatures: &[
        Signature {
            anchors: &["imageuri"],
            pattern: r"\bUnable to upload artifact \S+ referenced by ImageUri parameter of \S+ resource\b",
            scope: Scope::Ecr,
            confidence: 0.9,
            ..Signature::BASE
        },
        Signature {
            anchors: &["imageuri"],
            pattern: r"\bImage not found for ImageUri parameter of \S+ resource\b",
            scope: Scope::Ecr,
            confidence: 0.9,
            ..Signature::BASE
        },
        Signature {
            anchors: &["dockerpushfailederror"],
            pattern: r#"\bDockerPushFailedError\b"#,
            scope: Scope::Ecr,
            confidence: 0.85,
            ..Signature::BASE
        },
        Signature {
            anchors: &["uri"],
            pattern: r#"\bInvalid Image Repository ECR URI\b"#,
            scope: Scope::Ecr,
            confidence: 0.9,
            ..Signature::BASE
        },
    ],
    remedies: &[
        remedy(
            "Build the images first, for the template you deploy",
            "sam build --use-container\nsam deploy --resolve-image-repos --region {region}",
        ),
        remedy(
            "Or name the repository to push to, and log Docker in to it",
            "aws ecr get-login-password --region {region} | docker login --username AWS --password-stdin {registry}\nsam deploy --image-repository {registry}/{repository} --region {region}",
        ),
        remedy(
            "See which images exist locally",
            "docker image ls",
        ),
    ],
    references: &[
        "https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-cli-command-reference-sam-deploy.html",
        "https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-cli-command-reference-sam-build.html",
    ],
    examples: &[
        "Error: Unable to upload artifact thumbnailer:python3.12-v1 referenced by ImageUri parameter of ThumbnailFunction resource.",
        "Image not found for ImageUri parameter of ResizeFunction resource.",
        "Error: Invalid value for '--image-repository': Invalid Image Repository ECR URI: 111122223333.dkr.ecr.us-east-1.amazonaws.com/fns/resize:latest",
        "samcli.commands.package.exceptions.DockerPushFailedError: 500 Server Error: Internal Server Error (\"manifest blob unknown\")",
    ],
    near_misses: near_misses(&["Error: Unable to upload artifact ./src referenced by CodeUri parameter of ApiFunction resource."]),
};
