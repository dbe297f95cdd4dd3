//! The version files a commit does not set to a version: what a hand tag of a section that is
//! there already (so no release commit) is refused for, and what the advice to make such a tag
//! must have the user fix first, read alike by both.

use std::path::{Path, PathBuf};

use git2::Oid;
use semver::Version;

use crate::config::Config;
use crate::git::Repo;

/// The commit after `wrote` on HEAD's first-parent line up to `head` whose version files first
/// all say `version`, when Unreleased is empty there: a hand tag there releases the section
/// written in `wrote` and nothing it leaves out (the commits after it stay unreleased).
pub fn set_after(
    repo: &Repo,
    config: &Config,
    version: &Version,
    (wrote, head): (Oid, Oid),
) -> Option<Oid> {
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
    let set =
        (line.into_iter().rev()).find(|c| files_not_at(repo, config, version, *c).is_empty())?;
    let log = crate::history::sync::changelog_at(repo, set, &config.changelog.path)?;
    log.unreleased_entries().is_empty().then_some(set)
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
    let kept = match super::sort_version_files(config, read.clone(), version, from) {
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
