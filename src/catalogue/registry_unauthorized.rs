use super::*;

/// `registry-unauthorized`: the registry answered 401 to the credentials Docker sent.
pub const FAMILY: Family = Family {
    id: "registry-unauthorized",
    title: "The registry rejected the login (401 Unauthorized)",
    http_status: Some(401),
    stage: Stage::Registry,
    umbrella: false,
    explanation: "ECR's registry endpoint{registry_q} answered 401 Unauthorized: the credentials Docker, containerd or the kubelet sent are missing, expired or not an ECR token.",
    causes: "No valid ECR login for that host (tokens last 12 hours; nodes rely on a credential provider that failed, often because GetAuthorizationToken was throttled or denied); IAM access keys used directly as docker username/password (ECR needs `AWS` and a token from get-login-password); a login for another Region or account; on EKS, a missing or misconfigured kubelet image credential provider (needed since Kubernetes 1.27) or a node role without ECR permissions.",
    signatures: &[
        Signature {
            anchors: &["errors"],
            pattern: r#"\{\s*"errors"\s*:\s*\[\s*\{\s*"code"\s*:\s*"UNAUTHORIZED""#,
            scope: Scope::NeedsEcr,
            confidence: 0.85,
            ..Signature::BASE
        },
        Signature {
            anchors: &["unauthorized"],
            pattern: r"\bunauthorized: authentication required\b",
            scope: Scope::EcrUnlessForeign,
            confidence: 0.85,
            ..Signature::BASE
        },
        Signature {
            anchors: &["401"],
            pattern: r"\b401 Unauthorized\b",
            scope: Scope::EcrUnlessForeign,
            confidence: 0.8,
            ..Signature::BASE
        },
        Signature {
            anchors: &["401"],
            pattern: r"\b(?:unsupported|unexpected) status(?: code)?:? 401\b",
            scope: Scope::NeedsEcr,
            confidence: 0.8,
            ..Signature::BASE
        },
        Signature {
            anchors: &["anonymous"],
            pattern: r"\bfailed to fetch anonymous token\b",
            scope: Scope::EcrUnlessForeign,
            confidence: 0.75,
            ..Signature::BASE
        },
    ],
    remedies: &[
        remedy(
            "Log in with a fresh ECR token (user name `AWS`, never your access keys)",
            "aws ecr get-login-password --region {region} | docker login --username AWS --password-stdin {registry}",
        ),
        remedy_when(
            "On EKS: check the node role and the kubelet's ECR credential provider",
            "aws iam list-attached-role-policies --role-name <node-role>   # expect AmazonEC2ContainerRegistryPullOnly\nsudo cat /etc/eks/image-credential-provider/config.json",
            When::Is("client", "kubelet"),
        ),
    ],
    references: &[
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry_auth.html",
        "https://repost.aws/knowledge-center/eks-ecr-troubleshooting",
        "https://kubernetes.io/docs/tasks/administer-cluster/kubelet-credential-provider/",
    ],
    examples: &[
        "Error response from daemon: login attempt to https://123456789012.dkr.ecr.eu-central-1.amazonaws.com/v2/ failed with status: 401 Unauthorized",
        "Failed to pull image \"123456789012.dkr.ecr.us-east-1.amazonaws.com/app:latest\": unauthorized: authentication required",
    ],
    near_misses: near_misses(&[
        "Error response from daemon: Head \"https://ghcr.io/v2/org/app/manifests/1\": unauthorized",
    ]),
};
