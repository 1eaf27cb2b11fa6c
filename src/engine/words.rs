//! The runs of ASCII letters and digits in a text (its "words"), found 64 bytes at a time: a
//! bit mask per block says which bytes are letters or digits (SSE2 natively on x86-64, a table
//! elsewhere), and word starts and ends are read off the mask's edges. A sparse log is mostly
//! words no signature cares about; this keeps the anchor prefilter at a few instructions a
//! byte instead of a branch per byte.

const BLOCK: usize = 64;

/// Whether each byte is an ASCII letter or digit.
static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = (c as u8).is_ascii_alphanumeric();
        c += 1;
    }
    t
};

/// Bit `i` set when `bytes[at + i]` is an ASCII letter or digit (bits past the end are 0).
fn alnum_mask(bytes: &[u8], at: usize) -> u64 {
    let block = &bytes[at..bytes.len().min(at + BLOCK)];
    #[cfg(target_arch = "x86_64")]
    if block.len() == BLOCK {
        return sse2::alnum_mask(block.try_into().expect("a full block"));
    }
    block
        .iter()
        .enumerate()
        .fold(0, |m, (i, &b)| m | (u64::from(ALNUM[usize::from(b)]) << i))
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use std::arch::x86_64::*;

    /// Bits of the bytes in `lo..lo + n` (unsigned), by the signed-compare trick: shifting by
    /// `128 - lo` maps the range onto `-128..-128 + n`.
    ///
    /// SAFETY: SSE2 is part of x86-64, so these intrinsics are always available.
    #[inline(always)]
    unsafe fn in_range(v: __m128i, lo: u8, n: u8) -> __m128i {
        let shifted = _mm_add_epi8(v, _mm_set1_epi8(128u8.wrapping_sub(lo) as i8));
        _mm_cmplt_epi8(shifted, _mm_set1_epi8((n as i8).wrapping_sub(-128i8)))
    }

    pub(super) fn alnum_mask(block: &[u8; 64]) -> u64 {
        let mut mask = 0u64;
        for (k, part) in block.chunks_exact(16).enumerate() {
            // SAFETY: SSE2 is baseline on x86-64; the load is unaligned and reads 16 bytes of
            // `part`, which has exactly 16.
            let bits = unsafe {
                let v = _mm_loadu_si128(part.as_ptr().cast());
                // `| 0x20` lowercases letters and turns no other byte into one.
                let letter = in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), b'a', 26);
                let digit = in_range(v, b'0', 10);
                _mm_movemask_epi8(_mm_or_si128(letter, digit)) as u16
            };
            mask |= u64::from(bits) << (16 * k);
        }
        mask
    }
}

/// Byte ranges of the words of `text`, in order.
pub fn ascii_words(text: &str) -> Words<'_> {
    let bytes = text.as_bytes();
    let mask = if bytes.is_empty() {
        0
    } else {
        alnum_mask(bytes, 0)
    };
    Words {
        bytes,
        block: 0,
        mask,
        starts: mask & !(mask << 1),
    }
}

pub struct Words<'a> {
    bytes: &'a [u8],
    /// Where the current block starts.
    block: usize,
    /// The current block's letters and digits.
    mask: u64,
    /// Word starts in the current block not yet read.
    starts: u64,
}

impl Words<'_> {
    /// Moves to the next block; false at the end of the text. A word running on from the
    /// block before starts nothing in this one.
    fn advance(&mut self) -> bool {
        let carry = self.mask >> 63;
        self.block += BLOCK;
        if self.block >= self.bytes.len() {
            return false;
        }
        self.mask = alnum_mask(self.bytes, self.block);
        self.starts = self.mask & !((self.mask << 1) | carry);
        true
    }
}

impl Iterator for Words<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        while self.starts == 0 {
            if !self.advance() {
                return None;
            }
        }
        let at = self.starts.trailing_zeros();
        self.starts &= self.starts - 1;
        let start = self.block + at as usize;
        // The word's length in this block: the letters and digits from `at` on.
        let run = (!(self.mask >> at)).trailing_zeros();
        if at + run < 64 {
            return Some((start, start + run as usize));
        }
        // It runs on into the next blocks, up to their first byte that is neither.
        loop {
            if !self.advance() {
                return Some((start, self.bytes.len()));
            }
            let run = (!self.mask).trailing_zeros();
            if run < 64 {
                return Some((start, self.block + run as usize));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The byte-by-byte reference.
    fn words_slowly(text: &str) -> Vec<(usize, usize)> {
        let b = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if !b[i].is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            let s = i;
            while i < b.len() && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            out.push((s, i));
        }
        out
    }

    #[test]
    fn words_across_blocks() {
        let long = "a".repeat(200);
        for text in [
            String::new(),
            "x".into(),
            " ab cd ".into(),
            long.clone(),
            format!("{long} {long}"),
            format!("{} b", "é".repeat(40)),
            format!("{}Zz9{}", " ".repeat(63), " ".repeat(64)),
        ] {
            assert_eq!(
                ascii_words(&text).collect::<Vec<_>>(),
                words_slowly(&text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn every_byte_is_classified_like_std() {
        let all: Vec<u8> = (0..=255).collect();
        for at in [0, 64, 128, 192] {
            let m = alnum_mask(&all, at);
            for i in 0..64 {
                assert_eq!(
                    m >> i & 1 == 1,
                    all[at + i].is_ascii_alphanumeric(),
                    "{}",
                    at + i
                );
            }
        }
    }

    proptest! {
        #[test]
        fn words_like_byte_by_byte(text in "([a-zA-Z0-9]{0,70}|[ _:.é@\\[`{/]{0,3}){0,12}") {
            prop_assert_eq!(ascii_words(&text).collect::<Vec<_>>(), words_slowly(&text));
        }

        #[test]
        fn words_like_byte_by_byte_on_any_text(text in "\\PC{0,300}") {
            prop_assert_eq!(ascii_words(&text).collect::<Vec<_>>(), words_slowly(&text));
        }
    }
}
