//! AWS's own names a fact must be one of (ECR operations, Region codes), and the stand-ins
//! authors type instead of a value, which are no fact at all.

use crate::engine::pattern::Regex;
use std::sync::OnceLock;

/// Every operation of the ECR and ECR Public APIs: naming one is a sign the paste is about ECR.
const ECR_OPERATIONS: &[&str] = &[
    "BatchCheckLayerAvailability",
    "BatchDeleteImage",
    "BatchGetImage",
    "BatchGetRepositoryScanningConfiguration",
    "BatchImportUpstreamImage",
    "CompleteLayerUpload",
    "CreatePullThroughCacheRule",
    "CreateRepository",
    "CreateRepositoryCreationTemplate",
    "DeleteLifecyclePolicy",
    "DeletePullThroughCacheRule",
    "DeleteRegistryPolicy",
    "DeleteRepository",
    "DeleteRepositoryCreationTemplate",
    "DeleteRepositoryPolicy",
    "DescribeImageReplicationStatus",
    "DescribeImageScanFindings",
    "DescribeImageTags",
    "DescribeImages",
    "DescribePullThroughCacheRules",
    "DescribeRegistries",
    "DescribeRegistry",
    "DescribeRepositories",
    "DescribeRepositoryCreationTemplates",
    "GetAccountSetting",
    "GetAuthorizationToken",
    "GetDownloadUrlForLayer",
    "GetLifecyclePolicy",
    "GetLifecyclePolicyPreview",
    "GetRegistryCatalogData",
    "GetRegistryPolicy",
    "GetRegistryScanningConfiguration",
    "GetRepositoryCatalogData",
    "GetRepositoryPolicy",
    "InitiateLayerUpload",
    "ListImages",
    "ListTagsForResource",
    "PutAccountSetting",
    "PutImage",
    "PutImageScanningConfiguration",
    "PutImageTagMutability",
    "PutLifecyclePolicy",
    "PutRegistryCatalogData",
    "PutRegistryPolicy",
    "PutRegistryScanningConfiguration",
    "PutReplicationConfiguration",
    "PutRepositoryCatalogData",
    "ReplicateImage",
    "SetRepositoryPolicy",
    "StartImageScan",
    "StartLifecyclePolicyPreview",
    "TagResource",
    "UntagResource",
    "UpdatePullThroughCacheRule",
    "UpdateRepositoryCreationTemplate",
    "UploadLayerPart",
    "ValidatePullThroughCacheRule",
    "RegisterPullTimeUpdateExclusion",
    "DeregisterPullTimeUpdateExclusion",
    "ListPullTimeUpdateExclusions",
    "GetSigningConfiguration",
    "PutSigningConfiguration",
    "DeleteSigningConfiguration",
    "UpdateImageStorageClass",
    "ListImageReferrers",
];

pub fn is_ecr_operation(op: &str) -> bool {
    ECR_OPERATIONS.iter().any(|o| o.eq_ignore_ascii_case(op))
}

/// `us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-north-1`, `us-iso-east-1` ...
pub fn is_region(s: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^(?:(?:us|eu|ap|sa|ca|me|af|il|mx|cn)(?:-gov|-iso[a-z]?)?|eusc-[a-z]{2})-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d$",
        )
        .expect("region pattern")
    })
    .is_match(s)
}

/// A stand-in the author typed instead of a value (`<account-id>`, `{NAME}`, `${AWS_REGION}`,
/// `[account id]`): not a fact. Masks such as `***` or `xxxx` are kept; they are what was printed.
pub fn is_template(s: &str) -> bool {
    s.is_empty()
        || s.chars().all(|c| c == '.' || c == '…')
        || s.starts_with('<')
        || s.starts_with('{')
        || s.starts_with("${")
        || s.starts_with('$')
        || s.starts_with('[')
        || s.contains("<")
}

pub(super) fn all_digits(s: &str) -> bool {
    // AWS account IDs are exactly 12 digits; shorter runs are placeholders or typos.
    s.len() == 12 && s.bytes().all(|c| c.is_ascii_digit())
}
