use super::*;

/// `manifest-rejected`: ECR refused an image or cache manifest as invalid (400).
pub const FAMILY: Family = Family {
    id: "manifest-rejected",
    title: "ECR rejected the manifest (400 Bad Request on push)",
    http_status: Some(400),
    stage: Stage::Api,
    umbrella: false,
    explanation: "The layers were pushed, but ECR refused the manifest that ties them together{repository_q}: its format or media type is not one ECR accepts, or it may not be written under that tag.",
    causes: "BuildKit's registry cache (`--cache-to type=registry`) writes a cache manifest ECR does not accept unless it is exported as an image manifest (`image-manifest=true,oci-mediatypes=true`); old Docker schema1 manifests; a manifest list whose referenced images are missing; an immutable tag that already exists (ECR answers 400 there too); a tag with characters ECR does not allow (tags are up to 128 of `A-Za-z0-9_.-`, so no `+`).",
    signatures: &[
        Signature {
            anchors: &["errors"],
            pattern: r#"\{\s*"errors"\s*:\s*\[\s*\{\s*"code"\s*:\s*"(?:MANIFEST_INVALID|MANIFEST_BLOB_UNKNOWN|UNSUPPORTED)""#,
            scope: Scope::NeedsEcr,
            confidence: 0.85,
            ..Signature::BASE
        },
        Signature {
            anchors: &["400"],
            pattern: r"\b(?:unexpected status(?: code)?(?: from (?:PUT|HEAD|GET) request to)? \S+/manifests/\S+?|(?:PUT|HEAD|GET) \S+/manifests/\S+?: unexpected status(?: code)?):? 400 Bad Request",
            scope: Scope::NeedsEcr,
            confidence: 0.8,
            ..Signature::BASE
        },
        Signature {
            anchors: &["manifest"],
            pattern: r"\bmanifest[ _]invalid\b",
            scope: Scope::NeedsEcr,
            confidence: 0.8,
            ..Signature::BASE
        },
        Signature {
            anchors: &["commit"],
            pattern: r#"\bfailed commit on ref "?[^"\s]*"?: unexpected status(?: code)?(?: from PUT request to \S+)?:? 400 Bad Request"#,
            scope: Scope::EcrUnlessForeign,
            confidence: 0.65,
            ..Signature::BASE
        },
    ],
    remedies: &[
        remedy(
            "Export BuildKit's cache to ECR as an image manifest",
            "docker buildx build --cache-to mode=max,image-manifest=true,oci-mediatypes=true,type=registry,ref={registry}/{repository}:cache --cache-from type=registry,ref={registry}/{repository}:cache --push -t {registry}/{repository}:<tag> .",
        ),
        remedy(
            "If the tag is immutable and already exists, push under a new tag",
            "aws ecr describe-repositories --repository-names {repository} --region {region} --query 'repositories[].imageTagMutability'",
        ),
    ],
    references: &[
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-push.html",
        "https://docs.docker.com/build/cache/backends/registry/",
    ],
    examples: &[
        "ERROR: failed to solve: error writing manifest blob: failed commit on ref \"sha256:0f3c\": unexpected status from PUT request to https://111122223333.dkr.ecr.us-east-1.amazonaws.com/v2/web/manifests/buildcache: 400 Bad Request",
        "error: failed to solve: failed commit on ref \"manifest-sha256:0a1b2c\": unexpected status from PUT request to https://111122223333.dkr.ecr.eu-west-1.amazonaws.com/v2/api/manifests/v3: 400 Bad Request",
    ],
    near_misses: near_misses(&["error: unexpected status from PUT request to https://ghcr.io/v2/acme/web/manifests/cache: 400 Bad Request"]),
};
