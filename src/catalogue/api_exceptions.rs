//! The remaining exceptions of the ECR API, one entry each: what the API means by it and the
//! usual fix. Ids are the exception names in kebab-case without `Exception`.

use super::*;

/// One API exception entry: the exception's own name is its signature.
macro_rules! api_exception {
    (
        $name:ident, id: $id:literal, code: $code:literal, anchor: $anchor:literal,
        scope: $scope:expr, stage: $stage:expr, title: $title:literal,
        means: $means:literal, causes: $causes:literal,
        fix: ($fix_title:literal, $fix:literal), reference: $reference:expr,
        example: $example:literal, near_miss: $near:literal
        $(, also: ($also_anchor:literal, $also:literal))* $(,)?
    ) => {
        pub const $name: Family = Family {
            id: $id,
            title: $title,
            http_status: Some(400),
            stage: $stage,
            umbrella: false,
            explanation: $means,
            causes: $causes,
            signatures: &[
                Signature {
                    anchors: &[$anchor],
                    pattern: concat!(r"\b", $code, r"\b"),
                    scope: $scope,
                    confidence: 0.9,
                    // Codes every AWS service uses say less than a specific message next to them.
                    precise: !matches!($scope, Scope::NeedsEcr),
                    ..Signature::BASE
                },
                // The message alone, where a tool printed it without the exception's name.
                $(Signature {
                    anchors: &[$also_anchor],
                    pattern: $also,
                    scope: Scope::EcrUnlessForeign,
                    confidence: 0.85,
                    ..Signature::BASE
                },)*
            ],
            remedies: &[remedy($fix_title, $fix)],
            references: &[$reference],
            examples: &[$example],
            near_misses: near_misses(&[$near]),
        };
    };
}

const API: &str = "https://docs.aws.amazon.com/AmazonECR/latest/APIReference/CommonErrors.html";

api_exception!(REPOSITORY_NOT_EMPTY, id: "repository-not-empty", code: "RepositoryNotEmptyException", anchor: "repositorynotemptyexception",
    scope: Scope::Ecr, stage: Stage::Api, title: "The repository still contains images, so it was not deleted",
    means: "DeleteRepository refuses to delete a repository that still holds images unless forced.",
    causes: "Deleting a repository (by hand or from CloudFormation, CDK, Terraform) without `--force` / `emptyOnDelete` / `force_delete`.",
    fix: ("Delete it with its images (irreversible), or empty it first", "aws ecr delete-repository --repository-name {repository} --force --region {region}"),
    reference: "https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_DeleteRepository.html",
    example: "An error occurred (RepositoryNotEmptyException) when calling the DeleteRepository operation: The repository with name 'app' in registry with id '123456789012' cannot be deleted because it still contains images",
    near_miss: "The repository is empty.",
    also: ("contains", r"\bcannot be deleted because it still contains images\b"));

api_exception!(REPOSITORY_ALREADY_EXISTS, id: "repository-already-exists", code: "RepositoryAlreadyExistsException", anchor: "repositoryalreadyexistsexception",
    scope: Scope::Ecr, stage: Stage::Benign, title: "The repository already exists (often harmless)",
    means: "CreateRepository was called for a repository name that already exists in this registry. Scripts that create before pushing usually ignore it.",
    causes: "A create step that is not idempotent; infrastructure code (CloudFormation, CDK, Terraform) that does not know the repository exists: import it into the stack, or let the stack use the existing one.",
    fix: ("Create only when missing", "aws ecr describe-repositories --repository-names {repository} --region {region} >/dev/null 2>&1 || aws ecr create-repository --repository-name {repository} --region {region}"),
    reference: "https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html",
    example: "An error occurred (RepositoryAlreadyExistsException) when calling the CreateRepository operation: The repository with name 'app' already exists in the registry with id '123456789012'",
    near_miss: "Repository created.",
    also: ("exists", r"\brepository with name '(?P<repository>[^']+)' already exists in the registry\b"),
    also: ("exists", r"\bAWS::ECR::Repository\b.{0,200}?\balready exists\b"));

