//! The client that printed an error (the AWS CLI, an SDK, Docker, kubelet, the ECS agent).

use super::Fact;
use crate::engine::pattern::Regex;
use std::sync::OnceLock;

/// The client that printed an error, as a fact without a position.
pub fn client_fact(client: &'static str) -> Fact {
    Fact {
        key: "client",
        value: client.to_string(),
        start: 0,
        end: 0,
        rank: 5,
    }
}

/// Which tool printed the error, from its envelope. First rule that fits wins; the order puts
/// the most specific wrappers first.
pub fn detect_client(text: &str) -> Option<&'static str> {
    // (needles, pattern, client): the regex runs only when a needle is in the text.
    type Rule = (&'static [&'static str], Regex, &'static str);
    static RULES: OnceLock<Vec<Rule>> = OnceLock::new();
    let rules = RULES.get_or_init(|| {
        let rules: [(&'static [&'static str], &str, &'static str); 10] = [
            (
                &["taskengine", "cannotpull", "ecs-agent"],
                r"TaskEngine|CannotPull(?:ECR)?ContainerError|ecs-agent|amazon-ecs-agent",
                "ecs-agent",
            ),
            (
                &["kubelet", "errimagepull", "imagepullbackoff", "podsandbox"],
                r"\bkubelet\b|ErrImagePull|ImagePullBackOff|FailedCreatePodSandBox|RunPodSandbox",
                "kubelet",
            ),
            (
                &["aws: [error]:", "aws-cli/2."],
                r"aws: \[ERROR\]:|aws-cli/2\.",
                "aws-cli-v2",
            ),
            (
                &["a client error", "aws-cli/1."],
                r"A client error \([A-Za-z]+\) occurred|aws-cli/1\.",
                "aws-cli-v1",
            ),
            (
                &["boto", "traceback"],
                r"botocore|boto3|Traceback \(most recent call last\)",
                "boto3",
            ),
            (
                &["awssdk", "com.amazonaws.", "(service:"],
                r"software\.amazon\.awssdk|com\.amazonaws\.|\(Service: (?:Ecr|AmazonECR)",
                "java-sdk",
            ),
            (
                &["operation error", "status code:", "aws-sdk-go"],
                r"operation error [A-Za-z0-9 ]+:|\bstatus code: \d{3}, request id:|aws-sdk-go",
                "go-sdk",
            ),
            (
                &["$metadata", "$fault", "@aws-sdk/", "retryable", "aws-sdk"],
                r#"\$metadata|"\$fault"|@aws-sdk/|"retryable"\s*:|AWS-SDK|aws-sdk-js"#,
                "js-sdk",
            ),
            (
                &["failed to solve", "buildx", "buildkit", "#"],
                r"\bERROR: failed to solve\b|\bbuildx\b|\bbuildkit\b|^#\d+ \[|\s#\d+ \[",
                "buildkit",
            ),
            (
                &["from daemon", "docker ", "push refers"],
                r"Error response from daemon|\bdocker (?:push|pull|login|run)\b|The push refers to",
                "docker",
            ),
        ];
        rules
            .into_iter()
            .map(|(n, p, c)| {
                (
                    n,
                    Regex::new(&format!("(?i){p}")).expect("client pattern"),
                    c,
                )
            })
            .collect()
    });
    let lower = text.to_ascii_lowercase();
    rules
        .iter()
        .find(|(needles, re, _)| needles.iter().any(|n| lower.contains(n)) && re.is_match(text))
        .map(|&(_, _, c)| c)
}
