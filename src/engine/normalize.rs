//! Turns a messy paste into one clean line of text that signatures can match, keeping a map
//! from every clean byte back to the original input so findings can point at what was pasted.
//!
//! What is undone: ANSI escapes, CR/CRLF, hard-wrapped lines (lines are joined with one space,
//! or with none when the next line starts with punctuation that continues a token), JSON and
//! markdown escapes (`\"`, `\\\"`, `\n`, `\u0027`, `\.`), HTML entities, curly quotes, backticks,
//! markdown bold and auto-links, zero-width characters, and line gutters (`> `, `# `, `- `,
//! `│ `, `12 | `, `service_1  | `). Whitespace runs collapse to one space.

/// The clean view of an input and the way back to original byte offsets.
#[derive(Debug, Clone)]
pub struct Normalized {
    pub text: String,
    /// Breakpoints `(clean_offset, original_offset)`: between two breakpoints the clean text
    /// advances byte for byte with the original, so a lookup is a binary search.
    points: Vec<(u32, u32)>,
    /// Clean offsets where an original line break was (a space or nothing stands there now).
    line_starts: Vec<u32>,
    original_len: usize,
}

impl Normalized {
    /// Original byte offset of the clean byte at `clean`.
    pub fn original_offset(&self, clean: usize) -> usize {
        let clean = clean.min(self.text.len()) as u32;
        let idx = self.points.partition_point(|&(c, _)| c <= clean);
        if idx == 0 {
            return 0;
        }
        let (c, o) = self.points[idx - 1];
        ((o + (clean - c)) as usize).min(self.original_len)
    }

    /// Original byte range covering the clean range `start..end`.
    pub fn original_range(&self, original: &str, start: usize, end: usize) -> (usize, usize) {
        // Offsets inside a replaced character can land inside a multi-byte original one.
        let s = original.floor_char_boundary(self.original_offset(start));
        if end <= start {
            return (s, s);
        }
        let last = original.floor_char_boundary(self.original_offset(end - 1));
        let last_len = original[last..].chars().next().map_or(0, char::len_utf8);
        (s, (last + last_len).max(s).min(original.len()))
    }

    /// Clean offset where the (original) line holding `clean` begins.
    pub fn line_start(&self, clean: usize) -> usize {
        let idx = self.line_starts.partition_point(|&l| l as usize <= clean);
        if idx == 0 {
            0
        } else {
            self.line_starts[idx - 1] as usize
        }
    }

    /// The clean ranges of the original lines, in order (a joining space stands at the start
    /// of every line but the first).
    pub fn lines(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        // A trailing joining space is dropped at the end, so a last start may pass the end.
        let len = self.text.len();
        let starts = std::iter::once(0).chain(self.line_starts.iter().map(|&l| l as usize));
        let ends = self
            .line_starts
            .iter()
            .map(|&l| l as usize)
            .chain(std::iter::once(len));
        starts.zip(ends).map(move |(s, e)| (s.min(len), e.min(len)))
    }

    /// Clean offset where the (original) line holding `clean` ends.
    pub fn line_end(&self, clean: usize) -> usize {
        let idx = self.line_starts.partition_point(|&l| l as usize <= clean);
        self.line_starts
            .get(idx)
            .map_or(self.text.len(), |&l| l as usize)
    }
}

struct Builder {
    text: String,
    points: Vec<(u32, u32)>,
    line_starts: Vec<u32>,
}

impl Builder {
    /// Records that the next clean byte comes from `original` (a breakpoint where the clean
    /// text stops advancing byte for byte with the original).
    fn map_next(&mut self, original: usize) {
        let clean = self.text.len() as u32;
        let original = original as u32;
        let continues = self
            .points
            .last()
            .is_some_and(|&(pc, po)| original >= po && original - po == clean - pc);
        if !continues {
            self.points.push((clean, original));
        }
    }

    /// Appends text that needs no cleaning (printable ASCII, no space after a space) starting
    /// at `original`.
    fn push_plain(&mut self, s: &str, original: usize) {
        self.map_next(original);
        self.text.push_str(s);
    }

    fn push(&mut self, c: char, original: usize) {
        self.map_next(original);
        if c == ' ' && (self.text.is_empty() || self.text.ends_with(' ')) {
            return;
        }
        self.text.push(c);
    }
}