api_exception!(REPOSITORY_POLICY_NOT_FOUND, id: "repository-policy-not-found", code: "RepositoryPolicyNotFoundException", anchor: "repositorypolicynotfoundexception",
    scope: Scope::Ecr, stage: Stage::Benign, title: "The repository has no repository policy (often harmless)",
    means: "GetRepositoryPolicy found no policy on the repository. Nothing is broken unless another account or service needs access.",
    causes: "No repository policy was ever set; tools probe for it and print the exception.",
    fix: ("Set one if another account or a service must pull", "aws ecr set-repository-policy --repository-name {repository} --policy-text file://policy.json --region {region}"),
    reference: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html",
    example: "An error occurred (RepositoryPolicyNotFoundException) when calling the GetRepositoryPolicy operation: Repository policy does not exist for the repository with name 'app' in the registry with id '123456789012'",
    near_miss: "An error occurred (LifecyclePolicyNotFoundException) when calling the GetLifecyclePolicy operation: Lifecycle policy does not exist",
    also: ("exist", r"\bRepository policy does not exist for the repository\b"));

api_exception!(LIFECYCLE_POLICY_NOT_FOUND, id: "lifecycle-policy-not-found", code: "LifecyclePolicyNotFoundException", anchor: "lifecyclepolicynotfoundexception",
    scope: Scope::Ecr, stage: Stage::Benign, title: "The repository has no lifecycle policy (often harmless)",
    means: "GetLifecyclePolicy found no lifecycle policy on the repository.",
    causes: "No lifecycle policy was ever set; tools probe for it.",
    fix: ("Add one to expire old images", "aws ecr put-lifecycle-policy --repository-name {repository} --lifecycle-policy-text file://lifecycle.json --region {region}"),
    reference: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html",
    example: "An error occurred (LifecyclePolicyNotFoundException) when calling the GetLifecyclePolicy operation: Lifecycle policy does not exist for the repository with name 'app' in the registry with id '123456789012'",
    near_miss: "An error occurred (LifecyclePolicyPreviewNotFoundException) when calling the GetLifecyclePolicyPreview operation: There is no dry run for this repository.",
    also: ("exist", r"\bLifecycle policy does not exist for the repository\b"));

api_exception!(LIFECYCLE_POLICY_PREVIEW_NOT_FOUND, id: "lifecycle-policy-preview-not-found", code: "LifecyclePolicyPreviewNotFoundException", anchor: "lifecyclepolicypreviewnotfoundexception",
    scope: Scope::Ecr, stage: Stage::Api, title: "There is no lifecycle policy preview for this repository",
    means: "GetLifecyclePolicyPreview found no dry run: a preview must be started first.",
    causes: "Asking for preview results before StartLifecyclePolicyPreview, or after they expired.",
    fix: ("Start a preview, then read it", "aws ecr start-lifecycle-policy-preview --repository-name {repository} --region {region}\naws ecr get-lifecycle-policy-preview --repository-name {repository} --region {region}"),
    reference: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/lpp_creation.html",
    example: "An error occurred (LifecyclePolicyPreviewNotFoundException) when calling the GetLifecyclePolicyPreview operation: There is no dry run for this repository.",
    near_miss: "An error occurred (LifecyclePolicyNotFoundException) when calling the GetLifecyclePolicy operation: Lifecycle policy does not exist");

