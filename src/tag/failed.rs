//! The way out for a release tag whose tests failed, said alike by a resumed hand tag and by
//! pre-push. Tests run again on the tag pass only if the tests or their setting were at fault
//! (the command is this checkout's); a fix of the release's code needs a new release commit,
//! and a deleted tag alone leaves its release commit untagged, which every push then refuses
//! as an interrupted release: the release commit goes too.

use git2::Oid;

use crate::config::Config;
use crate::git::{Repo, short_id};
use crate::shellword::quote;

/// What to do about release tag `tag` whose tests failed on `commit`. A release commit
/// relhook made goes with the tag: on HEAD, `git reset --keep HEAD~1` takes it off the branch
/// (other changes kept); below HEAD, an interactive rebase drops its line. A commit of the
/// user's own (the section written by hand, relhook made none) stays: the tag alone goes.
pub fn way_out(repo: &Repo, config: &Config, tag: &str, commit: Oid) -> String {
    let own = crate::release::is_release_commit(repo, config, tag, commit);
    let version = tag
        .strip_prefix(config.version.tag_prefix.as_str())
        .unwrap_or(tag);
    let tag = quote(tag);
    let again = format!(
        "if the tests or their setting are at fault, fix that and run `relhook test --tag {tag}`"
    );
    if !own {
        // The section stays below the fix: a tag above it with entries under Unreleased is
        // refused (`later::past_release_commit`), so they join the section first.
        return format!(
            "{again}; if the release is, delete the tag (`git tag -d {tag}`; {id} is your commit, no release commit relhook made, so it stays), fix it and commit, move what that adds under `## [Unreleased]` into `## [{version}]` in {changelog} and commit, then tag again",
            id = short_id(commit),
            changelog = config.changelog.path.display()
        );
    }
    match repo.head() == Some(commit) {
        true => format!(
            "{again}; if the release is, undo it (`git tag -d {tag} && git reset --keep HEAD~1`), fix it, commit and tag again"
        ),
        false => format!(
            "{again}; if the release is, delete the tag (`git tag -d {tag}`), take its release commit {id} off the branch (`git rebase -i {id}~1`, dropping its line), fix it, commit and tag again",
            id = short_id(commit)
        ),
    }
}
