//! The mechanisms behind real pastes the engine had never seen (issue 10): cause before
//! consequence across lines, the message's own subject deciding whose error it is, the shapes
//! tools wrap ECR's errors in, the tolerant tier and the families added for them. Every text here
//! is invented for the shape it shows.

use ecr_explain::{explain, Report};

fn ids(r: &Report) -> Vec<&str> {
    r.findings.iter().map(|f| f.id.as_str()).collect()
}

fn first(text: &str) -> Option<String> {
    explain(text).findings.first().map(|f| f.id.clone())
}

fn assert_first(text: &str, id: &str) {
    let r = explain(text);
    assert_eq!(ids(&r).first().copied(), Some(id), "{text}\n{:?}", ids(&r));
}

fn assert_not_ecr(text: &str) {
    let r = explain(text);
    let ecr: Vec<&str> = r.ecr_findings().map(|f| f.id.as_str()).collect();
    assert!(ecr.is_empty(), "{text}\nread as ECR: {ecr:?}");
}

const HOST: &str = "210987654321.dkr.ecr.ap-southeast-2.amazonaws.com";

// ---- Group 1: cause before consequence ----

#[test]
fn a_failed_token_step_comes_before_the_empty_password_it_causes() {
    let causes = [
        (
            "aws: error: argument --region: expected one argument",
            "region-missing",
        ),
        (
            "Unable to locate credentials. You can configure credentials by running \"aws configure\".",
            "aws-credentials-missing",
        ),
        (
            "An error occurred (UnrecognizedClientException) when calling the GetAuthorizationToken operation: The security token included in the request is invalid",
            "aws-credentials-invalid",
        ),
        (
            "Could not connect to the endpoint URL: \"https://api.ecr.ap-southeast-2.amazonaws.com/\"",
            "endpoint-unreachable",
        ),
        ("/usr/bin/bash: line 3: aws: command not found", "cli-not-found"),
    ];
    for (cause, id) in causes {
        let text = format!(
            "$ aws ecr get-login-password --region $REGION | docker login --username AWS --password-stdin {HOST}\n{cause}\nError: Cannot perform an interactive login from a non TTY device"
        );
        let r = explain(&text);
        assert_eq!(ids(&r).first().copied(), Some(id), "{text}");
        assert!(ids(&r).contains(&"non-tty-login"), "{text}: {:?}", ids(&r));
    }
}

#[test]
fn a_generic_download_failure_follows_the_denial_that_explains_it() {
    let text = format!(
        "{HOST}/batch/worker:12: error pulling image configuration: download failed after attempts=4\nUser: arn:aws:sts::210987654321:assumed-role/node-role/i-0f00 is not authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:ap-southeast-2:210987654321:repository/batch/worker because no identity-based policy allows the ecr:BatchGetImage action"
    );
    let r = explain(&text);
    assert_eq!(ids(&r), ["access-denied", "endpoint-unreachable"], "{text}");
}

#[test]
fn a_precise_network_cause_inside_an_ecs_wrapper_comes_first() {
    for inner in [
        format!("Get \"https://{HOST}/v2/\": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)"),
        "RequestError: send request failed caused by: Post \"https://api.ecr.ap-southeast-2.amazonaws.com/\": dial tcp 10.0.3.9:443: i/o timeout".to_string(),
    ] {
        for wrapper in [
            "CannotPullContainerError: Error response from daemon: ",
            "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 2 time(s): ",
        ] {
            let text = format!("{wrapper}{inner}");
            let r = explain(&text);
            assert_eq!(ids(&r).first().copied(), Some("endpoint-unreachable"), "{text}");
            let ecs = r.findings.iter().find(|f| f.id == "ecs-cannot-pull-container");
            assert!(ecs.is_some(), "{text}: {:?}", ids(&r));
        }
    }
}

#[test]
fn a_bare_status_inside_a_wrapper_leaves_the_wrapper_first() {
    assert_first(
        &format!("CannotPullContainerError: API error (404): repository {HOST}/billing not found"),
        "ecs-cannot-pull-container",
    );
    assert_first(
        &format!("CannotPullContainerError: pull image manifest has been retried 1 time(s): failed to resolve ref {HOST}/billing:4: unexpected status from HEAD request to https://{HOST}/v2/billing/manifests/4: 403 Forbidden"),
        "ecs-cannot-pull-container",
    );
}

