//! Is the text around a match about ECR, about another registry or AWS service, or silent?
//! Generic wordings (`ThrottlingException`, `name unknown`, `401 Unauthorized`) are only ECR
//! findings when this says so; see [`crate::catalogue::Scope`].

use super::facts::{is_ecr_operation, parse_image_ref};
use super::literals::{Edge, Literal, LiteralSet};
use super::normalize::Normalized;
use super::pattern::Regex;
use std::sync::OnceLock;

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Evidence {
    /// ECR hosts, `ecr:` actions, ECR operations, the word ECR, an `AWS` docker login.
    pub ecr: u32,
    /// Words about images and registries: enough to tie a generic AWS error to ECR.
    pub hint: u32,
    /// Another registry (Docker Hub, GHCR, GitLab ...) or another AWS service.
    pub foreign: u32,
}

/// Literal signs of ECR (lowercase), counted where they stand.
const ECR_SIGNS: &[&str] = &[
    ".dkr.ecr",
    ".dkr-ecr",
    "public.ecr.aws",
    "api.ecr.",
    "ecr:",
    "ecr-public:",
    "cannotpullecrcontainererror",
    "service: ecr",
    "amazonecr",
    "elastic container registry",
    "ecr-login",
    "amazon-ecr",
    "get-login",
    "starport-layer-bucket",
    // ECR's name before 2017.
    "ec2 container registry",
];

/// Words about images and registries.
const HINT_WORDS: &[&str] = &[
    "image",
    "images",
    "repo",
    "repos",
    "repository",
    "repositories",
    "docker",
    "registry",
    "registries",
    "container",
    "containers",
    "push",
    "pushing",
    "pushed",
    "pull",
    "pulling",
    "pulled",
    "manifest",
    "manifests",
    "layer",
    "layers",
];

/// Other registries and services (lowercase), counted as whole words.
const FOREIGN_SIGNS: &[&str] = &[
    "registry-1.docker.io",
    "index.docker.io",
    "hub.docker.com",
    "docker.io",
    "docker.com/increase-rate-limit",
    "ghcr.io",
    "gcr.io",
    "pkg.dev",
    "quay.io",
    "registry.gitlab.com",
    "azurecr.io",
    "azurecr.cn",
    "aliyuncs.com",
    "registry.k8s.io",
    "jfrog.io",
    "artifactory",
    "harbor",
    "nexus",
    "dockerhub",
    "docker hub",
    "ci_registry",
    "ci_deploy_",
    "docker_user",
    "docker_pass",
    "dockerhub_",
    "aliyun_",
    "ghcr_",
    "denied by s3",
    "docker-credential-gcr",
    "docker-credential-gcloud",
    "docker-credential-acr",
];

/// Other AWS services named in passing. They vote on the message's own line (and the command
/// before it), not from the lines around it: an ECS event that links its CloudWatch logs says
/// nothing about which registry refused an image.
const SERVICE_WORDS: &[&str] = &[
    "codecommit",
    "elasticmapreduce",
    "autoscaling",
    "auto scaling",
    "neptune",
    "dynamodb",
    "kinesis",
    "cloudwatch",
    "route53",
    "route 53",
    "secretsmanager",
    "cloudformation",
];

struct Patterns {
    registry_url: Regex,
    operation: Regex,
    login: Regex,
    pulled_ref: Regex,
    denied_action: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let re = |p: &str| Regex::new(&format!("(?i){p}")).expect("evidence pattern");
        Patterns {
            registry_url: re(r"https?://([a-z0-9.-]+\.[a-z]{2,})(?::\d+)?/v2/"),
            operation: re(concat!(
                r"when calling the\s+([A-Za-z]+)\s+operation|operation error ([A-Za-z0-9 ]+?):\s*([A-Za-z]+)|",
                r"\(Service: ([A-Za-z0-9]+)[,;]"
            )),
            login: re(r"\bdocker login\b([^|;&]{0,160})"),
            pulled_ref: re(concat!(
                r#"(?:pull access denied for|Failed to pull image|Pulling image|manifest for|"#,
                r#"Unable to find image|docker pull|failed to pull and unpack image)\s+["']?([^\s"',]+)"#
            )),
            denied_action: re(r"not authorized to perform:?\s*([a-z0-9-]+):"),
        }
    })
}

/// Why a literal counts: which side of [`Evidence`] it speaks for, or which pattern it lets run.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Voice {
    Ecr,
    Hint,
    Foreign,
    /// Another AWS service named in passing: only [`weigh`] counts it.
    Service,
    /// The text may hold what the pattern behind this gate bit reads; otherwise it is not run.
    Gate(u8),
}