/// Normalizes `input`; see the module docs for what is undone.
pub fn normalize(input: &str) -> Normalized {
    let mut b = Builder {
        text: String::with_capacity(input.len()),
        points: Vec::new(),
        line_starts: Vec::new(),
    };
    let mut line_begin = 0usize;
    let mut first = true;
    while line_begin <= input.len() {
        let rel_end = line_break(&input.as_bytes()[line_begin..]);
        let line_end = rel_end.map_or(input.len(), |e| line_begin + e);
        let line = &input[line_begin..line_end];
        let skip = gutter_len(line);
        let body = &line[skip..];
        if !first {
            b.line_starts.push(b.text.len() as u32);
            // A continuation that starts with closing punctuation glues to the previous token
            // (`Rate exceeded` / `.`, `arn:aws:iam::123` / `:user/x`); anything else is a space.
            let glue = body
                .trim_start()
                .starts_with(['.', ',', ':', ';', ')', '/'])
                && !b.text.ends_with(' ');
            if !glue {
                b.push(' ', line_begin.saturating_sub(1));
            }
        }
        first = false;
        clean_line(&mut b, body, line_begin + skip);
        match rel_end {
            None => break,
            Some(_) => {
                let mut next = line_end + 1;
                if input.as_bytes()[line_end] == b'\r' && input.as_bytes().get(next) == Some(&b'\n')
                {
                    next += 1;
                }
                line_begin = next;
            }
        }
    }
    if b.text.ends_with(' ') {
        b.text.pop();
    }
    if b.points.is_empty() {
        b.points.push((0, 0));
    }
    Normalized {
        text: b.text,
        points: b.points,
        line_starts: b.line_starts,
        original_len: input.len(),
    }
}

/// Where the first `\n` or `\r` is: a byte search, as neither is ever part of a longer
/// character (natively a SIMD one).
fn line_break(bytes: &[u8]) -> Option<usize> {
    #[cfg(not(target_arch = "wasm32"))]
    return memchr::memchr2(b'\n', b'\r', bytes);
    #[cfg(target_arch = "wasm32")]
    return bytes.iter().position(|&c| c == b'\n' || c == b'\r');
}

/// Length of a line's gutter: quote markers, comment hashes, list bullets, box-drawing rails,
/// `NNN | ` line numbers and `service_1  | ` compose prefixes. Repeats, so `> - ` goes too.
fn gutter_len(line: &str) -> usize {
    let bytes = line.as_bytes();
    let mut i = 0;
    loop {
        let start = i;
        while i < bytes.len() && (bytes[i] == b' ' || bytes[i] == b'\t') {
            i += 1;
        }
        let rest = &line[i..];
        if rest.starts_with('>') || rest.starts_with('#') {
            i += rest.bytes().take_while(|&c| c == b'>' || c == b'#').count();
        } else if (rest.starts_with("- ") || rest.starts_with("* ") || rest.starts_with("+ "))
            && !rest.starts_with("* * ")
        {
            i += 2;
        } else if let Some(c) = rest.chars().next().filter(|c| "│┃|║".contains(*c)) {
            i += c.len_utf8();
        } else if let Some(n) = numbered_gutter(rest) {
            i += n;
        } else if let Some(n) = compose_gutter(rest) {
            i += n;
        }
        if i == start || i >= bytes.len() {
            return i.min(bytes.len());
        }
    }
}

/// `244 | ` (CodeBuild console copies) and `12: ` is too ambiguous, so only the pipe form.
fn numbered_gutter(rest: &str) -> Option<usize> {
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 6 {
        return None;
    }
    let after = &rest[digits..];
    let spaces = after.bytes().take_while(|&c| c == b' ').count();
    after[spaces..]
        .starts_with('|')
        .then_some(digits + spaces + 1)
}

/// `localstack_1  | ` or `web-1  | ` (docker compose log prefixes).
fn compose_gutter(rest: &str) -> Option<usize> {
    let name = rest
        .bytes()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == b'_' || *c == b'-' || *c == b'.')
        .count();
    if !(3..=64).contains(&name) {
        return None;
    }
    let ident = &rest[..name];
    let numbered = ident
        .rsplit_once(['_', '-'])
        .is_some_and(|(_, n)| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()));
    let after = &rest[name..];
    let spaces = after.bytes().take_while(|&c| c == b' ').count();
    (numbered && spaces >= 1 && after[spaces..].starts_with("| ")).then_some(name + spaces + 2)
}

/// Markdown auto-links `[text](http…)`: byte ranges of the `[` and of `](…)` to drop, in
/// order. One pass: each byte is looked at a bounded number of times, whatever the line.
fn link_skips(line: &str) -> Vec<(usize, usize)> {
    let mut skips = Vec::new();
    let mut from = 0;
    // The latest `[` seen before `from` that no link has used yet.
    let mut open: Option<usize> = None;
    while let Some(rel) = line[from..].find("](http") {
        let close = from + rel;
        super::work::add(rel);
        if let Some(p) = line[from..close].rfind('[') {
            open = Some(from + p);
        }
        let Some(o) = open.take() else {
            from = close + 2;
            continue;
        };
        // The target ends at the first `)`; none on the rest of the line means no link.
        let Some(paren_end) = line[close..].find(')') else {
            break;
        };
        super::work::add(paren_end);
        skips.push((o, o + 1));
        skips.push((close, close + paren_end + 1));
        from = close + paren_end + 1;
    }
    skips
}

