//! Redaction before sharing: secrets become placeholders, and account IDs, access key IDs,
//! session names and email addresses get stand-ins of the same shape, so the shared text
//! explains the same way.

use regex_lite::Regex;
use std::sync::OnceLock;

/// What redaction replaced: each distinct value and its stand-in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redaction {
    pub text: String,
    pub replaced: Vec<(String, String)>,
}

/// Stand-ins that still read as what they replace (a 12-digit account, an access key ID),
/// so the shared text explains the same way.
fn account_stand_in(n: usize) -> String {
    const KNOWN: [&str; 3] = ["111122223333", "444455556666", "777788889999"];
    KNOWN.get(n).map_or_else(
        || format!("{:012}", 100_000_000_000u64 + n as u64),
        |s| s.to_string(),
    )
}

/// The same value of a kind always gets the same stand-in; the n-th distinct value of a kind
/// gets the n-th stand-in. Hashed, so a paste with many distinct values stays linear.
#[derive(Default)]
struct StandIns {
    by_value: std::collections::HashMap<(&'static str, String), String>,
    /// A handful of kinds: a list, not one more map type in the wasm.
    per_kind: Vec<(&'static str, usize)>,
    replaced: Vec<(String, String)>,
}

impl StandIns {
    fn get(&mut self, kind: &'static str, value: &str, make: impl Fn(usize) -> String) -> String {
        if let Some(s) = self.by_value.get(&(kind, value.to_string())) {
            return s.clone();
        }
        let at = match self.per_kind.iter().position(|(k, _)| *k == kind) {
            Some(at) => at,
            None => {
                self.per_kind.push((kind, 0));
                self.per_kind.len() - 1
            }
        };
        let n = &mut self.per_kind[at].1;
        let s = make(*n);
        *n += 1;
        self.by_value.insert((kind, value.to_string()), s.clone());
        self.replaced.push((value.to_string(), s.clone()));
        s
    }

    /// A fixed placeholder such as `<password>`: still counted as a replacement.
    fn placeholder(&mut self, kind: &'static str, value: &str) -> String {
        self.get(kind, value, |_| format!("<{kind}>"))
    }
}

struct Rules {
    session: Regex,
    auth_header: Regex,
    named: Regex,
    configure_set: Regex,
    jwt: Regex,
    vendor_token: Regex,
    session_token: Regex,
    docker_auth: Regex,
    token: Regex,
    key: Regex,
    long_password: Regex,
    short_password: Regex,
    echo_stdin: Regex,
    email: Regex,
}

fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| {
        let re = |p: &str| Regex::new(p).expect("redaction pattern");
        Rules {
            session: re(r"(assumed-role/[^/\s]+/)([^\s\x22',;|)]+)"),
            auth_header: re(
                r#"(?i)\b(?:proxy-)?authorization["']?[ \t]*[:=][ \t]*["']?(bearer|basic|token)[ \t]+([A-Za-z0-9._~+/=%-]+)"#,
            ),
            // name, the name's closing quote, the separator, then a double-quoted,
            // single-quoted or bare value. Bare values stop at `?` and `&` so one URL
            // parameter never swallows the next.
            named: re(
                r#"([A-Za-z_][A-Za-z0-9_.-]*)(\\?["']?)([ \t]*(?:=>|:|=)[ \t]*)(?:(\\?")([^"\\\n]*)|'([^'\n]*)'|([^\s"'&,;\\?]+))"#,
            ),
            configure_set: re(
                r"(?i)\bconfigure[ \t]+set[ \t]+(?:aws_secret_access_key|aws_session_token|aws_security_token)[ \t]+([^\s<$]\S*)",
            ),
            jwt: re(r"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"),
            vendor_token: re(
                r"\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}|glpat-[A-Za-z0-9_-]{20,})",
            ),
            // AWS session tokens open with a fixed base64 prefix ("\x27\x0a\x09origin" and kin).
            session_token: re(r"\b(?:IQoJb3JpZ2lu|FwoGZXIvYXdz|FQoGZXIvYXdz)[A-Za-z0-9/+=%]{16,}"),
            // A docker config `auth` for ECR is base64 of "AWS:<token>".
            docker_auth: re(r"\bQVdTO[A-Za-z0-9+/]{20,}={0,2}"),
            token: re(r"\beyJ[A-Za-z0-9+/=_-]{40,}"),
            // Boundaries are checked by hand: `\b` would miss a key followed by `_`.
            key: re(r"(?:AKIA|ASIA|AIDA|AROA|AGPA|ANPA|ANVA|AIPA|APKA|ABIA|ACCA)[A-Z0-9]{16}"),
            long_password: re(r"(?:^|[ \t])--password(?:[ \t]+|=)(\S+)"),
            short_password: re(r"(?:^|[ \t])-p(?:[ \t]+|=)?(\S+)"),
            echo_stdin: re(
                r#"\b(?:echo|printf)[ \t]+(?:-[neE]+[ \t]+)?(?:"([^"\n]*)"|'([^'\n]*)'|([^\s|;&]+))[ \t]*\|[^\n]*?--password-stdin"#,
            ),
            email: re(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b"),
        }
    })
}

/// Replaces, in every match of `re`, the first capture group among `groups` that took part
/// with what `decide` returns (nothing: the match stays as it is). Every rule reads one line
/// at a time, and only lines holding one of its `needles` (lowercase): a cheap substring
/// search spares the regex most of a long log.
fn splice(
    text: &str,
    re: &Regex,
    groups: &[usize],
    needles: &[&str],
    mut decide: impl FnMut(&regex_lite::Captures, usize, &str, &str) -> Option<String>,
) -> String {
    // ASCII lowercasing keeps every byte offset.
    let lower = text.to_ascii_lowercase();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let l = &lower[at..at + line.len()];
        at += line.len();
        if !needles.iter().any(|n| l.contains(n)) {
            out.push_str(line);
            continue;
        }
        let mut last = 0;
        for c in re.captures_iter(line) {
            let Some((g, m)) = groups.iter().find_map(|&g| c.get(g).map(|m| (g, m))) else {
                continue;
            };
            if let Some(new) = decide(&c, g, m.as_str(), line) {
                out.push_str(&line[last..m.start()]);
                out.push_str(&new);
                last = m.end();
            }
        }
        out.push_str(&line[last..]);
    }
    out
}

