//! Which files hold the version: those detected in the work tree (unless `version.detect =
//! false`) and those `[version] files` adds. The editors, the detection and the `Cargo.lock`
//! edit live in `version::files`.

use std::path::Path;

use git2::Oid;

use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::{FilterFailure, Repo};
pub use crate::history::version::files::cargo_lock_edit;
use crate::history::version::files::{self, VersionFile};

/// The configured version files first (they name the first version file), then the detected
/// ones; a configured entry wins over a detected one for the same file.
pub fn version_files(config: &Config, root: &Path) -> Vec<VersionFile> {
    let mut out: Vec<VersionFile> = config.version.files.clone().unwrap_or_default();
    if config.version.detect {
        for f in files::detect(root) {
            if !out.iter().any(|o| o.path == f.path) {
                out.push(f);
            }
        }
    }
    out
}

/// A version file relhook found by itself (not listed in `[version] files`) that holds another
/// version than the release bumps from (`from`: the versions and their tags, see
/// `next::bumped_from`): a placeholder
/// (`setup(version='0.0.0')` beside the real version) or a file nobody kept. Refused rather
/// than overwritten with the new version: listing it says it is the project's version.
pub fn check_detected_current(
    config: &Config,
    f: &VersionFile,
    old: &str,
    from: &[(semver::Version, String)],
) -> crate::Result<()> {
    let Some((current, tag)) = from.first() else {
        return Ok(());
    };
    let listed = config
        .version
        .files
        .iter()
        .flatten()
        .any(|l| l.path == f.path);
    let holds_current = semver::Version::parse(old.strip_prefix('v').unwrap_or(old))
        .is_ok_and(|v| from.iter().any(|(c, _)| *c == v));
    if listed || holds_current {
        return Ok(());
    }
    let path = f.path.display();
    Err(crate::Error::Refused(Refusal::new(
        Reason::VersionFile,
        format!(
            "{path} says {old} ({}), not {current}, the version of release tag {tag}: relhook bumps a version file it found by itself only from the current version",
            f.locator
        ),
        "if it holds the project's version, list it in `[version] files` in .relconfig.toml (a listed file is always bumped); if not, set `[version] detect = false` and list the files that do",
    )))
}

/// A `[version] files` entry that is not there, refused with the two ways out: a release
/// bumps every listed file, and cannot bump one that does not exist.
pub fn check_listed_exist(config: &Config, root: &Path) -> crate::Result<()> {
    for f in config.version.files.iter().flatten() {
        let gone = root
            .join(&f.path)
            .symlink_metadata()
            .is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound);
        if gone {
            let path = f.path.display();
            return Err(crate::Error::Refused(Refusal::new(
                Reason::VersionFile,
                format!("{path} is listed in `[version] files` but does not exist"),
                format!("create {path} or remove it from `[version] files` in .relconfig.toml"),
            )));
        }
    }
    Ok(())
}

/// The checks the release commit makes on every file it writes (see `commit_files`), made
/// when planning too: a dry run or a hand tag that says yes is a release that no path refuses.
/// A symlinked file is refused with the change that makes relhook write the file it names.
pub fn check_paths(config: &Config, root: &Path, edits: &[files::Edit]) -> crate::Result<()> {
    check_path_list(config, root, edits.iter().map(|e| e.path.as_path()))
}

/// The files a release of `version` would write, known without reading history: the
/// changelog, the version files (listed, and detected at the top of the work tree) that do not
/// say `version` yet, and Cargo.lock where there is one.
pub fn files_written(
    config: &Config,
    root: &Path,
    version: &semver::Version,
) -> Vec<std::path::PathBuf> {
    let mut out = vec![config.changelog.path.clone()];
    let new = version.to_string();
    for f in version_files(config, root) {
        if files::read_version(root, &f).map_or(true, |v| v != new) {
            out.push(f.path);
        }
    }
    let lock = Path::new("Cargo.lock");
    if root.join(lock).exists() && !out.iter().any(|p| p == lock) {
        out.push(lock.to_path_buf());
    }
    out
}

/// [`check_detected_current`] for every version file a release to `version` would bump: what
/// a hand tag's `prepared` asks, before the tag exists.
pub fn check_detected_files(
    repo: &Repo,
    config: &Config,
    root: &Path,
    version: &semver::Version,
) -> crate::Result<()> {
    let new = version.to_string();
    let mut from = None;
    for f in version_files(config, root) {
        let Ok(old) = files::read_version(root, &f) else {
            continue; // the release reports it
        };
        if old != new {
            let from = from.get_or_insert_with(|| super::next::bumped_from(repo, config, version));
            check_detected_current(config, &f, &old, from)?;
        }
    }
    Ok(())
}

