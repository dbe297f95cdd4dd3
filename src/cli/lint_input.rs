//! Where `relhook lint` reads the message from: `--message`, a FILE, or standard input; and,
//! for a FILE that is not there but reads as a message, the command that lints that text.

use std::io::{IsTerminal, Read};
use std::path::Path;

use super::args::{Format, LintArgs};
use crate::{Error, Result};

/// The message bytes, a label for reports, and whether it came from `--message`.
pub(super) fn read_message(args: &LintArgs) -> Result<(Vec<u8>, String, bool)> {
    if let Some(m) = &args.message {
        return Ok((m.clone().into_bytes(), "<message>".into(), true));
    }
    match args.file.as_deref() {
        Some(p) if p != Path::new("-") => match crate::fsx::read(p) {
            Ok(raw) => Ok((raw, p.display().to_string(), false)),
            Err(e) => Err(match as_message_hint(args, p) {
                Some(hint) => Error::Usage(format!("{e}; {hint}")),
                None => e,
            }),
        },
        Some(_) => read_stdin(),
        None if !std::io::stdin().is_terminal() => read_stdin(),
        None => Err(Error::Usage(
            "no message to lint: give a FILE, `-` for standard input, or --message TEXT".into(),
        )),
    }
}

/// For a FILE that is not there and reads as a message (`relhook lint 'feat: x'`), the
/// command that lints that text, so the fix can be pasted.
fn as_message_hint(args: &LintArgs, file: &Path) -> Option<String> {
    let text = file.to_str()?;
    let message_like = text.contains(": ") || text.contains('\n');
    if !message_like || file.symlink_metadata().is_ok() {
        return None;
    }
    let mut cmd = String::from("relhook lint");
    if args.strict {
        cmd.push_str(" --strict");
    }
    if matches!(args.format, Format::Json) {
        cmd.push_str(" --format json");
    }
    // `--message=` keeps a text that starts with `-` from being read as an option.
    let sep = if text.starts_with('-') { '=' } else { ' ' };
    let word = crate::shellword::quote(text);
    Some(format!(
        "to lint this text as the message, run `{cmd} --message{sep}{word}`"
    ))
}

fn read_stdin() -> Result<(Vec<u8>, String, bool)> {
    let mut raw = Vec::new();
    std::io::stdin()
        .read_to_end(&mut raw)
        .map_err(|e| Error::io("read", "<stdin>", e))?;
    Ok((raw, "<stdin>".into(), false))
}
