use super::*;

/// `aws-credentials-invalid`: AWS does not recognise the access key or signature.
pub const FAMILY: Family = Family {
    id: "aws-credentials-invalid",
    title: "AWS does not recognise these credentials (invalid security token)",
    http_status: Some(403),
    stage: Stage::Credentials,
    umbrella: false,
    explanation: "The call to ECR was signed with credentials AWS does not accept: the access key ID is unknown, the secret does not match, or a session token does not belong to the keys.",
    causes: "The access key was deleted, deactivated or mistyped; a stale AWS_SESSION_TOKEN is paired with long-term keys; environment variables override the profile you meant to use; the Region is not enabled for the account (opt-in Regions); in CI, secrets hold keys of another account.",
    signatures: &[
        Signature {
            anchors: &["unrecognizedclientexception", "invalidclienttokenid", "invalidsignatureexception"],
            pattern: r"\b(?:UnrecognizedClientException|InvalidClientTokenId|InvalidSignatureException)\b",
            scope: Scope::AwsWithHint,
            confidence: 0.95,
            ..Signature::BASE
        },
        Signature {
            anchors: &["invalid"],
            pattern: r"\bThe security token included in the request is invalid\b",
            scope: Scope::AwsWithHint,
            confidence: 0.93,
            ..Signature::BASE
        },
        Signature {
            anchors: &["signaturedoesnotmatch", "signature", "records"],
            pattern: r"\b(?:SignatureDoesNotMatch|The request signature we calculated does not match the signature you provided|The AWS Access Key Id you provided does not exist in our records)\b",
            scope: Scope::AwsWithHint,
            confidence: 0.9,
            ..Signature::BASE
        },
    ],
    remedies: &[
        remedy(
            "See which credentials the CLI really uses, and whose they are",
            "aws configure list\naws sts get-caller-identity",
        ),
        remedy(
            "Remove a stale session token or overriding variables",
            "unset AWS_SESSION_TOKEN\n# or all of them, to fall back to the profile:\nunset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN",
        ),
        remedy(
            "Re-enter or rotate the keys",
            "aws configure --profile <profile>\naws iam list-access-keys --user-name <user>",
        ),
    ],
    references: &[
        "https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html",
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
    ],
    examples: &[
        "An error occurred (UnrecognizedClientException) when calling the GetAuthorizationToken operation: The security token included in the request is invalid",
    ],
    near_misses: near_misses(&[
        "An error occurred (InvalidParameterException) when calling the PutImage operation: Invalid parameter",
    ]),
};
