//! Retry loops stamp every line with its own time, counter or request id, so no two lines are
//! identical. Masking those volatile tokens lets the repeats of one message be recognised with
//! a hash lookup instead of a fresh evaluation.

/// Appends `text` to `out` with its volatile tokens (runs of letters and digits) replaced by
/// `#`: tokens that start with a digit and are at least two long (timestamps, counters,
/// durations, ports, ids), hex runs of 16 or more (digests, request ids) and UUIDs. Kept as
/// they are: 12-digit account IDs, single digits (a Region's `-1`, an attempt under ten), every
/// token that starts with a letter (names, hosts, actions), and a number glued to a name
/// (`svc-12`, `v1.20`, `host:5000`): those tell two repositories apart.
pub fn mask_into(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    let mut i = 0;
    // The token before the separator just passed started with a letter, and that separator
    // was one character that glues names together.
    let mut glued_to_name = false;
    let mut prev_was_name = false;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphanumeric() {
            let run = bytes[i..]
                .iter()
                .position(u8::is_ascii_alphanumeric)
                .unwrap_or(bytes.len() - i);
            // Whatever was skipped ends before an ASCII character: a char boundary.
            out.push_str(&text[i..i + run]);
            glued_to_name = prev_was_name && run == 1 && b"-_./:@".contains(&bytes[i]);
            i += run;
            continue;
        }
        if let Some(len) = uuid_len(&bytes[i..]) {
            out.push('#');
            i += len;
            prev_was_name = false;
            continue;
        }
        let len = bytes[i..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(bytes.len() - i);
        let token = &bytes[i..i + len];
        let long_hex = token.len() >= 16 && token.iter().all(u8::is_ascii_hexdigit);
        if long_hex || (!glued_to_name && is_volatile(token)) {
            out.push('#');
        } else {
            out.push_str(&text[i..i + len]);
        }
        prev_was_name = token[0].is_ascii_alphabetic() || (glued_to_name && prev_was_name);
        i += len;
    }
}

fn is_volatile(token: &[u8]) -> bool {
    let all_digits = token.iter().all(u8::is_ascii_digit);
    if all_digits && token.len() == 12 {
        return false;
    }
    token[0].is_ascii_digit() && token.len() >= 2
}

/// Length of a UUID (`8-4-4-4-12` hex digits) at the start of `s`.
fn uuid_len(s: &[u8]) -> Option<usize> {
    const GROUPS: [usize; 5] = [8, 4, 4, 4, 12];
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
    }
}