const GATE_OPERATION: u8 = 1;
const GATE_NOT_AUTHORIZED: u8 = 2;
const GATE_REGISTRY_API: u8 = 4;
const GATE_DOCKER_LOGIN: u8 = 8;
const GATE_PULLED_REF: u8 = 16;

/// Every literal the evidence stage looks for, so a window is read once.
struct Signs {
    set: LiteralSet,
    voices: Vec<Voice>,
}

fn signs() -> &'static Signs {
    static S: OnceLock<Signs> = OnceLock::new();
    S.get_or_init(|| {
        let mut literals = Vec::new();
        let mut voices = Vec::new();
        let mut add = |words: &[&'static str], edge, cap, voice| {
            for &text in words {
                literals.push(Literal { text, edge, cap });
                voices.push(voice);
            }
        };
        add(ECR_SIGNS, Edge::Word, 8, Voice::Ecr);
        add(&["ecr"], Edge::Word, 8, Voice::Ecr);
        add(HINT_WORDS, Edge::Alnum, u32::MAX, Voice::Hint);
        add(&["[container]"], Edge::Word, 8, Voice::Hint);
        add(FOREIGN_SIGNS, Edge::Word, 8, Voice::Foreign);
        add(SERVICE_WORDS, Edge::Word, 8, Voice::Service);
        let gate = |bit| Voice::Gate(bit);
        add(
            &["when calling the", "operation error", "(service:"],
            Edge::Anywhere,
            1,
            gate(GATE_OPERATION),
        );
        add(
            &["not authorized"],
            Edge::Anywhere,
            1,
            gate(GATE_NOT_AUTHORIZED),
        );
        add(&["/v2/"], Edge::Anywhere, 1, gate(GATE_REGISTRY_API));
        add(
            &["docker login"],
            Edge::Anywhere,
            1,
            gate(GATE_DOCKER_LOGIN),
        );
        add(
            &[
                "pull access denied for",
                "pull image",
                "pulling image",
                "manifest for",
                "find image",
                "docker pull",
                "unpack image",
            ],
            Edge::Anywhere,
            1,
            gate(GATE_PULLED_REF),
        );
        Signs {
            set: LiteralSet::new(literals),
            voices,
        }
    })
}

/// Weighs the evidence in `text`, a message's own line or the command before it: every sign
/// counts, other AWS services named in passing too.
pub fn weigh(text: &str) -> Evidence {
    weigh_with(text, true)
}

/// Weighs the evidence in the text around a match: registries, hosts, images, ARNs, actions and
/// operations, but not services named in passing (see [`SERVICE_WORDS`]).
pub fn weigh_around(text: &str) -> Evidence {
    weigh_with(text, false)
}

fn weigh_with(text: &str, services_vote: bool) -> Evidence {
    super::work::add(text.len());
    let signs = signs();
    let mut counts = vec![0; signs.set.len()];
    signs.set.count(text, &mut counts);
    let mut e = Evidence::default();
    let mut gates = 0;
    for (&n, voice) in counts.iter().zip(&signs.voices) {
        match *voice {
            Voice::Ecr => e.ecr += n,
            Voice::Hint => e.hint += n,
            Voice::Foreign => e.foreign += n,
            Voice::Service if services_vote => e.foreign += n,
            Voice::Service => {}
            Voice::Gate(bit) if n > 0 => gates |= bit,
            Voice::Gate(_) => {}
        }
    }
    let p = patterns();
    if gates & GATE_OPERATION != 0 {
        for c in p.operation.captures_iter(text).take(8) {
            if let Some(op) = c.get(1).or_else(|| c.get(3)) {
                if is_ecr_operation(op.as_str()) {
                    e.ecr += 1;
                } else if !is_neutral_operation(op.as_str()) {
                    e.foreign += 1;
                }
            }
            if let Some(service) = c.get(2).or_else(|| c.get(4)) {
                let s = service.as_str().to_ascii_lowercase();
                if s == "ecr" || s == "amazonecr" || s == "ecr public" {
                    e.ecr += 1;
                } else {
                    e.foreign += 1;
                }
            }
        }
    }
    if gates & GATE_NOT_AUTHORIZED != 0 {
        for c in p.denied_action.captures_iter(text).take(8) {
            if c[1].eq_ignore_ascii_case("ecr") || c[1].eq_ignore_ascii_case("ecr-public") {
                e.ecr += 1;
            } else {
                e.foreign += 1;
            }
        }
    }
    // Registry API URLs name their registry: ECR's, or someone else's.
    if gates & GATE_REGISTRY_API != 0 {
        for c in p.registry_url.captures_iter(text).take(8) {
            let host = c[1].to_ascii_lowercase();
            // Only ECR serves the registry API under amazonaws.com, even with the account hidden.
            let aws = [".amazonaws.com", ".amazonaws.com.cn", ".amazonaws.eu"]
                .iter()
                .any(|s| host.ends_with(s));
            if parse_image_ref(&host).ecr || aws {
                e.ecr += 1;
            } else if !is_masked_host(&host) {
                e.foreign += 1;
            }
        }
    }
    if gates & GATE_DOCKER_LOGIN != 0 {
        for c in p.login.captures_iter(text).take(4) {
            match docker_login_target(&c[1]) {
                LoginTarget::Ecr => e.ecr += 1,
                LoginTarget::Other => e.foreign += 1,
                LoginTarget::Unknown => {}
            }
        }
    }
    if gates & GATE_PULLED_REF != 0 {
        for c in p.pulled_ref.captures_iter(text).take(8) {
            // `pulling image configuration: ...` is prose, not a reference: weigh_image skips it.
            // So is `Docker pull failed with exit code 1` (a runner's retry chatter).
            if !is_prose_word(&c[1]) {
                weigh_image(&mut e, &c[1], 1);
            }
        }
    }
    e
}