fn clean_line(b: &mut Builder, line: &str, base: usize) {
    super::work::add(line.len());
    // A byte search first: most lines have no `]`, and it is far cheaper than a substring one.
    let skips = if line.as_bytes().contains(&b']') && line.contains("](http") {
        link_skips(line)
    } else {
        Vec::new()
    };
    let bytes = line.as_bytes();
    // Skips are in order: a moving index, never a search.
    let mut next_skip = 0;
    let mut i = 0;
    while i < line.len() {
        // Every step below ends on a character boundary; this keeps it so whatever the input.
        i = line.ceil_char_boundary(i);
        while skips.get(next_skip).is_some_and(|&(s, _)| s < i) {
            next_skip += 1;
        }
        if let Some(&(s, end)) = skips.get(next_skip) {
            if s == i {
                next_skip += 1;
                i = end.max(i + 1);
                continue;
            }
        }
        // Fast path: a run of plain printable ASCII is copied whole (most of any log), single
        // spaces too (only a second space in a row, or one at the start, is dropped).
        let limit = skips.get(next_skip).map_or(line.len(), |&(s, _)| s);
        let after_space = b.text.is_empty() || b.text.ends_with(' ');
        let run = super::plain::plain_run(&bytes[i..limit], after_space);
        if run > 0 {
            b.push_plain(&line[i..i + run], base + i);
            i += run;
            continue;
        }
        let c = line[i..].chars().next().unwrap_or(' ');
        let at = base + i;
        match c {
            '\u{1b}' => i += ansi_len(&line[i..]),
            '\\' => {
                let run = bytes[i..].iter().take_while(|&&c| c == b'\\').count();
                let next = line[i + run..].chars().next();
                match next {
                    Some('"' | '\'' | '/' | '`') => {
                        let ch = next.unwrap_or(' ');
                        b.push(if ch == '`' { ' ' } else { ch }, at + run);
                        i += run + 1;
                    }
                    Some('n' | 'r' | 't') => {
                        b.push(' ', at);
                        i += run + 1;
                    }
                    Some('u') => match unicode_escape(&line[i + run + 1..]) {
                        // A decoded control character (`\u001b`) is never passed on: a
                        // terminal that printed it would obey it.
                        Some(ch) => {
                            b.push(if ch.is_control() { ' ' } else { ch }, at);
                            i += run + 5;
                        }
                        None => {
                            push_run(b, '\\', run, at);
                            i += run;
                        }
                    },
                    Some(ch) if ".()[]_*<>#!-|{}+".contains(ch) => {
                        b.push(ch, at + run);
                        i += run + 1;
                    }
                    _ => {
                        push_run(b, '\\', run, at);
                        i += run;
                    }
                }
            }
            '&' => match html_entity(&line[i..]) {
                Some((ch, len)) => {
                    b.push(ch, at);
                    i += len;
                }
                None => {
                    b.push('&', at);
                    i += 1;
                }
            },
            '*' => {
                // `**bold**` markers go; masks such as `***` stay, they are values.
                let run = bytes[i..].iter().take_while(|&&c| c == b'*').count();
                if run != 2 {
                    push_run(b, '*', run, at);
                }
                i += run;
            }
            _ => {
                let mapped = match c {
                    '‘' | '’' | '‚' | '‛' | '′' | '´' => Some('\''),
                    '“' | '”' | '„' | '‟' | '″' => Some('"'),
                    '`' | '\t' | '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{3000}' | '\u{202f}' => {
                        Some(' ')
                    }
                    '\u{200b}'..='\u{200d}' | '\u{feff}' => None,
                    c if c.is_control() => Some(' '),
                    c => Some(c),
                };
                if let Some(m) = mapped {
                    b.push(m, at);
                }
                i += c.len_utf8();
            }
        }
    }
}

fn push_run(b: &mut Builder, c: char, n: usize, at: usize) {
    for k in 0..n {
        b.push(c, at + k);
    }
}

