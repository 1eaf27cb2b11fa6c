use super::*;

/// `image-not-found`: the repository exists but not the tag or digest asked for.
pub const FAMILY: Family = Family {
    id: "image-not-found",
    title: "The image (tag or digest) is not in the repository",
    http_status: Some(404),
    stage: Stage::Api,
    umbrella: false,
    explanation: "The repository{repository_q} exists, but holds no image with the requested tag or digest (Docker: `manifest unknown: Requested image not found`; the API: ImageNotFoundException).",
    causes: "The tag was never pushed (a failed or skipped build step) or was pushed to another Region or account; a lifecycle policy expired it; a typo in the tag; ECS pins the digest resolved at deployment, so a moved or deleted tag breaks new tasks; with a pull-through cache, a missing `ecr:BatchImportUpstreamImage` permission is also reported as not found.",
    signatures: &[
        // A batch call's failures[] (HTTP 200, exit code 0), and the registry's JSON error body.
        Signature {
            anchors: &["failurecode"],
            pattern: r#"\bfailureCode['"]?\s*[:=]\s*['"]?ImageNotFound\b"#,
            scope: Scope::EcrUnlessForeign,
            confidence: 0.9,
            ..Signature::BASE
        },
        Signature {
            anchors: &["errors"],
            pattern: r#"\{\s*"errors"\s*:\s*\[\s*\{\s*"code"\s*:\s*"MANIFEST_UNKNOWN""#,
            scope: Scope::NeedsEcr,
            confidence: 0.85,
            ..Signature::BASE
        },
        Signature {
            anchors: &["imagenotfoundexception"],
            pattern: r"\bImageNotFoundException\b",
            scope: Scope::Ecr,
            confidence: 0.95,
            ..Signature::BASE
        },
        Signature {
            anchors: &["requested"],
            pattern: r"\bmanifest[ _]unknown:?\s+Requested image not found",
            scope: Scope::Ecr,
            confidence: 0.95,
            ..Signature::BASE
        },
        Signature {
            anchors: &["imageid"],
            pattern: r"\bThe image with imageId .{0,160}?does not exist within the repository with name '(?P<repository>[^']+)'",
            scope: Scope::Ecr,
            confidence: 0.95,
            ..Signature::BASE
        },
        Signature {
            anchors: &["manifest"],
            pattern: r"\bmanifest for (?P<image>\S+) not found\b",
            scope: Scope::NeedsEcr,
            confidence: 0.85,
            ..Signature::BASE
        },
        // Docker before 1.10, which names the image without its registry host.
        Signature {
            anchors: &["image"],
            pattern: r"\bError: image (?P<repository>[a-z0-9][a-z0-9._/-]*)(?::[\w.-]+)? not found\b",
            scope: Scope::NeedsEcr,
            confidence: 0.8,
            ..Signature::BASE
        },
        Signature {
            anchors: &["provide"],
            pattern: r"\bSource image (?P<image>\S+) does not exist\. Provide a valid source image",
            scope: Scope::Ecr,
            confidence: 0.9,
            ..Signature::BASE
        },
        Signature {
            anchors: &["resolve"],
            pattern: r#"\bfailed to resolve (?:ref(?:erence)?|source metadata for):? "?(?P<image>[^"\s]+?)"?: (?:\S+: )?(?:not found|manifest unknown)\b"#,
            scope: Scope::NeedsEcr,
            confidence: 0.85,
            ..Signature::BASE
        },
        Signature {
            anchors: &["manifest"],
            pattern: r"\bpull image manifest has been retried \d+ time\(s\): failed to resolve ref\b.{0,300}?\bnot found\b",
            scope: Scope::EcrUnlessForeign,
            confidence: 0.8,
            ..Signature::BASE
        },
        Signature {
            anchors: &["couldn", "empty"],
            pattern: r#"\b(?:reading|describing|finding) ECR Image\b.{0,160}?(?:couldn't find resource|empty result)"#,
            scope: Scope::Ecr,
            confidence: 0.85,
            ..Signature::BASE
        },
        Signature {
            anchors: &["content"],
            pattern: r#"\bcontent at https?://\S+/v2/\S+?/manifests/\S+ not found\b"#,
            scope: Scope::NeedsEcr,
            confidence: 0.8,
            ..Signature::BASE
        },
    ],
    remedies: &[
        remedy_when(
            "The image is on ECR Public: check the repository and its tags in the gallery",
            "https://gallery.ecr.aws/{repository}",
            When::Is("registry", "public.ecr.aws"),
        ),
        remedy_when(
            "List what the repository really holds",
            "aws ecr list-images --repository-name {repository} --region {region}\naws ecr describe-images --repository-name {repository} --region {region} --query 'sort_by(imageDetails,&imagePushedAt)[-5:].[imageTags,imageDigest,imagePushedAt]'",
            When::IsNot("registry", "public.ecr.aws"),
        ),
        remedy_when(
            "Check whether a lifecycle policy expires images",
            "aws ecr get-lifecycle-policy --repository-name {repository} --region {region}",
            When::IsNot("registry", "public.ecr.aws"),
        ),
        remedy(
            "Push the missing tag (or point the deployment at one that exists)",
            "docker push {registry}/{repository}:<tag>",
        ),
    ],
    references: &[
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/common-errors-docker.html",
        "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_cannot_pull_image.html",
    ],
    examples: &[
        "CannotPullContainerError: inspect image has been retried 1 time(s): failed to resolve ref \"123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v7\": 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v7: not found",
        "MANIFEST_UNKNOWN: Requested image not found",
        "Error response from daemon: manifest for 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v9 not found: manifest unknown: Requested image not found",
        "ImageNotFoundException: The image with imageId {imageDigest:'null', imageTag:'latest'} does not exist within the repository with name 'app' in the registry with id '123456789012'",
        "ERROR: httpReadSeeker: failed open: content at https://public.ecr.aws/v2/team/app/manifests/sha256:0a1b not found: not found",
        "DEBUG - Response body:\nb'{\"failures\":[{\"failureCode\":\"ImageNotFound\",\"failureReason\":\"Requested image not found\",\"imageId\":{\"imageTag\":\"v9\"}}],\"images\":[]}'",
        "Error: reading ECR Image (team/api:v2): couldn't find resource\n  with data.aws_ecr_image.api",
    ],
    near_misses: near_misses(&[
        "docker.exe: Error response from daemon: manifest for someuser/app:2 not found: manifest unknown: manifest unknown.",
    ]),
};
