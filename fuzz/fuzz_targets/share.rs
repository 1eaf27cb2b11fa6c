//! Share links: any text round-trips through its fragment, redacted or not; any fragment
//! decodes or is refused without a panic, never to more than the share limit.
#![no_main]

use ecr_explain::share;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(t) = share::decode_fragment(&text) {
        assert!(t.len() <= share::MAX_SHARE_TEXT);
    }
    let round = share::from_fragment(&share::fragment(&text));
    assert_eq!(round.as_deref(), Some(&*text));
    let redacted = share::redact(&text);
    let round = share::from_fragment(&share::fragment(&redacted.text));
    assert_eq!(round.as_deref(), Some(redacted.text.as_str()));
});
