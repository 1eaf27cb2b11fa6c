//! The engine's behaviour on the shapes people paste: envelopes, messy text, cascades,
//! look-alikes, unknown and hostile input. (Real pastes are in tests/corpus.rs.)

use ecr_explain::{explain, Report};

fn first(text: &str) -> String {
    explain(text)
        .findings
        .first()
        .map(|f| f.id.clone())
        .unwrap_or_default()
}

fn field(r: &Report, k: &str) -> Option<String> {
    r.findings.first().and_then(|f| f.fields.get(k).cloned())
}

fn ids(r: &Report) -> Vec<&str> {
    r.findings.iter().map(|f| f.id.as_str()).collect()
}

const DENIED: &str = "User: arn:aws:sts::111122223333:assumed-role/ci-role/build-42 is not authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:eu-west-2:444455556666:repository/team/app";

#[test]
fn envelopes_of_every_client() {
    let throttled = "Rate exceeded";
    let cases = [
        (format!("A client error (ThrottlingException) occurred when calling the GetAuthorizationToken operation: {throttled}"), "aws-cli-v1"),
        (format!("aws: [ERROR]: An error occurred (ThrottlingException) when calling the GetAuthorizationToken operation: {throttled}"), "aws-cli-v2"),
        (format!("botocore.exceptions.ClientError: An error occurred (ThrottlingException) when calling the GetAuthorizationToken operation (reached max retries: 4): {throttled}"), "boto3"),
        (format!("operation error ECR: GetAuthorizationToken, https response error StatusCode: 400, RequestID: 1, ThrottlingException: {throttled}"), "go-sdk"),
        (format!("ThrottlingException: {throttled}\n\tstatus code: 400, request id: 75567eb3 (pulling from ECR)"), "go-sdk"),
        (format!("software.amazon.awssdk.services.ecr.model.ThrottlingException: {throttled} (Service: Ecr, Status Code: 400, Request ID: 1)"), "java-sdk"),
        (format!("{{\"name\":\"ThrottlingException\",\"$fault\":\"client\",\"$metadata\":{{\"httpStatusCode\":400}},\"message\":\"{throttled}\"}} calling ECR DescribeImages"), "js-sdk"),
        ("Error response from daemon: toomanyrequests: Rate exceeded".to_string(), "docker"),
        ("ERROR: failed to solve: 123456789012.dkr.ecr.us-east-1.amazonaws.com/base:1: toomanyrequests: Rate exceeded".to_string(), "buildkit"),
        ("level=info msg=\"Error transitioning container\" module=TaskEngine err=\"CannotPullECRContainerError: ThrottlingException: Rate exceeded\"".to_string(), "ecs-agent"),
        ("kubelet: Failed to pull image \"123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1\": rpc error: toomanyrequests: Rate exceeded".to_string(), "kubelet"),
    ];
    for (text, client) in cases {
        let r = explain(&text);
        assert_eq!(ids(&r).first(), Some(&"throttling"), "{text}");
        assert_eq!(
            r.fields.get("client").map(String::as_str),
            Some(client),
            "{text}"
        );
    }
    let r = explain("An error occurred (ThrottlingException) when calling the GetAuthorizationToken operation (reached max retries: 4): Rate exceeded");
    assert_eq!(field(&r, "retries").as_deref(), Some("4"));
    assert_eq!(
        field(&r, "operation").as_deref(),
        Some("GetAuthorizationToken")
    );
    let r = explain("{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"} from api.ecr.us-east-1.amazonaws.com");
    assert_eq!(first_id(&r), "throttling");
}

fn first_id(r: &Report) -> &str {
    r.findings.first().map_or("", |f| f.id.as_str())
}

#[test]
fn docker_version_from_wording() {
    let r = explain("TOOMANYREQUESTS: Rate exceeded");
    assert_eq!(field(&r, "docker_version").as_deref(), Some(">=1.12.0"));
    let r = explain("Unknown: Rate exceeded");
    assert_eq!(field(&r, "docker_version").as_deref(), Some("<1.12.0"));
}

fn json_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

