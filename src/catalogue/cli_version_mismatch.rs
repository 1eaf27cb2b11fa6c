use super::*;

/// `cli-version-mismatch`: the login command does not exist in this AWS CLI version.
pub const FAMILY: Family = Family {
    id: "cli-version-mismatch",
    title: "The ECR login command does not match this AWS CLI version",
    http_status: None,
    stage: Stage::Credentials,
    umbrella: false,
    explanation: "The AWS CLI rejected the login command itself. `aws ecr get-login` was removed in AWS CLI v2; `aws ecr get-login-password` does not exist in AWS CLI v1 before 1.17.10; and the old `get-login` output (`docker login -e none ...`) uses a flag recent Docker no longer accepts.",
    causes: "Scripts written for CLI v1 (`$(aws ecr get-login --no-include-email)`) running on a machine or CI image that now has CLI v2; or the reverse, a new script on an old CLI v1; or `--no-include-email` passed to `get-login-password`, which never had it.",
    signatures: &[
        Signature {
            anchors: &["invalid"],
            pattern: r"\baws: (?:\[ERROR\]: )?error: argument (?:operation|command|subcommand): Invalid choice",
            scope: Scope::NeedsEcr,
            confidence: 0.9,
            ..Signature::BASE
        },
        Signature {
            anchors: &["invalid"],
            pattern: r"\bInvalid choice: '(?:get-login|get-login-password|ecr)'",
            scope: Scope::Ecr,
            confidence: 0.95,
            ..Signature::BASE
        },
        Signature {
            anchors: &["usage"],
            pattern: r"\busage: aws \[options\] <command> <subcommand>",
            scope: Scope::NeedsEcr,
            confidence: 0.6,
            ..Signature::BASE
        },
        Signature {
            anchors: &["unknown"],
            pattern: r"\bUnknown options?:.{0,80}?(?:--no-include-email|-e,? none)",
            scope: Scope::EcrUnlessForeign,
            confidence: 0.9,
            ..Signature::BASE
        },
        Signature {
            anchors: &["shorthand", "flag"],
            pattern: r"\bunknown (?:shorthand flag: 'e' in -e|flag: --no-include-email)",
            scope: Scope::EcrUnlessForeign,
            confidence: 0.85,
            ..Signature::BASE
        },
    ],
    remedies: &[
        remedy(
            "Use the command that works in AWS CLI v2 and v1 >= 1.17.10",
            "aws ecr get-login-password --region {region} | docker login --username AWS --password-stdin {registry}",
        ),
        remedy(
            "See which CLI runs (an old v1 earlier on PATH shadows v2)",
            "aws --version\nwhich -a aws",
        ),
        remedy_when(
            "get-login-password is missing: upgrade the AWS CLI (v1 needs 1.17.10 or later; v2 is recommended)",
            "pip install --upgrade awscli   # v1\n# or install AWS CLI v2: https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html",
            When::Is("cli_command", "get-login-password"),
        ),
    ],
    references: &[
        "https://docs.aws.amazon.com/cli/latest/reference/ecr/get-login-password.html",
        "https://docs.aws.amazon.com/cli/latest/userguide/cliv2-migration-changes.html",
    ],
    examples: &[
        "$(aws ecr get-login --no-include-email --region eu-central-1)\nusage: aws [options] <command> <subcommand> [parameters]\naws: error: argument operation: Invalid choice, valid choices are:",
        "unknown shorthand flag: 'e' in -e\nSee 'docker login --help'.",
        "Unknown options: --no-include-email",
    ],
    near_misses: near_misses(&[
        "aws configure set region eu-west-1\naws: error: argument operation: Invalid choice, valid choices are:","kubectl: error: unknown command \"get-logs\" for \"kubectl\""]),
};
