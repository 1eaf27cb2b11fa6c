//! A small LZ77 coder: logs repeat themselves, and a dependency-free coder keeps the wasm small.
//! Format: a sequence of tokens; a token is `varint(n << 1)` followed by n literal bytes, or
//! `varint(len << 1 | 1)` then `varint(distance)` for a copy of `len` bytes from `distance` back.

use super::ShareError;

const MIN_MATCH: usize = 4;
const MAX_MATCH: usize = 1 << 16;
const WINDOW: usize = 1 << 16;
const HASH_BITS: u32 = 14;

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

/// Decompresses at most a share's worth of text ([`super::MAX_SHARE_TEXT`]).
pub fn decompress(data: &[u8]) -> Option<Vec<u8>> {
    decompress_capped(data, super::MAX_SHARE_TEXT).ok()
}

/// Decompresses `data`, refusing (before writing it) any token that would take the output
/// past `cap` bytes: work and memory stay proportional to `cap`, whatever the input claims.
pub fn decompress_capped(data: &[u8], cap: usize) -> Result<Vec<u8>, ShareError> {
    let bad = ShareError::Malformed;
    let mut out: Vec<u8> = Vec::new();
    let mut pos = 0;
    while pos < data.len() {
        let token = get_varint(data, &mut pos).ok_or(bad)?;
        let n = token >> 1;
        if out.len().saturating_add(n) > cap {
            return Err(ShareError::TooLong);
        }
        if token & 1 == 0 {
            let end = pos.checked_add(n).ok_or(bad)?;
            out.extend_from_slice(data.get(pos..end).ok_or(bad)?);
            pos = end;
        } else {
            let distance = get_varint(data, &mut pos).ok_or(bad)?;
            if distance == 0 || distance > out.len() {
                return Err(bad);
            }
            let from = out.len() - distance;
            for k in 0..n {
                out.push(out[from + k]);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use crate::share::lz;

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
}
