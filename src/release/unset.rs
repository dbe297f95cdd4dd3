//! The version files a commit does not set to a version: what a hand tag of a section that is
//! there already (so no release commit) is refused for, and what the advice to make such a tag
//! must have the user fix first, read alike by both.

use std::path::{Path, PathBuf};

use git2::Oid;
use semver::Version;

use crate::config::Config;
use crate::git::Repo;

/// How the version files came to say a hand-written section's version after the commit that
/// wrote it, `wrote` (their own version not set there).
pub enum SetSince {
    /// A commit whose version files all say it, with Unreleased empty there (the first set on
    /// top, or a later one whose entries were moved into the section): a hand tag there
    /// releases the section and nothing it leaves out.
    Tag(Oid),
    /// The first commit that set them, which changes nothing else (version files, lock files):
    /// dropped in the rebase that sets them in `wrote` itself, where it would stop empty.
    Only(Oid),
    /// The first commit that set them, carrying work of its own the section leaves out (HEAD's
    /// files still say the version): a rebase would rewrite that work, and a tag on it would
    /// ship it unlisted, so the way on is a commit on top that lists it in the section.
    WithWork(Oid),
}

/// [`SetSince`] for `version`'s section written in `wrote`, along HEAD's first-parent line
/// up to `head`; `None` when no commit there sets the files, or they say another version again
/// at `head` after one with work of its own set them.
pub fn set_since(
    repo: &Repo,
    config: &Config,
    version: &Version,
    (wrote, head): (Oid, Oid),
) -> Option<SetSince> {
    let mut line = Vec::new();
    let mut at = head;
    while at != wrote {
        // Bounded: `wrote` off the first-parent line would walk the whole history.
        if line.len() > 10_000 {
            return None;
        }
        line.push(at);
        at = repo.first_parent(at)?;
    }
    line.reverse();
    let set_at = |c: Oid| files_not_at(repo, config, version, c).is_empty();
    let first = line.iter().position(|c| set_at(*c))?;
    let listed = |c: Oid| {
        crate::history::sync::changelog_at(repo, c, &config.changelog.path)
            .is_some_and(|log| log.unreleased_entries().is_empty())
    };
    let set = line[first];
    // The cheap question first: only a commit with nothing under Unreleased is read further.
    if let Some(c) =
        (line[first..].iter().copied()).find(|c| listed(*c) && (*c == set || set_at(*c)))
    {
        return Some(SetSince::Tag(c));
    }
    if only_version_files(repo, config, set) {
        Some(SetSince::Only(set))
    } else {
        set_at(head).then_some(SetSince::WithWork(set))
    }
}

/// Whether `commit` changes version files and lock files alone: a commit of the version and
/// nothing else, which a rebase may drop without losing work.
fn only_version_files(repo: &Repo, config: &Config, commit: Oid) -> bool {
    let (Some(root), Ok(changed)) = (repo.work_tree(), repo.changed_paths(commit, &[])) else {
        return false;
    };
    let versions = super::version_files(config, &root);
    !changed.is_empty()
        && changed
            .iter()
            .all(|p| super::untracked_locks::is_lock(p) || versions.iter().any(|f| f.path == *p))
}

/// The version files that do not say `version` at `commit`, each with what it says there.
/// A found file a release leaves alone (a placeholder beside the file that holds the version)
/// is not among them, nor a file listed only since `commit` (its release never bumped it).
pub fn files_not_at(
    repo: &Repo,
    config: &Config,
    version: &Version,
    commit: Oid,
) -> Vec<(PathBuf, String)> {
    let Some(root) = repo.work_tree() else {
        return Vec::new();
    };
    let Ok(tmp) = tempfile::tempdir() else {
        return Vec::new();
    };
    let mut read = Vec::new();
    let listed_since = listed_since(repo, config, commit);
    for f in super::version_files(config, &root) {
        if listed_since.contains(&f.path) {
            continue;
        }
        let Some(stored) = repo.file_at(commit, &f.path).ok().flatten() else {
            continue;
        };
        // The readers read a file under a root: the stored file, copied where they look.
        let copy = tmp.path().join(&f.path);
        if let Some(parent) = copy.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        if std::fs::write(&copy, &stored.bytes).is_err() {
            continue;
        }
        if let Ok(found) = crate::history::version::files::read_version(tmp.path(), &f) {
            read.push((f, found));
        }
    }
    let from = || super::bumped_from_at(repo, config, version, commit);
    let kept = match super::sort_version_files(config, read.clone(), version, from, &|_| false) {
        Ok(sorted) => sorted.bumped,
        Err(_) => read,
    };
    kept.into_iter()
        .filter(|(_, found)| *found != version.to_string())
        .map(|(f, found)| (f.path, found))
        .collect()
}

