//! The catalogue of error families: one file per family, each with its id, signatures,
//! explanation, remedies, references and examples. Adding a family means adding a file and a
//! line in [`FAMILIES`]; the engine never changes.

mod types;
pub use phrases::PHRASES;
pub use types::*;

pub mod quotas;

mod access_denied;
mod api_exceptions;
mod aws_credentials_expired;
mod aws_credentials_invalid;
mod aws_credentials_missing;
mod cli_not_found;
mod cli_version_mismatch;
mod credential_helper_error;
mod disk_full;
mod docker_daemon_timeout;
mod ecs_cannot_pull_container;
mod ecs_execution_role_missing;
mod endpoint_unreachable;
mod helm_oci_error;
mod image_already_exists;
mod image_not_found;
mod invalid_image_reference;
mod kms_error;
mod lambda_image_unsupported;
mod layer_upload_failed;
mod limit_exceeded;
mod login_bad_request;
mod lookalikes;
mod manifest_rejected;
mod no_basic_auth_credentials;
mod non_tty_login;
mod phrases;
mod pull_access_denied;
mod pull_through_cache_error;
mod region_missing;
mod registry_unauthorized;
mod repository_not_found;
mod sam_image_upload_error;
mod scan_error;
mod shell_substitution_error;
mod tag_immutable;
mod throttling;
mod token_expired;

/// Every family. Order matters only for ties (same stage, same position): earlier wins.
pub static FAMILIES: &[Family] = &[
    // The AWS troubleshooting page's four.
    throttling::FAMILY,
    access_denied::FAMILY,
    repository_not_found::FAMILY,
    non_tty_login::FAMILY,
    // Credentials and login.
    no_basic_auth_credentials::FAMILY,
    token_expired::FAMILY,
    aws_credentials_expired::FAMILY,
    aws_credentials_invalid::FAMILY,
    aws_credentials_missing::FAMILY,
    cli_version_mismatch::FAMILY,
    credential_helper_error::FAMILY,
    registry_unauthorized::FAMILY,
    login_bad_request::FAMILY,
    region_missing::FAMILY,
    cli_not_found::FAMILY,
    shell_substitution_error::FAMILY,
    // Images, pushes and pulls.
    image_not_found::FAMILY,
    tag_immutable::FAMILY,
    manifest_rejected::FAMILY,
    image_already_exists::FAMILY,
    layer_upload_failed::FAMILY,
    endpoint_unreachable::FAMILY,
    pull_through_cache_error::FAMILY,
    limit_exceeded::FAMILY,
    scan_error::FAMILY,
    kms_error::FAMILY,
    lambda_image_unsupported::FAMILY,
    disk_full::FAMILY,
    invalid_image_reference::FAMILY,
    docker_daemon_timeout::FAMILY,
    helm_oci_error::FAMILY,
    // Wrappers and platform-specific.
    ecs_execution_role_missing::FAMILY,
    ecs_cannot_pull_container::FAMILY,
    pull_access_denied::FAMILY,
    sam_image_upload_error::FAMILY,
    // The rest of the ECR API's exceptions.
    api_exceptions::REPOSITORY_NOT_EMPTY,
    api_exceptions::REPOSITORY_ALREADY_EXISTS,
    api_exceptions::REPOSITORY_POLICY_NOT_FOUND,
    api_exceptions::LIFECYCLE_POLICY_NOT_FOUND,
    api_exceptions::LIFECYCLE_POLICY_PREVIEW_NOT_FOUND,
    api_exceptions::LIFECYCLE_POLICY_PREVIEW_IN_PROGRESS,
    api_exceptions::REGISTRY_POLICY_NOT_FOUND,
    api_exceptions::LAYERS_NOT_FOUND,
    api_exceptions::LAYER_INACCESSIBLE,
    api_exceptions::LAYER_ALREADY_EXISTS,
    api_exceptions::LAYER_PART_TOO_SMALL,
    api_exceptions::INVALID_LAYER_PART,
    api_exceptions::INVALID_LAYER,
    api_exceptions::EMPTY_UPLOAD,
    api_exceptions::UPLOAD_NOT_FOUND,
    api_exceptions::IMAGE_DIGEST_DOES_NOT_MATCH,
    api_exceptions::REFERENCED_IMAGES_NOT_FOUND,
    api_exceptions::UNSUPPORTED_IMAGE_TYPE,
    api_exceptions::INVALID_PARAMETER,
    api_exceptions::VALIDATION,
    api_exceptions::SERVER,
    api_exceptions::INVALID_TAG_PARAMETER,
    api_exceptions::TOO_MANY_TAGS,
    api_exceptions::TEMPLATE_NOT_FOUND,
    api_exceptions::TEMPLATE_ALREADY_EXISTS,
    api_exceptions::PULL_THROUGH_CACHE_RULE_ALREADY_EXISTS,
    api_exceptions::BLOCKED_BY_ORGANIZATION_POLICY,
    api_exceptions::IMAGE_ARCHIVED,
    api_exceptions::IMAGE_STORAGE_CLASS_UPDATE_NOT_SUPPORTED,
    api_exceptions::EXCLUSION_ALREADY_EXISTS,
    api_exceptions::EXCLUSION_NOT_FOUND,
    api_exceptions::SIGNING_CONFIGURATION_NOT_FOUND,
    // Look-alikes.
    lookalikes::DOCKER_HUB_RATE_LIMIT,
    lookalikes::REGISTRY_LOGIN,
    lookalikes::OTHER_AWS_SERVICE,
    lookalikes::OTHER_REGISTRY,
];

