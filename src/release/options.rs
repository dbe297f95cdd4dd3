//! What a release is asked to do: the command line's choices, and a preview's.

use crate::history::version::bump::Requested;

/// What the user asked for.
#[derive(Debug, Clone)]
pub struct Options {
    /// `auto`, a level or an exact version.
    pub requested: Requested,
    /// `--pre ID`.
    pub pre: Option<String>,
    /// Sign the tag.
    pub sign: bool,
    /// Skip the clean-tree check.
    pub allow_dirty: bool,
    /// Skip the branch check.
    pub allow_branch: bool,
    /// Skip the test run.
    pub no_test: bool,
    /// `--dry-run`: the plan only, which runs no tests (a missing test program is a note).
    pub dry_run: bool,
    /// Release above commits not pushed yet that fail the lint (pre-push refuses them).
    pub allow_unlinted: bool,
    /// `--allow-stable`: a stable release on a branch `[release] channels` makes pre-releases on.
    pub allow_stable: bool,
    /// The channel HEAD's branch makes pre-releases of, as the release is made under it.
    pub channel: Option<super::channel::Under>,
    /// The date of the changelog heading (today, unless tests pin it).
    pub date: String,
}

impl Options {
    /// A plan that only previews a release (`version --all`, a hand tag's way on): nothing
    /// runs or is written, so neither the work tree, the branch, the tests nor the lint stop it.
    pub fn preview(requested: Requested, pre: Option<String>) -> Options {
        Options {
            requested,
            pre,
            sign: false,
            allow_dirty: true,
            allow_branch: true,
            no_test: true,
            dry_run: true,
            allow_unlinted: true,
            allow_stable: true,
            channel: None,
            date: crate::date::today(),
        }
    }
}