/// What a secret-bearing name holds, from its letters alone (`X-Amz-Signature`,
/// `aws_secret_access_key`, `"authorizationToken"` …); `None` for any other name.
fn secret_kind(name: &str) -> Option<&'static str> {
    let n: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let ends = |words: &[&str]| words.iter().any(|w| n.ends_with(w));
    if ends(&["password", "passwd", "pwd", "passphrase"]) {
        Some("password")
    } else if ends(&["signature"]) {
        Some("signature")
    } else if ends(&["token"]) {
        Some("token")
    } else if ends(&["secret", "secretkey", "accesskey", "apikey", "privatekey"]) {
        Some("secret")
    } else if ends(&["auth", "authorization"]) {
        Some("credentials")
    } else {
        None
    }
}

/// Values that are no secret even under a secret's name: references to one (`$TOKEN`,
/// `<token>`), masks, booleans, digests, ARNs, auth scheme names.
fn not_a_secret(v: &str) -> bool {
    let l = v.to_ascii_lowercase();
    v.is_empty()
        || v.starts_with(['<', '$', '%', '{', '['])
        || v.chars().all(|c| matches!(c, '*' | 'x' | 'X' | '.' | '-'))
        || [
            "true",
            "false",
            "null",
            "none",
            "nil",
            "undefined",
            "required",
        ]
        .contains(&l.as_str())
        || ["bearer", "basic", "token", "digest", "aws4-hmac-sha256"].contains(&l.as_str())
        || l.starts_with("sha256:")
        || l.starts_with("arn:")
}

/// A bare value after `name: ` in running text is only taken for a secret if it looks like
/// one (`token: unexpected status` is prose).
fn looks_secret(v: &str) -> bool {
    v.len() >= 8
        && v.bytes().any(|b| b.is_ascii_alphabetic())
        && v.bytes().any(|b| b.is_ascii_digit() || b"+/=".contains(&b))
}