#[test]
fn messy_text_is_normalized() {
    let cases = [
        // ANSI colours and CRLF
        format!("\u{1b}[31mdenied: {DENIED}\u{1b}[0m\r\n"),
        // hard-wrapped mid-message, markdown quote gutter
        "> denied: User: arn:aws:sts::111122223333:assumed-role/ci-role/build-42 is not\n> authorized to perform: ecr:BatchGetImage on resource:\n> arn:aws:ecr:eu-west-2:444455556666:repository/team/app".to_string(),
        // JSON-escaped, twice
        json_escape(&json_escape(&format!("{{\"msg\":\"denied: {DENIED}\"}}"))),
        // line-number gutter and backticks
        format!("12 | `denied: {DENIED}`"),
        // curly quotes and text in another language around it
        format!("오류가 발생했습니다 → “denied: {DENIED}” 를 확인하세요"),
    ];
    for text in cases {
        let r = explain(&text);
        assert_eq!(first_id(&r), "access-denied", "{text}");
        assert_eq!(
            field(&r, "repository").as_deref(),
            Some("team/app"),
            "{text}"
        );
        assert_eq!(
            field(&r, "registry_id").as_deref(),
            Some("444455556666"),
            "{text}"
        );
        assert_eq!(
            field(&r, "account_id").as_deref(),
            Some("111122223333"),
            "{text}"
        );
        assert_eq!(field(&r, "region").as_deref(), Some("eu-west-2"), "{text}");
        let f = &r.findings[0];
        assert!(f.span.end <= text.len() && text.is_char_boundary(f.span.start));
    }
    assert_eq!(first("NAME_UNKNOWN: repository name not known to registry 123456789012.dkr.ecr.us-east-1.amazonaws.com/x"), "repository-not-found");
    let r = explain("service principal is not authorized to perform: ECR:BatchGetImage");
    assert_eq!(field(&r, "action").as_deref(), Some("ECR:BatchGetImage"));
}

#[test]
fn spans_point_at_the_original_text() {
    let text = "\u{1b}[1mStep 3/9\u{1b}[0m\r\n> Error: Cannot perform an interactive login from a non TTY device\r\n";
    let r = explain(text);
    let f = &r.findings[0];
    assert_eq!(
        &text[f.span.start..f.span.end],
        "Cannot perform an interactive login from a non TTY device"
    );
}

#[test]
fn masked_values_stay_masked_and_templates_are_not_facts() {
    let r = explain("name unknown: The repository with name 'app' does not exist in the registry with id '<account-id>' (pushing to ***.dkr.ecr.us-east-1.amazonaws.com/app)");
    assert_eq!(first_id(&r), "repository-not-found");
    assert_eq!(field(&r, "registry_id"), None);
    assert_eq!(field(&r, "repository").as_deref(), Some("app"));
}

#[test]
fn facts_fill_the_remedies() {
    let r = explain(&format!(
        "denied: {DENIED} because no identity-based policy allows the ecr:BatchGetImage action"
    ));
    let f = &r.findings[0];
    assert_eq!(f.fields["deny_reason"], "identity-policy");
    let all: String = f
        .remedies
        .iter()
        .map(|m| m.command.clone() + "\n")
        .collect();
    assert!(all.contains("\"Action\": \"ecr:BatchGetImage\""), "{all}");
    assert!(
        all.contains("\"Resource\": \"arn:aws:ecr:eu-west-2:444455556666:repository/team/app\""),
        "{all}"
    );
    assert!(
        all.contains("aws iam put-role-policy --role-name ci-role"),
        "{all}"
    );
    assert!(
        all.contains("--policy-source-arn arn:aws:iam::111122223333:role/ci-role"),
        "{all}"
    );

    let r = explain("An error occurred (RepositoryNotFoundException) when calling the DescribeRepositories operation: The repository with name 'web/api' does not exist in the registry with id '123456789012' (region us-west-2)");
    let all: String = r.findings[0]
        .remedies
        .iter()
        .map(|m| m.command.clone() + "\n")
        .collect();
    assert!(
        all.contains("aws ecr create-repository --repository-name web/api --region us-west-2"),
        "{all}"
    );

    let r = explain("aws ecr get-login-password --region eu-west-1 | docker login --username AWS --password-stdin 123456789012.dkr.ecr.eu-west-1.amazonaws.com\nError: Cannot perform an interactive login from a non TTY device");
    let all: String = r.findings[0]
        .remedies
        .iter()
        .map(|m| m.command.clone() + "\n")
        .collect();
    assert!(all.contains("aws ecr get-login-password --region eu-west-1 | docker login --username AWS --password-stdin 123456789012.dkr.ecr.eu-west-1.amazonaws.com"), "{all}");
}

