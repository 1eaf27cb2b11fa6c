use super::*;

/// `pull-access-denied`: Docker's generic refusal, which hides several causes.
pub const FAMILY: Family = Family {
    id: "pull-access-denied",
    title: "Pull access denied: the repository is missing or you are not logged in",
    http_status: Some(403),
    stage: Stage::Wrapper,
    umbrella: true,
    explanation: "Docker or containerd could not pull the repository{repository_q} from the registry{registry_q} and could not tell whether the repository is missing or access is refused. When the message carries ECR's own reason after `denied:`, that finding comes first.",
    causes: "No `docker login` to this registry host, or an expired one; the repository or its path is wrong (a host without a repository, a typo, the wrong account or Region); your principal is not allowed to pull (IAM or, across accounts, the repository policy); a pull-through cache rule failing upstream.",
    signatures: &[Signature {
        anchors: &["denied"],
        pattern: r"\bpull access denied(?: for (?P<image>[^\s,]+))?,? repository does not exist or may require (?:'docker login'|authorization)",
        scope: Scope::NeedsEcr,
        confidence: 0.8,
        precise: false,
        ..Signature::BASE
    }],
    remedies: &[
        remedy(
            "Log in to this registry host",
            "aws ecr get-login-password --region {region} | docker login --username AWS --password-stdin {registry}",
        ),
        remedy(
            "Check the repository exists under that exact name",
            "aws ecr describe-repositories --repository-names {repository} --region {region} --registry-id {registry_id}",
        ),
        remedy(
            "Check you may pull it",
            "aws ecr batch-get-image --repository-name {repository} --image-ids imageTag=<tag> --region {region} --registry-id {registry_id} --query 'failures'",
        ),
    ],
    references: &[
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/common-errors-docker.html",
        "https://repost.aws/knowledge-center/eks-ecr-troubleshooting",
    ],
    examples: &[
        "Error response from daemon: pull access denied for 123456789012.dkr.ecr.ap-northeast-2.amazonaws.com, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    ],
    near_misses: near_misses(&[
        "Error response from daemon: pull access denied for internal-tool, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    ]),
};
