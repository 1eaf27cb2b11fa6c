use super::*;

/// `ecs-cannot-pull-container`: ECS stopped a task because its image could not be pulled.
pub const FAMILY: Family = Family {
    id: "ecs-cannot-pull-container",
    title: "ECS could not pull the container image (CannotPullContainerError)",
    http_status: None,
    stage: Stage::Wrapper,
    umbrella: true,
    explanation: "Amazon ECS stopped the task because the container agent could not pull its image{image_suffix}. The text after `CannotPullContainerError:` is the real reason; when it names a precise ECR error, that finding comes first.",
    causes: "No network path to ECR and S3 from the task's subnet (no public IP or NAT, no VPC endpoints); the task execution role (Fargate) or container instance role (EC2) lacks ECR pull permissions; the image or tag does not exist (`404`, `not found`); a cross-account repository policy that does not allow the role; Docker Hub rate limits for images that are not in ECR; a full disk on the container instance.",
    signatures: &[
        Signature {
            anchors: &["cannotpullcontainererror", "cannotpullecrcontainererror", "cannotpullcontainer"],
            pattern: r"\bCannotPull(?:ECR)?Container(?:Error)?\b",
            scope: Scope::EcrUnlessForeign,
            confidence: 0.85,
            precise: false,
            ..Signature::BASE
        },
        Signature {
            anchors: &["resourceinitializationerror"],
            pattern: r"\bResourceInitializationError: unable to pull secrets or registry auth\b.{0,160}?\bunable to retrieve ecr registry auth\b",
            scope: Scope::EcrUnlessForeign,
            confidence: 0.85,
            precise: false,
            ..Signature::BASE
        },
        // The wrapper alone, with no detail: vague, and not when it goes on to name a secret.
        Signature {
            anchors: &["resourceinitializationerror"],
            // The optional tail is there for `unless` to see: a secret is Secrets Manager's or
            // SSM's problem, not the registry's.
            pattern: r"\bResourceInitializationError: unable to pull secrets or registry auth\b(?:: execution resource retrieval failed: unable to retrieve secrets?\b)?",
            unless: Some(r"\bunable to retrieve secrets?\b"),
            scope: Scope::EcrUnlessForeign,
            confidence: 0.7,
            precise: false,
            ..Signature::BASE
        },
    ],
    remedies: &[
        remedy(
            "Read the full stopped reason (the console truncates it)",
            "aws ecs describe-tasks --cluster <cluster> --tasks <task-id> --query 'tasks[].{reason:stoppedReason,containers:containers[].reason}'",
        ),
        remedy(
            "Make sure the task execution role can pull from ECR",
            "aws iam attach-role-policy --role-name ecsTaskExecutionRole --policy-arn arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
        ),
        remedy(
            "Check the image exists",
            "aws ecr describe-images --repository-name {repository} --region {region}",
        ),
        remedy(
            "Let AWS diagnose it",
            "aws ssm start-automation-execution --document-name AWSSupport-TroubleshootECSTaskFailedToStart --parameters ClusterName=<cluster>,TaskId=<task-id>",
        ),
    ],
    references: &[
        "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_cannot_pull_image.html",
        "https://repost.aws/knowledge-center/ecs-pull-container-api-error-ecr",
    ],
    examples: &[
        "CannotPullContainerError: Error response from daemon: pull access denied for 123456789012.dkr.ecr.us-west-2.amazonaws.com/sidecar, repository does not exist or may require 'docker login': denied",
        "Task stopped: ResourceInitializationError: unable to pull secrets or registry auth",
        "Status reason: CannotPullContainerError: API error (404): repository 111122223333.dkr.ecr.eu-west-1.amazonaws.com/app not found",
        "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref 111122223333.dkr.ecr.eu-west-1.amazonaws.com/web:3: unexpected status from HEAD request to https://111122223333.dkr.ecr.eu-west-1.amazonaws.com/v2/web/manifests/3: 403 Forbidden",
    ],
    near_misses: near_misses(&[
        "CannotStartContainerError: API error (500): driver failed programming external connectivity",
    ]),
};