#[test]
fn missing_facts_stay_visible_placeholders() {
    let r = explain("no basic auth credentials");
    let all: String = r.findings[0]
        .remedies
        .iter()
        .map(|m| m.command.clone())
        .collect();
    assert!(
        all.contains("--region <region>")
            && all.contains("<account_id>.dkr.ecr.<region>.amazonaws.com"),
        "{all}"
    );
}

#[test]
fn deny_suffixes_choose_the_remedy() {
    let base = "User: arn:aws:iam::111122223333:user/dev is not authorized to perform: ecr:GetAuthorizationToken on resource: *";
    for (suffix, reason, hint) in [
        (
            "with an explicit deny in a service control policy",
            "scp",
            "SERVICE_CONTROL_POLICY",
        ),
        (
            "because no resource-based policy allows the ecr:GetAuthorizationToken action",
            "resource-policy",
            "set-repository-policy",
        ),
        (
            "because no permissions boundary allows the ecr:GetAuthorizationToken action",
            "permissions-boundary",
            "PermissionsBoundary",
        ),
        (
            "because no VPC endpoint policy allows the ecr:GetAuthorizationToken action",
            "vpc-endpoint-policy",
            "describe-vpc-endpoints",
        ),
        (
            "with an explicit deny in a resource control policy",
            "rcp",
            "RESOURCE_CONTROL_POLICY",
        ),
    ] {
        let r = explain(&format!("{base} {suffix}"));
        let f = &r.findings[0];
        assert_eq!(f.fields["deny_reason"], reason);
        assert!(
            f.remedies.iter().any(|m| m.command.contains(hint)),
            "{reason}"
        );
        assert!(
            !f.remedies
                .iter()
                .any(|m| m.command.contains("put-user-policy")),
            "{reason}: no identity grant when {reason} denies"
        );
    }
}

#[test]
fn throttling_names_the_rate_and_the_disagreement() {
    let r = explain("An error occurred (ThrottlingException) when calling the GetAuthorizationToken operation (reached max retries: 2): Rate exceeded");
    let f = &r.findings[0];
    assert!(
        f.explanation.contains("200 credits")
            && f.explanation.contains("20 per second")
            && f.explanation.contains("500 per second")
    );
    assert!(f
        .remedies
        .iter()
        .any(|m| m.command.contains("AWS_RETRY_MODE=standard")));
    assert!(f.remedies.iter().any(|m| m.command.contains("L-55A41110")));
}

#[test]
fn root_cause_first_in_a_cascade() {
    let r = explain("Connect timeout on endpoint URL: \"https://api.ecr.us-west-2.amazonaws.com/\"\nError: Cannot perform an interactive login from a non TTY device");
    assert_eq!(ids(&r), ["endpoint-unreachable", "non-tty-login"]);
    let r = explain("An error occurred (UnrecognizedClientException) when calling the GetAuthorizationToken operation: The security token included in the request is invalid\nError: Cannot perform an interactive login from a non TTY device");
    assert_eq!(ids(&r), ["aws-credentials-invalid", "non-tty-login"]);
    // A wrapper carrying a precise error follows it.
    let r = explain("CannotPullContainerError: Error response from daemon: pull access denied for 123456789012.dkr.ecr.us-east-1.amazonaws.com/app, repository does not exist or may require 'docker login': denied: Your authorization token has expired. Reauthenticate and try again");
    assert_eq!(ids(&r)[0], "token-expired");
    assert!(r.findings.iter().skip(1).all(|f| f.context_of.is_some()));
}