/// What the files say, as one clause: `Cargo.toml says 0.1.0`, `Cargo.toml and package.json
/// say 0.1.0`, `Cargo.toml says 0.1.0, package.json says 0.0.9`.
pub fn saying(files: &[(PathBuf, String)]) -> String {
    match files {
        [(p, found)] => format!("{} says {found}", p.display()),
        [(_, found), rest @ ..] if rest.iter().all(|(_, f)| f == found) => {
            format!("{} say {found}", named(files))
        }
        _ => {
            let each: Vec<String> = files
                .iter()
                .map(|(p, found)| format!("{} says {found}", p.display()))
                .collect();
            each.join(", ")
        }
    }
}

/// [`saying`] after the files were named: `it says 0.1.0`, `they say 0.1.0`.
pub fn they_say(files: &[(PathBuf, String)]) -> String {
    match files {
        [(_, found)] => format!("it says {found}"),
        [(_, found), rest @ ..] if rest.iter().all(|(_, f)| f == found) => {
            format!("they say {found}")
        }
        _ => saying(files),
    }
}

/// The step that sets Cargo.lock after `files` are set by hand, as `, update Cargo.lock to
/// match (`cargo update --workspace --offline`)`, when a Cargo.toml among them has its version
/// in the Cargo.lock committed at `commit` (and the lock is not among them): cargo rewrites
/// it at the next build, which leaves the tagged tree dirty unless it is committed too.
/// Empty otherwise.
pub fn lock_step(repo: &Repo, files: &[(PathBuf, String)], commit: Oid) -> &'static str {
    let lock = Path::new("Cargo.lock");
    let follows = files.iter().all(|(p, _)| p != lock)
        && files.iter().any(|(p, _)| p.ends_with("Cargo.toml"))
        && matches!(repo.file_at(commit, lock), Ok(Some(_)));
    if follows { LOCK_STEP } else { "" }
}

/// [`lock_step`]'s words.
pub const LOCK_STEP: &str = ", update Cargo.lock to match (`cargo update --workspace --offline`)";

/// The files' names as one phrase: `Cargo.toml`, `Cargo.toml and package.json`.
pub fn named(files: &[(PathBuf, String)]) -> String {
    let names: Vec<String> = files.iter().map(|(p, _)| p.display().to_string()).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => names.concat(),
    }
}

/// The files `[version] files` lists now that the tagged commit's configuration did not:
/// listed since (doctor's fix for a workspace's members a release left behind), so the release
/// tagged never bumped them, and the tag is not judged by them.
fn listed_since(repo: &Repo, config: &Config, commit: Oid) -> Vec<PathBuf> {
    use crate::config::FILE_NAME;
    // A package's files are found in its directory, never listed: none is listed since (its
    // view's `files` are all it has, and no stored configuration lists them).
    if config.package.is_some() {
        return Vec::new();
    }
    let path = Path::new(FILE_NAME);
    let then = match repo.file_at(commit, path) {
        Ok(None) => Vec::new(),
        Ok(Some(f)) => {
            let parsed = String::from_utf8(f.bytes)
                .ok()
                .and_then(|t| Config::parse(path, &t).ok());
            match parsed {
                Some(c) => (c.version.files.into_iter().flatten())
                    .map(|f| f.path)
                    .collect(),
                // Unreadable there: every file is judged, as before.
                None => return Vec::new(),
            }
        }
        Err(_) => return Vec::new(),
    };
    (config.version.files.iter().flatten())
        .map(|f| f.path.clone())
        .filter(|p| !then.contains(p))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{named, saying, they_say};
    use std::path::PathBuf;

    fn files(names: &[&str]) -> Vec<(PathBuf, String)> {
        names
            .iter()
            .map(|n| (PathBuf::from(n), "0.1.0".to_owned()))
            .collect()
    }

    #[test]
    fn one_file_or_several_in_one_phrase() {
        assert_eq!(named(&files(&["Cargo.toml"])), "Cargo.toml");
        assert_eq!(
            named(&files(&["Cargo.toml", "package.json", "pyproject.toml"])),
            "Cargo.toml, package.json and pyproject.toml"
        );
        let two = files(&["Cargo.toml", "package.json"]);
        assert_eq!(saying(&two), "Cargo.toml and package.json say 0.1.0");
        assert_eq!(they_say(&two), "they say 0.1.0");
        assert_eq!(they_say(&two[..1]), "it says 0.1.0");
        let mut differing = two;
        differing[1].1 = "0.0.9".to_owned();
        assert_eq!(
            saying(&differing),
            "Cargo.toml says 0.1.0, package.json says 0.0.9"
        );
    }
}