/// Counts an image reference `weight` times: an ECR one for ECR, any other (with another
/// registry's host, or none, which means Docker Hub) against it. Placeholders count for nothing.
pub fn weigh_image(e: &mut Evidence, raw: &str, weight: u32) {
    let masked = raw.bytes().all(|c| c == b'*' || c == b'x' || c == b'X');
    if masked || raw.starts_with(['<', '$', '{', '[', '.', '\u{2026}']) || raw.ends_with(':') {
        return;
    }
    // A bare tag where the name should be (`pull access denied for latest`) names no registry.
    if raw.eq_ignore_ascii_case("latest") {
        return;
    }
    let r = parse_image_ref(raw);
    // A masked or elided host (`***.amazonaws.com`, `.../app`, `<registry>/app`) could be
    // anyone's: unknown, not foreign.
    let masked_host = r.registry.as_deref().is_some_and(is_masked_host);
    if r.ecr {
        e.ecr += weight;
    } else if r.repository.is_some() && !raw.contains("://") && !masked_host {
        e.foreign += weight;
    }
}

/// A host someone hid or cut: `***`, `...`, `…`, `<registry>`, `$REGISTRY`, `AWS_ACCOUNT.…`.
pub fn is_masked_host(h: &str) -> bool {
    let first = h.split('.').next().unwrap_or("");
    let masked_label = !first.is_empty() && first.bytes().all(|c| matches!(c, b'x' | b'X' | b'#'));
    masked_label
        || h.contains('*')
        || h.contains('\u{2026}')
        || h.contains("..")
        || h.starts_with(['<', '$', '{', '['])
        || h.contains('<')
        || h.bytes().all(|c| c == b'.' || c == b'x' || c == b'X')
}

/// Words that follow `docker pull` in prose or a runner's log, not image names.
fn is_prose_word(s: &str) -> bool {
    const PROSE: &[&str] = &[
        "failed",
        "failure",
        "fails",
        "error",
        "errors",
        "errored",
        "with",
        "is",
        "was",
        "for",
        "from",
        "the",
        "a",
        "an",
        "to",
        "of",
        "in",
        "on",
        "and",
        "or",
        "command",
        "step",
        "attempt",
        "retry",
        "retrying",
        "timed",
        "did",
        "does",
        "not",
        "has",
        "had",
        "again",
        "because",
        "due",
        "successful",
        "successfully",
        "succeeded",
        "complete",
        "completed",
        "works",
        "worked",
        "hangs",
        "stuck",
        "returns",
        "returned",
        "gives",
        "exited",
        "it",
        "that",
        "this",
        "image",
        "images",
        "works.",
        "operation",
        "request",
    ];
    let w = s.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    PROSE.iter().any(|p| p.eq_ignore_ascii_case(w))
}

/// The message's own subject decides: the evidence of its own line (its host, image, ARN), else
/// of the line just before it (the command that produced it), else of the whole window. Lines
/// that say nothing about a registry give no vote, so retry chatter or an unrelated tool further
/// away cannot turn an ECR message into another registry's, nor the other way round.
pub fn with_subject(
    window: Evidence,
    n: &Normalized,
    line_start: usize,
    line_end: usize,
) -> Evidence {
    let text = n.text.as_str();
    let own = weigh(&text[line_start..line_end]);
    let decided = |local: Evidence| -> Option<Evidence> {
        if local.ecr > local.foreign {
            Some(Evidence {
                ecr: window.ecr.max(local.ecr),
                hint: window.hint,
                foreign: 0,
            })
        } else if local.foreign > local.ecr {
            Some(Evidence {
                ecr: 0,
                hint: window.hint,
                foreign: window.foreign.max(local.foreign),
            })
        } else {
            None
        }
    };
    if let Some(e) = decided(own) {
        return e;
    }
    if line_start == 0 {
        return window;
    }
    // The command that produced it: the line just before, when that line is a command.
    let from = text.ceil_char_boundary(
        n.line_start(line_start - 1)
            .max(line_start.saturating_sub(COMMAND_REACH)),
    );
    let before = &text[from..line_start];
    if !is_command(before) {
        return window;
    }
    decided(weigh(before)).unwrap_or(window)
}