api_exception!(LIFECYCLE_POLICY_PREVIEW_IN_PROGRESS, id: "lifecycle-policy-preview-in-progress", code: "LifecyclePolicyPreviewInProgressException", anchor: "lifecyclepolicypreviewinprogressexception",
    scope: Scope::Ecr, stage: Stage::Api, title: "A lifecycle policy preview is still running",
    means: "The previous lifecycle policy preview of this repository has not finished.",
    causes: "Starting a new preview, or changing the policy, while one is in progress.",
    fix: ("Wait for it to finish", "aws ecr get-lifecycle-policy-preview --repository-name {repository} --region {region} --query status"),
    reference: API,
    example: "An error occurred (LifecyclePolicyPreviewInProgressException) when calling the StartLifecyclePolicyPreview operation: The previous lifecycle policy preview request has not completed",
    near_miss: "Lifecycle policy preview complete.");

api_exception!(REGISTRY_POLICY_NOT_FOUND, id: "registry-policy-not-found", code: "RegistryPolicyNotFoundException", anchor: "registrypolicynotfoundexception",
    scope: Scope::Ecr, stage: Stage::Benign, title: "The registry has no registry policy",
    means: "GetRegistryPolicy found no registry-wide policy. Only cross-account replication and pull-through cache need one.",
    causes: "No registry policy set; a replication source account expects the destination to allow `ecr:ReplicateImage`.",
    fix: ("Set one (registry policies allow only ecr:ReplicateImage, ecr:BatchImportUpstreamImage, ecr:CreateRepository)", "aws ecr put-registry-policy --policy-text file://registry-policy.json --region {region}"),
    reference: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry-permissions.html",
    example: "An error occurred (RegistryPolicyNotFoundException) when calling the GetRegistryPolicy operation: Registry policy does not exist in the registry with id '123456789012'",
    near_miss: "An error occurred (RepositoryPolicyNotFoundException) when calling the GetRepositoryPolicy operation: Repository policy does not exist");

api_exception!(LAYERS_NOT_FOUND, id: "layers-not-found", code: "LayersNotFoundException", anchor: "layersnotfoundexception",
    scope: Scope::Ecr, stage: Stage::Api, title: "The image's layers are not in the repository",
    means: "The specified layers could not be found, or are not valid for this repository.",
    causes: "PutImage (or a copy tool) sent a manifest whose layers were never uploaded to this repository; a cross-repository mount that did not happen.",
    fix: ("Push the whole image again (layers before the manifest)", "docker push {registry}/{repository}:<tag>"),
    reference: API,
    example: "An error occurred (LayersNotFoundException) when calling the GetDownloadUrlForLayer operation: The specified layers could not be found",
    near_miss: "An error occurred (LayerInaccessibleException) when calling the GetDownloadUrlForLayer operation: The specified layer is not available");

api_exception!(LAYER_INACCESSIBLE, id: "layer-inaccessible", code: "LayerInaccessibleException", anchor: "layerinaccessibleexception",
    scope: Scope::Ecr, stage: Stage::Api, title: "The layer is not associated with an image",
    means: "The layer exists but belongs to no image; unassociated layers may be cleaned up at any time.",
    causes: "A push that uploaded layers but never completed PutImage; reading a layer by digest after its image was deleted.",
    fix: ("Push the image again so its layers are referenced", "docker push {registry}/{repository}:<tag>"),
    reference: API,
    example: "An error occurred (LayerInaccessibleException) when calling the GetDownloadUrlForLayer operation: The specified layer is not available because it is not associated with an image.",
    near_miss: "An error occurred (LayersNotFoundException) when calling the BatchCheckLayerAvailability operation: layers not found");

api_exception!(LAYER_ALREADY_EXISTS, id: "layer-already-exists", code: "LayerAlreadyExistsException", anchor: "layeralreadyexistsexception",
    scope: Scope::Ecr, stage: Stage::Benign, title: "The layer is already in the repository (harmless)",
    means: "CompleteLayerUpload was called for a layer the repository already has.",
    causes: "Raw API uploads that skip BatchCheckLayerAvailability; Docker handles this by itself.",
    fix: ("Check layers before uploading them", "aws ecr batch-check-layer-availability --repository-name {repository} --layer-digests <digest> --region {region}"),
    reference: API,
    example: "An error occurred (LayerAlreadyExistsException) when calling the CompleteLayerUpload operation: The image layer already exists in the associated repository",
    near_miss: "a3483ce177ce: Layer already exists");

