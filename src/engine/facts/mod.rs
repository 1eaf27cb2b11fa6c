//! Reads facts out of clean text: principals, ARNs, registry hosts, image references, regions,
//! operations, IAM actions and the client that printed the error. Every extractor is general
//! (formats from AWS's documentation), never fitted to a particular paste.

mod client;
mod image;
mod principal;
mod prose_operation;
mod tokens;
mod vocabulary;

pub use client::{client_fact, detect_client};
pub use image::{image_facts, parse_image_ref};
pub use principal::{deny_reason, principal_facts};
use prose_operation::prose_operations;
use vocabulary::all_digits;
pub use vocabulary::{is_ecr_operation, is_region, is_template};

use super::literals::{Edge, Literal, LiteralSet};
use super::pattern::{Captures, Match, Regex};
use std::ops::Range;
use std::sync::OnceLock;

/// A fact and where it stands in the clean text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub key: &'static str,
    pub value: String,
    pub start: usize,
    pub end: usize,
    /// Lower wins when two extractors give the same key.
    pub rank: u8,
}

struct Extractor {
    /// Lowercase literals, one of which must be in the text for the regex to be worth running
    /// (regex-lite has no literal prefilter of its own; this makes extraction ~10x cheaper).
    /// Never empty: an extractor without one would run its regex on every text.
    needles: &'static [&'static str],
    /// No match can hold a whitespace byte, so the regex runs only on the tokens where a
    /// needle stands (see `tokens.rs`).
    within_tokens: bool,
    re: Regex,
    rank: u8,
    apply: fn(&Captures, &mut Vec<Fact>, u8),
}

/// Some text and where it stands: a regex match, or a signature's own capture.
#[derive(Debug, Clone, Copy)]
pub struct Found<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

impl<'a> From<Match<'a>> for Found<'a> {
    fn from(m: Match<'a>) -> Self {
        Found {
            text: m.as_str(),
            start: m.start(),
            end: m.end(),
        }
    }
}

fn fact<'a>(
    out: &mut Vec<Fact>,
    key: &'static str,
    value: &str,
    at: impl Into<Found<'a>>,
    rank: u8,
) {
    let at = at.into();
    out.push(Fact {
        key,
        value: value.to_string(),
        start: at.start,
        end: at.end,
        rank,
    });
}

fn group_fact(out: &mut Vec<Fact>, key: &'static str, c: &Captures, group: usize, rank: u8) {
    if let Some(m) = c.get(group) {
        fact(out, key, m.as_str(), m, rank);
    }
}

/// The extractors, and every needle of theirs in one literal set, so a text is read once to
/// learn which extractors are worth running.
struct Extractors {
    list: Vec<Extractor>,
    needles: LiteralSet,
    /// For each needle of `needles`, the extractor it belongs to.
    owner: Vec<usize>,
}

fn extractors() -> &'static Extractors {
    static EXTRACTORS: OnceLock<Extractors> = OnceLock::new();
    EXTRACTORS.get_or_init(|| {
        let list = extractor_list();
        let mut literals = Vec::new();
        let mut owner = Vec::new();
        for (i, x) in list.iter().enumerate() {
            for &text in x.needles {
                literals.push(Literal {
                    text,
                    edge: Edge::Anywhere,
                    cap: 1,
                });
                owner.push(i);
            }
        }
        Extractors {
            list,
            needles: LiteralSet::new(literals),
            owner,
        }
    })
}