/// How far before a message its command may stand.
const COMMAND_REACH: usize = 300;

/// A line that runs a registry client (a shell prompt, a CI step, or the client's name first).
fn is_command(line: &str) -> bool {
    let l = line.trim_start().to_ascii_lowercase();
    let l = l
        .trim_start_matches(['$', '#', '>', '+', '%', ' '])
        .trim_start_matches("run ")
        .trim_start_matches("sudo ");
    [
        "docker ", "aws ", "helm ", "podman ", "crane ", "skopeo ", "nerdctl ", "buildah ", "ctr ",
    ]
    .iter()
    .any(|c| l.starts_with(c))
}

/// Operations that every service shares, or STS calls made on the way to ECR.
pub fn is_neutral_operation(op: &str) -> bool {
    [
        "GetCallerIdentity",
        "AssumeRole",
        "AssumeRoleWithWebIdentity",
        "GetSessionToken",
    ]
    .iter()
    .any(|o| o.eq_ignore_ascii_case(op))
}

enum LoginTarget {
    Ecr,
    Other,
    Unknown,
}

/// ECR logins use the user name `AWS` and an ECR host; anything else is another registry.
fn docker_login_target(args: &str) -> LoginTarget {
    let words: Vec<&str> = args.split_whitespace().collect();
    let mut user = None;
    let mut host = None;
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        // `docker login --help` (a usage hint in an error) logs in nowhere.
        if w.trim_end_matches(['\'', '"', '.', ',', '`']) == "--help" {
            return LoginTarget::Unknown;
        }
        if w == "-u" || w == "--username" {
            user = Some(words.get(i + 1).copied().unwrap_or(""));
            i += 2;
            continue;
        }
        if let Some(u) = w.strip_prefix("--username=") {
            user = Some(u);
        } else if !w.starts_with('-') && is_masked_host(w) && host.is_none() {
            // `docker login ***`: a masked host says nothing either way.
            host = Some("");
        } else if !w.starts_with('-') && (w.contains('.') || w.contains("://")) && host.is_none() {
            host = Some(w);
        } else if w.eq_ignore_ascii_case("error:") || w.eq_ignore_ascii_case("error") {
            break;
        }
        i += 1;
    }
    if let Some(h) = host.filter(|h| !h.is_empty()) {
        let r = parse_image_ref(h);
        if r.ecr {
            return LoginTarget::Ecr;
        }
        if h.contains('.') && !h.starts_with('$') {
            return LoginTarget::Other;
        }
    }
    match user {
        Some(u) if u.eq_ignore_ascii_case("aws") => LoginTarget::Ecr,
        // A masked or templated user name (`***`, `$USER`) says nothing either way.
        Some(u) if u.bytes().all(|c| c == b'*') || u.starts_with(['$', '<', '{']) => {
            LoginTarget::Unknown
        }
        Some(_) => LoginTarget::Other,
        None => LoginTarget::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ecr_login_is_ecr() {
        let e = weigh("aws ecr get-login-password | docker login --username AWS --password-stdin 1.dkr.ecr.us-east-1.amazonaws.com");
        assert!(e.ecr >= 2 && e.foreign == 0, "{e:?}");
    }

    #[test]
    fn other_registry_logins_are_foreign() {
        for t in [
            "docker login -u $DOCKER_USER -p $DOCKER_PASSWORD",
            "echo \"\" | docker login https://ghcr.io -u someone --password-stdin",
            "docker login -u --password-stdin",
        ] {
            let e = weigh(t);
            assert!(e.foreign > 0 && e.ecr == 0, "{t}: {e:?}");
        }
    }

    #[test]
    fn bare_image_references_are_docker_hub() {
        let e = weigh("pull access denied for configuration-server, repository does not exist");
        assert!(e.foreign > 0 && e.ecr == 0, "{e:?}");
    }

    #[test]
    fn other_services_are_foreign() {
        let e = weigh("An error occurred (ThrottlingException) when calling the RunTask operation: Rate exceeded");
        assert!(e.foreign > 0 && e.ecr == 0, "{e:?}");
        let e = weigh("An error occurred (ThrottlingException) when calling the GetAuthorizationToken operation");
        assert!(e.ecr > 0 && e.foreign == 0, "{e:?}");
    }

    #[test]
    fn silence_is_silence() {
        assert_eq!(
            weigh("{\"code\":\"ThrottlingException\"}"),
            Evidence::default()
        );
    }
}