/// `docker run -p 8080:80`, `-p 127.0.0.1:80:80/tcp`: a port mapping, not a password.
fn port_mapping(v: &str) -> bool {
    v.starts_with(|c: char| c.is_ascii_digit())
        && v.chars()
            .all(|c| c.is_ascii_digit() || ":./-".contains(c) || "tcpud".contains(c))
}

/// Replaces secrets (by their names and by their shapes), account IDs (also inside ARNs and
/// registry hosts, and written `1234-5678-9012`), access key IDs, assumed-role session names
/// and email addresses with stand-ins: the same value gets the same stand-in everywhere in the
/// text. Account IDs, key IDs and session names keep their shape, so the redacted text
/// explains the same way.
pub fn redact(text: &str) -> Redaction {
    let r = rules();
    let mut s = StandIns::default();
    // Sessions first (their names may hold digits or emails), then secrets by name, then by
    // shape, accounts last.
    let text = splice(text, &r.session, &[2], &["assumed-role/"], |_, _, v, _| {
        Some(s.get("session", v, |i| format!("session-{}", i + 1)))
    });
    let text = splice(
        &text,
        &r.auth_header,
        &[2],
        &["authorization"],
        |c, _, v, _| {
            let basic = c[1].eq_ignore_ascii_case("basic");
            Some(s.placeholder(if basic { "credentials" } else { "token" }, v))
        },
    );
    let names = ["pass", "pwd", "signature", "token", "secret", "key", "auth"];
    let text = splice(&text, &r.named, &[5, 6, 7], &names, |c, g, v, line| {
        let name = c.get(1)?;
        let kind = secret_kind(name.as_str())?;
        if not_a_secret(v) {
            return None;
        }
        let sep = &c[3];
        let name_quoted = !c[2].is_empty();
        if sep.contains(':') && !sep.contains("=>") && !name_quoted {
            // `repo:tag`, `arn:…:secret:name`, `https://`: a colon with nothing after it
            // is syntax, not a key-value pair.
            if !sep.ends_with([' ', '\t']) && g == 7 {
                return None;
            }
            let before = &line[..name.start()];
            if before.ends_with('/') {
                return None;
            }
            // YAML (`password: x` opening a line) is a key-value pair; mid-line, a bare
            // word after `name: ` is usually prose.
            let at_line_start = before.trim_start_matches([' ', '\t', '-']).is_empty();
            if g == 7 && !at_line_start && !looks_secret(v) {
                return None;
            }
        }
        Some(s.placeholder(kind, v))
    });
    let text = splice(
        &text,
        &r.configure_set,
        &[1],
        &["configure"],
        |_, _, v, _| Some(s.placeholder("secret", v)),
    );
    let text = splice(&text, &r.jwt, &[0], &["eyj"], |_, _, v, _| {
        Some(s.placeholder("jwt", v))
    });
    let vendors = [
        "ghp_",
        "gho_",
        "ghu_",
        "ghs_",
        "ghr_",
        "github_pat_",
        "glpat-",
    ];
    let text = splice(&text, &r.vendor_token, &[0], &vendors, |_, _, v, _| {
        Some(s.placeholder("token", v))
    });
    let prefixes = ["iqojb3jpz2lu", "fwogzxivyxdz", "fqogzxivyxdz"];
    let text = splice(&text, &r.session_token, &[0], &prefixes, |_, _, v, _| {
        Some(s.placeholder("session-token", v))
    });
    let text = splice(&text, &r.docker_auth, &[0], &["qvdto"], |_, _, v, _| {
        Some(s.placeholder("credentials", v))
    });
    let text = splice(&text, &r.token, &[0], &["eyj"], |_, _, v, _| {
        Some(s.placeholder("token", v))
    });
    let key_prefixes = [
        "akia", "asia", "aida", "aroa", "agpa", "anpa", "anva", "aipa", "apka", "abia", "acca",
    ];
    let text = splice(&text, &r.key, &[0], &key_prefixes, |c, _, v, line| {
        let m = c.get(0)?;
        let b = line.as_bytes();
        let glued = |i: usize| b.get(i).is_some_and(|c| c.is_ascii_alphanumeric());
        if (m.start() > 0 && glued(m.start() - 1)) || glued(m.end()) {
            return None;
        }
        let prefix = v[..4].to_string();
        Some(s.get("key", v, |i| format!("{prefix}REDACTED{:08}", i + 1)))
    });
    let text = splice(
        &text,
        &r.long_password,
        &[1],
        &["--password"],
        |_, _, v, _| {
            if not_a_secret(v.trim_matches(['"', '\''])) {
                return None;
            }
            Some(s.placeholder("password", v))
        },
    );
    // `-p` means a password only to a login (`mkdir -p`, `docker run -p 80:80`, `gcc -pthread`
    // are not): the needle keeps this rule to lines that say "login".
    let text = splice(&text, &r.short_password, &[1], &["login"], |_, _, v, _| {
        if not_a_secret(v.trim_matches(['"', '\''])) || port_mapping(v) {
            return None;
        }
        Some(s.placeholder("password", v))
    });
    let text = splice(
        &text,
        &r.echo_stdin,
        &[1, 2, 3],
        &["--password-stdin"],
        |_, _, v, _| {
            if v.contains('$') || not_a_secret(v) {
                return None;
            }
            Some(s.placeholder("password", v))
        },
    );
    let text = splice(&text, &r.email, &[0], &["@"], |_, _, v, _| {
        if v.starts_with("git@") {
            return None;
        }
        Some(s.get("email", v, |i| match i {
            0 => "someone@example.com".to_string(),
            _ => format!("someone{}@example.com", i + 1),
        }))
    });
    let text = replace_accounts(&text, &mut |v| s.get("account", v, account_stand_in));
    Redaction {
        text,
        replaced: s.replaced,
    }
}

