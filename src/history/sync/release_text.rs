//! The one thing a release needs of a sync plan: the file's text, Unreleased brought up to
//! date with history, which becomes the release's section. What the plan would say besides
//! (the entries of amended-away messages the file still lists, said by `--sync` and doctor
//! with the hand edit they call for, and changing nothing) is not worked out.

use crate::Result;
use crate::config::Config;
use crate::git::Repo;

/// What a caller of [`super::plan`] reads of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Wants {
    /// A hook's plan: no reflog read for lost commits (see [`plan_sync`]).
    Hook,
    /// `--sync`'s and `relhook changelog`'s: everything.
    Sync,
    /// A release's: the text alone (see [`released_text`]).
    ReleaseText,
}

/// Plans a sync of the file `current` (the work tree's text) against history.
pub fn plan_sync(repo: &Repo, config: &Config, current: &str) -> Result<super::SyncPlan> {
    let initial = || config.version.initial.clone();
    let advise = crate::history::tags::Advise {
        above: &|_| None,
        first: &initial,
    };
    // A hook's plan (post-commit's count, pre-push's warning) reads no reflog: lost commits'
    // entries are `--sync`'s and a release's to take out.
    super::plan(repo, config, current, (None, &advise), Wants::Hook)
}

/// The text [`super::plan_sync_releasing`] plans for `current`, the changelog of the release
/// whose tag is `releasing`: the same text, worked out without what only its report says.
pub fn released_text(
    repo: &Repo,
    config: &Config,
    current: &str,
    releasing: (Option<&str>, &crate::history::tags::Advise<'_>),
) -> Result<String> {
    super::plan(repo, config, current, releasing, Wants::ReleaseText).map(|p| p.text)
}