#[test]
fn a_throttled_scan_is_the_scan_quota() {
    let text = "An error occurred (ThrottlingException) when calling the StartImageScan operation: Rate exceeded\n{\"imageScanStatus\": {\"status\": \"FAILED\", \"description\": \"scan was refused\"}}";
    let r = explain(text);
    assert_eq!(ids(&r), ["scan-error", "throttling"], "{text}");
    assert_eq!(r.findings[1].context_of.as_deref(), Some("scan-error"));
}

// ---- Group 2: the message's own subject decides ----

#[test]
fn a_runners_retry_chatter_does_not_vote() {
    let text = "Pulling public.ecr.aws/docker/library/node:20-slim\nError response from daemon: toomanyrequests: Rate exceeded\nWarning: Docker pull failed with exit code 1, back off 4.1 seconds before retry.\nWarning: Docker pull failed with exit code 1, back off 8.7 seconds before retry.\nWarning: Docker pull failed with exit code 1, back off 9.3 seconds before retry.";
    assert_first(text, "throttling");
}

#[test]
fn the_message_line_outweighs_other_registries_around_it() {
    let text = format!(
        "#4 [internal] load metadata for docker.io/library/golang:1.22\n#5 [internal] load metadata for ghcr.io/acme/tools:3\n#6 [internal] load metadata for quay.io/acme/lint:1\nERROR: failed to solve: {HOST}/base/jdk:21: toomanyrequests: Rate exceeded\n#7 docker.io/library/alpine:3.20 done"
    );
    assert_first(&text, "throttling");
    // And the other way round: a Docker Hub message among ECR lines is not ECR's.
    let text = format!(
        "docker push {HOST}/web:5\ndocker pull someorg/private-base:2\nError response from daemon: pull access denied for someorg/private-base, repository does not exist or may require 'docker login': denied: requested access to the resource is denied"
    );
    assert_not_ecr(&text);
}

#[test]
fn masked_and_elided_hosts_are_unknown_not_foreign() {
    for host in [
        ".../team",
        "***",
        "<registry>",
        "AWS_ACCOUNT.dkr.ecr.AWS_REGION.amazonaws.com",
    ] {
        let text = format!(
            "Failed to pull image \"{host}/api:v3\": rpc error: code = Unknown desc = failed to pull and unpack image \"{host}/api:v3\": failed to resolve reference \"{host}/api:v3\": pulling from host {host} failed with status code [manifests v3]: 401 Unauthorized"
        );
        assert_first(&text, "registry-unauthorized");
    }
    assert_first(
        "docker login -u *** -p *** ***\nError: Cannot perform an interactive login from a non TTY device",
        "non-tty-login",
    );
}

// ---- Group 3: shapes tools wrap ECR's errors in ----

#[test]
fn batch_failures_in_a_200_response_are_read_for_every_code() {
    let codes = [
        ("ImageNotFound", "image-not-found"),
        ("KmsError", "kms-error"),
        ("UpstreamAccessDenied", "pull-through-cache-error"),
        ("UpstreamTooManyRequests", "pull-through-cache-error"),
        ("UpstreamUnavailable", "pull-through-cache-error"),
        ("InvalidImageDigest", "invalid-parameter"),
        ("InvalidImageTag", "invalid-parameter"),
        ("MissingDigestAndTag", "invalid-parameter"),
        ("ImageReferencedByManifestList", "invalid-parameter"),
        ("ImageTagDoesNotMatchDigest", "image-digest-does-not-match"),
        ("ImageInaccessible", "image-archived"),
        ("InvalidLayerDigest", "invalid-layer"),
        ("MissingLayerDigest", "invalid-layer"),
        ("REPOSITORY_NOT_FOUND", "repository-not-found"),
    ];
    for (code, id) in codes {
        let json = format!(
            "{{\"images\": [], \"failures\": [{{\"imageId\": {{\"imageTag\": \"rc1\"}}, \"failureCode\": \"{code}\", \"failureReason\": \"see code\"}}]}}"
        );
        assert_first(&json, id);
        // Logged by botocore as a Python bytes literal, and printed as a Python dict.
        assert_first(&format!("DEBUG - Response body:\nb'{json}'"), id);
        assert_first(
            &format!("{{'failures': [{{'failureCode': '{code}', 'failureReason': 'see code'}}]}}"),
            id,
        );
    }
}

