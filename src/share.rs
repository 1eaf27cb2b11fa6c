//! Share links: the paste travels in the URL fragment (never a query string a server would
//! log), compressed when long, after an optional redaction of account IDs, access key IDs,
//! session names and registry passwords. Pure, so it is tested natively.

use regex_lite::Regex;
use std::sync::OnceLock;

/// Fragments longer than this are compressed (`#z=`); shorter ones stay readable (`#text=`).
const PLAIN_LIMIT: usize = 600;

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

/// Replaces account IDs (also inside ARNs and registry hosts), access key IDs, assumed-role
/// session names and docker login passwords with stable stand-ins: the same value gets the
/// same stand-in everywhere in the text.
pub fn redact(text: &str) -> Redaction {
    struct Rules {
        key: Regex,
        session: Regex,
        password: Regex,
        token: Regex,
    }
    static RULES: OnceLock<Rules> = OnceLock::new();
    let rules = RULES.get_or_init(|| Rules {
        key: Regex::new(
            r"\b(?:AKIA|ASIA|AIDA|AROA|AGPA|ANPA|ANVA|AIPA|APKA|ABIA|ACCA)[A-Z0-9]{16}\b",
        )
        .expect("key pattern"),
        session: Regex::new(r"(assumed-role/[^/\s]+/)([^\s\x22',;|)]+)").expect("session pattern"),
        password: Regex::new(r"((?:^|\s)(?:-p|--password)[ =])(\S+)").expect("password pattern"),
        token: Regex::new(r"\beyJ[A-Za-z0-9+/=_-]{40,}").expect("token pattern"),
    });
    // (kind, original, stand-in): the n-th distinct value of a kind gets the n-th stand-in.
    let mut seen: Vec<(&'static str, String, String)> = Vec::new();
    let mut stand_in = |kind: &'static str, value: &str, make: &dyn Fn(usize) -> String| {
        if let Some((_, _, s)) = seen.iter().find(|(k, v, _)| *k == kind && v == value) {
            return s.clone();
        }
        let s = make(seen.iter().filter(|(k, _, _)| *k == kind).count());
        seen.push((kind, value.to_string(), s.clone()));
        s
    };
    // Sessions first (their names may hold digits), then keys and secrets, accounts last.
    let text = rules
        .session
        .replace_all(text, |c: &regex_lite::Captures| {
            let name = stand_in("session", &c[2], &|i| format!("session-{}", i + 1));
            format!("{}{name}", &c[1])
        })
        .into_owned();
    let text = rules
        .key
        .replace_all(&text, |c: &regex_lite::Captures| {
            let prefix = c[0][..4].to_string();
            stand_in("key", &c[0], &move |i| {
                format!("{prefix}REDACTED{:08}", i + 1)
            })
        })
        .into_owned();
    let text = rules
        .password
        .replace_all(&text, |c: &regex_lite::Captures| {
            format!(
                "{}{}",
                &c[1],
                stand_in("password", &c[2], &|_| "<password>".into())
            )
        })
        .into_owned();
    let text = rules
        .token
        .replace_all(&text, |c: &regex_lite::Captures| {
            stand_in("token", &c[0], &|_| "<token>".into())
        })
        .into_owned();
    let text = replace_accounts(&text, &mut |v| stand_in("account", v, &account_stand_in));
    Redaction {
        text,
        replaced: seen.into_iter().map(|(_, v, s)| (v, s)).collect(),
    }
}

/// Every run of exactly 12 digits not glued to other digits or letters: account IDs, alone,
/// in ARNs (`::123456789012:`) and in registry hosts (`123456789012.dkr.ecr`).
fn replace_accounts(text: &str, stand_in: &mut dyn FnMut(&str) -> String) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let glued = |j: usize| b.get(j).is_some_and(|c| c.is_ascii_alphanumeric());
        if i - start == 12 && (start == 0 || !glued(start - 1)) && !glued(i) {
            out.push_str(&text[last..start]);
            out.push_str(&stand_in(&text[start..i]));
            last = i;
        }
    }
    out.push_str(&text[last..]);
    out
}

/// The URL fragment (without `#`) that carries `text`.
pub fn fragment(text: &str) -> String {
    let plain = format!("text={}", percent_encode(text));
    if plain.len() <= PLAIN_LIMIT {
        return plain;
    }
    format!("z={}", base64url(&lz::compress(text.as_bytes())))
}

/// The text a fragment carries, if it carries one (`text=` or `z=`).
pub fn from_fragment(fragment: &str) -> Option<String> {
    let f = fragment.trim_start_matches('#');
    if let Some(t) = f.strip_prefix("text=") {
        return percent_decode(t);
    }
    let z = f.strip_prefix("z=")?;
    let bytes = lz::decompress(&unbase64url(z)?)?;
    String::from_utf8(bytes).ok()
}

fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3 / 2);
    for &c in s.as_bytes() {
        if c.is_ascii_alphanumeric() || b"-_.~".contains(&c) {
            out.push(c as char);
        } else {
            out.push_str(&format!("%{c:02X}"));
        }
    }
    out
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(if b[i] == b'+' { b' ' } else { b[i] });
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len() * 4 / 3 + 4);
    for chunk in data.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

