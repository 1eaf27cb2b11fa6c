use super::*;

/// `disk-full`: the host ran out of disk while writing the image's layers.
pub const FAMILY: Family = Family {
    id: "disk-full",
    title: "The host ran out of disk space while pulling the image",
    http_status: None,
    stage: Stage::Api,
    umbrella: false,
    explanation: "Docker or containerd could not write the image's layers to disk (`no space left on device`). ECR served the image; the machine pulling it had no room for it.",
    causes: "Old images and stopped containers filling /var/lib/docker (or /var/lib/containerd); container logs growing without rotation; a small root or data volume on ECS container instances, EKS nodes or CI runners; Fargate tasks with images larger than their ephemeral storage; a full disk can also corrupt downloads (`filesystem layer verification failed`).",
    signatures: &[Signature {
        anchors: &["space"],
        pattern: r"\bno space left on device\b",
        scope: Scope::AwsWithHint,
        confidence: 0.9,
        ..Signature::BASE
    }],
    remedies: &[
        remedy(
            "See what uses the disk",
            "df -h /var/lib/docker /var/lib/containerd 2>/dev/null\ndocker system df",
        ),
        remedy(
            "Free space: unused images, stopped containers, build cache",
            "docker system prune --all --force\n# containerd (EKS): sudo crictl rmi --prune",
        ),
        remedy(
            "Cap container logs so they cannot fill the disk again",
            "# /etc/docker/daemon.json\n{\"log-driver\": \"json-file\", \"log-opts\": {\"max-size\": \"10m\", \"max-file\": \"3\"}}",
        ),
        remedy(
            "ECS on Fargate: give the task more ephemeral storage (up to 200 GiB)",
            "\"ephemeralStorage\": {\"sizeInGiB\": 50}",
        ),
    ],
    references: &[
        "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_cannot_pull_image.html",
        "https://docs.docker.com/reference/cli/docker/system/prune/",
    ],
    examples: &[
        "CannotPullContainerError: write /var/lib/docker/tmp/GetImageBlob111111111: no space left on device",
    ],
    near_misses: near_misses(&["cp: cannot create regular file 'out.txt': No space left on device"]),
};