#[test]
fn the_registry_error_body_is_read_for_every_code_ecr_uses() {
    let codes = [
        ("MANIFEST_UNKNOWN", "image-not-found"),
        ("NAME_UNKNOWN", "repository-not-found"),
        ("DENIED", "access-denied"),
        ("UNAUTHORIZED", "registry-unauthorized"),
        ("TOOMANYREQUESTS", "throttling"),
        ("BLOB_UNKNOWN", "layer-upload-failed"),
        ("BLOB_UPLOAD_INVALID", "layer-upload-failed"),
        ("BLOB_UPLOAD_UNKNOWN", "layer-upload-failed"),
        ("DIGEST_INVALID", "layer-upload-failed"),
        ("SIZE_INVALID", "layer-upload-failed"),
        ("MANIFEST_INVALID", "manifest-rejected"),
        ("MANIFEST_BLOB_UNKNOWN", "manifest-rejected"),
        ("UNSUPPORTED", "manifest-rejected"),
        ("NAME_INVALID", "invalid-image-reference"),
    ];
    for (code, id) in codes {
        let body = format!("{{\"errors\":[{{\"code\":\"{code}\",\"message\":\"see code\"}}]}}");
        assert_first(
            &format!("PUT https://{HOST}/v2/orders/manifests/7 returned\n{body}"),
            id,
        );
        assert_not_ecr(&format!(
            "PUT https://ghcr.io/v2/acme/orders/manifests/7 returned\n{body}"
        ));
    }
}

#[test]
fn infrastructure_as_code_rewordings() {
    assert_first(
        "Error: reading ECR Repository (payments/api): couldn't find resource\n\n  with data.aws_ecr_repository.payments,\n  on main.tf line 12",
        "repository-not-found",
    );
    assert_first(
        "Error: reading ECR Image (payments/api:2.4.0): couldn't find resource\n  with data.aws_ecr_image.api",
        "image-not-found",
    );
    assert_first(
        "Resource handler returned message: \"Resource of type 'AWS::ECR::Repository' with identifier 'payments' already exists.\" (RequestToken: 0f1e, HandlerErrorCode: AlreadyExists)",
        "repository-already-exists",
    );
    assert_first(
        "error: 1 error occurred:\n\t* deleting ECR Repository (payments): RepositoryNotEmptyException: The repository with name 'payments' in registry with id '210987654321' cannot be deleted because it still contains images",
        "repository-not-empty",
    );
    assert_first(
        "[30%] fail: docker push 210987654321.dkr.ecr.ap-southeast-2.amazonaws.com/cdk-hnb659fds-container-assets-210987654321-ap-southeast-2:3f2e exited with error code 1: name unknown: The repository with name 'cdk-hnb659fds-container-assets-210987654321-ap-southeast-2' does not exist in the registry with id '210987654321'",
        "repository-not-found",
    );
}

#[test]
fn sdk_stacks_whose_message_is_only_the_endpoint_host() {
    for text in [
        "com.amazonaws.SdkClientException: Unable to execute HTTP request: api.ecr.eu-north-1.amazonaws.com\n\tat com.amazonaws.http.AmazonHttpClient$RequestExecutor.execute(AmazonHttpClient.java:700)",
        "software.amazon.awssdk.core.exception.SdkClientException: Received an UnknownHostException when attempting to interact with a service. (calling ECR GetAuthorizationToken)\nCaused by: java.net.UnknownHostException: api.ecr.eu-north-1.amazonaws.com",
        "System.Net.WebException: The remote name could not be resolved: 'api.ecr.eu-north-1.amazonaws.com'",
    ] {
        assert_first(text, "endpoint-unreachable");
    }
    assert_not_ecr(
        "com.amazonaws.SdkClientException: Unable to execute HTTP request: sns.eu-north-1.amazonaws.com",
    );
}

