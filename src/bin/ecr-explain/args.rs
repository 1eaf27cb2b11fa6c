//! The command line: options, sizes and the link's base URL.

use super::safe::clean;
use std::ffi::OsString;
use std::path::PathBuf;

pub(crate) const USAGE: &str = "usage: ecr-explain [OPTIONS] [FILE|-]

Explains the Amazon ECR errors in FILE (or standard input): what went wrong, why, and
the commands that fix it.

  --format FORMAT     text (default), json, github (workflow commands: one ::error per
                      finding, ::warning for look-alikes) or markdown (for a job summary
                      or a merge-request comment)
  --json              the same as --format json
  --fail-on-finding   exit 1 when an Amazon ECR error was found (look-alikes do not count)
  --link BASE_URL     also print a link to the hosted explainer carrying the input, redacted
                      like the app's share box (account IDs, keys, tokens, passwords)
  --max-bytes N       read at most N bytes (suffixes K, M, G; 0: no limit; default 64M)
  -h, --help          print this help
  -V, --version       print the version

Exit status: 0 when it ran, 1 with --fail-on-finding when an ECR error was found,
2 on usage or I/O errors.
";

pub(crate) const DEFAULT_MAX_BYTES: u64 = 64 << 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Text,
    Json,
    Github,
    Markdown,
}

pub(crate) struct Options {
    pub(crate) format: Format,
    /// `None`: standard input.
    pub(crate) path: Option<PathBuf>,
    pub(crate) fail_on_finding: bool,
    pub(crate) link: Option<String>,
    pub(crate) max_bytes: u64,
}

pub(crate) enum Command {
    Run(Options),
    Help,
    Version,
}

pub(crate) fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    let mut o = Options {
        format: Format::Text,
        path: None,
        fail_on_finding: false,
        link: None,
        max_bytes: DEFAULT_MAX_BYTES,
    };
    let mut have_path = false;
    let mut only_paths = false;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let Some(a) = arg.to_str().map(str::to_string) else {
            // A file name need not be UTF-8; an option must be.
            if only_paths || !arg.as_encoded_bytes().starts_with(b"-") {
                set_path(&mut o, &mut have_path, Some(PathBuf::from(arg)))?;
                continue;
            }
            return Err(format!(
                "unknown option {} (not valid UTF-8)",
                clean(&arg.to_string_lossy())
            ));
        };
        if only_paths {
            set_path(&mut o, &mut have_path, Some(PathBuf::from(arg)))?;
            continue;
        }
        // `--name=value` or `--name value`.
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        let mut value = |what: &str| -> Result<String, String> {
            if let Some(v) = inline.clone() {
                return Ok(v);
            }
            let v = args.next().ok_or_else(|| format!("{name} needs {what}"))?;
            v.into_string()
                .map_err(|_| format!("{name} needs {what} (not valid UTF-8)"))
        };
        match name.as_str() {
            "--json" => o.format = Format::Json,
            "--format" => {
                o.format = match value("a format: text, json, github or markdown")?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    "github" => Format::Github,
                    "markdown" | "md" => Format::Markdown,
                    other => {
                        return Err(format!(
                            "unknown format {} (text, json, github or markdown)",
                            clean(other)
                        ))
                    }
                }
            }
            "--fail-on-finding" => o.fail_on_finding = true,
            "--link" => {
                let base = value("the explainer's URL")?;
                o.link = Some(check_base_url(&base)?);
            }
            "--max-bytes" => {
                let v = value("a size (bytes, or with K, M or G)")?;
                o.max_bytes = parse_size(&v)
                    .ok_or_else(|| format!("--max-bytes: not a size: {}", clean(&v)))?;
            }
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "--" => only_paths = true,
            "-" => set_path(&mut o, &mut have_path, None)?,
            n if n.starts_with('-') => return Err(format!("unknown option {}", clean(n))),
            _ => set_path(&mut o, &mut have_path, Some(PathBuf::from(arg)))?,
        }
    }
    Ok(Command::Run(o))
}

pub(crate) fn set_path(
    o: &mut Options,
    have: &mut bool,
    path: Option<PathBuf>,
) -> Result<(), String> {
    if std::mem::replace(have, true) {
        return Err("only one FILE may be given".into());
    }
    o.path = path;
    Ok(())
}

/// `123`, `64K`, `64M`, `1G` (binary multiples).
pub(crate) fn parse_size(s: &str) -> Option<u64> {
    let s = s.trim();
    let (digits, unit) = match s.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => s.split_at(i),
        None => (s, ""),
    };
    let shift = match unit.to_ascii_uppercase().trim_end_matches(['B', 'I']) {
        "" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        _ => return None,
    };
    digits.parse::<u64>().ok()?.checked_mul(1 << shift)
}

/// The link goes into terminals, logs and Markdown: only a plain http(s) URL is taken.
pub(crate) fn check_base_url(s: &str) -> Result<String, String> {
    let lower = s.to_ascii_lowercase();
    let scheme_ok = lower.starts_with("https://") || lower.starts_with("http://");
    let plain = s
        .chars()
        .all(|c| c.is_ascii_graphic() && !"<>\"'`\\".contains(c));
    if scheme_ok && plain {
        Ok(s.to_string())
    } else {
        Err(format!(
            "--link needs the explainer's http(s) URL, got {}",
            clean(s)
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("1000"), Some(1000));
        assert_eq!(parse_size("64M"), Some(64 << 20));
        assert_eq!(parse_size("2KiB"), Some(2048));
        assert_eq!(parse_size("1T"), None);
        assert_eq!(parse_size("99999999999999999999G"), None);
    }
}