/// Causes and the consequences they explain, where both can stand in one paste at the same
/// stage: the cause is reported first (a missing repository is why no image is found).
pub static CONSEQUENCES: &[(&str, &str)] = &[
    ("repository-not-found", "image-not-found"),
    // A push that was denied is why the image is not there.
    ("access-denied", "image-not-found"),
    // A failed `aws ecr get-login-password` (no or empty Region, missing, malformed or expired
    // credentials, no network, no CLI) leaves `docker login` with an empty password, and what
    // follows without a login.
    ("region-missing", "non-tty-login"),
    ("aws-credentials-missing", "non-tty-login"),
    ("aws-credentials-invalid", "non-tty-login"),
    ("aws-credentials-expired", "non-tty-login"),
    ("endpoint-unreachable", "non-tty-login"),
    ("cli-version-mismatch", "non-tty-login"),
    ("cli-not-found", "non-tty-login"),
    ("shell-substitution-error", "non-tty-login"),
    ("access-denied", "non-tty-login"),
    ("throttling", "non-tty-login"),
    ("region-missing", "no-basic-auth-credentials"),
    ("aws-credentials-missing", "no-basic-auth-credentials"),
    ("aws-credentials-invalid", "no-basic-auth-credentials"),
    ("aws-credentials-expired", "no-basic-auth-credentials"),
    ("cli-version-mismatch", "no-basic-auth-credentials"),
    ("cli-not-found", "no-basic-auth-credentials"),
    ("shell-substitution-error", "no-basic-auth-credentials"),
    ("non-tty-login", "no-basic-auth-credentials"),
    ("region-missing", "credential-helper-error"),
    ("aws-credentials-missing", "credential-helper-error"),
    ("aws-credentials-expired", "credential-helper-error"),
    ("aws-credentials-invalid", "credential-helper-error"),
    // A scan refused as throttled or over a limit is the once-a-day scan quota.
    ("scan-error", "throttling"),
    ("scan-error", "limit-exceeded"),
    // A repository at its image quota answers pushes with 403.
    ("limit-exceeded", "access-denied"),
    // A push to a repository that does not exist breaks off during the layer upload.
    ("repository-not-found", "layer-upload-failed"),
    // A cache whose upstream failed cannot serve the image or its layers.
    ("pull-through-cache-error", "image-not-found"),
    ("pull-through-cache-error", "endpoint-unreachable"),
    // An image that was never built locally cannot be pushed or found.
    ("sam-image-upload-error", "image-not-found"),
    // The local daemon timing out is why the push broke off.
    ("docker-daemon-timeout", "layer-upload-failed"),
];

/// The family with this id.
pub fn family(id: &str) -> Option<&'static Family> {
    FAMILIES.iter().find(|f| f.id == id)
}