fn extractor_list() -> Vec<Extractor> {
    {
        let x = |needles: &'static [&'static str],
                 pattern: &str,
                 rank: u8,
                 apply: fn(&Captures, &mut Vec<Fact>, u8)| Extractor {
            needles,
            within_tokens: tokens::never_matches_space(pattern),
            re: Regex::new(&format!("(?i){pattern}")).expect("fact pattern"),
            rank,
            apply,
        };
        vec![
            // The caller named by an IAM denial; the lazy ARN stops before `is not authorized`
            // even where a copy glued them together (`user/nameis not authorized`).
            x(
                &["authorized"],
                r"(arn:aws[a-z-]*:(?:iam|sts)::(?:\[[^\]]*\]|[^:\s]*):\S+?)\s*is not authorized",
                0,
                |c, out, r| principal_facts(out, c.get(1).unwrap(), r),
            ),
            x(
                &["arn:"],
                r#"(arn:aws[a-z-]*:(?:iam|sts)::(?:\[[^\]]*\]|[^:\s]*):(?:user|role|assumed-role|federated-user|root)[^\s"',;)|]*)"#,
                2,
                |c, out, r| principal_facts(out, c.get(1).unwrap(), r),
            ),
            x(
                &["authorized"],
                r"not authorized to perform:?\s*([a-z0-9-]+:[a-z0-9*]+)",
                0,
                |c, out, r| group_fact(out, "action", c, 1, r),
            ),
            x(
                &["resource"],
                r"\bon resource:?\s*((?:arn:[^\s\[|]*\[[^\]]*\][^\s|]*)|[^\s|]+)",
                0,
                |c, out, r| {
                    if let Some(m) = c.get(1) {
                        let v = m.as_str().trim_end_matches(['.', ',', ':']);
                        if !is_template(v) {
                            fact(out, "resource", v, m, r);
                        }
                    }
                },
            ),
            // ECR resource ARN: region, registry account, repository.
            x(
                &[":ecr"],
                r#"arn:(aws[a-z-]*):ecr(?:-public)?:(\[[^\]]*\]|[^:\s]*):(\[[^\]]*\]|[^:\s]*):repository/([^\s"',|]+)"#,
                1,
                |c, out, r| {
                    let m = c.get(0).unwrap();
                    fact(out, "partition", &c[1], m, r + 2);
                    if is_region(&c[2]) {
                        fact(out, "region", &c[2], m, r);
                    }
                    if all_digits(&c[3]) {
                        fact(out, "registry_id", &c[3], m, r);
                    }
                    let repo = c[4].trim_end_matches(['.', ',']);
                    if !is_template(repo) && repo != "*" {
                        fact(out, "repository", repo, m, r);
                    }
                },
            ),
            // Any other ARN still tells the region it was in.
            x(
                &["arn:"],
                r"arn:aws[a-z-]*:[a-z0-9-]+:([a-z0-9-]+):",
                6,
                |c, out, r| {
                    if is_region(&c[1]) {
                        group_fact(out, "region", c, 1, r);
                    }
                },
            ),
            // Private registry hosts, also inside URLs and image references.
            x(
                &["dkr"],
                r#"((?:https?://|docker://)?(?:<[^>\s]*>|\[\[?[^\]\s]*\]\]?|\$\{[^}\s]*\}|[^\s/"'\[\](),=@:<>]+)\.dkr[.-]ecr(?:-fips)?\.[^\s./"']+\.(?:amazonaws\.com(?:\.cn)?|amazonaws\.eu|on\.aws)(?:/[^\s"'\],|]*)?)"#,
                2,
                |c, out, r| image_facts(out, c.get(1).unwrap(), r),
            ),
            x(
                &["public.ecr.aws"],
                // Not `public.ecr.aws/token/`: that is the auth endpoint, not a repository.
                r#"(public\.ecr\.aws/(?:[a-su-z0-9._-]|t[a-np-z0-9._-]|to[a-jl-z0-9._-])[a-z0-9._/-]*(?::[a-z0-9._-]+)?)"#,
                2,
                |c, out, r| {
                    let m = c.get(1).unwrap();
                    fact(out, "registry", "public.ecr.aws", m, r);
                    image_facts(out, m, r)
                },
            ),
            // API endpoints (`api.ecr.eu-west-1.amazonaws.com`, `ecr-public.us-east-1...`).
            x(
                &["ecr"],
                r"\b(?:api\.)?ecr(?:-public|-fips)?\.([a-z0-9-]+)\.(?:amazonaws\.com|amazonaws\.eu|api\.aws)",
                3,
                |c, out, r| {
                    if is_region(&c[1]) {
                        group_fact(out, "region", c, 1, r);
                    }
                },
            ),
            x(
                &["with name"],
                r"repository with name '([^']+)'(?: does not exist)?(?: in (?:the )?registry with id '([^']*)')?",
                1,
                |c, out, r| {
                    if !is_template(&c[1]) {
                        group_fact(out, "repository", c, 1, r);
                    }
                    if c.get(2).is_some_and(|m| all_digits(m.as_str())) {
                        group_fact(out, "registry_id", c, 2, r);
                    }
                },
            ),
            x(
                &["' repository"],
                r"\bin the '([^']+)' repository",
                1,
                |c, out, r| {
                    if !is_template(&c[1]) {
                        group_fact(out, "repository", c, 1, r)
                    }
                },
            ),
            // CloudFormation's and Terraform's names for a repository they act on.
            x(
                &["aws::ecr::repository"],
                r"AWS::ECR::Repository'? with identifier '([a-z0-9][a-z0-9._/-]*)'",
                1,
                |c, out, r| group_fact(out, "repository", c, 1, r),
            ),
            x(
                &[
                    "ecr repository",
                    "ecr lifecycle policy",
                    "ecr repository policy",
                ],
                r"\b(?:creating|reading|updating|deleting|describing|finding) ECR (?:Repository|Lifecycle Policy|Repository Policy) \(([a-z0-9][a-z0-9._/-]*)\)",
                2,
                |c, out, r| group_fact(out, "repository", c, 1, r),
            ),
            x(
                &["repositoryname", "registryid"],
                r#""(repositoryName|registryId)"\s*:\s*"([^"]*)""#,
                2,
                |c, out, r| {
                    let key = if c[1].eq_ignore_ascii_case("repositoryName") {
                        "repository"
                    } else {
                        "registry_id"
                    };
                    if !is_template(&c[2]) && (key == "repository" || all_digits(&c[2])) {
                        group_fact(out, key, c, 2, r);
                    }
                },
            ),
            x(
                &["--registry-id"],
                r"--registry-ids?[ =](\d{12})\b",
                3,
                |c, out, r| group_fact(out, "registry_id", c, 1, r),
            ),
            x(
                &["--repository-name"],
                r"--repository-names?[ =]([a-z0-9][a-z0-9._/-]*)",
                3,
                |c, out, r| group_fact(out, "repository", c, 1, r),
            ),
            x(
                &["vars.name"],
                r#"\bvars\.name="([^"]+)""#,
                3,
                |c, out, r| group_fact(out, "repository", c, 1, r),
            ),
            x(
                &["refers to"],
                r"\b(?:push|pull) refers to (?:a )?repository \[([^\]\s]+)\]",
                3,
                |c, out, r| image_facts(out, c.get(1).unwrap(), r),
            ),
            x(
                &["not found"],
                r"\brepository ([a-z0-9][a-z0-9._/-]*) not found",
                4,
                |c, out, r| image_facts(out, c.get(1).unwrap(), r),
            ),
            // Registry API paths on any host (a masked host still names the repository).
            x(
                &["/v2/"],
                r"/v2/([a-z0-9][a-z0-9._/-]*?)/(?:manifests|blobs|tags)/",
                4,
                |c, out, r| group_fact(out, "repository", c, 1, r),
            ),
            // Docker's own wording for a missing image (`Error: image app:1 not found`).
            x(
                &["not found"],
                r"\bimage ([a-z0-9][a-z0-9._/-]*(?::[\w.-]+)?) not found\b",
                4,
                |c, out, r| image_facts(out, c.get(1).unwrap(), r),
            ),
            // The Docker client's version: `docker --version`, `docker info`, a user agent.
            x(
                &["docker version", "server version", "docker/"],
                r"\b(?:Docker version|Server Version:|\bdocker/)\s*(\d+\.\d+\.\d+)\b",
                6,
                |c, out, r| group_fact(out, "docker_version", c, 1, r),
            ),
            x(
                &["when calling"],
                r"when calling the\s+([A-Za-z]+)\s+operation",
                0,
                |c, out, r| group_fact(out, "operation", c, 1, r),
            ),
            x(
                &["operation error"],
                r"operation error [a-z0-9 ]+:\s*([A-Za-z]+)",
                0,
                |c, out, r| group_fact(out, "operation", c, 1, r),
            ),
            x(
                &["error occurred", "client error"],
                r"(?:An error occurred|A client error) \(([A-Za-z]+)\)",
                0,
                |c, out, r| group_fact(out, "error_code", c, 1, r),
            ),
            // The organization policy an explicit deny names (`...: arn:aws:organizations::...`).
            x(
                &["organizations"],
                r"arn:aws[a-z-]*:organizations::\d*:policy/\S*?/?(p-[a-z0-9]+)\b",
                0,
                |c, out, r| group_fact(out, "policy_id", c, 1, r),
            ),
            x(
                &["max retries"],
                r"reached max retries:\s*(\d+)",
                0,
                |c, out, r| group_fact(out, "retries", c, 1, r),
            ),
            x(
                &["because no", "explicit deny"],
                r"\b(because no [a-z -]+? allows|with an explicit deny in (?:a|an|the) [a-z -]+?policy)",
                0,
                |c, out, r| {
                    if let Some(reason) = deny_reason(&c[1]) {
                        fact(out, "deny_reason", reason, c.get(1).unwrap(), r);
                    }
                },
            ),
            x(
                &["aws ecr"],
                r"\baws ecr (get-login-password|get-login)\b",
                5,
                |c, out, r| group_fact(out, "cli_command", c, 1, r),
            ),
            x(
                &["get-login-password"],
                r"get-login-password\b[^|]{0,80}?--region[ =]([a-z0-9-]+)",
                5,
                |c, out, r| {
                    if is_region(&c[1]) {
                        group_fact(out, "token_region", c, 1, r);
                    }
                },
            ),
            x(
                &["--region"],
                r"--region[ =]([a-z0-9-]+)",
                5,
                |c, out, r| {
                    if is_region(&c[1]) {
                        group_fact(out, "region", c, 1, r);
                    }
                },
            ),
            // Any region named in passing (`... in eu-north-1.`), weakest of all.
            x(
                &[
                    "us-", "eu-", "ap-", "sa-", "ca-", "me-", "af-", "il-", "mx-", "cn-", "eusc-",
                ],
                r"\b((?:(?:us|eu|ap|sa|ca|me|af|il|mx|cn)(?:-gov|-iso[a-z]?)?|eusc-[a-z]{2})-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d)\b",
                7,
                |c, out, r| group_fact(out, "region", c, 1, r),
            ),
        ]
    }
}

