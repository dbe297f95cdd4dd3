//! Outcomes → exit codes, in one place (DESIGN.md §2): 0 ok, 1 a check failed, 2 usage,
//! configuration, git or I/O error; `relhook test` alone passes its test command's code
//! through. Errors print with their cause chain and a hint.

use std::io::Write;
use std::process::ExitCode;

use owo_colors::OwoColorize;

use crate::Error;

/// What a command came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything passed.
    Ok,
    /// A check failed: the user must change something.
    Failed,
    /// Exit with this code, passed through from a child process (`relhook test` exits as its
    /// test command did, so that CI sees the tests' own status).
    Code(u8),
}

/// The exit code of a finished command.
pub fn code(result: &Result<Outcome, Error>) -> ExitCode {
    ExitCode::from(number(result))
}

/// The exit code of a finished command, as a number.
pub fn number(result: &Result<Outcome, Error>) -> u8 {
    match result {
        Ok(Outcome::Ok) => 0,
        Ok(Outcome::Failed) => 1,
        // A refusal is a policy verdict (the user must change something), not a breakdown.
        Err(e) if e.is_refusal() => 1,
        Ok(Outcome::Code(c)) => *c,
        // As a shell reports a process a signal ended.
        Err(e) => e
            .interrupted()
            .and_then(|s| u8::try_from(128 + s).ok())
            .unwrap_or(2),
    }
}

/// Prints an error and its hint to `err`; `bypass` is how a hook goes on without relhook
/// (`git commit --no-verify`), said under an error of the configuration file.
pub fn print_error(err: &mut dyn Write, error: &Error, color: bool, bypass: Option<&str>) {
    let label = "relhook: error:";
    // Errors quote config values, paths and git's output: shown, never obeyed by the terminal,
    // each message one line (a line break in a quoted file name is shown, not made).
    let said = error.to_string();
    let mut text = crate::printable::visible(&said);
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        // Most variants already print their source inline; only add what is new.
        let cause_said = cause.to_string();
        if !said.contains(&cause_said) {
            let shown = crate::printable::visible(&cause_said);
            text.push_str(&format!("\n  caused by: {shown}"));
        }
        source = cause.source();
    }
    let line = if color {
        format!("{} {text}", label.red().bold())
    } else {
        format!("{label} {text}")
    };
    let _ = writeln!(err, "{line}");
    let hint = match (error.hint(), bypass.filter(|_| error.is_configuration())) {
        (Some(hint), Some(bypass)) => Some(format!("{hint}; until then {bypass}")),
        (None, Some(bypass)) => Some(format!("until it is fixed, {bypass}")),
        (hint, None) => hint,
    };
    if let Some(hint) = hint.map(|h| crate::printable::visible(&h)) {
        let _ = if color {
            writeln!(err, "{} {hint}", "hint:".cyan().bold())
        } else {
            writeln!(err, "hint: {hint}")
        };
    }
}
