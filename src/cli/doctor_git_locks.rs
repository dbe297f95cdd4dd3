//! Lock files at the top of the git dir (`packed-refs.lock`, `AUTO_MERGE.lock`,
//! `ORIG_HEAD.lock`, `HEAD.lock`) a killed `git commit` or `git tag` left moments ago. git
//! holds these for milliseconds (unlike `index.lock`, held while `git commit`'s editor is
//! open), so one a few seconds old is a dead git's, and the next git command that needs it
//! fails: named at once, not only once [`LOCK_AGE`] has passed (`doctor_files::old_locks`
//! names every lock from then on).

use super::doctor_files::LOCK_AGE;
use crate::git::Repo;
use crate::hooks::doctor::{Check, Status};

/// How old a top-level lock must be to be taken for a dead git's.
const DEAD_AFTER: std::time::Duration = std::time::Duration::from_secs(2);

/// A row for each young lock at the top of the git dirs, `index.lock` aside.
pub(super) fn young_top_locks(repo: &Repo) -> Vec<Check> {
    let tops = [repo.git_dir(), repo.common_dir()];
    repo.old_locks(DEAD_AFTER)
        .into_iter()
        .filter(|(path, age)| {
            *age < LOCK_AGE
                && path.parent().is_some_and(|p| tops.contains(&p))
                && path.file_name().is_some_and(|n| n != "index.lock")
        })
        .map(|(path, age)| {
            let shown = path.display().to_string();
            let blocked = match path.file_name().and_then(|n| n.to_str()) {
                Some("packed-refs.lock") => "deleting or renaming a tag or branch, and packing refs",
                Some("config.lock") => "every change to the repository's settings",
                _ => "the next commit, merge or rebase that updates that ref",
            };
            Check {
                subject: "lock file".into(),
                status: Status::Warning,
                detail: format!(
                    "{shown} is {} s old and git holds it for milliseconds: a git killed mid-update left it; git refuses {blocked} until it goes: if no git command is running, remove it",
                    age.as_secs()
                ),
                fix: Some(format!("rm {}", crate::shellword::quote(&shown))),
            }
        })
        .collect()
}