/// Every fact in `text`, positions relative to `text`. Region and operation names that are
/// case-sensitive in their real form are validated by the extractors themselves.
pub fn extract(text: &str) -> Vec<Fact> {
    let mut out = extract_positioned(text);
    if let Some(client) = detect_client(text) {
        out.push(client_fact(client));
    }
    out
}

/// Every fact that stands at a place in `text` (all but the client).
pub fn extract_positioned(text: &str) -> Vec<Fact> {
    super::work::add(text.len());
    let xs = extractors();
    // Where each extractor runs: nowhere without a needle; for a pattern that never matches
    // whitespace, on each token that holds one of its needles; otherwise on the whole text.
    let whole_text = 0..text.len();
    let mut runs: Vec<Vec<Range<usize>>> = vec![Vec::new(); xs.list.len()];
    let mut tokens = tokens::TokensOf::new(text);
    xs.needles.each_occurrence(text, |needle, at| {
        let x = xs.owner[needle];
        let span = if xs.list[x].within_tokens {
            tokens.token_of(at)
        } else {
            whole_text.clone()
        };
        let last = runs[x].last();
        if last != Some(&span) && last != Some(&whole_text) {
            runs[x].push(span);
        }
    });
    let mut out = Vec::new();
    for (x, spans) in xs.list.iter().zip(&runs) {
        run_extractor(x, text, spans, &mut out);
    }
    prose_operations(text, &mut out);
    out
}

