//! The next version's tag made already on a commit this branch does not hold (an abandoned
//! line's, another branch's, or the same version spelled otherwise, as a Python project's
//! `1.1.0rc2`): passed over for the first free version, and said.

use std::io::Write;

use crate::release;

/// Says that the next version's tag `taken` was skipped for `next` (see [`skip_taken`]).
pub(super) fn say_taken(
    err: &mut dyn Write,
    config: &crate::config::Config,
    taken: &Taken,
    next: &semver::Version,
) {
    let command = config.release_command();
    let _ = writeln!(
        err,
        "relhook: note: tag {} already exists, on a commit this branch does not hold, so the next version is {next}, the first above it with no tag (`{command} {next}` makes it)",
        taken.tag,
    );
}

/// The next version's tag already exists, on a commit this branch does not hold (an abandoned
/// line's, or main's above where this branch was cut): `relhook release` refuses it and names
/// the first version above it with no tag, so that is the next version shown. The version
/// whose tag exists, if one was skipped: the next version's, or for a pre-release of a
/// version released already, that release's.
pub(super) fn skip_taken(
    repo: &crate::git::Repo,
    config: &crate::config::Config,
    info: &mut release::VersionInfo,
) -> Option<Taken> {
    let held = release::taken_by(repo, &config.version, &info.next)?;
    let tag = release::held_by(repo, &config.version, &held)?;
    info.next = release::first_untaken(repo, &config.version, &info.next)?;
    Some(Taken { version: held, tag })
}

/// A version whose tag exists elsewhere ([`skip_taken`]), and that tag as it is named (a
/// Python project's `1.1.0rc2` holds 1.1.0-rc.2).
pub(super) struct Taken {
    pub(super) version: semver::Version,
    pub(super) tag: String,
}
