use super::*;

/// `lambda-image-unsupported`: Lambda will not use the given image URI.
pub const FAMILY: Family = Family {
    id: "lambda-image-unsupported",
    title: "Lambda cannot use this image as the function's source",
    http_status: Some(400),
    stage: Stage::Api,
    umbrella: false,
    explanation: "Lambda rejected the function's image URI: Lambda only runs container images stored in a private ECR repository of the same Region (and the same account, or one whose repository policy allows Lambda).",
    causes: "The URI is not a full private ECR URI (a bare `name:tag`, a Docker Hub image, or an ECR Public `public.ecr.aws/...` image); the repository is in another Region; a cross-account repository policy does not allow Lambda; the image is a multi-architecture index or uses an unsupported media type.",
    signatures: &[
        Signature {
            anchors: &["provide"],
            pattern: r"\bSource image (?P<image>\S+) is not valid\. Provide a valid source image",
            scope: Scope::Ecr,
            confidence: 0.9,
            ..Signature::BASE
        },
        Signature {
            anchors: &["unsupportedimagelayerdetected", "imagelayerfailure"],
            pattern: r"\b(?:UnsupportedImageLayerDetected|ImageLayerFailure)\b",
            scope: Scope::Ecr,
            confidence: 0.85,
            ..Signature::BASE
        },
        Signature {
            anchors: &["media", "manifest"],
            pattern: r"\bThe image manifest(?:, config)? or layer media type for the source image(?: \S+){0,3}? is not supported",
            scope: Scope::Ecr,
            confidence: 0.9,
            ..Signature::BASE
        },
        Signature {
            anchors: &["caller"],
            pattern: r#"\bImage repository must be in the same account as the caller\b"#,
            scope: Scope::Ecr,
            confidence: 0.85,
            ..Signature::BASE
        },
    ],
    remedies: &[
        remedy(
            "Lambda rejects some layer formats (zstd-compressed, OCI artifacts): rebuild for linux/amd64 or arm64 with gzip layers and the Docker v2 media types",
            "docker buildx build --platform linux/amd64 --provenance=false --output type=image,name={registry}/{repository}:<tag>,oci-mediatypes=false,compression=gzip,push=true .",
        ),
        remedy(
            "Copy the image into a private ECR repository in the function's Region and use its full URI",
            "aws ecr create-repository --repository-name {repository} --region {region}\ndocker pull <source-image>\ndocker tag <source-image> {registry}/{repository}:<tag>\ndocker push {registry}/{repository}:<tag>\naws lambda update-function-code --function-name <function> --image-uri {registry}/{repository}:<tag>",
        ),
    ],
    references: &[
        "https://docs.aws.amazon.com/lambda/latest/dg/images-create.html",
        "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-images.html",
    ],
    examples: &[
        "InvalidParameterValueException: Source image public.ecr.aws/team/fn:main is not valid. Provide a valid source image.",
        "An error occurred (InvalidParameterValueException) when calling the UpdateFunctionCode operation: Image repository must be in the same account as the caller",
    ],
    near_misses: near_misses(&["InvalidParameterValueException: The runtime parameter of python2.7 is no longer supported"]),
};
