use super::*;

/// `no-basic-auth-credentials`: Docker had no login for the registry host it talked to.
pub const FAMILY: Family = Family {
    id: "no-basic-auth-credentials",
    title: "Docker has no credentials for this registry (no basic auth credentials)",
    http_status: Some(401),
    stage: Stage::Registry,
    umbrella: false,
    explanation: "Docker (or containerd) sent the request to the registry{registry_q} without credentials: it has no login stored for that exact host, or the credential helper returned none.",
    causes: "Logins are per registry host: logging in to another Region or account does not cover this one{registry_q}. Also: no `docker login` at all in this job or on this node; docker run with `sudo` (root's ~/.docker/config.json differs from yours); a 12-hour token that expired; a credential helper named in config.json that is missing or failing; on Docker for Windows, a login saved under `https://...` that wincred does not match; on EKS or ECS, the node or execution role lacks ECR pull permissions so the kubelet/agent gets no token.",
    signatures: &[
        Signature {
            anchors: &["basic"],
            pattern: r"\bno (?:basic auth credentials|credentials available for basic auth)\b",
            scope: Scope::EcrUnlessForeign,
            confidence: 0.93,
            ..Signature::BASE
        },
        // Docker before 1.10 asked for a login it could not read in a pipeline.
        Signature {
            anchors: &["login"],
            pattern: r"\bPlease login prior to (?:push|pull)\b",
            scope: Scope::EcrUnlessForeign,
            confidence: 0.8,
            ..Signature::BASE
        },
        // containerd's form (kubelet): for an ECR image it means the node sent no credentials;
        // the reason after it is often cut off in what people paste.
        Signature {
            anchors: &["denied"],
            pattern: r"\bpull access denied, repository\b",
            scope: Scope::NeedsEcr,
            confidence: 0.6,
            precise: false,
            ..Signature::BASE
        },
    ],
    remedies: &[
        remedy(
            "Log in to exactly the host in the image reference (same account, same Region)",
            "aws ecr get-login-password --region {region} | docker login --username AWS --password-stdin {registry}",
        ),
        remedy(
            "Check which registries Docker has credentials for (and for which user: sudo uses root's file)",
            "cat ~/.docker/config.json\nsudo cat /root/.docker/config.json",
        ),
        remedy_when(
            "On EKS/Kubernetes nodes: give the node role ECR pull permissions",
            "aws iam attach-role-policy --role-name <node-role> --policy-arn arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly",
            When::Is("client", "kubelet"),
        ),
        remedy(
            "Or let the ECR credential helper log in automatically",
            "# ~/.docker/config.json\n{\"credHelpers\": {\"{registry}\": \"ecr-login\"}}",
        ),
    ],
    references: &[
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/common-errors-docker.html",
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry_auth.html",
        "https://repost.aws/knowledge-center/eks-ecr-troubleshooting",
    ],
    examples: &[
        "The push refers to repository [123456789012.dkr.ecr.us-east-1.amazonaws.com/app]\nno basic auth credentials",
        "Error response from daemon: Get https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/v2/app/manifests/latest: no basic auth credentials",
    ],
    near_misses: near_misses(&[
        "Error response from daemon: Get https://registry.gitlab.com/v2/group/app/manifests/1: no basic auth credentials for registry.gitlab.com via docker.io",
    ]),
};