#[test]
fn several_errors_each_with_a_span() {
    let text = "An error occurred (AccessDeniedException) when calling the CreateRepository operation: User: arn:aws:iam::111122223333:user/a is not authorized to perform: ecr:CreateRepository on resource: *\n\
                some output\n\
                denied: User: arn:aws:iam::111122223333:user/a is not authorized to perform: ecr:InitiateLayerUpload on resource: arn:aws:ecr:us-east-1:111122223333:repository/x";
    let r = explain(text);
    let actions: Vec<_> = r
        .findings
        .iter()
        .map(|f| f.fields["action"].as_str())
        .collect();
    assert_eq!(actions, ["ecr:CreateRepository", "ecr:InitiateLayerUpload"]);
    assert!(r.findings[0].span.end < r.findings[1].span.start);
}

#[test]
fn repeats_are_one_finding_with_occurrences() {
    let line = "Error response from daemon: manifest for 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:9 not found: manifest unknown: Requested image not found\n";
    let r = explain(&format!("{line}retrying\n{line}retrying\n{line}"));
    assert_eq!(r.findings.len(), 1);
    assert_eq!(r.findings[0].occurrences, 3);
}

#[test]
fn lookalikes_are_not_ecr_findings() {
    for (text, id) in [
        ("toomanyrequests: You have reached your unauthenticated pull rate limit. https://www.docker.com/increase-rate-limit", "not-ecr-docker-hub-rate-limit"),
        ("echo \"\" | docker login ghcr.io -u me --password-stdin\nError: Cannot perform an interactive login from a non TTY device", "not-ecr-registry-login"),
        ("An error occurred (ThrottlingException) when calling the DescribeAutoScalingGroups operation: Rate exceeded", "not-ecr-other-aws-service"),
        ("User: arn:aws:iam::123456789012:user/bob is not authorized to perform: codecommit:GitPull on resource: arn:aws:codecommit:us-east-1:123456789012:repo", "not-ecr-other-aws-service"),
    ] {
        let r = explain(text);
        assert_eq!(r.ecr_findings().count(), 0, "{text}: {:?}", ids(&r));
        assert_eq!(first_id(&r), id, "{text}");
        assert!(r.summary.starts_with("Not an ECR error"), "{}", r.summary);
    }
}

#[test]
fn unknown_input_says_so_and_still_reads_facts() {
    let r = explain(
        "something odd happened with arn:aws:ecr:eu-central-1:123456789012:repository/tools/ci",
    );
    assert!(r.findings.is_empty());
    assert_eq!(r.summary, "Not an ECR error this tool knows.");
    assert_eq!(
        r.fields.get("region").map(String::as_str),
        Some("eu-central-1")
    );
    assert_eq!(
        r.fields.get("repository").map(String::as_str),
        Some("tools/ci")
    );
    // A generic AWS error with nothing about ECR is not claimed, but offered as a candidate.
    let r = explain(
        "{\"message\":\"Rate exceeded.\",\"code\":\"ThrottlingException\",\"statusCode\":400}",
    );
    assert_eq!(r.ecr_findings().count(), 0);
    assert_eq!(
        r.candidates.first().map(|c| c.id.as_str()),
        Some("throttling")
    );
}

#[test]
fn bad_input_gets_an_answer() {
    for text in [
        "",
        " ",
        "\0\0\u{1}\u{7f}",
        "<script>alert(1)</script><img src=x onerror=alert(1)>",
        "\\\\\\\\\"\\u12",
        "\u{1b}[",
        "&#x;&lt",
    ] {
        let r = explain(text);
        assert!(r.ecr_findings().next().is_none(), "{text:?}");
        assert!(!r.summary.is_empty());
    }
    let one_long_line = "x".repeat(1 << 20) + " no basic auth credentials " + &"y".repeat(1 << 20);
    let r = explain(&one_long_line);
    assert_eq!(first_id(&r), "no-basic-auth-credentials");
    let s = r.findings[0].span;
    assert_eq!(&one_long_line[s.start..s.end], "no basic auth credentials");
}

