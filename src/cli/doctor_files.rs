//! `relhook doctor`'s rows about files: a version file every release and hand tag would
//! refuse to write, said before the release is the first command to say it; and a lock file a
//! killed git process left, which makes every later update of its ref fail.

use crate::Error;
use crate::hooks::doctor::{Check, Status};

/// A file a release must write and cannot: a `[version] files` entry that does not exist, or
/// a version file relhook found by itself that says neither the current version nor one it
/// may bump (`0.0.0-alpha.0` beside release tags). Every release and
/// hand tag is refused, so the first command that says so should not be the release.
pub(super) fn unwritable_release_file(
    repo: &crate::git::Repo,
    config: &crate::config::Config,
) -> Option<Check> {
    let root = repo.work_tree()?;
    // A FIFO, or a file relhook may not read, as a version file: said as the release says it.
    if let Some(u) = crate::release::unreadable_version_file(repo, config) {
        return Some(row(u.what, Some(u.step)));
    }
    // A listed file where relhook never writes (through a link out of the work tree, a FIFO).
    let listed = config
        .version
        .files
        .iter()
        .flatten()
        .map(|f| f.path.as_path());
    match crate::release::check_path_list(config, &root, listed) {
        Err(Error::Refused(r)) => return Some(row(r.what, r.fix)),
        Err(e @ Error::UnsafePath { .. }) => return Some(row(e.to_string(), e.hint())),
        _ => {}
    }
    let refusal = match crate::release::check_listed_exist(config, &root) {
        Err(Error::Refused(r)) => r,
        // A workspace root never released (a private package.json, each package released on
        // its own, no root file listed): what its package.json says (`0.0.0`) is no release's,
        // whatever root tags from before it became one say; no release of it is made to refuse.
        _ if crate::history::packages::private_root::packages_only(config, &root).is_some() => {
            return None;
        }
        _ => {
            // As the next patch release would judge the files: the level does not change
            // which version they must say. With an unfinished release tag on HEAD (made by
            // hand, its release commit interrupted), as its `--resume` judges them; with a
            // section written by hand that awaits its tag, as that hand tag judges them (a
            // release of another version is refused, so naming one would not work).
            let (current, _) = crate::release::current_version(repo, config, &root).ok()?;
            let head = repo.head()?;
            let unfinished = crate::tag::hand::unfinished(repo, config).is_some();
            let awaiting = || crate::release::above::written_by_hand(repo, config, head);
            let next = if unfinished {
                current
            } else if let Some((written, _, _)) = awaiting() {
                written
            } else if current.pre.is_empty() {
                semver::Version::new(current.major, current.minor, current.patch + 1)
            } else {
                semver::Version::new(current.major, current.minor, current.patch)
            };
            let r = match crate::release::check_detected_files(repo, config, &root, &next) {
                Err(Error::Refused(r)) => r,
                _ => return None,
            };
            // A file above that version: its tag alone is refused, and the version the fix
            // names is released by hand as by `relhook release`, so both tags are named.
            if let Some(instead) = crate::release::above_files_instead(repo, config, &root, &next) {
                let prefix = &config.version.tag_prefix;
                let detail = format!(
                    "{}: tag {prefix}{next} is refused, made by hand as by a release; tag {prefix}{instead} is accepted",
                    r.what
                );
                return Some(invalid(detail, r.fix));
            }
            r
        }
    };
    Some(row(refusal.what, refusal.fix))
}

fn row(what: String, fix: Option<String>) -> Check {
    invalid(format!("{what}: releases and hand tags are refused"), fix)
}

fn invalid(detail: String, fix: Option<String>) -> Check {
    Check {
        subject: "version files".into(),
        status: Status::Invalid,
        detail,
        fix,
    }
}

/// How old a lock file must be to be named: git holds its locks for milliseconds, except the
/// index's while `git commit` waits for its editor.
pub(super) const LOCK_AGE: std::time::Duration = std::time::Duration::from_secs(60);

/// Lock files older than a minute, each its own row: until one goes, git refuses to update
/// its ref (a hand tag, `relhook release --resume`) or the index. A tag's or branch's lock
/// younger than that (a `git tag` or a relhook killed a moment ago) is named once it outlasts
/// the wait a release gives it, as the release names it. A lock a row in `said` names already (in its
/// fix, or as what the killed run it describes left) is not said twice.
pub(super) fn old_locks(repo: &crate::git::Repo, said: &[Check]) -> Vec<Check> {
    let named = |path: &std::path::Path| {
        let shown = path.display().to_string();
        let quoted = crate::shellword::quote(&shown);
        let removes = |f: &str| {
            let first = f.split(" && ").next().unwrap_or_default();
            first.starts_with("rm ") && first.contains(&quoted)
        };
        let named = |c: &Check| c.fix.as_deref().is_some_and(removes) || c.detail.contains(&shown);
        said.iter().any(named)
    };
    let (old, young): (Vec<_>, Vec<_>) = (repo.old_locks(std::time::Duration::ZERO).into_iter())
        .filter(|(path, _)| !named(path))
        .partition(|(_, age)| *age >= LOCK_AGE);
    // A tag's or a branch's lock only: git holds the index's (and config's) while an editor
    // is open, and a record's lock is the release's row's to judge (`notes_lock`).
    let refs = ["refs/tags", "refs/heads"].map(|r| repo.common_dir().join(r));
    let young: Vec<_> = (young.into_iter())
        .map(|(path, _)| path)
        .filter(|p| refs.iter().any(|r| p.starts_with(r)))
        .collect();
    let outlasting = repo
        .outlasting_locks(&young)
        .into_iter()
        .map(|(path, e)| Check {
            subject: "lock file".into(),
            status: Status::Warning,
            detail: format!("{e}; until it goes, git refuses to update that ref"),
            fix: Some(format!(
                "rm {}",
                crate::shellword::quote(&path.display().to_string())
            )),
        });
    (old.into_iter())
        .map(|(path, age)| {
            let shown = path.display().to_string();
            let index = path.file_name().is_some_and(|n| n == "index.lock");
            Check {
                subject: "lock file".into(),
                status: Status::Warning,
                detail: format!(
                    "{shown} is {} old: a git process killed mid-update left it, or one is still at work{}; until it goes, git refuses to update {}: if no git command is running, remove it",
                    age_words(age),
                    if index {
                        " (`git commit` holds it while its editor is open)"
                    } else {
                        ""
                    },
                    if index { "the index" } else { "that ref" }
                ),
                fix: Some(format!("rm {}", crate::shellword::quote(&shown))),
            }
        })
        .chain(outlasting)
        .collect()
}

fn age_words(age: std::time::Duration) -> String {
    let s = age.as_secs();
    match s {
        0..120 => format!("{s} s"),
        120..7200 => format!("{} min", s / 60),
        7200..172_800 => format!("{} h", s / 3600),
        _ => format!("{} days", s / 86_400),
    }
}
