//! Retry loops stamp every line with its own time, counter or request id, so no two lines are
//! identical. Masking those volatile tokens lets the repeats of one message be recognised with
//! a hash lookup instead of a fresh evaluation.

use std::ops::Range;

/// Appends `text` to `out` with its volatile tokens (runs of letters and digits) replaced by
/// `#`: tokens that start with a digit and are at least two long (timestamps, counters,
/// durations, ports, ids), hex runs of 16 or more (digests, request ids) and UUIDs. Kept as
/// they are: 12-digit account IDs, HTTP statuses, single digits (a Region's `-1`, an attempt
/// under ten), every token that starts with a letter (names, hosts, actions), and a number
/// glued to a name (`svc-12`, `v1.20`, `host:5000`): those tell two repositories apart.
pub fn mask_into(text: &str, out: &mut String) {
    for (range, volatile) in segments(text) {
        if volatile {
            out.push('#');
        } else {
            out.push_str(&text[range]);
        }
    }
}

/// The text cut into runs that are copied as they are and volatile tokens, in order.
fn segments(text: &str) -> impl Iterator<Item = (Range<usize>, bool)> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    // The token before the separator just passed started with a letter, and that separator
    // was one character that glues names together.
    let mut glued_to_name = false;
    let mut prev_was_name = false;
    let mut prev_token = 0..0;
    std::iter::from_fn(move || {
        if i >= bytes.len() {
            return None;
        }
        let at = i;
        if !bytes[i].is_ascii_alphanumeric() {
            let run = bytes[i..]
                .iter()
                .position(u8::is_ascii_alphanumeric)
                .unwrap_or(bytes.len() - i);
            // Whatever was skipped ends before an ASCII character: a char boundary.
            glued_to_name = prev_was_name && run == 1 && b"-_./:@".contains(&bytes[i]);
            i += run;
            return Some((at..i, false));
        }
        if let Some(len) = uuid_len(&bytes[i..]) {
            i += len;
            prev_was_name = false;
            return Some((at..i, true));
        }
        let len = bytes[i..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(bytes.len() - i);
        let token = &bytes[i..i + len];
        let long_hex = token.len() >= 16 && token.iter().all(u8::is_ascii_hexdigit);
        let status = is_http_status(token, &bytes[prev_token.clone()], &bytes[i + len..]);
        let volatile = long_hex || (!glued_to_name && !status && is_volatile(token));
        prev_was_name = token[0].is_ascii_alphabetic() || (glued_to_name && prev_was_name);
        prev_token = i..i + len;
        i += len;
        Some((at..i, volatile))
    })
}

/// Where the span `start..end` of `a` stands in `b`, two texts that mask alike: literal runs
/// map byte for byte; a start inside a volatile token maps to the token's start and an end to
/// its end. None when the two do not mask alike up to the span's end. One walk for both ends,
/// stopping at the span's end: a retry loop aligns every copied match.
pub fn align_span(a: &str, b: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let mut sb = segments(b);
    let mut mapped_start = None;
    for (ra, volatile) in segments(a) {
        let (rb, vb) = sb.next()?;
        if volatile != vb || (!volatile && a[ra.clone()] != b[rb.clone()]) {
            return None;
        }
        if mapped_start.is_none() && start >= ra.start && start < ra.end {
            mapped_start = Some(if volatile {
                rb.start
            } else {
                rb.start + (start - ra.start)
            });
        }
        if let Some(s) = mapped_start {
            if end > ra.start && end <= ra.end {
                let e = if volatile {
                    rb.end
                } else {
                    rb.start + (end - ra.start)
                };
                return Some((s, e));
            }
        }
    }
    let at_end = |at: usize| (at == a.len() || (at == 0 && a.is_empty())).then_some(b.len());
    Some((mapped_start.or_else(|| at_end(start))?, at_end(end)?))
}

fn is_volatile(token: &[u8]) -> bool {
    let all_digits = token.iter().all(u8::is_ascii_digit);
    // Account IDs name things.
    if all_digits && token.len() == 12 {
        return false;
    }
    token[0].is_ascii_digit() && token.len() >= 2
}