#[test]
fn a_big_log_with_errors_buried_in_it() {
    let mut log = String::new();
    let mut planted = Vec::new();
    for i in 0..120_000 {
        if i == 40_000 || i == 110_000 {
            planted.push(log.len());
            log.push_str(
                "denied: Your authorization token has expired. Reauthenticate and try again\n",
            );
        } else {
            log.push_str(&format!(
                "#{i} [build 3/7] RUN make -j4 target-{i} ... ok ({} ms)\n",
                i % 977
            ));
        }
    }
    assert!(log.len() > 5_000_000);
    let r = explain(&log);
    assert_eq!(ids(&r), ["token-expired"]);
    let f = &r.findings[0];
    assert_eq!(f.occurrences, 2);
    assert_eq!(f.span.start, planted[0] + "denied: ".len());
    assert_eq!(f.more_spans[0].start, planted[1] + "denied: ".len());
}

#[test]
fn the_report_has_the_documented_json_shape() {
    let r = explain(&format!("denied: {DENIED}"));
    let v: serde_json::Value = serde_json::to_value(&r).unwrap();
    let f = &v["findings"][0];
    for key in [
        "id",
        "title",
        "http_status",
        "confidence",
        "span",
        "fields",
        "explanation",
        "remedies",
        "references",
    ] {
        assert!(f.get(key).is_some(), "finding.{key}");
    }
    assert!(f["span"]["start"].is_u64() && f["span"]["end"].is_u64());
    assert!(f["remedies"][0]["title"].is_string() && f["remedies"][0]["command"].is_string());
    assert!(v["fields"].is_object());
    assert_eq!(v["fields"]["action"], "ecr:BatchGetImage");
}

/// Everyday pastes beyond the corpus: tools, wrappers and registries people meet.
#[test]
fn everyday_pastes_read_right() {
    let cases: &[(&str, Option<&str>)] = &[
        ("Error response from daemon: Get \"https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/\": dial tcp: lookup 123456789012.dkr.ecr.us-east-1.amazonaws.com on 127.0.0.53:53: no such host", Some("endpoint-unreachable")),
        ("The push refers to repository [123456789012.dkr.ecr.us-east-1.amazonaws.com/web]\ndenied: requested access to the resource is denied", Some("access-denied")),
        ("Error response from daemon: login attempt to https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/ failed with status: 403 Forbidden", Some("access-denied")),
        ("Error: creating ECR Repository (web): RepositoryAlreadyExistsException: The repository with name 'web' already exists in the registry with id '123456789012'", Some("repository-already-exists")),
        ("Error: ECR Repository (web) not empty, consider using force_delete: RepositoryNotEmptyException: The repository with name 'web' in registry with id '123456789012' cannot be deleted because it still contains images", Some("repository-not-empty")),
        ("Warning  Failed  3s  kubelet  Failed to pull image \"123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:v2\": rpc error: code = Unknown desc = failed to pull and unpack image \"123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:v2\": failed to resolve reference \"123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:v2\": unexpected status from HEAD request to https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/v2/api/manifests/v2: 403 Forbidden", Some("access-denied")),
        ("ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s): RequestError: send request failed caused by: Post \"https://api.ecr.us-east-1.amazonaws.com/\": dial tcp 52.46.1.1:443: i/o timeout. Please check your task network configuration.", Some("endpoint-unreachable")),
        ("Error: failed to authorize: failed to fetch anonymous token: unexpected status: 401 Unauthorized", Some("registry-unauthorized")),
        ("MANIFEST_UNKNOWN: Requested image not found", Some("image-not-found")),
        ("Error: Credentials could not be loaded, please check your action inputs: Could not load credentials from any providers", Some("aws-credentials-missing")),
        ("An error occurred (InvalidParameterException) when calling the CreateRepository operation: Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must satisfy regular expression '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*''", Some("invalid-parameter")),
        ("docker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:latest\nError response from daemon: Head \"https://public.ecr.aws/v2/docker/library/alpine/manifests/3\": unexpected status 403 Forbidden", Some("access-denied")),
        ("Error: error creating Lambda Function (api): InvalidParameterValueException: Source image 123456789012.dkr.ecr.us-east-1.amazonaws.com/api:v9 does not exist. Provide a valid source image.", Some("image-not-found")),
        ("Error: Lambda does not have permission to access the ECR image. Check the ECR permissions.", Some("access-denied")),
        ("x509: certificate signed by unknown authority while pulling 123456789012.dkr.ecr.us-east-1.amazonaws.com/web", Some("endpoint-unreachable")),
        ("An error occurred (ExpiredTokenException) when calling the ListBuckets operation: The provided token has expired.", None),
        ("Error response from daemon: pull access denied for myorg/private-app, repository does not exist or may require 'docker login': denied: requested access to the resource is denied", Some("not-ecr-other-registry")),
        ("error: failed to solve: failed to push ghcr.io/org/app:1: unexpected status from PUT request to https://ghcr.io/v2/org/app/manifests/1: 403 Forbidden", Some("not-ecr-other-registry")),
        ("ERROR: failed to solve: 123456789012.dkr.ecr.us-east-1.amazonaws.com/base:3: failed to resolve source metadata for 123456789012.dkr.ecr.us-east-1.amazonaws.com/base:3: unexpected status from HEAD request to https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/base/manifests/3: 401 Unauthorized", Some("registry-unauthorized")),
        ("The config profile (prod) could not be found\n", Some("aws-credentials-missing")),
    ];
    for (text, expected) in cases {
        let r = explain(text);
        assert_eq!(
            r.findings.first().map(|f| f.id.as_str()),
            *expected,
            "{text}"
        );
    }
}

