//! The one line for a missing `git` program ([`super::Error::GitNotFound`]): what needs it,
//! said truly for a release, its dry run and every other command.

/// The message, for a release (`release`), a dry run of one (`dry_run`), or any other command.
pub(super) fn message(release: bool, dry_run: bool) -> String {
    let what = match (release, dry_run) {
        (true, false) => {
            "cannot release: the `git` program is not on PATH, and a release makes its tag with it; nothing was changed"
        }
        // A dry run makes no tag: what it shows is a release that would.
        (true, true) => {
            "cannot show the release: the `git` program is not on PATH, and the release this dry run would show needs it to make its tag"
        }
        (false, _) => "the `git` program is not on PATH, and relhook reads the repository with it",
    };
    format!("{what}: install git, or add the folder that holds it to PATH, then run it again")
}
