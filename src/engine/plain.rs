//! How much of a line needs no cleaning: printable ASCII other than `\`, `&`, `*` and the
//! backtick, with single spaces (a second space in a row, or one right after a space already
//! written, is dropped by the normalizer). Most of any log is such text, so the normalizer
//! copies it whole; natively SSE2 measures it 16 bytes at a time.

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Printable ASCII that stays as it is.
    Graphic,
    Space,
    /// Anything that may need cleaning.
    Other,
}

/// Each byte's class (one load instead of a chain of compares).
static CLASS: [Class; 256] = {
    let mut t = [Class::Other; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        if b == b' ' {
            t[c] = Class::Space;
        } else if b.is_ascii_graphic() && !matches!(b, b'\\' | b'&' | b'*' | b'`') {
            t[c] = Class::Graphic;
        }
        c += 1;
    }
    t
};

/// Length of the plain run at the start of `bytes`; `after_space` says whether the text
/// written so far ends in a space (or is empty), so a leading space is not plain.
pub fn plain_run(bytes: &[u8], after_space: bool) -> usize {
    #[cfg(target_arch = "x86_64")]
    let (mut run, mut after_space) = sse2::plain_run(bytes, after_space);
    #[cfg(not(target_arch = "x86_64"))]
    let (mut run, mut after_space) = (0, after_space);
    for &c in &bytes[run..] {
        match CLASS[usize::from(c)] {
            Class::Graphic => after_space = false,
            Class::Space if !after_space => after_space = true,
            _ => break,
        }
        run += 1;
    }
    run
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use std::arch::x86_64::*;

    /// The plain run over whole 16-byte blocks, and whether it ends in a space; the caller
    /// reads the rest byte by byte.
    pub(super) fn plain_run(bytes: &[u8], mut after_space: bool) -> (usize, bool) {
        let mut run = 0;
        while let Some(block) = bytes.get(run..run + 16) {
            // SAFETY: SSE2 is baseline on x86-64; the load is unaligned and reads the 16 bytes
            // of `block`.
            let (plain, space) = unsafe {
                let v = _mm_loadu_si128(block.as_ptr().cast());
                let eq = |c: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(c as i8));
                // 0x21..=0x7e by the signed-compare trick: shifting by 128 - 0x21 maps it onto
                // -128..-128 + 94.
                let shifted = _mm_add_epi8(v, _mm_set1_epi8((128u8 - 0x21) as i8));
                let graphic = _mm_cmplt_epi8(shifted, _mm_set1_epi8((94u8 ^ 0x80) as i8));
                let special = _mm_or_si128(
                    _mm_or_si128(eq(b'\\'), eq(b'&')),
                    _mm_or_si128(eq(b'*'), eq(b'`')),
                );
                let plain = _mm_andnot_si128(special, graphic);
                (
                    _mm_movemask_epi8(plain) as u32,
                    _mm_movemask_epi8(eq(b' ')) as u32,
                )
            };
            let second_space = space & ((space << 1) | u32::from(after_space));
            let stop = (!(plain | space) | second_space) & 0xffff;
            if stop != 0 {
                let n = stop.trailing_zeros() as usize;
                return (
                    run + n,
                    n > 0 && (space >> (n - 1)) & 1 == 1 || n == 0 && after_space,
                );
            }
            run += 16;
            after_space = space >> 15 == 1;
        }
        (run, after_space)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The byte-by-byte reference.
    fn plain_run_slowly(bytes: &[u8], mut after_space: bool) -> usize {
        let mut run = 0;
        for &c in bytes {
            match CLASS[usize::from(c)] {
                Class::Graphic => after_space = false,
                Class::Space if !after_space => after_space = true,
                _ => break,
            }
            run += 1;
        }
        run
    }

    #[test]
    fn every_byte_in_every_place() {
        for c in 0..=255u8 {
            for at in 0..40 {
                let mut line = vec![b'a'; 40];
                line[at] = c;
                for after_space in [false, true] {
                    assert_eq!(
                        plain_run(&line, after_space),
                        plain_run_slowly(&line, after_space),
                        "{c} at {at}"
                    );
                }
            }
        }
    }

    proptest! {
        #[test]
        fn plain_run_like_byte_by_byte(
            text in "([a-z0-9:./-]{0,20}| {1,3}|[\\\\&*`\\t~é]){0,20}",
            after_space: bool,
        ) {
            prop_assert_eq!(
                plain_run(text.as_bytes(), after_space),
                plain_run_slowly(text.as_bytes(), after_space)
            );
        }
    }
}