/// A 4xx or 5xx that reads as an HTTP status (`403 Forbidden`, `status code 404`,
/// `API error (500)`), not a counter that happens to pass 400: statuses tell errors apart.
fn is_http_status(token: &[u8], previous: &[u8], after: &[u8]) -> bool {
    let three_digits = token.len() == 3 && token.iter().all(u8::is_ascii_digit);
    if !three_digits || !matches!(token[0], b'4' | b'5') {
        return false;
    }
    let next_is_word = after
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| b.is_ascii_alphabetic());
    let previous = String::from_utf8_lossy(previous).to_ascii_lowercase();
    next_is_word
        || matches!(
            previous.as_str(),
            "status" | "code" | "error" | "returned" | "http" | "statuscode" | "response"
        )
}

/// Length of a UUID (`8-4-4-4-12` hex digits) at the start of `s`.
fn uuid_len(s: &[u8]) -> Option<usize> {
    const GROUPS: [usize; 5] = [8, 4, 4, 4, 12];
    // Most tokens are no UUID: one look at where its first dash must be says so.
    if s.get(8) != Some(&b'-') {
        return None;
    }
    let mut i = 0;
    for (k, &n) in GROUPS.iter().enumerate() {
        if k > 0 {
            if s.get(i) != Some(&b'-') {
                return None;
            }
            i += 1;
        }
        let group = s.get(i..i + n)?;
        if !group.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        i += n;
    }
    (!s.get(i).is_some_and(u8::is_ascii_alphanumeric)).then_some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mask(s: &str) -> String {
        let mut out = String::new();
        mask_into(s, &mut out);
        out
    }

    #[test]
    fn times_counters_and_ids_are_masked() {
        let a = "2026-12-01T03:04:05.123Z attempt 17: request 9f86d081-2c1f-4e0b-9d3a-00000000abcd denied";
        let b = "2026-12-01T03:04:06.456Z attempt 18: request 1b4f0e98-2c1f-4e0b-9d3a-00000000abce denied";
        assert_eq!(mask(a), mask(b));
        assert_eq!(
            mask("took 250ms sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
            "took # sha256:#"
        );
    }

    #[test]
    fn names_regions_and_accounts_are_kept() {
        let a = "arn:aws:ecr:eu-west-1:111122223333:repository/team/app-2";
        assert_eq!(mask(a), a);
        assert_ne!(
            mask("repo svc-a in eu-west-1"),
            mask("repo svc-b in eu-west-1")
        );
        assert_ne!(mask("account 111122223333"), mask("account 444455556666"));
        assert_eq!(mask("héllo wörld 42"), "héllo wörld #");
        assert_ne!(mask("status 403"), mask("status 404"));
        assert_ne!(mask("got 403 Forbidden"), mask("got 404 Not Found"));
        assert_eq!(mask("attempt 403: denied"), mask("attempt 404: denied"));
    }

    #[test]
    fn offsets_align_across_lines_that_mask_alike() {
        let a = "t=17 attempt 9 denied: User x";
        let b = "t=1234 attempt 9 denied: User x";
        let at = a.find("denied").unwrap();
        let b_at = b.find("denied").unwrap();
        assert_eq!(align_span(a, b, at, a.len()), Some((b_at, b.len())));
        assert_eq!(align_span(a, b, 0, 3), Some((0, 6)));
        assert_eq!(align_span(a, b, 2, 4), Some((2, 6)));
        assert_eq!(align_span(a, b, a.len(), a.len()), Some((b.len(), b.len())));
        assert_eq!(align_span(a, "something else", at, a.len()), None);
        // Up to the first difference the two still align; past it they do not.
        let c = "t=9 attempt 9 denied: User y";
        assert_eq!(align_span(a, c, 0, 2), Some((0, 2)));
        assert_eq!(align_span(a, c, at, a.len()), None);
    }
}
