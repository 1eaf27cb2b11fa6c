use super::*;

/// `shell-substitution-error`: `$(aws ecr get-login …)` run by a shell without `$(…)`.
pub const FAMILY: Family = Family {
    id: "shell-substitution-error",
    title: "The shell cannot run $(aws ecr get-login…) (Windows cmd, PowerShell, fish)",
    http_status: None,
    stage: Stage::Credentials,
    umbrella: false,
    explanation: "The login line relies on POSIX command substitution: `$(aws ecr get-login …)` runs the AWS CLI and then executes the `docker login` command it prints. Windows cmd has no `$(…)` (it tries to run a program called `$`), PowerShell prints the command instead of running it, and fish has its own syntax, so the login never happens.",
    causes: "A bash-style login line in a Windows CI agent or a Windows terminal (cmd.exe, PowerShell), in a tool that runs commands through cmd, or in fish. `aws ecr get-login` itself is gone from AWS CLI v2: `get-login-password` piped into `docker login --password-stdin` works in every shell.",
    signatures: &[
        Signature {
            anchors: &["recognized"],
            pattern: r"'\$(?:\(aws)?'? is not recognized as an internal or external command",
            scope: Scope::NeedsEcr,
            confidence: 0.9,
            ..Signature::BASE
        },
        Signature {
            anchors: &["recognized"],
            pattern: r"\bThe term '(?:docker login -u AWS|\$\(aws)[^']*' is not recognized as (?:the )?name of a cmdlet",
            scope: Scope::Ecr,
            confidence: 0.9,
            ..Signature::BASE
        },
        Signature {
            anchors: &["fish", "supported"],
            pattern: r"\$\(\.\.\.\) is not supported\. In fish, please use '\(",
            scope: Scope::NeedsEcr,
            confidence: 0.85,
            ..Signature::BASE
        },
    ],
    remedies: &[
        remedy(
            "Log in the same way in every shell: the password on stdin",
            "aws ecr get-login-password --region {region} | docker login --username AWS --password-stdin {registry}",
        ),
        remedy(
            "PowerShell: the same pipe works (AWS CLI v2 and the AWS Tools also offer Get-ECRLoginCommand)",
            "(Get-ECRLoginCommand -Region {region}).Password | docker login --username AWS --password-stdin {registry}",
        ),
    ],
    references: &[
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry_auth.html",
        "https://docs.aws.amazon.com/cli/latest/reference/ecr/get-login-password.html",
    ],
    examples: &[
        "C:\\build> $(aws ecr get-login --no-include-email --region eu-west-1)\n'$' is not recognized as an internal or external command,\noperable program or batch file.",
        "PS C:\\src> $(aws ecr get-login --region us-east-2 --no-include-email)\nThe term 'docker login -u AWS -p eyJwYXlsb2FkIjoi' is not recognized as the name of a cmdlet, function, script file, or operable program.",
    ],
    near_misses: near_misses(&[
        "'$' is not recognized as an internal or external command, operable program or batch file.",
    ]),
};
