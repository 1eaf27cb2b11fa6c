use super::*;

/// `docker-daemon-timeout`: the local Docker daemon did not answer its client in time.
pub const FAMILY: Family = Family {
    id: "docker-daemon-timeout",
    title: "The local Docker daemon timed out (not ECR)",
    http_status: None,
    stage: Stage::Network,
    umbrella: false,
    explanation: "The client (the Docker SDK for Python under Ansible or Compose, or the docker CLI) talks to the local Docker daemon over its socket, and the daemon did not answer in time while it was pushing or pulling. The timeout is between the client and the daemon on this machine; ECR did not refuse anything.",
    causes: "A large push or pull keeps the daemon busy longer than the client's read timeout (docker-py's default is 60 s); a slow or saturated disk or network; the daemon hung or is restarting; Compose's COMPOSE_HTTP_TIMEOUT or Ansible's `timeout` too low.",
    signatures: &[
        Signature {
            anchors: &["unixhttpconnectionpool", "npipehttpconnectionpool"],
            pattern: r"\b(?:Unix|Npipe)HTTPConnectionPool\(host='?localhost'?, port=None\): Read timed out",
            scope: Scope::EcrUnlessForeign,
            confidence: 0.85,
            ..Signature::BASE
        },
        Signature {
            anchors: &["long"],
            pattern: r"\bAn HTTP request took too long to complete\b",
            scope: Scope::NeedsEcr,
            confidence: 0.8,
            ..Signature::BASE
        },
        Signature {
            anchors: &["connect"],
            pattern: r"\berror during connect: .{0,160}?(?:context deadline exceeded|i/o timeout|Timeout exceeded)",
            scope: Scope::NeedsEcr,
            confidence: 0.75,
            ..Signature::BASE
        },
    ],
    remedies: &[
        remedy(
            "Check the daemon answers, and how busy it is",
            "docker info --format '{{.ServerVersion}}'\ndocker system df",
        ),
        remedy(
            "Give the client more time (Compose, the Docker SDK for Python)",
            "export COMPOSE_HTTP_TIMEOUT=300\nexport DOCKER_CLIENT_TIMEOUT=300\n# Ansible docker_image / docker_login: timeout: 300",
        ),
        remedy(
            "Retry the push from the command line to see the registry's own answer",
            "docker push {registry}/{repository}:<tag>",
        ),
    ],
    references: &[
        "https://docs.docker.com/engine/daemon/troubleshoot/",
        "https://docker-py.readthedocs.io/en/stable/client.html",
    ],
    examples: &[
        "Error pushing image 111122223333.dkr.ecr.ap-northeast-2.amazonaws.com/team/api: UnixHTTPConnectionPool(host='localhost', port=None): Read timed out. (read timeout=60)",
    ],
    near_misses: near_misses(&["HTTPConnectionPool(host='example.org', port=80): Read timed out."]),
};