#[test]
fn the_credential_helper_failing_its_version_probe() {
    assert_first(
        "[ERROR] jib: Error getting the version of the configured credential helper [Process 'docker-credential-ecr-login version' exited with status 2]",
        "credential-helper-error",
    );
}

#[test]
fn lambda_refusing_an_image_from_another_account() {
    let r = explain("An error occurred (InvalidParameterValueException) when calling the UpdateFunctionCode operation: Image repository must be in the same account as the caller");
    assert_eq!(ids(&r).first().copied(), Some("lambda-image-unsupported"));
    assert_eq!(
        r.fields.get("operation").map(String::as_str),
        Some("UpdateFunctionCode")
    );
}

// ---- Group 4: the tolerant tier ----

#[test]
fn paraphrased_and_mangled_wordings_are_likely_findings() {
    let cases = [
        (
            "when I pipe aws ecr get-login-password into docker it says it cant do a login on non TTY devices",
            "non-tty-login",
        ),
        (
            "the docs say to run aws ecr get-login but it fails with Unknown options: \\-no\\-include\\-email\\.",
            "cli-version-mismatch",
        ),
        (
            "pushing our images to ECR from forty runners, AWS only answers \u{201c}Throttling Exception\u{201d}",
            "throttling",
        ),
        (
            "once the ECR repository holds the maximum number of images the next push is refused",
            "limit-exceeded",
        ),
        (
            "the registry refused a rescan: an image can be scanned once every 24 hours",
            "scan-error",
        ),
    ];
    for (text, id) in cases {
        let r = explain(text);
        let f = r
            .findings
            .first()
            .unwrap_or_else(|| panic!("nothing for {text}"));
        assert_eq!(f.id, id, "{text}");
        assert!(f.likely, "{text}: should be a likely finding");
        assert!(f.confidence <= 0.6, "{text}: {}", f.confidence);
    }
}

#[test]
fn a_markdown_escape_of_both_dashes_is_still_an_exact_match() {
    let r = explain("Unknown options: \\-\\-no\\-include\\-email");
    assert_eq!(ids(&r).first().copied(), Some("cli-version-mismatch"));
    assert!(!r.findings[0].likely);
}

#[test]
fn a_likely_finding_never_outranks_an_exact_one() {
    let text = format!(
        "docker push {HOST}/web:2\nno basic auth credentials\n(earlier it said it cannot perform the login on a non tty device)"
    );
    let r = explain(&text);
    assert_eq!(ids(&r).first().copied(), Some("no-basic-auth-credentials"));
    assert!(r.findings.iter().all(|f| !f.likely), "{:?}", ids(&r));
}

#[test]
fn the_tolerant_tier_respects_other_registries() {
    assert_not_ecr(
        "docker login ghcr.io -u octo said it cannot perform the login on a non tty device",
    );
    assert_not_ecr(
        "DynamoDB answered \u{201c}Throttling Exception\u{201d} for our batch writes to the table",
    );
    assert_eq!(first("a quick brown fox jumps over the lazy dog"), None);
}

#[test]
fn likely_is_in_the_json() {
    let r = explain("ECR push: cannot perform an login from a non-tty device");
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["findings"][0]["likely"], serde_json::json!(true));
    let r = explain("Error: Cannot perform an interactive login from a non TTY device");
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["findings"][0]["likely"], serde_json::json!(false));
}

// ---- Group 5: the new families ----

#[test]
fn new_families_read_their_shapes() {
    let cases = [
        (
            format!("$ helm pull {HOST}/charts/gateway --version 1.4.2\nError: repo {HOST} not found"),
            "helm-oci-error",
        ),
        (
            "C:\\ci> $(aws ecr get-login --no-include-email --region ap-southeast-2)\n'$(aws' is not recognized as an internal or external command,\noperable program or batch file.".to_string(),
            "shell-substitution-error",
        ),
        (
            "Stopped reason: CannotPullContainerError: failed to normalize image reference \"web::latest\"".to_string(),
            "invalid-image-reference",
        ),
        (
            "Error: Unable to upload artifact resizer:latest referenced by ImageUri parameter of ResizerFunction resource.\nImage not found for ImageUri parameter of ResizerFunction resource.".to_string(),
            "sam-image-upload-error",
        ),
        (
            format!("msg: Error pushing image {HOST}/media/encoder: NpipeHTTPConnectionPool(host='localhost', port=None): Read timed out. (read timeout=60)"),
            "docker-daemon-timeout",
        ),
        (
            format!("Run aws ecr get-login-password | docker login --username AWS --password-stdin {HOST}\nUnable to locate executable file: aws. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable."),
            "cli-not-found",
        ),
    ];
    for (text, id) in &cases {
        assert_first(text, id);
    }
}

