//! `ecr-explain [OPTIONS] [FILE|-]`: explains the ECR errors in a log, a paste or stdin, as
//! text, JSON, GitHub Actions workflow commands or Markdown.
//!
//! Everything printed comes from an untrusted paste: control characters never reach the
//! terminal, workflow-command data is escaped, Markdown puts paste values in code.

#[path = "ecr-explain/args.rs"]
mod args;
#[path = "ecr-explain/github.rs"]
mod github;
#[path = "ecr-explain/json.rs"]
mod json;
#[path = "ecr-explain/markdown.rs"]
mod markdown;
#[path = "ecr-explain/safe.rs"]
mod safe;
#[path = "ecr-explain/text.rs"]
mod text;

use args::{parse_args, Command, Format, USAGE};
use ecr_explain::{explain, share};
use github::render_github;
use json::render_json;
use markdown::render_markdown;
use safe::clean;
use std::io::{self, IsTerminal, Read, Write};
use std::process::ExitCode;
use text::{render_text, Style};

fn read_input(path: Option<&std::path::Path>, max: u64) -> Result<String, String> {
    let name = path.map_or("standard input".to_string(), |p| {
        clean(&p.to_string_lossy())
    });
    let reader: Box<dyn Read> = match path {
        None => Box::new(io::stdin().lock()),
        Some(p) => {
            Box::new(std::fs::File::open(p).map_err(|e| format!("cannot read {name}: {e}"))?)
        }
    };
    // One byte past the cap tells "exactly the cap" from "more": memory stays bounded even for
    // /dev/zero.
    let limit = if max == 0 { u64::MAX } else { max + 1 };
    let mut bytes = Vec::new();
    reader
        .take(limit)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {name}: {e}"))?;
    if max != 0 && bytes.len() as u64 > max {
        return Err(format!(
            "{name} is larger than {} bytes; pass --max-bytes N (or 0 for no limit) to read more",
            max
        ));
    }
    // Logs carry stray bytes; read them lossily rather than refuse the whole file.
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}

type LinkResult = Result<String, share::ShareError>;

/// Writes to stdout; a closed pipe (`| head`) is the reader's choice, any other failure (a
/// full disk) is an error.
fn emit(text: &str) -> Result<(), String> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write the report: {e}")),
    }
}

fn fail(message: &str) -> ExitCode {
    // Nothing more to do if even stderr is gone.
    let _ = writeln!(io::stderr(), "ecr-explain: {}", clean(message));
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args_os().skip(1)) {
        Ok(Command::Run(o)) => o,
        Ok(Command::Help) => return emit(USAGE).map_or_else(|e| fail(&e), |_| ExitCode::SUCCESS),
        Ok(Command::Version) => {
            let v = format!("ecr-explain {}\n", env!("CARGO_PKG_VERSION"));
            return emit(&v).map_or_else(|e| fail(&e), |_| ExitCode::SUCCESS);
        }
        Err(e) => return fail(&format!("{e} (see --help)")),
    };
    let input = match read_input(options.path.as_deref(), options.max_bytes) {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    let report = explain(&input);
    let link = options.link.as_deref().map(|base| {
        // Redacting what cannot be shared anyway would be wasted work.
        if input.len() > share::MAX_SHARE_TEXT {
            return Err(share::ShareError::TooLong);
        }
        share::link(base, &share::redact(&input).text)
    });
    let file = options
        .path
        .as_ref()
        .map(|p| p.to_string_lossy().into_owned());
    let text = match options.format {
        Format::Json => match render_json(&report, link.as_ref()) {
            Ok(j) => j,
            Err(e) => return fail(&e),
        },
        Format::Github => render_github(&input, &report, file.as_deref(), link.as_ref()),
        Format::Markdown => render_markdown(&input, &report, link.as_ref()),
        Format::Text => {
            let colour = io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            render_text(&input, &report, link.as_ref(), &Style { on: colour })
        }
    };
    if let (Format::Json, Some(Err(e))) = (options.format, &link) {
        let _ = writeln!(io::stderr(), "ecr-explain: no link: the input is {e}");
    }
    if let Err(e) = emit(&text) {
        return fail(&e);
    }
    if options.fail_on_finding && report.ecr_findings().next().is_some() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
