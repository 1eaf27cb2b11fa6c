use super::*;

/// `cli-not-found`: the AWS CLI that the ECR login step runs is not installed or not on PATH.
pub const FAMILY: Family = Family {
    id: "cli-not-found",
    title: "The AWS CLI is not installed or not on PATH",
    http_status: None,
    stage: Stage::Credentials,
    umbrella: false,
    explanation: "The login step (`aws ecr get-login-password`, a login action, or the ECR credential helper's caller) had to run the AWS CLI, and the shell or the runner could not find it, so no token was fetched and nothing after it can authenticate.",
    causes: "The CLI is not installed in this image or runner (slim CI images, a self-hosted runner, `sudo` with another PATH); it is installed in a folder that is not on PATH (`~/.local/bin`, `/usr/local/bin` in a non-login shell); on Windows, the path `C:\\Program Files\\Amazon\\AWSCLIV2\\aws.exe` cut at its space by a tool that does not quote it; a pipe `aws … | docker login` whose first half failed this way leaves docker login with no password.",
    signatures: &[
        Signature {
            anchors: &["found"],
            pattern: r"\baws: (?:command )?not found\b",
            scope: Scope::AwsWithHint,
            confidence: 0.9,
            ..Signature::BASE
        },
        Signature {
            anchors: &["recognized"],
            pattern: r"'aws(?:\.exe)?' is not recognized as an internal or external command|\bThe term 'aws(?:\.exe)?' is not recognized as (?:the )?name of a cmdlet",
            scope: Scope::AwsWithHint,
            confidence: 0.9,
            ..Signature::BASE
        },
        Signature {
            anchors: &["executable", "enoent", "directory"],
            pattern: r#"\bexec: "aws": executable file not found in \$PATH|\bspawn aws ENOENT\b|\bNo such file or directory: '?aws'?(?:\s|$)|\bUnable to locate executable file:\s*aws(?:\.exe)?\b"#,
            scope: Scope::AwsWithHint,
            confidence: 0.85,
            ..Signature::BASE
        },
        // A runner that split `C:\Program Files\…\aws.exe` at its space.
        Signature {
            anchors: &["executable"],
            pattern: r"\bUnable to locate executable file:\s*[A-Za-z]:\\Program\.?(?:\s|$)",
            scope: Scope::EcrUnlessForeign,
            confidence: 0.6,
            ..Signature::BASE
        },
    ],
    remedies: &[
        remedy(
            "Check which aws the step runs (and that it is version 2)",
            "command -v aws || echo 'aws is not on PATH'\naws --version",
        ),
        remedy(
            "Install AWS CLI v2 (Linux x86_64; see the guide for other systems)",
            "curl -sSL https://awscli.amazonaws.com/awscli-exe-linux-x86_64.zip -o awscliv2.zip\nunzip -q awscliv2.zip && sudo ./aws/install\naws --version",
        ),
        remedy(
            "Then log in",
            "aws ecr get-login-password --region {region} | docker login --username AWS --password-stdin {registry}",
        ),
    ],
    references: &[
        "https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html",
        "https://docs.aws.amazon.com/cli/latest/userguide/cli-chap-troubleshooting.html",
    ],
    examples: &[
        "+ aws ecr get-login-password --region us-east-1\n/bin/sh: 1: aws: not found\nError: Cannot perform an interactive login from a non TTY device",
        "exec: \"aws\": executable file not found in $PATH (logging in to 111122223333.dkr.ecr.eu-central-1.amazonaws.com)",
        "'aws' is not recognized as an internal or external command, operable program or batch file.\ndocker push 111122223333.dkr.ecr.eu-central-1.amazonaws.com/api:3",
    ],
    near_misses: near_misses(&["bash: awk: command not found", "aws: command not found"]),
};
