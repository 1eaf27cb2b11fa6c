use super::*;

/// `non-tty-login`: `docker login` got no password from a pipe.
pub const FAMILY: Family = Family {
    id: "non-tty-login",
    title: "docker login got an empty password (non-TTY login)",
    http_status: None,
    stage: Stage::Registry,
    umbrella: false,
    explanation: "`docker login` was given no password and, with no terminal to prompt on, gave up. With `aws ecr get-login-password | docker login --password-stdin`, that almost always means the AWS CLI step failed and printed nothing: the real error is the line above this one.",
    causes: "The `aws ecr get-login-password` step failed (no or expired credentials, access denied, wrong Region, network, an old AWS CLI v1 without get-login-password) and the pipe carried an empty password; a CI secret holding the password is empty; or on Windows Git Bash/mintty the pipe is not a TTY (use `winpty docker login`). Without `set -o pipefail` the script carries on as if the first step succeeded.",
    signatures: &[Signature {
        anchors: &["tty"],
        pattern: r"\bCannot perform an interactive login from a non[- ]?TTY device",
        scope: Scope::EcrUnlessForeign,
        confidence: 0.95,
        sets: &[("client", "docker")],
        ..Signature::BASE
    }],
    remedies: &[
        remedy(
            "Run the first half alone: it must print a long token; if it prints an error, fix that error",
            "aws ecr get-login-password --region {region}",
        ),
        remedy(
            "Make the pipeline stop at the real failure, then log in",
            "set -o pipefail\naws ecr get-login-password --region {region} | docker login --username AWS --password-stdin {registry}",
        ),
        remedy(
            "Check the AWS CLI: version 2 (or v1 >= 1.17.10), with no older v1 earlier on PATH, and valid credentials",
            "aws --version\nwhich -a aws\naws sts get-caller-identity",
        ),
    ],
    references: &[
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/common-errors.html",
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry_auth.html",
        "https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html",
    ],
    examples: &[
        "Error: Cannot perform an interactive login from a non TTY device",
        "aws ecr get-login-password --region eu-west-3 | docker login --username AWS --password-stdin 123456789012.dkr.ecr.eu-west-3.amazonaws.com\nError: Cannot perform an interactive login from a non TTY device",
    ],
    near_misses: near_misses(&[
        "echo \"\" | docker login https://ghcr.io -u someone --password-stdin\nError: Cannot perform an interactive login from a non TTY device",
        "docker login -u $DOCKERHUB_USERNAME -p $DOCKERHUB_TOKEN\nError: Cannot perform an interactive login from a non TTY device",
    ]),
};
