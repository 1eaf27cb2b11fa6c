use super::*;

/// `aws-credentials-expired`: the AWS session (STS, SSO, assumed role) has expired.
pub const FAMILY: Family = Family {
    id: "aws-credentials-expired",
    title: "Your AWS credentials (session) have expired",
    http_status: Some(403),
    stage: Stage::Credentials,
    umbrella: false,
    explanation: "The AWS credentials used to call ECR{operation_suffix} are temporary and have expired (ExpiredTokenException). This is your AWS session, not the 12-hour Docker registry token.",
    causes: "Temporary credentials (an assumed role, SSO / IAM Identity Center, `aws sts get-session-token`, CI OIDC roles) last from 15 minutes to 12 hours. Environment variables or a profile still hold the old AWS_SESSION_TOKEN; the SSO cache has expired; a long job outlived its role session.",
    signatures: &[
        Signature {
            anchors: &["expiredtokenexception", "expiredtoken"],
            pattern: r"\bExpiredToken(?:Exception)?\b",
            scope: Scope::AwsWithHint,
            confidence: 0.95,
            ..Signature::BASE
        },
        Signature {
            anchors: &["expired"],
            pattern: r"\bThe security token included in the request is expired\b",
            scope: Scope::AwsWithHint,
            confidence: 0.95,
            ..Signature::BASE
        },
        Signature {
            anchors: &["expired"],
            pattern: r"\b(?:Token has expired and refresh failed|The SSO session associated with this profile has expired)",
            scope: Scope::AwsWithHint,
            confidence: 0.9,
            ..Signature::BASE
        },
    ],
    remedies: &[
        remedy(
            "Refresh the credentials: SSO login, or assume the role again",
            "aws sso login --profile <profile>\n# or: aws sts assume-role --role-arn <role-arn> --role-session-name ecr\naws sts get-caller-identity",
        ),
        remedy(
            "Clear stale environment variables that override the profile",
            "unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN",
        ),
        remedy(
            "Then log in to the registry again",
            "aws ecr get-login-password --region {region} | docker login --username AWS --password-stdin {registry}",
        ),
    ],
    references: &[
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html",
        "https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-sso.html",
    ],
    examples: &[
        "An error occurred (ExpiredTokenException) when calling the GetAuthorizationToken operation (reached max retries: 2): The security token included in the request is expired",
    ],
    near_misses: near_misses(&[
        "denied: Your authorization token has expired. Reauthenticate and try again",
        "An error occurred (ExpiredTokenException) when calling the ListBuckets operation: The provided token has expired.",
    ]),
};