#[test]
fn a_registry_error_named_after_the_sam_wrapper_goes_first() {
    let text = format!(
        "Error: Unable to upload artifact thumbs:v1 referenced by ImageUri parameter of ThumbsFunction resource.\nname unknown: The repository with name 'thumbs' does not exist in the registry with id '210987654321' ({HOST})"
    );
    let r = explain(&text);
    assert_eq!(
        ids(&r),
        ["repository-not-found", "sam-image-upload-error"],
        "{text}"
    );
}

#[test]
fn the_helm_command_names_the_chart() {
    let r = explain(&format!(
        "helm pull {HOST}/charts/gateway:1.4.2\nError: repo {HOST} not found"
    ));
    let f = &r.findings[0];
    assert_eq!(
        f.fields.get("repository").map(String::as_str),
        Some("charts/gateway")
    );
    assert_eq!(
        f.fields.get("account_id").map(String::as_str),
        Some("210987654321")
    );
    assert!(f.remedies.iter().any(|x| x.command.contains("oci://")));
}

// ---- Facts ----

#[test]
fn sovereign_cloud_regions_and_hosts() {
    let r = explain(
        "registry: 123456789012.dkr.ecr.eusc-de-east-1.amazonaws.eu\nError: Region is missing",
    );
    assert_eq!(ids(&r).first().copied(), Some("region-missing"));
    assert_eq!(
        r.fields.get("region").map(String::as_str),
        Some("eusc-de-east-1")
    );
    assert_eq!(
        r.fields.get("registry_id").map(String::as_str),
        Some("123456789012")
    );
}

#[test]
fn a_placeholder_region_in_an_arn_still_names_the_repository() {
    let r = explain("denied: User: arn:aws:sts::<acct>:assumed-role/ci/s is not authorized to perform: ecr:PutImage on resource: arn:aws:ecr:<region>:<acct>:repository/ledger");
    assert_eq!(
        r.fields.get("repository").map(String::as_str),
        Some("ledger")
    );
}

#[test]
fn docker_version_from_a_user_agent() {
    let r = explain(&format!(
        "level=error msg=\"response completed with error\" err.detail=\"Get \\\"https://{HOST}/v2/mirror/redis/manifests/7\\\": unexpected EOF\" http.request.useragent=\"docker/27.3.1 go/go1.22.7\""
    ));
    assert_eq!(ids(&r).first().copied(), Some("pull-through-cache-error"));
    assert_eq!(
        r.fields.get("docker_version").map(String::as_str),
        Some("27.3.1")
    );
}

// ---- Shapes met in the field test (invented texts of the same shapes) ----

#[test]
fn a_masked_amazonaws_registry_host_is_ecr() {
    assert_first(
        "Error response from daemon: Get \"https://xxxxxxxxxxxx.amazonaws.com/v2/\": net/http: TLS handshake timeout",
        "endpoint-unreachable",
    );
    assert_not_ecr(
        "Error response from daemon: Get \"https://registry.example.org/v2/\": net/http: TLS handshake timeout",
    );
}

#[test]
fn an_aws_cli_usage_error_is_ecr_only_for_an_ecr_command() {
    assert_not_ecr("aws configure set output json\naws: error: argument operation: Invalid choice, valid choices are:");
    assert_first(
        "aws ecr get-login --no-include-email\naws: error: argument operation: Invalid choice, valid choices are:",
        "cli-version-mismatch",
    );
    let r = explain(
        "get-login is gone from CLI v2, so the old line now fails with an invalid choice error",
    );
    assert_eq!(ids(&r).first().copied(), Some("cli-version-mismatch"));
    assert!(r.findings[0].likely);
}