/// [`check_paths`] for paths alone.
pub fn check_path_list<'a>(
    config: &Config,
    root: &Path,
    paths: impl IntoIterator<Item = &'a Path>,
) -> crate::Result<()> {
    for path in paths {
        // A link is refused as any release refusal is (exit 1): the user changes a setting.
        let abs = crate::fsx::confine(root, path).map_err(|err| {
            match super::links::refusal(config, root, path) {
                Some(reason) => {
                    let kind = if path == config.changelog.path {
                        Reason::Changelog
                    } else {
                        Reason::VersionFile
                    };
                    let what = format!("{}: {reason}", path.display());
                    crate::Error::Refused(Refusal::bare(kind, what))
                }
                None => err,
            }
        })?;
        match std::fs::metadata(&abs) {
            Ok(m) if !m.is_file() => {
                return Err(crate::Error::UnsafePath {
                    path: path.to_path_buf(),
                    reason: "not a regular file (a FIFO, device or directory); relhook writes only regular files there".into(),
                });
            }
            _ => {}
        }
    }
    Ok(())
}

/// Refuses a release that writes a file under a `filter` attribute (git-lfs) git cannot run
/// here: its blob would be the raw file where `git add` stores the filter's output (a
/// pointer). Judged on the file as it is, before anything is written; a file under no filter
/// costs an attribute lookup, no `git` process.
pub fn check_filters<'a>(
    repo: &Repo,
    root: &Path,
    paths: impl IntoIterator<Item = &'a Path>,
) -> crate::Result<()> {
    for path in paths {
        let Some(driver) = repo.filter_driver(path) else {
            continue;
        };
        let now = crate::fsx::read_optional(&root.join(path))?.unwrap_or_default();
        repo.filtered_blob(path, &driver, &now, false)?
            .map_err(|why| filter_refusal(path, &driver, &why))?;
    }
    Ok(())
}

/// The blob the release commit stores for `edit`, written into the object store: what `git
/// add` stores. Under a filter attribute, git's own conversion (`git hash-object`); else the
/// bytes hashed in-process, with git's CRLF conversion undone where the committed file at
/// `head` has none (`core.autocrlf`, `eol=crlf`).
pub fn stored_blob(repo: &Repo, head: Oid, edit: &files::Edit) -> crate::Result<Oid> {
    if let Some(driver) = repo.filter_driver(&edit.path) {
        return repo
            .filtered_blob(&edit.path, &driver, &edit.after, true)?
            .map_err(|why| filter_refusal(&edit.path, &driver, &why));
    }
    let committed_lf = repo
        .file_at(head, &edit.path)?
        .is_some_and(|f| !f.bytes.contains(&b'\r'));
    if committed_lf && edit.after.windows(2).any(|w| w == b"\r\n") {
        let lf = String::from_utf8_lossy(&edit.after).replace("\r\n", "\n");
        return repo.write_blob(lf.as_bytes());
    }
    repo.write_blob(&edit.after)
}

/// A file under filter `driver` git cannot run, refused with what makes it run.
fn filter_refusal(path: &Path, driver: &str, why: &FilterFailure) -> crate::Error {
    let path = path.display();
    let why = match why {
        FilterFailure::Undefined => format!(
            "git has no `filter.{driver}.clean` (nor `.process`) here, so its blob would be the raw file"
        ),
        FilterFailure::Failed(said) => format!("the filter failed (`{said}`)"),
    };
    let fix = if driver == "lfs" {
        "install git-lfs and run `git lfs install`".to_owned()
    } else {
        format!("set `filter.{driver}.clean` to a command that works (`git config`)")
    };
    crate::Error::Refused(Refusal::new(
        Reason::Filter,
        format!("{path} is under git's `{driver}` filter (.gitattributes), and {why}"),
        fix,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::version::files::Locator;

    #[test]
    fn configured_files_add_to_detection_unless_it_is_off() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("pyproject.toml"),
            "[project]\nname = \"app\"\nversion = \"0.3.0\"\n",
        )
        .unwrap();
        let mut config = Config::default();
        let extra = VersionFile {
            path: "VERSION".into(),
            locator: Locator::Pattern("{version}".into()),
        };
        config.version.files = Some(vec![extra.clone()]);
        let paths = |c: &Config| {
            version_files(c, dir.path())
                .iter()
                .map(|f| f.path.display().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(paths(&config), ["VERSION", "pyproject.toml"]);
        config.version.detect = false;
        assert_eq!(paths(&config), ["VERSION"]);
    }
}