api_exception!(LAYER_PART_TOO_SMALL, id: "layer-part-too-small", code: "LayerPartTooSmallException", anchor: "layerparttoosmallexception",
    scope: Scope::Ecr, stage: Stage::Api, title: "A layer part is smaller than 5 MiB",
    means: "Every part of a multipart layer upload except the last must be at least 5 MiB.",
    causes: "A custom uploader splitting layers into small parts.",
    fix: ("Upload parts of 5 to 10 MiB (only the last may be smaller)", "aws ecr upload-layer-part --repository-name {repository} --upload-id <id> --part-first-byte 0 --part-last-byte 5242879 --layer-part-blob fileb://part1 --region {region}"),
    reference: "https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_UploadLayerPart.html",
    example: "An error occurred (LayerPartTooSmallException) when calling the UploadLayerPart operation: Layer part size must be at least 5 MiB",
    near_miss: "An error occurred (InvalidLayerPartException) when calling the UploadLayerPart operation: invalid part");

api_exception!(INVALID_LAYER_PART, id: "invalid-layer-part", code: "InvalidLayerPartException", anchor: "invalidlayerpartexception",
    scope: Scope::Ecr, stage: Stage::Api, title: "A layer part is invalid or out of order",
    means: "The layer part's byte range does not follow the previous part, or the upload ID does not match.",
    causes: "Parts uploaded out of order or overlapping; a reused upload ID.",
    fix: ("Restart the layer upload", "aws ecr initiate-layer-upload --repository-name {repository} --region {region}"),
    reference: "https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_UploadLayerPart.html",
    example: "An error occurred (InvalidLayerPartException) when calling the UploadLayerPart operation: The layer part is not valid",
    near_miss: "An error occurred (LayerPartTooSmallException) when calling the UploadLayerPart operation: too small");