/// Facts about a failed call come from its own message; a neighbouring message's host is read
/// whole, never cut at the edge of the window.
#[test]
fn facts_stay_with_their_message() {
    let text = format!(
        "    > An error occurred (AccessDeniedException) when calling the GetAuthorizationToken operation: User: arn:aws:sts::111122223333:assumed-role/{role}/Session is not authorized to perform: ecr:GetAuthorizationToken on resource: * because no identity-based policy allows the ecr:GetAuthorizationToken action\n\n    > Error response from daemon: pull access denied for 444455556666.dkr.ecr.us-west-2.amazonaws.com/team/exporter_tool, repository does not exist or may require 'docker login': denied: User: arn:aws:sts::111122223333:assumed-role/{role}/Session is not authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:us-west-2:444455556666:repository/team/exporter_tool",
        role = "a-rather-long-execution-role-name-for-a-cluster"
    );
    let r = explain(&text);
    let denied: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.id == "access-denied")
        .collect();
    assert_eq!(denied.len(), 2, "{:?}", ids(&r));
    assert_eq!(denied[0].fields["action"], "ecr:GetAuthorizationToken");
    assert_eq!(denied[0].fields["operation"], "GetAuthorizationToken");
    assert_eq!(denied[1].fields["action"], "ecr:BatchGetImage");
    assert_eq!(
        denied[1].fields.get("operation"),
        None,
        "the docker pull called no CLI operation"
    );
    for f in &denied {
        if let Some(repo) = f.fields.get("repository") {
            assert_eq!(repo, "team/exporter_tool");
        }
    }
}

/// A retry loop that prints one error thousands of times is one finding, counted right.
#[test]
fn a_retry_loop_is_one_finding_counted_right() {
    let line = "Error response from daemon: Get https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/app/manifests/1: no basic auth credentials\n";
    let text = line.repeat(12_000);
    assert!(text.len() > 1_500_000, "more than one chunk");
    let r = explain(&text);
    assert_eq!(ids(&r), ["no-basic-auth-credentials"]);
    assert_eq!(r.findings[0].occurrences, 12_000);
    assert_eq!(r.findings[0].fields["repository"], "app");
}

/// Two different errors on one line are two findings, not one repeated.
#[test]
fn two_errors_on_one_line_stay_two() {
    let text = "{\"log\":\"denied: User: arn:aws:iam::111122223333:user/a is not authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:us-east-1:111122223333:repository/x; then denied: User: arn:aws:iam::111122223333:user/a is not authorized to perform: ecr:PutImage on resource: arn:aws:ecr:us-east-1:111122223333:repository/x\"}";
    let r = explain(text);
    let actions: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.id == "access-denied")
        .map(|f| f.fields["action"].as_str())
        .collect();
    assert_eq!(actions, ["ecr:BatchGetImage", "ecr:PutImage"]);
}
