//! What relhook says while it stops a test command after a Ctrl-C (`interrupt::stop`): a
//! command that ignores the signal is waited for seconds, which must not pass in silence,
//! and a second Ctrl-C meanwhile ends it at once, which is said too.

use std::io::Write;

use crate::interrupt::Stopping;

/// For a release (or `--resume`): what the run made is undone once the command has stopped.
pub(super) fn then_undoing(signal: i32, what: Stopping) {
    say(signal, what, ", then undoing");
}

/// For pre-push testing a tag: whatever the command does, the push is refused.
pub(super) fn then_refusing(signal: i32, what: Stopping) {
    say(signal, what, ", then refusing the push");
}

/// For a test run that leaves nothing to undo but its checkout.
pub(super) fn plain(signal: i32, what: Stopping) {
    say(signal, what, "");
}

fn say(signal: i32, what: Stopping, then: &str) {
    let name = crate::interrupt::name(signal);
    let line = match what {
        Stopping::Waiting(left) => {
            let again = if name == "SIGINT" {
                "Ctrl-C again".to_owned()
            } else {
                format!("a second {name}")
            };
            format!(
                "relhook: interrupted ({name}): stopping the test command (up to {} s; {again} kills it now){then}",
                left.as_secs_f64().ceil()
            )
        }
        Stopping::Killing => {
            format!("relhook: interrupted again: killing the test command now{then}")
        }
    };
    let _ = writeln!(crate::cli::stream::stderr(), "{line}");
}
