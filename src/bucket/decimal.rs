//! Decimal text of `f64` by integer arithmetic, the same text as `format!("{x:.N}")` and
//! `format!("{x}")`: Rust's float printing costs about 5 KiB of wasm, and the visualizer
//! only needs a few places of its numbers.
//!
//! Both read the number's exact value (mantissa times a power of two), so rounding is the
//! standard library's: to nearest, ties to even. [`parse`] reads numbers as `str::parse`
//! does, without the standard library's parser in the wasm.

/// [`fixed`] where a `Display` is wanted: `format!("{}", Fixed(x, 1)) == format!("{x:.1}")`.
pub struct Fixed(pub f64, pub u32);

impl std::fmt::Display for Fixed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&fixed(self.0, self.1))
    }
}

/// `format!("{x:.decimals}")`.
pub fn fixed(x: f64, decimals: u32) -> String {
    if !x.is_finite() {
        return non_finite(x);
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let x = x.abs();
    let digits = match scaled_u64(x, decimals) {
        Some(n) => n.to_string(),
        None => ExactDecimal::of(x).rounded(i64::from(decimals)),
    };
    format!("{sign}{}", with_point(&digits, decimals as usize))
}

/// `format!("{x}")`: the fewest decimals that read back as `x`. (Integers of 2^53 and more
/// print exactly, where the standard library would end them in zeros; links never carry
/// such numbers.)
pub fn shortest(x: f64) -> String {
    if !x.is_finite() {
        return non_finite(x);
    }
    if x.is_sign_negative() {
        return format!("-{}", shortest(-x));
    }
    if x.fract() == 0.0 && x < TWO_POW_53 {
        return (x as u64).to_string();
    }
    let exact = ExactDecimal::of(x);
    let first = 1 - exact.int_len() as i64;
    for places in first..exact.frac_len as i64 {
        let text = with_point(&exact.rounded(places), places.max(0) as usize);
        if parse(&text) == Some(x) {
            return text;
        }
    }
    with_point(&exact.rounded(exact.frac_len as i64), exact.frac_len)
}

const TWO_POW_53: f64 = 9_007_199_254_740_992.0;

/// `text.parse::<f64>().ok()`: the same texts read, to the same numbers. In the browser the
/// digits go to JavaScript's `parseFloat` (correctly rounded too) once the text has passed
/// Rust's grammar here: the standard library's parser and its tables cost the visualizer's
/// wasm about 10 KiB gzip.
pub fn parse(text: &str) -> Option<f64> {
    let (negative, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let magnitude = if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        f64::INFINITY
    } else if body.eq_ignore_ascii_case("nan") {
        f64::NAN
    } else if is_decimal(body) {
        read_decimal(body)
    } else {
        return None;
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// Rust's grammar for a float's digits: `1`, `1.`, `.5`, `1.5`, each with an optional
/// exponent (`e`, `E`, a sign, at least one digit).
fn is_decimal(text: &str) -> bool {
    let b = text.as_bytes();
    let digits_at = |i: usize| b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let whole = digits_at(0);
    let mut at = whole;
    let mut fraction = 0;
    if b.get(at) == Some(&b'.') {
        fraction = digits_at(at + 1);
        at += 1 + fraction;
    }
    if whole + fraction == 0 {
        return false;
    }
    if matches!(b.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(b.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        let exponent = digits_at(at);
        if exponent == 0 {
            return false;
        }
        at += exponent;
    }
    at == b.len()
}

/// The value of digits [`is_decimal`] accepted.
#[cfg(target_arch = "wasm32")]
fn read_decimal(digits: &str) -> f64 {
    js_sys::parse_float(digits)
}

/// The value of digits [`is_decimal`] accepted.
#[cfg(not(target_arch = "wasm32"))]
fn read_decimal(digits: &str) -> f64 {
    digits.parse().unwrap_or(f64::NAN)
}

fn non_finite(x: f64) -> String {
    if x.is_nan() {
        "NaN".into()
    } else if x > 0.0 {
        "inf".into()
    } else {
        "-inf".into()
    }
}

/// `x = mantissa * 2^exponent`, for finite `x >= 0`.
fn parts(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    }
}

/// `x * 10^decimals` rounded to nearest (ties to even), when the arithmetic fits in u128
/// and the result in u64: every number the visualizer draws.
fn scaled_u64(x: f64, decimals: u32) -> Option<u64> {
    let (mantissa, exponent) = parts(x);
    let q = u128::from(mantissa).checked_mul(10u128.checked_pow(decimals)?)?;
    let n = if exponent >= 0 {
        let shift = exponent as u32;
        let n = q.checked_shl(shift)?;
        (n >> shift == q).then_some(n)?
    } else {
        let shift = exponent.unsigned_abs();
        if shift > 128 {
            0 // q < 2^128 <= half of 2^shift: rounds to zero
        } else {
            let (whole, rest) = if shift == 128 {
                (0, q)
            } else {
                (q >> shift, q & ((1 << shift) - 1))
            };
            let half = 1u128 << (shift - 1);
            let up = rest > half || (rest == half && whole % 2 == 1);
            whole + u128::from(up)
        }
    };
    u64::try_from(n).ok()
}

/// `digits` (of a whole number) read with `places` of them after the point.
fn with_point(digits: &str, places: usize) -> String {
    if places == 0 {
        return digits.to_string();
    }
    let padded = format!("{digits:0>width$}", width = places + 1);
    let (whole, fraction) = padded.split_at(padded.len() - places);
    format!("{whole}.{fraction}")
}

/// The exact decimal expansion of a finite `x >= 0`: digits, most significant first, the
/// last `frac_len` of them after the point. Any f64 has one (2^-k = 5^k / 10^k).
struct ExactDecimal {
    digits: Vec<u8>,
    frac_len: usize,
}

impl ExactDecimal {
    fn of(x: f64) -> ExactDecimal {
        let (mantissa, exponent) = parts(x);
        // Little-endian digits of the mantissa, then times 2^exponent or 5^-exponent.
        let mut digits: Vec<u8> = mantissa
            .to_string()
            .bytes()
            .rev()
            .map(|b| b - b'0')
            .collect();
        let (factor, times) = if exponent >= 0 {
            (2, exponent.unsigned_abs())
        } else {
            (5, exponent.unsigned_abs())
        };
        for _ in 0..times {
            let mut carry = 0;
            for d in digits.iter_mut() {
                let v = *d * factor + carry;
                *d = v % 10;
                carry = v / 10;
            }
            if carry > 0 {
                digits.push(carry);
            }
        }
        let frac_len = if exponent >= 0 { 0 } else { times as usize };
        if digits.len() <= frac_len {
            digits.resize(frac_len + 1, 0); // a zero before the point
        }
        digits.reverse();
        ExactDecimal { digits, frac_len }
    }

    fn int_len(&self) -> usize {
        self.digits.len() - self.frac_len
    }

    /// The whole number `x * 10^places`, rounded to nearest, ties to even (`places` may be
    /// negative: then the digits end in zeros, as many as rounding cleared).
    fn rounded(&self, places: i64) -> String {
        let keep = (self.int_len() as i64 + places).clamp(0, self.digits.len() as i64) as usize;
        let mut kept: Vec<u8> = self.digits[..keep].to_vec();
        let dropped = &self.digits[keep..];
        let up = match dropped.first() {
            Some(&d) if d > 5 => true,
            Some(&5) => {
                dropped[1..].iter().any(|&d| d > 0) || kept.last().is_some_and(|d| d % 2 == 1)
            }
            _ => false,
        };
        if up {
            let mut i = kept.len();
            loop {
                if i == 0 {
                    kept.insert(0, 1);
                    break;
                }
                i -= 1;
                if kept[i] == 9 {
                    kept[i] = 0;
                } else {
                    kept[i] += 1;
                    break;
                }
            }
        }
        // Beyond the exact digits a finer rounding only appends zeros.
        let zeros = (places - self.frac_len as i64).max(0) as usize;
        kept.extend(std::iter::repeat_n(0, zeros));
        if places < 0 {
            kept.extend(std::iter::repeat_n(0, places.unsigned_abs() as usize));
        }
        let text: String = kept.iter().map(|d| char::from(b'0' + d)).collect();
        let text = text.trim_start_matches('0');
        if text.is_empty() {
            "0".into()
        } else {
            text.into()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Same text accepted, same bits (any NaN for NaN).
    fn reads_like_std(text: &str) {
        let ours = parse(text);
        let std = text.parse::<f64>().ok();
        match (ours, std) {
            (Some(a), Some(b)) if a.is_nan() => assert!(b.is_nan(), "{text:?}"),
            (Some(a), Some(b)) => assert_eq!(a.to_bits(), b.to_bits(), "{text:?}"),
            (a, b) => assert_eq!(a.is_some(), b.is_some(), "{text:?}"),
        }
    }

    #[test]
    fn parse_reads_what_the_standard_library_reads() {
        for text in [
            "",
            "+",
            "-",
            ".",
            "e5",
            "1e",
            "1e+",
            "1.e5",
            ".5e-3",
            "-0",
            "+0.0",
            "0x10",
            " 1",
            "1 ",
            "1_0",
            "inf",
            "-Infinity",
            "+INF",
            "nan",
            "-NaN",
            "infin",
            "1e400",
            "1e-400",
            "00012.3400",
            "2.5",
            "0.1",
            "123456789012345678901234567890",
            "4.9e-324",
            "1,5",
        ] {
            reads_like_std(text);
        }
        // Every text of up to four characters from the grammar's alphabet.
        let alphabet = ['0', '7', '.', 'e', 'E', '+', '-', 'i', 'n', 'f', 'a', ' '];
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
                .collect();
            for t in &longer {
                reads_like_std(t);
            }
            texts = longer;
        }
    }

    /// Values the visualizer prints, edge cases, and a spread of magnitudes.
    fn samples() -> Vec<f64> {
        let mut v = vec![
            0.0, -0.0, 0.25, 0.75, 1.25, 0.125, 0.5, 1.5, 2.5, 0.35, 0.45, -0.01, 1e-7, 0.1, 0.2,
            0.3, 0.0166, 25.5, 1e21, 1e300, 5e-324, 1e-300, 4.0, 7.0, 199.995, 0.005, 0.015,
            123.456, 1e6, 999_999.95, 0.001, 0.01, 600.0, 1e15, 1e16,
        ];
        v.push(0.1 + 0.2);
        v.push(2f64.powi(-30));
        v.push(f64::MAX);
        v.push(f64::MIN_POSITIVE);
        // A deterministic spread: SplitMix-style bits over several magnitudes.
        let mut s: u64 = 7;
        for i in 0..6_000 {
            s = s.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = s;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^= z >> 31;
            let unit = (z >> 11) as f64 / (1u64 << 53) as f64;
            let scale = 10f64.powi((i % 14) - 6);
            v.push(unit * scale);
            // Numbers with few decimals, as people type them.
            v.push((z % 100_000) as f64 / 10f64.powi(i % 5));
            if i % 40 == 0 {
                v.push(f64::from_bits(z)); // anything at all, NaN and infinities included
            }
        }
        v
    }

    #[test]
    fn fixed_matches_the_standard_library() {
        for x in samples() {
            for d in 0..=3 {
                assert_eq!(fixed(x, d), format!("{x:.*}", d as usize), "{x:e} to {d}");
            }
        }
    }

    #[test]
    fn shortest_matches_the_standard_library_below_2_pow_53() {
        for x in samples() {
            if x.abs() < TWO_POW_53 || !x.is_finite() {
                assert_eq!(shortest(x), format!("{x}"), "{x:e}");
            } else {
                assert_eq!(shortest(x).parse::<f64>(), Ok(x), "{x:e} reads back");
            }
        }
    }
}
