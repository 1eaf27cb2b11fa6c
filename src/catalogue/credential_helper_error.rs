use super::*;

/// `credential-helper-error`: Docker's credential store or the ECR credential helper failed.
pub const FAMILY: Family = Family {
    id: "credential-helper-error",
    title: "Docker's credential helper failed",
    http_status: None,
    stage: Stage::Registry,
    umbrella: false,
    explanation: "Docker hands credentials to a helper program named in ~/.docker/config.json (`credsStore` or `credHelpers`: wincred, desktop, osxkeychain, pass, ecr-login). That helper failed, so the login was not saved or the stored login could not be read.",
    causes: "Windows wincred: ECR passwords are longer than the 2,560-byte credential blob limit (`The stub received bad data.`) or the session has no logon session (`A specified logon session does not exist`); macOS keychain locked in SSH/CI sessions (`User interaction is not allowed.`) or an entry already there; `credsStore: ecr-login` cannot store logins (`not implemented`), it logs in by itself; a helper named in config.json is not installed or is built for another CPU (`executable file not found`, `exec format error`); the ECR credential helper has no AWS credentials or Region.",
    signatures: &[
        Signature {
            anchors: &["storing", "getting", "erasing", "saving", "listing"],
            pattern: r"\b(?:error (?:storing|getting|erasing|listing) credentials|Error saving credentials)\b",
            scope: Scope::EcrUnlessForeign,
            confidence: 0.92,
            ..Signature::BASE
        },
        Signature {
            anchors: &["credential"],
            pattern: r#"\bdocker-credential-[a-z0-9-]+"?:? (?:executable file not found|exec format error|not found)"#,
            scope: Scope::EcrUnlessForeign,
            confidence: 0.9,
            ..Signature::BASE
        },
        Signature {
            anchors: &["authorization"],
            pattern: r"\becr: Failed to get authorization token\b",
            scope: Scope::Ecr,
            confidence: 0.85,
            ..Signature::BASE
        },
        Signature {
            anchors: &["helper", "exited"],
            pattern: r#"\b(?:Error getting the version of the configured credential helper|docker-credential-[a-z0-9-]+'? version'? exited with (?:status|code) \d+)"#,
            scope: Scope::EcrUnlessForeign,
            confidence: 0.85,
            ..Signature::BASE
        },
    ],
    remedies: &[
        remedy(
            "Look at which helper Docker uses",
            "cat ~/.docker/config.json   # \"credsStore\" / \"credHelpers\"",
        ),
        remedy(
            "Windows (`The stub received bad data.`, logon session errors): stop storing ECR logins in wincred/desktop",
            "# %USERPROFILE%\\.docker\\config.json: remove \"credsStore\": \"wincred\" (or \"desktop\"), or route ECR to the ECR helper:\n{\"credHelpers\": {\"{registry}\": \"ecr-login\"}}",
        ),
        remedy(
            "macOS in SSH/CI (`User interaction is not allowed.`): unlock the keychain first",
            "security unlock-keychain ~/Library/Keychains/login.keychain-db",
        ),
        remedy(
            "credsStore ecr-login (`not implemented`): don't run docker login at all; the helper logs in for you",
            "docker pull {registry}/{repository}:<tag>   # no docker login needed with ecr-login",
        ),
        remedy(
            "Helper not found: install it on PATH, or remove it from config.json",
            "which docker-credential-ecr-login docker-credential-desktop",
        ),
    ],
    references: &[
        "https://docs.docker.com/engine/reference/commandline/login/#credential-stores",
        "https://github.com/awslabs/amazon-ecr-credential-helper",
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry_auth.html",
    ],
    examples: &[
        "Error saving credentials: error storing credentials - err: exit status 1, out: `The stub received bad data.`",
        "error getting credentials - err: exec: \"docker-credential-desktop\": executable file not found in $PATH, out: ``",
        "[ERROR] Failed to build: Error getting the version of the configured credential helper [Process 'docker-credential-ecr-login version' exited with status 127]",
    ],
    near_misses: near_misses(&["Process 'docker-credential-gcr version' exited with status 1", "WARNING! Your password will be stored unencrypted in /home/u/.docker/config.json."]),
};