/// Every run of exactly 12 digits not glued to other digits or letters: account IDs, alone,
/// in ARNs (`::123456789012:`) and in registry hosts (`123456789012.dkr.ecr`); and accounts
/// as the console prints them, `1234-5678-9012` (same stand-in as the undashed form).
fn replace_accounts(text: &str, stand_in: &mut dyn FnMut(&str) -> String) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut i = 0;
    let glued = |j: usize| b.get(j).is_some_and(|c| c.is_ascii_alphanumeric());
    let digits_at = |j: usize, n: usize| {
        b.get(j..j + n)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let free_before = start == 0 || !glued(start - 1);
        if i - start == 12 && free_before && !glued(i) {
            out.push_str(&text[last..start]);
            out.push_str(&stand_in(&text[start..i]));
            last = i;
        } else if i - start == 4
            && free_before
            && (start == 0 || b[start - 1] != b'-')
            && b.get(i) == Some(&b'-')
            && digits_at(i + 1, 4)
            && b.get(i + 5) == Some(&b'-')
            && digits_at(i + 6, 4)
            && !glued(i + 10)
            && b.get(i + 10) != Some(&b'-')
        {
            let end = i + 10;
            let digits: String = text[start..end].chars().filter(|c| *c != '-').collect();
            let s = stand_in(&digits);
            out.push_str(&text[last..start]);
            out.push_str(&format!("{}-{}-{}", &s[..4], &s[4..8], &s[8..]));
            last = end;
            i = end;
        }
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redaction_replaces_ids_everywhere_with_stable_stand_ins() {
        let t = "User: arn:aws:sts::123456789012:assumed-role/ci/jane.doe@example.com is not authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:eu-west-1:210987654321:repository/app\n\
                 docker login -u AWS -p eyJwYXlsb2FkIjoiQUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVoxMjM0NTY3ODkwIn0 123456789012.dkr.ecr.eu-west-1.amazonaws.com\n\
                 key AKIAIOSFODNN7EXAMPLE and again 123456789012";
        let r = redact(t);
        for secret in [
            "123456789012",
            "210987654321",
            "jane.doe@example.com",
            "AKIAIOSFODNN7EXAMPLE",
            "eyJwYXlsb2Fk",
        ] {
            assert!(!r.text.contains(secret), "{secret} left in:\n{}", r.text);
        }
        assert!(
            r.text
                .contains("arn:aws:sts::111122223333:assumed-role/ci/session-1"),
            "{}",
            r.text
        );
        assert!(r
            .text
            .contains("111122223333.dkr.ecr.eu-west-1.amazonaws.com"));
        assert!(r
            .text
            .contains("arn:aws:ecr:eu-west-1:444455556666:repository/app"));
        assert!(r.text.ends_with("again 111122223333"));
        assert!(r.text.contains("AKIAREDACTED00000001"));
        // The redacted text still explains the same way.
        let a = crate::explain(t);
        let b = crate::explain(&r.text);
        assert_eq!(a.findings[0].id, b.findings[0].id);
        assert_eq!(b.findings[0].fields["account_id"], "111122223333");
    }

    #[test]
    fn redaction_leaves_other_numbers_alone() {
        let r = redact("build 1234567890123 took 123456789012345 ns; sha256:123456789012abc");
        assert_eq!(
            r.text,
            "build 1234567890123 took 123456789012345 ns; sha256:123456789012abc"
        );
    }
    /// The 35 secret shapes of issue 9: (shape, text, the secret, what must stand in its place).
    /// Every value is invented.
    const SECRETS: [(&str, &str, &str, &str); 35] = [
        ("account alone", "account 246813579024 denied", "246813579024", "111122223333"),
        ("account in an ARN", "arn:aws:iam::246813579024:role/ci", "246813579024", "arn:aws:iam::111122223333:role/ci"),
        ("account in a registry host", "246813579024.dkr.ecr.us-west-2.amazonaws.com/app", "246813579024", "111122223333.dkr.ecr"),
        ("account in a registry URL", "https://246813579024.dkr.ecr.us-west-2.amazonaws.com/v2/", "246813579024", "https://111122223333.dkr"),
        ("account as 1234-5678-9012", "Account ID: 2468-1357-9024", "2468-1357-9024", "1111-2222-3333"),
        ("account in a repository ARN", "arn:aws:ecr:us-west-2:246813579024:repository/web", "246813579024", ":111122223333:repository/web"),
        ("AKIA key ID", "key AKIAQWERTYUIOPASDF12 used", "AKIAQWERTYUIOPASDF12", "AKIAREDACTED00000001"),
        ("ASIA key ID", "AccessKeyId: ASIAZXCVBNMLKJHGFD34", "ASIAZXCVBNMLKJHGFD34", "ASIAREDACTED00000001"),
        ("AKIA key ID followed by _", "export KEY=AKIAQWERTYUIOPASDF12_old", "AKIAQWERTYUIOPASDF12", "AKIAREDACTED00000001_old"),
        ("assumed-role session", "arn:aws:sts::246813579024:assumed-role/deploy/gh-run-77", "gh-run-77", "assumed-role/deploy/session-1"),
        ("docker login -p", "docker login -u AWS -p Zq8vWm2Lp0sK 1.dkr.ecr.us-east-1.amazonaws.com", "Zq8vWm2Lp0sK", "-p <password>"),
        ("--password VALUE", "podman login --password Zq8vWm2Lp0sK reg", "Zq8vWm2Lp0sK", "--password <password>"),
        ("--password=VALUE", "helm registry login --password=Zq8vWm2Lp0sK reg", "Zq8vWm2Lp0sK", "--password=<password>"),
        ("-pPASSWORD glued", "docker login -uAWS -pZq8vWm2Lp0sK reg.example", "Zq8vWm2Lp0sK", "-p<password>"),
        ("echo pw | docker login --password-stdin", "echo Zq8vWm2Lp0sK | docker login --username AWS --password-stdin reg", "Zq8vWm2Lp0sK", "echo <password> |"),
        ("ECR token (base64 JSON)", "docker login -u AWS -p eyJwYXlsb2FkIjoiWnE4dldtMkxwMHNLWnE4dldtMkxwMHNL reg", "eyJwYXlsb2FkIjoiWnE4", "<"),
        ("ECR token alone", "token eyJwYXlsb2FkIjoiWnE4dldtMkxwMHNLWnE4dldtMkxwMHNLIn0= end", "eyJwYXlsb2Fk", "token <token> end"),
        ("aws_secret_access_key=", "aws_secret_access_key=q9Wv/Lp0sKZm2Xr7Tb4Nc8Yd1Ue5Hf3Gj6Ki0Ol2", "q9Wv/Lp0sK", "aws_secret_access_key=<secret>"),
        ("AWS_SECRET_ACCESS_KEY env", "export AWS_SECRET_ACCESS_KEY=\"q9Wv/Lp0sKZm2Xr7Tb4Nc8Yd1Ue5Hf3Gj6Ki0Ol2\"", "q9Wv/Lp0sK", "AWS_SECRET_ACCESS_KEY=\"<secret>\""),
        ("\"SecretAccessKey\" JSON", "{\"AccessKeyId\": \"x\", \"SecretAccessKey\": \"q9Wv/Lp0sKZm2Xr7Tb4Nc8Yd1Ue5Hf3Gj6Ki0Ol2\"}", "q9Wv/Lp0sK", "\"SecretAccessKey\": \"<secret>\""),
        ("aws_session_token", "aws_session_token = Zm9vYmFyYmF6cXV4cXV1eA0K9z8y7x6w5v", "Zm9vYmFyYmF6", "aws_session_token = <token>"),
        ("\"SessionToken\" JSON", "\"SessionToken\":\"Zm9vYmFyYmF6cXV4cXV1eA0K9z8y7x6w5v\"", "Zm9vYmFyYmF6", "\"SessionToken\":\"<token>\""),
        ("session token by its shape", "cred IQoJb3JpZ2luX2VjEJr9Zm9vYmFyYmF6cXV4 ok", "IQoJb3JpZ2luX2VjEJr9", "cred <session-token> ok"),
        ("X-Amz-Security-Token", "GET /v2/?X-Amz-Security-Token=Zm9vYmFy%2FYmF6cXV4&X-Amz-Date=20260101T000000Z", "Zm9vYmFy%2F", "X-Amz-Security-Token=<token>&X-Amz-Date=20260101T000000Z"),
        ("X-Amz-Signature", "https://b.s3.amazonaws.com/l?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=9f8e7d6c5b4a39281706f5e4d3c2b1a0", "9f8e7d6c5b4a", "X-Amz-Signature=<signature>"),
        ("SigV4 Signature=", "Authorization: AWS4-HMAC-SHA256 Credential=x/20260101/us-east-1/ecr/aws4_request, SignedHeaders=host, Signature=0a1b2c3d4e5f60718293a4b5c6d7e8f9", "0a1b2c3d4e5f", "Signature=<signature>"),
        ("Authorization: Bearer", "> Authorization: Bearer Zq8vWm2Lp0sK.Xy7", "Zq8vWm2Lp0sK", "Authorization: Bearer <token>"),
        ("Authorization: Basic", "authorization: Basic dXNlcjpaWTh2V20yTHAwc0s=", "dXNlcjpa", "authorization: Basic <credentials>"),
        ("\"authorizationToken\"", "\"authorizationToken\": \"Zm9vYmFyYmF6cXV4cXV1eA0K\",", "Zm9vYmFyYmF6", "\"authorizationToken\": \"<token>\""),
        ("docker config \"auth\"", "{\"auths\": {\"r\": {\"auth\": \"dXNlcjpaWTh2V20yTHAwc0s=\"}}}", "dXNlcjpa", "\"auth\": \"<credentials>\""),
        ("docker auth by its shape", "auth QVdTOmV5SndZWGxzYjJGa0lqb2lXbkU0 x", "QVdTOmV5", "auth <credentials> x"),
        ("ghp_ token", "GH_TOKEN: ghp_Zq8vWm2Lp0sKZq8vWm2Lp0sKZq8vWm2Lp0sK", "ghp_Zq8v", "<token>"),
        ("github_pat_ token", "using github_pat_11ABCDEFG0Zq8vWm2Lp0sK_Zq8vWm2Lp0sKZq8vWm2Lp0sK", "github_pat_11ABC", "using <token>"),
        ("dotted JWT", "id_token_hint eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjaS1qb2IifQ.c2lnbmF0dXJlc2lnbmF0dXJl", "eyJzdWIiOiJjaS1qb2IifQ", "id_token_hint <jwt>"),
        ("email address", "denied for jane.roe+ci@corp.example.org today", "jane.roe+ci@corp.example.org", "someone@example.com"),
    ];

    #[test]
    fn redaction_catches_every_secret_shape() {
        let mut caught = 0;
        let mut missed = Vec::new();
        for (shape, text, secret, stand_in) in SECRETS {
            let r = redact(text);
            if !r.text.contains(secret) && r.text.contains(stand_in) && !r.replaced.is_empty() {
                caught += 1;
            } else {
                missed.push(format!("{shape}: {text:?} -> {:?}", r.text));
            }
        }
        eprintln!("redaction: {caught}/{} secret shapes", SECRETS.len());
        assert!(
            missed.is_empty(),
            "{caught}/35; missed:\n{}",
            missed.join("\n")
        );
    }

    #[test]
    fn redaction_leaves_ordinary_log_text_alone() {
        let digest = "sha256:4b8d2c1e0f9a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c";
        let texts = [
            "name unknown: The repository with name 'token-service' does not exist in the registry",
            "pushing 111.dkr.ecr.eu-west-1.amazonaws.com/auth/api:latest and secret-store:v1.2.3",
            "FROM base/token:20260101-abc123def",
            digest,
            "image-digest=sha256:4b8d2c1e0f9a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c",
            "Region: ap-southeast-2, us-gov-west-1, cn-north-1",
            "arn:aws:secretsmanager:eu-west-1:123:secret:prod/db-Ab12Cd and arn:aws:kms:eu-west-1:123:key/0a1b2c3d-1234-5678-9012-abcdef012345",
            "failed to authorize: failed to fetch anonymous token: unexpected status: 401 Unauthorized",
            "Error response from daemon: Get \"https://x/v2/\": no basic auth credentials",
            "denied: Your authorization token has expired. Reauthenticate and try again",
            "aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin 1.dkr.ecr.us-east-1.amazonaws.com",
            "echo \"$ECR_PASSWORD\" | docker login -u AWS --password-stdin reg",
            "docker login -u AWS -p \"$(aws ecr get-login-password)\" reg",
            "docker run -p 8080:80 app && mkdir -p /var/cache/app && gcc -pthread -pipe x.c",
            "Signature expired: 20260101T000000Z is now earlier than 20260101T000500Z",
            "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.",
            "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20260101T000000Z&X-Amz-SignedHeaders=host&X-Amz-Expires=600",
            "commit 9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c build 1234567890123 took 123456789012345 ns",
            "password: <password> token=$TOKEN secret=\"${SECRET}\" Authorization: Bearer $TOKEN",
            "npm install left-pad@1.3.0 && git clone git@github.com:org/repo.git",
            "request id 0a1b2c3d-1234-5678-9012-abcdef012345 at 2026-01-01T00:00:00Z",
            "#12 [build 3/7] RUN make ... ok\nStep 4/9 : RUN npm ci",
        ];
        for t in texts {
            let r = redact(t);
            assert_eq!(r.text, t, "changed: {t:?}");
            assert!(r.replaced.is_empty(), "{t:?}: {:?}", r.replaced);
        }
    }

    #[test]
    fn redaction_is_stable_and_counts_distinct_values() {
        let t = "AWS_SESSION_TOKEN=Zm9vYmFyYmF6 again aws_session_token=Zm9vYmFyYmF6 \
                 2468-1357-9024 and 246813579024 and jane@corp.example and bob@corp.example";
        let r = redact(t);
        assert_eq!(r.text.matches("<token>").count(), 2, "{}", r.text);
        assert!(
            r.text.contains("1111-2222-3333 and 111122223333"),
            "{}",
            r.text
        );
        assert!(
            r.text
                .contains("someone@example.com and someone2@example.com"),
            "{}",
            r.text
        );
        // One token, one account (two spellings), two emails.
        assert_eq!(r.replaced.len(), 4, "{:?}", r.replaced);
    }

    #[test]
    fn redaction_of_a_long_line_stays_fast() {
        // Many matches on one 400 KB line: every rule must be linear in the line.
        let t = "token: x1 -p a login ".repeat(20_000);
        let start = std::time::Instant::now();
        let r = redact(&t);
        assert!(r.text.len() > t.len() / 2);
        assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
    }
}
