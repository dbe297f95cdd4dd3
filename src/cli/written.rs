//! A message being written (the commit-msg hook, `relhook lint`): how git will clean it, the
//! encoding it is in, and whether git opened an editor for it.

use super::args::CleanupArg;
use crate::commit::lint::Input;
use crate::commit::message::{Cleanup, CommentPrefix, MessageSettings, whitespace_matters};
use crate::git::{self, Location};

/// The encoding a message being written is in, `i18n.commitEncoding`: read only for one
/// that is not UTF-8, so the commit-msg hook pays nothing for it otherwise.
pub(super) fn written_encoding(loc: Option<&Location>, raw: &[u8]) -> Option<String> {
    if std::str::from_utf8(raw).is_ok() {
        return None;
    }
    git::commit_encoding_config(loc)
}

/// Decides how git will clean this message. Only reads git's config when the message has a
/// line that could be a comment or whitespace git's modes treat apart, keeping the common
/// case to no file reads at all.
pub(super) fn input_for(
    arg: CleanupArg,
    loc: Option<&Location>,
    raw: &[u8],
    from_m: bool,
) -> Input {
    let fixed = match arg {
        CleanupArg::Auto => None,
        CleanupArg::Strip => Some(Cleanup::Strip),
        CleanupArg::Whitespace => Some(Cleanup::Whitespace),
        CleanupArg::Scissors => Some(Cleanup::Scissors),
        CleanupArg::Verbatim => Some(Cleanup::Verbatim),
    };
    let may_have_comments = raw
        .split(|b| *b == b'\n')
        .any(|l| l.first().is_some_and(|b| b.is_ascii_punctuation()));
    // `verbatim` keeps whitespace the other modes drop (a blank first line is then the
    // header), so such a message needs git's mode too, even with no comment line.
    let mode_matters = may_have_comments || whitespace_matters(&String::from_utf8_lossy(raw));
    let settings = if mode_matters {
        MessageSettings::from_git(&git::message_config(loc))
    } else {
        MessageSettings::default()
    };
    // In a hook, git's own `--cleanup` comes before its configuration, as in git.
    let given = (mode_matters && std::env::var_os("GIT_EDITOR").is_some())
        .then(super::cleanup_flag::given)
        .flatten()
        .and_then(|v| Cleanup::from_git(&v));
    // git takes `scissors` for `whitespace` when no editor runs (`-m`, `-F`): only an
    // editor's file gets git's scissors line.
    let configured = given.unwrap_or(settings.cleanup).map(|c| match c {
        Cleanup::Scissors if !editor_session(from_m) => Cleanup::Whitespace,
        c => c,
    });
    let cleanup = fixed.or(configured).unwrap_or_else(|| {
        if editor_session(from_m) {
            Cleanup::Strip
        } else {
            Cleanup::Whitespace
        }
    });
    Input {
        cleanup,
        comment: match settings.comment {
            CommentPrefix::Fixed(c) if c.is_empty() => CommentPrefix::default(),
            other => other,
        },
    }
}

/// Whether git opened an editor for this message: git exports `GIT_EDITOR=:` to hooks when it
/// did not (`-m`, `-F`, picks). Outside a hook, a file counts as edited and `--message` as `-m`.
pub(super) fn editor_session(from_m: bool) -> bool {
    match std::env::var_os("GIT_EDITOR") {
        Some(e) => e != ":",
        None => !from_m,
    }
}