api_exception!(INVALID_LAYER, id: "invalid-layer", code: "InvalidLayerException", anchor: "invalidlayerexception",
    scope: Scope::Ecr, stage: Stage::Api, title: "The uploaded layer does not match its digest",
    means: "The digest computed from the uploaded layer does not match the digest given to CompleteLayerUpload.",
    causes: "A corrupted or truncated upload (proxies, flaky networks); a wrong digest in a custom uploader.",
    fix: ("Push again", "docker push {registry}/{repository}:<tag>"),
    reference: API,
    example: "An error occurred (InvalidLayerException) when calling the CompleteLayerUpload operation: The layer digest calculation performed by Amazon ECR does not match the digest specified",
    near_miss: "An error occurred (InvalidLayerPartException) when calling the UploadLayerPart operation: invalid part",
    also: ("failurecode", r#"\bfailureCode['"]?\s*[:=]\s*['"]?(?:InvalidLayerDigest|MissingLayerDigest)\b"#));

api_exception!(EMPTY_UPLOAD, id: "empty-upload", code: "EmptyUploadException", anchor: "emptyuploadexception",
    scope: Scope::Ecr, stage: Stage::Api, title: "The layer upload has no parts",
    means: "CompleteLayerUpload was called before any part was uploaded.",
    causes: "A custom uploader that skipped UploadLayerPart or lost the upload.",
    fix: ("Upload the parts, then complete", "aws ecr upload-layer-part --repository-name {repository} --upload-id <id> --part-first-byte 0 --part-last-byte <n> --layer-part-blob fileb://layer --region {region}"),
    reference: API,
    example: "An error occurred (EmptyUploadException) when calling the CompleteLayerUpload operation: The specified layer upload does not contain any layer parts",
    near_miss: "An error occurred (UploadNotFoundException) when calling the CompleteLayerUpload operation: upload not found");

api_exception!(UPLOAD_NOT_FOUND, id: "upload-not-found", code: "UploadNotFoundException", anchor: "uploadnotfoundexception",
    scope: Scope::Ecr, stage: Stage::Api, title: "The layer upload ID is unknown or expired",
    means: "The upload ID does not match an upload in progress in this repository.",
    causes: "An upload that expired or was completed already; the wrong repository.",
    fix: ("Start a new upload", "aws ecr initiate-layer-upload --repository-name {repository} --region {region}"),
    reference: API,
    example: "An error occurred (UploadNotFoundException) when calling the UploadLayerPart operation: The upload could not be found, or the specified upload ID is not valid for this repository",
    near_miss: "An error occurred (EmptyUploadException) when calling the CompleteLayerUpload operation: empty");

api_exception!(IMAGE_DIGEST_DOES_NOT_MATCH, id: "image-digest-does-not-match", code: "ImageDigestDoesNotMatchException", anchor: "imagedigestdoesnotmatchexception",
    scope: Scope::Ecr, stage: Stage::Api, title: "The image manifest does not match the digest given",
    means: "PutImage was given an image digest that is not the digest of the manifest sent.",
    causes: "A manifest re-serialised (whitespace changed) after its digest was computed.",
    fix: ("Send the manifest bytes exactly as digested, or omit the digest", "aws ecr put-image --repository-name {repository} --image-manifest file://manifest.json --image-tag <tag> --region {region}"),
    reference: "https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_PutImage.html",
    example: "An error occurred (ImageDigestDoesNotMatchException) when calling the PutImage operation: The specified image digest does not match the digest that Amazon ECR calculated for the image.",
    near_miss: "An error occurred (ImageNotFoundException) when calling the BatchGetImage operation: not found",
    also: ("failurecode", r#"\bfailureCode['"]?\s*[:=]\s*['"]?ImageTagDoesNotMatchDigest\b"#));

api_exception!(REFERENCED_IMAGES_NOT_FOUND, id: "referenced-images-not-found", code: "ReferencedImagesNotFoundException", anchor: "referencedimagesnotfoundexception",
    scope: Scope::Ecr, stage: Stage::Api, title: "The manifest list references images that are not in the repository",
    means: "A multi-architecture index was pushed before the images it lists.",
    causes: "Pushing the index first, or its images to another repository.",
    fix: ("Push each platform image, then the index", "docker buildx build --platform linux/amd64,linux/arm64 -t {registry}/{repository}:<tag> --push ."),
    reference: API,
    example: "An error occurred (ReferencedImagesNotFoundException) when calling the PutImage operation: Some of the images referenced by the manifest list were not found",
    near_miss: "An error occurred (ImageNotFoundException) when calling the BatchGetImage operation: not found");

api_exception!(UNSUPPORTED_IMAGE_TYPE, id: "unsupported-image-type", code: "UnsupportedImageTypeException", anchor: "unsupportedimagetypeexception",
    scope: Scope::Ecr, stage: Stage::Api, title: "This image type cannot be scanned",
    means: "Image scanning does not support this image's type or operating system.",
    causes: "Scanning an index, a non-image artifact (Helm chart, signature) or an unsupported OS.",
    fix: ("Scan the platform images instead", "aws ecr describe-images --repository-name {repository} --region {region} --query 'imageDetails[].[imageTags,imageManifestMediaType]'"),
    reference: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html",
    example: "An error occurred (UnsupportedImageTypeException) when calling the StartImageScan operation: The image type is not supported",
    near_miss: "An error occurred (ScanNotFoundException) when calling the DescribeImageScanFindings operation: no scan",
    also: ("scanned", r"\bAn artifact with media type '[^']+' cannot be scanned"));

api_exception!(INVALID_PARAMETER, id: "invalid-parameter", code: "InvalidParameterException", anchor: "invalidparameterexception",
    scope: Scope::NeedsEcr, stage: Stage::Api, title: "ECR rejected a parameter of the request",
    means: "A parameter does not satisfy the API's constraints (the message names it: repository names must be lowercase, 2 to 256 characters, `[a-z0-9._/-]`).",
    causes: "Uppercase letters or invalid characters in a repository name or prefix; a malformed policy document; a value out of range.",
    fix: ("Check the name against ECR's pattern", "echo '{repository}' | grep -E '^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$'"),
    reference: API,
    example: "An error occurred (InvalidParameterException) when calling the CreateRepository operation: Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must satisfy regular expression'",
    near_miss: "An error occurred (InvalidParameterException) when calling the RunTask operation: No Container Instances were found in your cluster.",
    also: ("invalid", r"\bInvalid parameter at '[^']+' failed to satisfy constraint\b"),
    // A batch call's failures[] (HTTP 200): the image id it was given is not valid.
    also: ("failurecode", r#"\bfailureCode['"]?\s*[:=]\s*['"]?(?:InvalidImageDigest|InvalidImageTag|MissingDigestAndTag|ImageReferencedByManifestList)\b"#));

api_exception!(VALIDATION, id: "validation", code: "ValidationException", anchor: "validationexception",
    scope: Scope::NeedsEcr, stage: Stage::Api, title: "ECR could not validate the request",
    means: "The request failed validation (a missing or malformed field).",
    causes: "A required parameter missing; an unknown enum value; an SDK or CLI too old for the field used.",
    fix: ("Check the command against the API reference and update the CLI", "aws --version"),
    reference: API,
    example: "An error occurred (ValidationException) when calling the PutRegistryScanningConfiguration operation: 1 validation error detected",
    near_miss: "An error occurred (ValidationException) when calling the CreateStack operation: Template format error");

api_exception!(SERVER, id: "server", code: "ServerException", anchor: "serverexception",
    scope: Scope::NeedsEcr, stage: Stage::Api, title: "ECR had an internal error",
    means: "A server-side error in ECR; the request itself may be fine.",
    causes: "A transient fault in the service.",
    fix: ("Retry with backoff; if it persists, check the AWS Health Dashboard", "export AWS_RETRY_MODE=standard AWS_MAX_ATTEMPTS=5"),
    reference: API,
    example: "An error occurred (ServerException) when calling the DescribeImages operation: Internal error",
    near_miss: "An error occurred (ServerException) when calling the Invoke operation (Lambda): Internal error");

api_exception!(INVALID_TAG_PARAMETER, id: "invalid-tag-parameter", code: "InvalidTagParameterException", anchor: "invalidtagparameterexception",
    scope: Scope::NeedsEcr, stage: Stage::Api, title: "A resource tag is invalid",
    means: "A resource tag's key or value is invalid: keys up to 128 characters, values up to 256.",
    causes: "Too long or invalid characters in `--tags` of create-repository or tag-resource.",
    fix: ("Shorten the tags", "aws ecr tag-resource --resource-arn arn:aws:ecr:{region}:{account_id}:repository/{repository} --tags Key=team,Value=<value>"),
    reference: API,
    example: "An error occurred (InvalidTagParameterException) when calling the TagResource operation: Invalid tag",
    near_miss: "tag invalid: The image tag 'x' is not valid");

api_exception!(TOO_MANY_TAGS, id: "too-many-tags", code: "TooManyTagsException", anchor: "toomanytagsexception",
    scope: Scope::NeedsEcr, stage: Stage::Api, title: "The repository would have more than 50 resource tags",
    means: "A repository can carry at most 50 resource tags (AWS tags, not image tags).",
    causes: "Tag propagation from stacks or organizations adding too many tags.",
    fix: ("Remove tags you do not need", "aws ecr list-tags-for-resource --resource-arn arn:aws:ecr:{region}:{account_id}:repository/{repository}"),
    reference: API,
    example: "An error occurred (TooManyTagsException) when calling the TagResource operation: The list of tags on the repository is over the limit",
    near_miss: "An error occurred (TooManyTagsException) when calling the AddTagsToResource operation (RDS): too many tags");

api_exception!(TEMPLATE_NOT_FOUND, id: "template-not-found", code: "TemplateNotFoundException", anchor: "templatenotfoundexception",
    scope: Scope::NeedsEcr, stage: Stage::Api, title: "No repository creation template has that prefix",
    means: "The repository creation template named by its prefix does not exist.",
    causes: "A wrong prefix, or a template in another Region.",
    fix: ("List the templates", "aws ecr describe-repository-creation-templates --region {region}"),
    reference: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-creation-templates.html",
    example: "An error occurred (TemplateNotFoundException) when calling the DeleteRepositoryCreationTemplate operation: The specified repository creation template does not exist in the registry",
    near_miss: "An error occurred (TemplateNotFoundException) when calling the SendTemplatedEmail operation (SES): Template does not exist");

api_exception!(TEMPLATE_ALREADY_EXISTS, id: "template-already-exists", code: "TemplateAlreadyExistsException", anchor: "templatealreadyexistsexception",
    scope: Scope::NeedsEcr, stage: Stage::Benign, title: "A repository creation template with that prefix already exists",
    means: "The prefix is already used by a repository creation template.",
    causes: "Creating a template twice; use update instead.",
    fix: ("Update the existing template", "aws ecr update-repository-creation-template --prefix <prefix> --region {region}"),
    reference: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-creation-templates.html",
    example: "An error occurred (TemplateAlreadyExistsException) when calling the CreateRepositoryCreationTemplate operation: The repository creation template already exists",
    near_miss: "An error occurred (AlreadyExistsException) when calling the CreateTemplate operation (QuickSight): exists");

api_exception!(PULL_THROUGH_CACHE_RULE_ALREADY_EXISTS, id: "pull-through-cache-rule-already-exists", code: "PullThroughCacheRuleAlreadyExistsException", anchor: "pullthroughcacherulealreadyexistsexception",
    scope: Scope::Ecr, stage: Stage::Benign, title: "A pull-through cache rule with that prefix already exists",
    means: "The registry already has a pull-through cache rule with this repository prefix.",
    causes: "Creating the rule twice; update it instead.",
    fix: ("Update the rule", "aws ecr update-pull-through-cache-rule --ecr-repository-prefix <prefix> --credential-arn <secret-arn> --region {region}"),
    reference: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache.html",
    example: "An error occurred (PullThroughCacheRuleAlreadyExistsException) when calling the CreatePullThroughCacheRule operation: A pull through cache rule with these settings already exists for the private registry",
    near_miss: "Pull through cache rule created.");

api_exception!(BLOCKED_BY_ORGANIZATION_POLICY, id: "blocked-by-organization-policy", code: "BlockedByOrganizationPolicyException", anchor: "blockedbyorganizationpolicyexception",
    scope: Scope::NeedsEcr, stage: Stage::Api, title: "An organization policy blocks this ECR operation",
    means: "The account is managed by an AWS Organizations policy that forbids this operation.",
    causes: "An organization-level setting for the account (for example around registry settings).",
    fix: ("Ask the organization's administrators", "aws organizations describe-effective-policy --policy-type <type> --target-id {account_id}"),
    reference: API,
    example: "An error occurred (BlockedByOrganizationPolicyException) when calling the PutAccountSetting operation: The operation was blocked because the account is managed by a organization policy",
    near_miss: "An error occurred (AccessDeniedException) when calling the ListPolicies operation: not in organization");

api_exception!(IMAGE_ARCHIVED, id: "image-archived", code: "ImageArchivedException", anchor: "imagearchivedexception",
    scope: Scope::Ecr, stage: Stage::Api, title: "The image is archived and must be restored first",
    means: "The image is in the archive storage class and cannot be pulled until it is restored.",
    causes: "A lifecycle rule that archives images; pulling an old tag.",
    fix: ("Restore it to the standard storage class", "aws ecr update-image-storage-class --repository-name {repository} --image-id imageTag=<tag> --target-storage-class STANDARD --region {region}"),
    reference: API,
    example: "An error occurred (ImageArchivedException) when calling the BatchGetImage operation: The image is archived",
    near_miss: "An error occurred (ImageNotFoundException) when calling the BatchGetImage operation: not found",
    also: ("failurecode", r#"\bfailureCode['"]?\s*[:=]\s*['"]?ImageInaccessible\b"#));

api_exception!(IMAGE_STORAGE_CLASS_UPDATE_NOT_SUPPORTED, id: "image-storage-class-update-not-supported", code: "ImageStorageClassUpdateNotSupportedException", anchor: "imagestorageclassupdatenotsupportedexception",
    scope: Scope::Ecr, stage: Stage::Api, title: "This image's storage class cannot be changed",
    means: "The requested storage class change is not supported for this image.",
    causes: "Archiving an image type that cannot be archived, or a transition that is not allowed.",
    fix: ("Check the image's current storage class", "aws ecr describe-images --repository-name {repository} --region {region} --query 'imageDetails[].[imageTags,imageStatus]'"),
    reference: API,
    example: "An error occurred (ImageStorageClassUpdateNotSupportedException) when calling the UpdateImageStorageClass operation: not supported",
    near_miss: "An error occurred (ImageArchivedException) when calling the BatchGetImage operation: archived");

api_exception!(EXCLUSION_ALREADY_EXISTS, id: "exclusion-already-exists", code: "ExclusionAlreadyExistsException", anchor: "exclusionalreadyexistsexception",
    scope: Scope::NeedsEcr, stage: Stage::Benign, title: "That pull-time update exclusion already exists",
    means: "The exclusion is already registered.",
    causes: "Registering the same exclusion twice.",
    fix: ("List the exclusions", "aws ecr list-pull-time-update-exclusions --region {region}"),
    reference: API,
    example: "An error occurred (ExclusionAlreadyExistsException) when calling the RegisterPullTimeUpdateExclusion operation (ECR): exists",
    near_miss: "An error occurred (ExclusionNotFoundException) when calling the DeregisterPullTimeUpdateExclusion operation (ECR): not found");

api_exception!(EXCLUSION_NOT_FOUND, id: "exclusion-not-found", code: "ExclusionNotFoundException", anchor: "exclusionnotfoundexception",
    scope: Scope::NeedsEcr, stage: Stage::Api, title: "That pull-time update exclusion does not exist",
    means: "The exclusion to remove is not registered.",
    causes: "A wrong principal ARN, or already removed.",
    fix: ("List the exclusions", "aws ecr list-pull-time-update-exclusions --region {region}"),
    reference: API,
    example: "An error occurred (ExclusionNotFoundException) when calling the DeregisterPullTimeUpdateExclusion operation (ECR): not found",
    near_miss: "An error occurred (ExclusionAlreadyExistsException) when calling the RegisterPullTimeUpdateExclusion operation (ECR): exists");

api_exception!(SIGNING_CONFIGURATION_NOT_FOUND, id: "signing-configuration-not-found", code: "SigningConfigurationNotFoundException", anchor: "signingconfigurationnotfoundexception",
    scope: Scope::NeedsEcr, stage: Stage::Api, title: "The registry has no managed signing configuration",
    means: "No managed signing configuration exists for this registry.",
    causes: "Reading or deleting the signing configuration before one was set.",
    fix: ("Set up managed signing first", "aws ecr describe-registry --region {region}"),
    reference: API,
    example: "An error occurred (SigningConfigurationNotFoundException) when calling the GetSigningConfiguration operation (ECR): not found",
    near_miss: "An error occurred (ResourceNotFoundException) when calling the GetSigningProfile operation (Signer): not found");
