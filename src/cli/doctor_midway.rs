//! doctor while git is stopped in a rebase, merge, cherry-pick or revert: HEAD is then the
//! operation's, not the branch's, so a fix that rewrites history would fail (git refuses a
//! second rebase) or act on the wrong commits (a release commit the rebase replays onto).
//! A changelog both sides released a version in gets the merge driver's way on, once.

use git2::Oid;

use crate::config::Config;
use crate::git::Repo;
use crate::hooks::doctor::{Check, Status};

/// The rows of the operation itself, whose fixes are its own way on.
const OWN_ROWS: [&str; 5] = ["rebase", "merge", "revert", "cherry-pick", "git am"];

/// Settles `checks` while an operation is stopped: a changelog both sides released a version
/// in says the way on in place of the rows about that file and that tag (which would blend
/// the two sections or move the tag), and other fixes that rewrite history wait for the
/// operation to finish.
pub(super) fn settle(repo: &Repo, config: &Config, checks: &mut Vec<Check>) {
    let (Some(op), Some(git)) = (repo.operation_in_progress(), repo.operation_command()) else {
        return;
    };
    if let Some(t) = super::changelog::twice_stop(repo, config) {
        let about_file = format!("{}:", t.path.display());
        let about_tag = format!("tag {}", t.tag);
        checks.retain(|c| {
            !(c.subject.starts_with("changelog") && c.detail.starts_with(&about_file)
                || c.subject == about_tag)
        });
        checks.push(t.check);
    }
    for c in checks.iter_mut() {
        if OWN_ROWS.contains(&c.subject.as_str()) || !c.fix.as_deref().is_some_and(rewrites) {
            continue;
        }
        c.detail = format!(
            "{}; {op} is in progress, and this fix waits until it is done",
            c.detail
        );
        c.fix = Some(format!(
            "finish {op} first (`{git} --continue` once its conflicts are resolved, or `{git} --abort`), then `relhook doctor` again"
        ));
    }
}

/// The release tags of `behind` (left behind by HEAD's history, greatest first) that a merge
/// in progress or a staged squash merge brings, taken out of it: no release commit rewritten
/// after tagging, but one the merge (or a merge in the squash's place) holds. Said in one row,
/// of the greatest of them.
pub(super) fn brought_by_merge(repo: &Repo, behind: &mut Vec<(String, Oid)>) -> Option<Check> {
    let again = "`relhook doctor` again";
    let (brought, rest): (Vec<_>, Vec<_>) = std::mem::take(behind)
        .into_iter()
        .partition(|(tag, c)| crate::release::merging::way_on(repo, tag, *c, again).is_some());
    *behind = rest;
    let (tag, commit) = brought.first()?;
    let (detail, fix) = crate::release::merging::way_on(repo, tag, *commit, again)?;
    Some(Check {
        subject: "merge".into(),
        status: Status::Warning,
        detail,
        fix: Some(fix),
    })
}

/// Whether `fix` rewrites history or makes commits, which git refuses or gets wrong while an
/// operation is stopped (a release refuses then too).
fn rewrites(fix: &str) -> bool {
    [
        "git rebase",
        "git reset",
        "git merge",
        "git commit --amend",
        "git cherry-pick",
        "git revert",
    ]
    .iter()
    .any(|w| fix.contains(w))
        // `relhook --config FILE release --resume` as well.
        || fix.contains(&format!("relhook{} release", crate::resume_advice::global()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_rewrites_are_told_from_other_fixes() {
        for yes in [
            "git rebase --onto 149e88ef8~1 149e88ef8 && git merge main",
            "git reset --keep v1.0.0",
            "relhook release --resume",
            "git commit --amend --no-edit",
        ] {
            assert!(rewrites(yes), "{yes}");
        }
        for no in [
            "git tag -d v0.1.1 && git fetch origin tag v0.1.1",
            "relhook changelog --sync",
            "relhook install",
        ] {
            assert!(!rewrites(no), "{no}");
        }
    }
}
