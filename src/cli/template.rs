//! The commit-msg hook and `commit.template`: a `git commit` that opens the editor starts from
//! the template, and a user who quits without editing it expects git's "Aborting commit; you
//! did not edit the message". git runs commit-msg before that check, so a template that fails
//! the lint is said as what it is, in one line, rather than linted as the user's message.
//! `-m`, `-F` (git's `GIT_EDITOR=:`) never start from the template: their text is linted.

use std::path::{Path, PathBuf};

use crate::commit::lint::Input;
use crate::commit::message::is_unedited_template;
use crate::git::Location;

/// The line for a message that is `commit.template`'s text left unedited in the editor;
/// `None` for any other message, or when no template is set or readable.
pub(super) fn unedited(
    cwd: &Path,
    loc: Option<&Location>,
    (raw, encoding): (&[u8], Option<&str>),
    input: &Input,
) -> Option<String> {
    if !super::written::editor_session(false) {
        return None;
    }
    let value = crate::git::commit_template_config(loc)?;
    let bytes = std::fs::read(template_path(cwd, &value)?).ok()?;
    let text = crate::git::decode_message(raw, encoding);
    let template = crate::git::decode_message(&bytes, encoding);
    is_unedited_template(&text, &template, input.cleanup, &input.comment).then(|| {
        format!(
            "relhook: nothing committed: the message is the commit template (commit.template, {value}) unedited; run `git commit` again and write your message over it"
        )
    })
}

/// Where git reads `commit.template` from: `~/` in the home directory, a relative path from
/// the top of the work tree (git moves there before it reads the template, run from a
/// subdirectory or not; the hook runs there too). `~user/` is git's to expand.
fn template_path(cwd: &Path, value: &str) -> Option<PathBuf> {
    if let Some(rest) = value.strip_prefix("~/") {
        return Some(PathBuf::from(std::env::var_os("HOME")?).join(rest));
    }
    if value.starts_with('~') {
        return None;
    }
    let path = Path::new(value);
    if path.is_absolute() {
        return Some(path.to_owned());
    }
    Some(cwd.join(path))
}