fn unbase64url(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for c in s.bytes() {
        let v = B64.iter().position(|&x| x == c)? as u32;
        acc = acc << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

/// A small LZ77 coder: logs repeat themselves, and a dependency-free coder keeps the wasm small.
/// Format: a sequence of tokens; a token is `varint(n << 1)` followed by n literal bytes, or
/// `varint(len << 1 | 1)` then `varint(distance)` for a copy of `len` bytes from `distance` back.
pub mod lz {
    const MIN_MATCH: usize = 4;
    const MAX_MATCH: usize = 1 << 16;
    const WINDOW: usize = 1 << 16;
    const HASH_BITS: u32 = 14;
    /// Upper bound on decompressed size, so a hostile link cannot exhaust memory.
    const MAX_OUTPUT: usize = 64 << 20;

    fn put_varint(out: &mut Vec<u8>, mut v: usize) {
        while v >= 0x80 {
            out.push((v as u8) | 0x80);
            v >>= 7;
        }
        out.push(v as u8);
    }

    fn get_varint(data: &[u8], pos: &mut usize) -> Option<usize> {
        let mut v = 0usize;
        for shift in (0..64).step_by(7) {
            let b = *data.get(*pos)?;
            *pos += 1;
            v |= ((b & 0x7f) as usize) << shift;
            if b < 0x80 {
                return Some(v);
            }
        }
        None
    }

    fn hash(b: &[u8]) -> usize {
        let v = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        (v.wrapping_mul(2_654_435_761) >> (32 - HASH_BITS)) as usize
    }

    pub fn compress(input: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(input.len() / 2 + 8);
        let mut head = vec![usize::MAX; 1 << HASH_BITS];
        let mut literals_from = 0;
        let mut i = 0;
        let flush = |out: &mut Vec<u8>, from: usize, to: usize| {
            if to > from {
                put_varint(out, (to - from) << 1);
                out.extend_from_slice(&input[from..to]);
            }
        };
        while i + MIN_MATCH <= input.len() {
            let h = hash(&input[i..]);
            let candidate = head[h];
            head[h] = i;
            if candidate != usize::MAX && i - candidate <= WINDOW {
                let len = input[candidate..]
                    .iter()
                    .zip(&input[i..])
                    .take(MAX_MATCH)
                    .take_while(|(a, b)| a == b)
                    .count();
                if len >= MIN_MATCH {
                    flush(&mut out, literals_from, i);
                    put_varint(&mut out, len << 1 | 1);
                    put_varint(&mut out, i - candidate);
                    // Index a few positions inside the match so later repeats find it.
                    for j in (i + 1..i + len).step_by(3) {
                        if j + MIN_MATCH <= input.len() {
                            head[hash(&input[j..])] = j;
                        }
                    }
                    i += len;
                    literals_from = i;
                    continue;
                }
            }
            i += 1;
        }
        flush(&mut out, literals_from, input.len());
        out
    }

    pub fn decompress(data: &[u8]) -> Option<Vec<u8>> {
        let mut out: Vec<u8> = Vec::new();
        let mut pos = 0;
        while pos < data.len() {
            let token = get_varint(data, &mut pos)?;
            let n = token >> 1;
            if out.len() + n > MAX_OUTPUT {
                return None;
            }
            if token & 1 == 0 {
                out.extend_from_slice(data.get(pos..pos + n)?);
                pos += n;
            } else {
                let distance = get_varint(data, &mut pos)?;
                if distance == 0 || distance > out.len() {
                    return None;
                }
                let from = out.len() - distance;
                for k in 0..n {
                    out.push(out[from + k]);
                }
            }
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_texts_stay_readable_and_round_trip() {
        let t = "denied: Your authorization token has expired. Reauthenticate & try again.";
        let f = fragment(t);
        assert!(f.starts_with("text=denied%3A%20Your"));
        assert_eq!(from_fragment(&f).as_deref(), Some(t));
        assert_eq!(from_fragment(&format!("#{f}")).as_deref(), Some(t));
    }

    #[test]
    fn long_texts_are_compressed_and_round_trip() {
        let t = "#12 [build 3/7] RUN make ... ok\n".repeat(400) + "no basic auth credentials ✓ ü";
        let f = fragment(&t);
        assert!(f.starts_with("z="));
        assert!(f.len() < t.len() / 5, "{} vs {}", f.len(), t.len());
        assert_eq!(from_fragment(&f).as_deref(), Some(t.as_str()));
    }

    #[test]
    fn hostile_fragments_are_refused_not_panicked_on() {
        for f in [
            "z=",
            "z=!!!!",
            "z=_____",
            "text=%E2%28",
            "text=%zz",
            "z=AQ",
            "nothing",
        ] {
            let _ = from_fragment(f);
        }
        // A copy from before the start of the output.
        assert_eq!(lz::decompress(&[3 << 1 | 1, 5]), None);
        // A length that would explode.
        let mut bomb = vec![2, b'a'];
        bomb.extend([0xff, 0xff, 0xff, 0xff, 0x7f, 1]);
        assert_eq!(lz::decompress(&bomb), None);
    }

    #[test]
    fn lz_round_trips_arbitrary_bytes() {
        let mut x: u64 = 7;
        for len in [0usize, 1, 3, 4, 5, 100, 5000] {
            let data: Vec<u8> = (0..len)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    b"abcab\n"[(x % 6) as usize]
                })
                .collect();
            assert_eq!(
                lz::decompress(&lz::compress(&data)).as_deref(),
                Some(&data[..])
            );
        }
    }

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
}
