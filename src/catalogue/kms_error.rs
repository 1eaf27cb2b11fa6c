use super::*;

/// `kms-error`: a KMS-encrypted repository's key could not be used.
pub const FAMILY: Family = Family {
    id: "kms-error",
    title: "The repository's KMS key could not be used",
    http_status: Some(400),
    stage: Stage::Api,
    umbrella: false,
    explanation: "The repository is encrypted with a customer managed KMS key, and ECR could not use that key for this operation.",
    causes: "Creating the repository needs `kms:CreateGrant` and `kms:DescribeKey`, deleting it `kms:RetireGrant` (in an IAM policy); the key is disabled, pending deletion, or in another Region; someone revoked the grants ECR created, so pushes and pulls fail at once; a key policy that does not let the caller use the key.",
    signatures: &[
        Signature {
            anchors: &["failurecode"],
            pattern: r#"\bfailureCode['"]?\s*[:=]\s*['"]?KmsError\b"#,
            scope: Scope::EcrUnlessForeign,
            confidence: 0.9,
            ..Signature::BASE
        },
        Signature {
            anchors: &["kmsexception", "kmserror"],
            pattern: r"\bKms(?:Exception|Error)\b",
            scope: Scope::Ecr,
            confidence: 0.9,
            ..Signature::BASE
        },
        Signature {
            anchors: &["retired"],
            pattern: r"\bgrants created by the kmsKey .{0,120}?failed to be retired",
            scope: Scope::Ecr,
            confidence: 0.9,
            ..Signature::BASE
        },
        Signature {
            anchors: &["kms"],
            pattern: r"\bis not authorized to perform:?\s*(?P<action>kms:[a-z]+)",
            scope: Scope::NeedsEcr,
            confidence: 0.85,
            ..Signature::BASE
        },
    ],
    remedies: &[
        remedy(
            "Check the key's state and Region",
            "aws ecr describe-repositories --repository-names {repository} --region {region} --query 'repositories[].encryptionConfiguration'\naws kms describe-key --key-id <key-id> --region {region} --query 'KeyMetadata.[KeyState,Enabled]'",
        ),
        remedy(
            "Grant the KMS actions ECR needs to the caller",
            "{\"Effect\": \"Allow\", \"Action\": [\"kms:CreateGrant\", \"kms:DescribeKey\", \"kms:RetireGrant\", \"kms:Decrypt\", \"kms:GenerateDataKey\"], \"Resource\": \"<key-arn>\"}",
        ),
        remedy(
            "Retire grants left behind by a deleted repository",
            "aws kms list-grants --key-id <key-id> --region {region}\naws kms retire-grant --key-id <key-id> --grant-id <grant-id> --region {region}",
        ),
    ],
    references: &["https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html"],
    examples: &["An error occurred (KmsException) when calling the CreateRepository operation: KMS key is disabled"],
    near_misses: near_misses(&["<Error><Code>AccessDenied</Code><Message>The ciphertext refers to a customer master key that does not exist</Message></Error>"]),
};
