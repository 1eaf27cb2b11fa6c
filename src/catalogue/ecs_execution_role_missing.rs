use super::*;

/// `ecs-execution-role-missing`: an ECS task needs an execution role to pull from ECR.
pub const FAMILY: Family = Family {
    id: "ecs-execution-role-missing",
    title: "The ECS task has no usable execution role for pulling from ECR",
    http_status: Some(400),
    stage: Stage::Api,
    umbrella: false,
    explanation: "Amazon ECS needs a task execution role to get an ECR token and pull the image (always on Fargate), and this task definition has none, or ECS could not assume it.",
    causes: "`executionRoleArn` missing from the task definition; a typo in the role name; the role's trust policy does not allow `ecs-tasks.amazonaws.com`; the role exists but lacks AmazonECSTaskExecutionRolePolicy.",
    signatures: &[
        Signature {
            anchors: &["fargate"],
            pattern: r"\bFargate requires (?:the )?task definition to have execution role ARN to support ECR images",
            scope: Scope::Ecr,
            confidence: 0.97,
            ..Signature::BASE
        },
        Signature {
            anchors: &["assume"],
            pattern: r"\bECS was unable to assume the role '(?P<role>[^']+)'",
            scope: Scope::EcrUnlessForeign,
            confidence: 0.85,
            ..Signature::BASE
        },
        Signature {
            anchors: &["permissions"],
            pattern: r"\bThe task can.t pull the image\. Check that the role has the permissions to pull images from the registry",
            scope: Scope::Ecr,
            confidence: 0.9,
            ..Signature::BASE
        },
    ],
    remedies: &[
        remedy(
            "Create the standard execution role (trust ecs-tasks, attach the managed policy)",
            "aws iam create-role --role-name ecsTaskExecutionRole --assume-role-policy-document '{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}'\naws iam attach-role-policy --role-name ecsTaskExecutionRole --policy-arn arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
        ),
        remedy(
            "Name it in the task definition",
            "\"executionRoleArn\": \"arn:aws:iam::{account_id}:role/ecsTaskExecutionRole\"",
        ),
    ],
    references: &["https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html"],
    examples: &[
        "An error occurred (ClientException) when calling the RegisterTaskDefinition operation: Fargate requires task definition to have execution role ARN to support ECR images.",
    ],
    near_misses: near_misses(&["An error occurred (ClientException) when calling the RegisterTaskDefinition operation: Invalid setting for container 'web'."]),
};
