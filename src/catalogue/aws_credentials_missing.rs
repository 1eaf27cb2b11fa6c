use super::*;

/// `aws-credentials-missing`: the CLI or SDK found no credentials at all.
pub const FAMILY: Family = Family {
    id: "aws-credentials-missing",
    title: "No AWS credentials were found",
    http_status: None,
    stage: Stage::Credentials,
    umbrella: false,
    explanation: "The AWS CLI or SDK looked through its credential chain (environment, profile, SSO, web identity, container and instance roles) and found nothing, so it never called ECR.",
    causes: "No `aws configure` / profile on this machine or for this user (sudo and CI containers have their own home); AWS_PROFILE names a profile that does not exist; in CI, the credentials step did not run or its variables are not passed to this step; on EC2/ECS/EKS, no instance, task or pod role (or IMDS hop limit too low inside containers).",
    signatures: &[
        Signature {
            anchors: &["blank", "matching", "missing", "profile", "locate", "nocredentialproviders", "nocredentials", "providers", "chain", "credentialsprovidererror", "imds", "refresh"],
            pattern: r"\b(?:Access key ID cannot be blank|Could not find credentials matching ecr:\S+|(?:CredentialsError: )?Missing credentials in config|The config profile \([^)]*\) could not be found|Unable to locate credentials|NoCredentialProviders|\(NoCredentials\)|Could not load credentials from any providers|Unable to load (?:AWS )?credentials from any (?:of the )?providers? in the chain|CredentialsProviderError|no EC2 IMDS role found|failed to refresh cached credentials)",
            scope: Scope::EcrUnlessForeign,
            confidence: 0.93,
            ..Signature::BASE
    },
        // The request carried no signature at all (no credentials were found or passed).
        Signature {
            anchors: &["missingauthenticationtokenexception", "missingauthenticationtoken", "authentication"],
            pattern: r#"\b(?:MissingAuthenticationToken(?:Exception)?|Missing Authentication Token)\b"#,
            scope: Scope::EcrUnlessForeign,
            confidence: 0.85,
            ..Signature::BASE
        },
    ],
    remedies: &[
        remedy(
            "Configure credentials (or name the profile that has them)",
            "aws configure\n# or: export AWS_PROFILE=<profile>\naws sts get-caller-identity",
        ),
        remedy(
            "In GitHub Actions, configure credentials before the ECR login step",
            "- uses: aws-actions/configure-aws-credentials@v4\n  with:\n    role-to-assume: <role-arn>\n    aws-region: {region}",
        ),
    ],
    references: &[
        "https://docs.aws.amazon.com/cli/latest/userguide/cli-chap-authentication.html",
        "https://docs.aws.amazon.com/sdkref/latest/guide/standardized-credentials.html",
    ],
    examples: &[
        "The config profile (prod) could not be found",
        "Unable to locate credentials. You can configure credentials by running \"aws configure\".",
        "aws: [ERROR]: An error occurred (NoCredentials): Unable to locate credentials. You can configure credentials by running \"aws login\".",
        "com.amazonaws.services.ecr.model.AmazonECRException: Missing Authentication Token (Service: AmazonECR; Status Code: 400; Error Code: MissingAuthenticationTokenException)",
    ],
    near_misses: near_misses(&["Error: Could not find credentials file at /etc/ssl/certs"]),
};