#[test]
fn a_bare_tag_where_the_image_name_belongs_is_not_docker_hub() {
    let text = format!(
        "cache_from: {HOST}/cart:latest\nLogin Succeeded\nERROR: pull access denied for latest, repository does not exist or may require 'docker login'"
    );
    assert_first(&text, "pull-access-denied");
}

#[test]
fn more_wrapper_and_tool_wordings() {
    let cases = [
        (
            format!("PUT https://{HOST}/v2/cart/manifests/2.0: TAG_INVALID: The image tag '2.0' already exists in the 'cart' repository and cannot be overwritten because the tag is immutable."),
            "tag-immutable",
        ),
        (
            "software.amazon.awssdk.services.ecr.model.EcrException: Missing Authentication Token (Service: Ecr, Status Code: 400)".to_string(),
            "aws-credentials-missing",
        ),
        (
            "stoppedReason: ResourceInitializationError: unable to pull secrets or registry auth".to_string(),
            "ecs-cannot-pull-container",
        ),
        (
            "samcli.commands.package.exceptions.DockerPushFailedError: 404 Client Error: Not Found (\"no such image\")".to_string(),
            "sam-image-upload-error",
        ),
        (
            format!("f00dfeed1234: Pushed\nHead \"https://{HOST}/v2/cart/blobs/sha256:ab12\": Service Unavailable"),
            "layer-upload-failed",
        ),
        (
            "Error: An artifact with media type 'application/vnd.oci.image.index.v1+json' cannot be scanned.".to_string(),
            "unsupported-image-type",
        ),
        (
            "ERROR: failed open: content at https://public.ecr.aws/v2/acme/cart/manifests/sha256:ab12 not found: not found".to_string(),
            "image-not-found",
        ),
    ];
    for (text, id) in &cases {
        assert_first(text, id);
    }
    assert_not_ecr(
        "stoppedReason: ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried",
    );
}

#[test]
fn repository_names_from_templates_and_stacks() {
    let r = explain("The image manifest, config or layer media type for the source image <acct>.dkr.ecr.eu-west-3.amazonaws.com/orders:build-<n> is not supported.");
    assert_eq!(
        r.fields.get("repository").map(String::as_str),
        Some("orders")
    );
    assert_eq!(
        r.fields.get("region").map(String::as_str),
        Some("eu-west-3")
    );
    let r = explain("CREATE_FAILED Resource handler returned message: \"Resource of type 'AWS::ECR::Repository' with identifier 'orders' already exists.\"");
    assert_eq!(
        r.fields.get("repository").map(String::as_str),
        Some("orders")
    );
    let r = explain("Error: creating ECR Lifecycle Policy (orders): operation error ECR: PutLifecyclePolicy, https response error StatusCode: 400, InvalidParameterException: Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'bad rule'");
    assert_eq!(ids(&r).first().copied(), Some("invalid-parameter"));
    assert_eq!(
        r.fields.get("repository").map(String::as_str),
        Some("orders")
    );
}

#[test]
fn services_named_in_passing_around_a_message_do_not_vote() {
    let text = format!(
        "Task stopped at 10:02 (logs: CloudWatch group /ecs/cart, alarms in CloudWatch, table in DynamoDB)\nCannotPullContainerError: pull image manifest has been retried 1 time(s): failed to resolve ref {HOST}/cart:3: {HOST}/cart:3: not found"
    );
    assert_first(&text, "image-not-found");
    // On the message's own line they still do.
    assert_not_ecr(
        "An error occurred (ThrottlingException) when calling the DescribeTable operation (DynamoDB): Rate exceeded",
    );
}

#[test]
fn name_resolution_failures_of_other_sdks() {
    for text in [
        "Seahorse::Client::NetworkingError: Failed to open TCP connection to api.ecr.us-west-1.amazonaws.com:443 (getaddrinfo: Name or service not known)",
        "urllib3.exceptions.NameResolutionError: Failed to resolve 'api.ecr.us-west-1.amazonaws.com' ([Errno -2] Name or service not known)",
        "curl: (6) Could not resolve host: api.ecr.us-west-1.amazonaws.com",
    ] {
        assert_first(text, "endpoint-unreachable");
    }
}