/// Runs one extractor on `spans` of `text`, the first 64 matches in all, with positions in
/// `text`.
fn run_extractor(x: &Extractor, text: &str, spans: &[Range<usize>], out: &mut Vec<Fact>) {
    let mut matches_left = 64;
    for span in spans {
        for c in x.re.captures_iter(&text[span.clone()]).take(matches_left) {
            let before = out.len();
            (x.apply)(&c, out, x.rank);
            for f in &mut out[before..] {
                f.start += span.start;
                f.end += span.start;
            }
            matches_left -= 1;
        }
        if matches_left == 0 {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::principal::parse_principal;
    use super::*;
    use proptest::prelude::*;

    fn get(facts: &[Fact], key: &str) -> Option<String> {
        facts
            .iter()
            .filter(|f| f.key == key)
            .min_by_key(|f| f.rank)
            .map(|f| f.value.clone())
    }

    /// Every extractor that has a needle in `text`, run on the whole text: what the token
    /// runs of [`extract_positioned`] must equal.
    fn extract_on_whole_text(text: &str) -> Vec<Fact> {
        let xs = extractors();
        let lower = text.to_ascii_lowercase();
        let mut out = Vec::new();
        for x in &xs.list {
            if x.needles.iter().any(|n| lower.contains(n)) {
                let whole_text = 0..text.len();
                run_extractor(x, text, std::slice::from_ref(&whole_text), &mut out);
            }
        }
        prose_operations(text, &mut out);
        out
    }

    /// Pieces of the extractors' patterns and of the text around them, so random joins of them
    /// make matches, near misses and matches broken by whitespace.
    const PIECES: &[&str] = &[
        "\n",
        "\n\n",
        " ",
        "  ",
        "\t",
        "\x0b",
        "\x0c",
        "\r",
        "\u{a0}",
        "é",
        "<",
        ">",
        "${ACCOUNT}",
        "[[",
        "]]",
        "=",
        ",",
        "@",
        "https://",
        "docker://",
        "111122223333.dkr.ecr.eu-west-1.amazonaws.com/",
        ".dkr-ecr-fips.",
        ".amazonaws.com.cn",
        ".on.aws",
        "app:v1",
        "'",
        "\"",
        ":",
        "/",
        "|",
        "[",
        "]",
        "(",
        ")",
        "arn:aws:",
        "arn:aws-cn:",
        "iam::",
        "sts::",
        "ecr:",
        "123456789012",
        ":user/bob",
        ":assumed-role/ci/s",
        "repository/team/app",
        "eu-west-1",
        "us-east-1",
        ":ecr:",
        "is not authorized",
        "not authorized to perform:",
        " ecr:BatchGetImage",
        "on resource:",
        ".dkr.ecr.",
        "amazonaws.com",
        "public.ecr.aws/",
        "api.ecr.",
        "repository with name '",
        "' does not exist",
        " in the '",
        "' repository",
        "--region ",
        "--registry-id ",
        "--repository-name ",
        "aws ecr get-login-password",
        "when calling the ",
        " operation",
        "An error occurred (",
        "AccessDenied",
        "docker/",
        "Docker version 24.0.7",
        "refers to ",
        "/v2/",
        "/manifests/",
        "image ",
        " not found",
        "because no identity-based policy allows",
        "reached max retries: 5",
        "operation error ECR: GetX",
        "x",
        "1",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]
        #[test]
        fn token_runs_find_what_the_whole_text_does(
            picks in proptest::collection::vec(0..PIECES.len(), 0..40)
        ) {
            let text: String = picks.iter().map(|&i| PIECES[i]).collect();
            prop_assert_eq!(extract_positioned(&text), extract_on_whole_text(&text), "{}", text);
        }
    }

    #[test]
    fn image_refs() {
        let r =
            parse_image_ref("123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app:1.2@sha256:ab");
        assert_eq!(r.account.as_deref(), Some("123456789012"));
        assert_eq!(r.region.as_deref(), Some("eu-west-1"));
        assert_eq!(r.repository.as_deref(), Some("team/app"));
        assert!(r.ecr);
        let r =
            parse_image_ref("https://1.dkr.ecr.us-west-1.amazonaws.com/v2/a/b/manifests/latest");
        assert_eq!(r.repository.as_deref(), Some("a/b"));
        let r = parse_image_ref("nginx:1.2");
        assert_eq!((r.registry, r.repository.as_deref()), (None, Some("nginx")));
        let r = parse_image_ref("localhost:5000/x:1");
        assert_eq!(r.repository.as_deref(), Some("x"));
        let r = parse_image_ref("${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/app");
        assert_eq!((r.account, r.region, r.ecr), (None, None, true));
    }

    #[test]
    fn principals() {
        let p = parse_principal("arn:aws:sts::123456789012:assumed-role/ci/GitHubActions").unwrap();
        assert_eq!((p.kind, p.name.as_deref()), ("assumed-role", Some("ci")));
        let p = parse_principal("arn:aws-cn:iam::123456789012:user/path/to/bob").unwrap();
        assert_eq!(
            (p.kind, p.name.as_deref(), p.partition.as_str()),
            ("user", Some("bob"), "aws-cn")
        );
        let p = parse_principal("arn:aws:iam::123456789012:root").unwrap();
        assert_eq!(p.kind, "root");
        assert!(parse_principal("arn:aws:s3:::bucket").is_none());
    }

    #[test]
    fn denial_facts() {
        let t = "User: arn:aws:sts::111122223333:assumed-role/r/s is not authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:eu-west-2:444455556666:repository/a/b with an explicit deny in a service control policy";
        let f = extract(t);
        assert_eq!(get(&f, "account_id").as_deref(), Some("111122223333"));
        assert_eq!(get(&f, "registry_id").as_deref(), Some("444455556666"));
        assert_eq!(get(&f, "repository").as_deref(), Some("a/b"));
        assert_eq!(get(&f, "region").as_deref(), Some("eu-west-2"));
        assert_eq!(get(&f, "action").as_deref(), Some("ecr:BatchGetImage"));
        assert_eq!(get(&f, "deny_reason").as_deref(), Some("scp"));
        assert_eq!(get(&f, "principal_type").as_deref(), Some("assumed-role"));
    }

    #[test]
    fn glued_principal_stops_before_is() {
        let f = extract(
            "User: arn:aws:iam::account-number:user/usernameis not authorized to perform: ecr:X",
        );
        assert_eq!(
            get(&f, "principal_arn").as_deref(),
            Some("arn:aws:iam::account-number:user/username")
        );
    }

    #[test]
    fn deny_reasons() {
        assert_eq!(
            deny_reason("because no identity-based policy allows"),
            Some("identity-policy")
        );
        assert_eq!(
            deny_reason("with an explicit deny in a resource-based policy"),
            Some("explicit-deny-resource")
        );
        assert_eq!(
            deny_reason("because no VPC endpoint policy allows"),
            Some("vpc-endpoint-policy")
        );
        assert_eq!(
            deny_reason("because no permissions boundary allows"),
            Some("permissions-boundary")
        );
    }

    #[test]
    fn regions_are_validated() {
        assert!(
            is_region("us-gov-west-1") && is_region("ap-southeast-2") && is_region("cn-north-1")
        );
        assert!(!is_region("region") && !is_region("ap-XXXXX") && !is_region("us-east"));
    }

    #[test]
    fn clients() {
        assert_eq!(
            detect_client("aws: [ERROR]: An error occurred (X) when calling the Y operation: z"),
            Some("aws-cli-v2")
        );
        assert_eq!(
            detect_client("operation error ECR: GetAuthorizationToken, https response error"),
            Some("go-sdk")
        );
        assert_eq!(
            detect_client("Error response from daemon: x"),
            Some("docker")
        );
        assert_eq!(detect_client("nothing"), None);
    }
}