/// Length of an ANSI escape sequence starting at `s` (CSI, OSC, or a lone two-byte escape).
fn ansi_len(s: &str) -> usize {
    let bytes = s.as_bytes();
    match bytes.get(1) {
        Some(b'[') => {
            let end = bytes[2..]
                .iter()
                .position(|c| (0x40..=0x7e).contains(c))
                .map_or(bytes.len(), |p| p + 3);
            end.min(bytes.len())
        }
        // OSC ends at BEL or at ESC `\`; any other ESC starts a new sequence. One forward scan
        // to whichever comes first (searching for each to the end would be quadratic).
        Some(b']') => match bytes[2..]
            .iter()
            .position(|&c| c == 0x07 || c == 0x1b)
            .inspect(|&p| super::work::add(p))
        {
            Some(p) if bytes[2 + p] == 0x07 => p + 3,
            Some(p) if bytes.get(3 + p) == Some(&b'\\') => p + 4,
            Some(p) => p + 2,
            None => bytes.len(),
        },
        // A lone escape and the character after it.
        Some(_) => 1 + s[1..].chars().next().map_or(0, char::len_utf8),
        None => 1,
    }
}

fn unicode_escape(s: &str) -> Option<char> {
    let hex = s.get(..4)?;
    if !hex.bytes().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    char::from_u32(u32::from_str_radix(hex, 16).ok()?)
}

fn html_entity(s: &str) -> Option<(char, usize)> {
    const ENTITIES: [(&str, char); 8] = [
        ("&quot;", '"'),
        ("&#34;", '"'),
        ("&#39;", '\''),
        ("&#x27;", '\''),
        ("&apos;", '\''),
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&amp;", '&'),
    ];
    ENTITIES
        .iter()
        .find(|(e, _)| s.starts_with(e))
        .map(|&(e, c)| (c, e.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(s: &str) -> String {
        normalize(s).text
    }

    #[test]
    fn joins_wrapped_lines_and_glues_punctuation() {
        assert_eq!(
            clean("TOOMANYREQUESTS: Rate exceeded\n."),
            "TOOMANYREQUESTS: Rate exceeded."
        );
        assert_eq!(
            clean("arn:aws:iam::account-number\n:user/username\nis not"),
            "arn:aws:iam::account-number:user/username is not"
        );
        assert_eq!(clean("a\r\nb\rc"), "a b c");
    }

    #[test]
    fn strips_ansi_escapes_and_markup() {
        assert_eq!(clean("\u{1b}[31mdenied\u{1b}[0m: x"), "denied: x");
        assert_eq!(clean("**Error**: `no basic auth`"), "Error: no basic auth");
        assert_eq!(clean("host ***.dkr"), "host ***.dkr");
        assert_eq!(clean("exit code [1](https://x.y/z)."), "exit code 1.");
    }

    #[test]
    fn unescapes_json_and_markdown() {
        assert_eq!(clean(r#"image \"a/b\": \\\"c\\\""#), r#"image "a/b": "c""#);
        assert_eq!(clean(r"line\nnext"), "line next");
        assert_eq!(clean(r"device\."), "device.");
        assert_eq!(clean(r"it\u0027s"), "it's");
        assert_eq!(
            clean(r"C:\Program Files\Docker"),
            r"C:\Program Files\Docker"
        );
        assert_eq!(clean("&quot;x&quot; &lt;y&gt;"), "\"x\" <y>");
    }

    #[test]
    fn decoded_control_characters_become_spaces() {
        assert_eq!(clean(r"a\u001b]52;c;eA==\u0007b"), "a ]52;c;eA== b");
        assert!(!clean("x\u{1b}[8my").contains('\u{1b}'));
    }

    #[test]
    fn folds_curly_quotes_and_spaces() {
        assert_eq!(clean("‘10000’ “x”\u{a0}y\u{200b}z"), "'10000' \"x\" yz");
    }

    #[test]
    fn strips_gutters() {
        assert_eq!(clean("> denied: a\n> b"), "denied: a b");
        assert_eq!(clean("245 | tag invalid\n246 |  x"), "tag invalid x");
        assert_eq!(clean("localstack_1  |   File x"), "File x");
        assert_eq!(clean("│ {\n│   Message_"), "{ Message_");
        assert_eq!(clean("#Reason: The"), "Reason: The");
        assert_eq!(clean("- denied: x"), "denied: x");
    }

    #[test]
    fn maps_clean_offsets_back_to_the_original() {
        let input = "> \u{1b}[1m“denied”\u{1b}[0m:\r\n  User";
        let n = normalize(input);
        assert_eq!(n.text, "\"denied\": User");
        let at = n.text.find("denied").unwrap();
        let (s, e) = n.original_range(input, at, at + "denied".len());
        assert_eq!(&input[s..e], "denied");
        let at = n.text.find("User").unwrap();
        let (s, e) = n.original_range(input, at, at + 4);
        assert_eq!(&input[s..e], "User");
    }

    #[test]
    fn line_bounds_follow_original_lines() {
        let n = normalize("first line\nsecond line\nthird");
        let at = n.text.find("second").unwrap();
        assert_eq!(&n.text[n.line_start(at)..n.line_end(at)], " second line");
    }
}
