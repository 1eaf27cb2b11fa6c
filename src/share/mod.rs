//! Share links: the paste travels in the URL fragment (never a query string a server would
//! log), compressed when long, after an optional redaction of account IDs, access key IDs,
//! session names and registry passwords. Pure, so it is tested natively.

pub mod lz;
mod redact;

pub use redact::{redact, Redaction};

/// Fragments longer than this are compressed (`#z=`); shorter ones stay readable (`#text=`).
const PLAIN_LIMIT: usize = 600;

/// The URL fragment (without `#`) that carries `text`.
pub fn fragment(text: &str) -> String {
    let plain = format!("text={}", percent_encode(text));
    if plain.len() <= PLAIN_LIMIT {
        return plain;
    }
    format!("z={}", base64url(&lz::compress(text.as_bytes())))
}

/// The longest text a link carries: the share box refuses longer texts (its
/// `MAX_SHARE_TEXT` in `src/app/share_box.rs`), so no link may decode to more, whatever its
/// compressed length.
pub const MAX_SHARE_TEXT: usize = 4 << 20;
/// Links longer than this are refused: browsers and chat tools cut long URLs.
pub const MAX_LINK: usize = 1 << 20;

/// Why a fragment carries no text, or a text makes no link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareError {
    /// Not a `text=` or `z=` fragment.
    NotShared,
    /// Bad encoding, bad compression or invalid UTF-8.
    Malformed,
    /// The text (decoded or to encode) is over [`MAX_SHARE_TEXT`], or the link over [`MAX_LINK`].
    TooLong,
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ShareError::NotShared => "not a share link",
            ShareError::Malformed => "a damaged share link",
            ShareError::TooLong => "too long for a share link",
        })
    }
}

/// The text a fragment carries, if it carries one (`text=` or `z=`).
pub fn from_fragment(fragment: &str) -> Option<String> {
    decode_fragment(fragment).ok()
}

/// The text a fragment carries, or why it carries none. Decoding stops as soon as the text
/// would exceed [`MAX_SHARE_TEXT`], so a short hostile link cannot inflate to megabytes.
pub fn decode_fragment(fragment: &str) -> Result<String, ShareError> {
    let f = fragment.trim_start_matches('#');
    let bytes = if let Some(t) = f.strip_prefix("text=") {
        percent_decode(t).ok_or(ShareError::Malformed)?.into_bytes()
    } else if let Some(z) = f.strip_prefix("z=") {
        let data = unbase64url(z).ok_or(ShareError::Malformed)?;
        lz::decompress_capped(&data, MAX_SHARE_TEXT)?
    } else {
        return Err(ShareError::NotShared);
    };
    if bytes.len() > MAX_SHARE_TEXT {
        return Err(ShareError::TooLong);
    }
    String::from_utf8(bytes).map_err(|_| ShareError::Malformed)
}

/// `base` (any fragment dropped) with `text` in its fragment: the link the share box builds.
/// The caller redacts first (or knowingly does not).
pub fn link(base: &str, text: &str) -> Result<String, ShareError> {
    if text.len() > MAX_SHARE_TEXT {
        return Err(ShareError::TooLong);
    }
    let base = base.split('#').next().unwrap_or_default();
    let link = format!("{base}#{}", fragment(text));
    if link.len() > MAX_LINK {
        return Err(ShareError::TooLong);
    }
    Ok(link)
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
    fn a_short_link_cannot_inflate_past_the_share_limit() {
        // One literal byte, then one copy token claiming 64 MiB.
        let mut bomb = vec![2, b'a'];
        let mut len = (64usize << 20) << 1 | 1;
        while len >= 0x80 {
            bomb.push(len as u8 | 0x80);
            len >>= 7;
        }
        bomb.extend([len as u8, 1]);
        let link = format!("z={}", base64url(&bomb));
        assert!(link.len() <= 19, "{link}");
        assert_eq!(decode_fragment(&link), Err(ShareError::TooLong));
        assert_eq!(from_fragment(&link), None);
        // Many small copies that add up past the limit are stopped at the limit too.
        let mut many = vec![2, b'a'];
        for _ in 0..70 {
            many.extend([0x80 | 0x01, 0x80, 0x08, 1]); // copy 65536 bytes, distance 1
        }
        assert_eq!(
            lz::decompress_capped(&many, MAX_SHARE_TEXT),
            Err(ShareError::TooLong)
        );
        // Exactly at the limit still decodes.
        let text = "x".repeat(MAX_SHARE_TEXT);
        assert_eq!(
            decode_fragment(&fragment(&text)).map(|t| t.len()),
            Ok(MAX_SHARE_TEXT)
        );
        assert_eq!(decode_fragment("nothing"), Err(ShareError::NotShared));
        assert_eq!(decode_fragment("z=!!"), Err(ShareError::Malformed));
    }

    #[test]
    fn links_keep_the_base_and_refuse_what_is_too_long() {
        let l = link(
            "https://x.example/ecr/?embed#old",
            "no basic auth credentials",
        )
        .unwrap();
        assert_eq!(
            l,
            "https://x.example/ecr/?embed#text=no%20basic%20auth%20credentials"
        );
        assert_eq!(
            link("https://x.example/", &"y".repeat(MAX_SHARE_TEXT + 1)),
            Err(ShareError::TooLong)
        );
    }
}
