use super::*;

/// `helm-oci-error`: Helm treated an ECR host as a classic chart repository (no `oci://`), or
/// ran without OCI support.
pub const FAMILY: Family = Family {
    id: "helm-oci-error",
    title: "Helm used ECR without oci:// (ECR stores charts as OCI artifacts)",
    http_status: None,
    stage: Stage::Registry,
    umbrella: false,
    explanation: "ECR stores Helm charts as OCI artifacts, which Helm reaches only through `oci://` references (`helm pull oci://{registry}/{repository}`). Without the scheme Helm takes the ECR host for a classic chart repository, looks for an `index.yaml` or a repository added with `helm repo add`, and reports that the repo is not found or not valid.",
    causes: "`helm pull`, `helm install` or `helm push` given `{registry}/chart` instead of `oci://{registry}/chart`; `helm repo add` pointed at an ECR host (OCI registries are not added as repos); a Helm older than 3.8 where OCI support still needed HELM_EXPERIMENTAL_OCI=1; logging in with `docker login` is fine, but Helm must also find those credentials (or use `helm registry login`).",
    signatures: &[
        // The helm command and the error it printed: the command names the chart.
        Signature {
            anchors: &["helm"],
            pattern: r"\bhelm (?:pull|install|upgrade|template|show [a-z]+|push)\s+(?:\S+\s+)?(?P<image>[^\s/]*\.dkr\.ecr\.[^\s/]+/\S+).{0,400}?\brepo [^\s/]*\.dkr\.ecr\.[^\s/]+ not found\b",
            scope: Scope::Ecr,
            confidence: 0.92,
            ..Signature::BASE
        },
        Signature {
            anchors: &["repo"],
            pattern: r"\bError: repo (?P<image>(?:oci://)?[^\s/]*(?:\.dkr\.ecr\.|public\.ecr\.aws)[^\s]*?) not found\b",
            scope: Scope::Ecr,
            confidence: 0.9,
            ..Signature::BASE
        },
        Signature {
            anchors: &["chart"],
            pattern: r#"\blooks like "?(?P<image>(?:(?:https?|oci)://)?[^\s"/]*(?:\.dkr\.ecr\.|public\.ecr\.aws)[^\s"]*?)"? is not a valid chart repository"#,
            scope: Scope::Ecr,
            confidence: 0.9,
            ..Signature::BASE
        },
        Signature {
            anchors: &["scheme"],
            pattern: r#"\bscheme prefix missing from remote\b"#,
            scope: Scope::NeedsEcr,
            confidence: 0.85,
            ..Signature::BASE
        },
        Signature {
            anchors: &["experimental"],
            pattern: r"\bthis feature has been marked as experimental and is not enabled by default\b",
            scope: Scope::NeedsEcr,
            confidence: 0.8,
            ..Signature::BASE
        },
    ],
    remedies: &[
        remedy(
            "Log Helm in to the registry (or reuse a docker login)",
            "aws ecr get-login-password --region {region} | helm registry login --username AWS --password-stdin {registry}",
        ),
        remedy(
            "Address the chart with oci:// (no `helm repo add` for OCI registries)",
            "helm pull oci://{registry}/{repository} --version <chart-version>\nhelm install <release> oci://{registry}/{repository} --version <chart-version>",
        ),
        remedy(
            "Push with oci:// and the registry only (the chart name becomes the repository)",
            "helm push <chart>-<chart-version>.tgz oci://{registry}/",
        ),
        remedy(
            "Check Helm is 3.8 or newer (OCI support on by default)",
            "helm version",
        ),
    ],
    references: &[
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/push-oci-artifact.html",
        "https://helm.sh/docs/topics/registries/",
    ],
    examples: &[
        "$ helm install web 111122223333.dkr.ecr.eu-west-1.amazonaws.com/charts/web --version 2.0.1\nError: INSTALLATION FAILED: repo 111122223333.dkr.ecr.eu-west-1.amazonaws.com not found",
        "Error: looks like \"https://111122223333.dkr.ecr.us-east-2.amazonaws.com/charts\" is not a valid chart repository or cannot be reached: failed to fetch https://111122223333.dkr.ecr.us-east-2.amazonaws.com/charts/index.yaml : 404 Not Found",
        "helm push web-0.3.0.tgz 111122223333.dkr.ecr.us-east-2.amazonaws.com/charts\nError: scheme prefix missing from remote (e.g. \"oci://\")",
        "aws ecr get-login-password --region eu-west-1 | helm repo add charts oci://111122223333.dkr.ecr.eu-west-1.amazonaws.com --username AWS --password-stdin\nError: looks like \"oci://111122223333.dkr.ecr.eu-west-1.amazonaws.com\" is not a valid chart repository or cannot be reached: object required",
    ],
    near_misses: near_misses(&[
        "Error: repo bitnami not found",
        "Error: looks like \"https://charts.example.org\" is not a valid chart repository or cannot be reached",
    ]),
};
