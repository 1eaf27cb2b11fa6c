use super::*;

/// `region-missing`: no AWS Region was configured for the call.
pub const FAMILY: Family = Family {
    id: "region-missing",
    title: "No AWS Region is configured",
    http_status: None,
    stage: Stage::Network,
    umbrella: false,
    explanation: "The AWS CLI, SDK or action needs a Region to know which ECR endpoint to call, and none was given, so nothing was sent.",
    causes: "No `--region`, no AWS_REGION / AWS_DEFAULT_REGION, and no `region` in the profile; in GitHub Actions, `aws-actions/amazon-ecr-login` ran without `aws-actions/configure-aws-credentials` (which sets the Region) before it; the ECR credential helper running without AWS_REGION.",
    signatures: &[
        Signature {
            anchors: &["specify", "missing", "missingregion", "configuration"],
            pattern: r"\b(?:You must specify a region|Region is missing|MissingRegion|could not find region configuration|Missing region in config)",
            scope: Scope::EcrUnlessForeign,
            confidence: 0.9,
            ..Signature::BASE
        },
        // An empty Region variable: the option with no value, or an endpoint with no Region in it.
        Signature {
            anchors: &["argument"],
            pattern: r#"\baws: (?:\[ERROR\]: )?error: argument --region: expected one argument"#,
            scope: Scope::EcrUnlessForeign,
            confidence: 0.85,
            ..Signature::BASE
        },
        Signature {
            anchors: &["endpoint"],
            pattern: r#"\bInvalid endpoint: https://(?:api\.)?ecr(?:-public)?\.\.amazonaws\.com"#,
            scope: Scope::Ecr,
            confidence: 0.9,
            ..Signature::BASE
        },
        Signature {
            anchors: &["provided"],
            pattern: r#"\bProvided region_name '' doesn't match a supported format"#,
            scope: Scope::EcrUnlessForeign,
            confidence: 0.85,
            ..Signature::BASE
        },
    ],
    remedies: &[
        remedy(
            "Give the Region on the command, in the environment, or in the profile",
            "aws ecr get-login-password --region <region> | docker login --username AWS --password-stdin <account_id>.dkr.ecr.<region>.amazonaws.com\nexport AWS_REGION=<region>\naws configure set region <region>",
        ),
        remedy(
            "GitHub Actions: configure credentials (and the Region) before logging in",
            "- uses: aws-actions/configure-aws-credentials@v4\n  with:\n    role-to-assume: <role-arn>\n    aws-region: <region>\n- uses: aws-actions/amazon-ecr-login@v2",
        ),
    ],
    references: &[
        "https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-envvars.html",
        "https://github.com/aws-actions/amazon-ecr-login",
    ],
    examples: &["You must specify a region. You can also configure your region by running \"aws configure\".", "aws ecr get-login-password --region $AWS_REGION | docker login --username AWS --password-stdin 111122223333.dkr.ecr.eu-west-1.amazonaws.com\naws: error: argument --region: expected one argument\nError: Cannot perform an interactive login from a non TTY device", "Invalid endpoint: https://api.ecr..amazonaws.com"],
    near_misses: near_misses(&["The specified region is not supported by this service."]),
};
