//! A version file, or a lock beside one, the work tree holds as no regular file (a FIFO, a
//! directory, a device), or one its permissions keep relhook from reading: said as that, with
//! the step that makes it readable, before a release or a hand tag takes it for uncommitted
//! changes (to commit, which git refuses) or reads the status (which fails on it).

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::history::changelog::{NotAFile, not_a_file, not_a_file_what};

/// A version file relhook cannot read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// The file, from the top of the work tree.
    pub path: PathBuf,
    /// What is wrong (`Cargo.toml is a FIFO (named pipe), not a file, so …`).
    pub what: String,
    /// The step that makes it readable (`` `rm "$(git rev-parse --show-toplevel)"/Cargo.toml &&
    /// git checkout -- :/Cargo.toml` ``).
    pub step: String,
}

/// The first version file a release of `config` reads and writes that relhook cannot read,
/// or lock file beside one (Cargo.lock as a FIFO: git refuses to commit or stash it too).
pub fn unreadable_version_file(repo: &Repo, config: &Config) -> Option<Unreadable> {
    let root = repo.work_tree()?;
    let files: Vec<PathBuf> = super::version_files(config, &root)
        .into_iter()
        .map(|f| f.path)
        .collect();
    let locks = super::untracked_locks::locks_beside(files.iter().map(PathBuf::as_path));
    files
        .iter()
        .chain(&locks)
        .find_map(|f| unreadable(repo, config, &root, f))
}

/// [`unreadable_version_file`] as a refusal whose fix ends "then `again` again" (`release`,
/// `tag`).
pub fn unreadable_refusal(repo: &Repo, config: &Config, again: &str) -> Option<Refusal> {
    Some(unreadable_version_file(repo, config)?.refusal(again))
}

impl Unreadable {
    /// The refusal of a release or tag, its fix ending "then `again` again".
    pub fn refusal(&self, again: &str) -> Refusal {
        Refusal::new(
            Reason::VersionFile,
            self.what.clone(),
            format!("{}, then {again} again", self.step),
        )
    }
}

/// Why `root/rel` cannot be read, if it cannot.
fn unreadable(repo: &Repo, config: &Config, root: &Path, rel: &Path) -> Option<Unreadable> {
    // `rm`'s path from the top and git's as a pathspec from the top: the step works pasted
    // in any folder of the work tree, as a release run in `src/` prints it.
    let word = crate::shellword::below_top(rel);
    let top = crate::shellword::from_top(rel);
    let cannot = "so relhook cannot read or write the version in it";
    let Some(kind) = not_a_file(root, rel) else {
        // Opened, not read: a regular file's open does not wait.
        return match std::fs::File::open(root.join(rel)) {
            Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => Some(Unreadable {
                path: rel.to_path_buf(),
                what: format!(
                    "{} cannot be read (permission denied), {cannot}",
                    rel.display()
                ),
                step: crate::error::permission_step_from_top(rel),
            }),
            _ => None,
        };
    };
    // A link to nothing is a link: the release refuses it as one, naming the setting.
    if kind == NotAFile::DanglingLink {
        return None;
    }
    // HEAD's file is what `git checkout` puts back; without one, the version file goes.
    let committed = repo
        .head()
        .and_then(|h| repo.file_at(h, rel).ok()?)
        .is_some();
    let restore = if committed {
        format!(" && git checkout -- {top}")
    } else {
        String::new()
    };
    let listed = config.version.files.iter().flatten().any(|f| f.path == rel);
    let step = match kind {
        NotAFile::Directory { empty: true } => format!("`rmdir {word}{restore}`"),
        // A folder of files the setting names is the setting's mistake.
        NotAFile::Directory { empty: false } if listed => format!(
            "point `[version] files` in {} at the file that holds the version",
            crate::config::FILE_NAME
        ),
        // Not `rm -r`: what the folder holds may be someone's.
        NotAFile::Directory { empty: false } if committed => {
            format!("move the directory away, then `git checkout -- {top}`")
        }
        NotAFile::Directory { empty: false } => "move the directory away".to_owned(),
        _ => format!("`rm {word}{restore}`"),
    };
    Some(Unreadable {
        path: rel.to_path_buf(),
        what: format!("{}, {cannot}", not_a_file_what(rel, kind)),
        step,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repo_with_manifest() -> (tempfile::TempDir, Repo) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        crate::git::testing::git(root, &["init", "-q", "-b", "main"]);
        std::fs::write(
            root.join("Cargo.toml"),
            "[package]\nname = \"demo\"\nversion = \"0.1.0\"\n",
        )
        .unwrap();
        crate::git::testing::git(root, &["add", "."]);
        crate::git::testing::git(root, &["commit", "-qm", "chore: start"]);
        let repo = Repo::open(root).unwrap();
        (dir, repo)
    }

    #[test]
    fn a_readable_version_file_is_no_problem() {
        let (_dir, repo) = repo_with_manifest();
        let config = Config::default();
        assert_eq!(unreadable_version_file(&repo, &config), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_removed_and_the_committed_file_restored() {
        let (dir, repo) = repo_with_manifest();
        let path = dir.path().join("Cargo.toml");
        std::fs::remove_file(&path).unwrap();
        let made = std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .unwrap();
        assert!(made.success());
        let r = unreadable_refusal(&repo, &Config::default(), "release").unwrap();
        assert_eq!(
            r.to_string(),
            "Cargo.toml is a FIFO (named pipe), not a file, so relhook cannot read or write the version in it; `rm \"$(git rev-parse --show-toplevel)\"/Cargo.toml && git checkout -- :/Cargo.toml`, then release again"
        );
    }

    #[test]
    fn a_directory_with_files_is_moved_away_not_removed() {
        let (dir, repo) = repo_with_manifest();
        let path = dir.path().join("Cargo.toml");
        std::fs::remove_file(&path).unwrap();
        std::fs::create_dir(&path).unwrap();
        std::fs::write(path.join("kept"), "x").unwrap();
        let config = Config::default();
        let u = unreadable(&repo, &config, dir.path(), Path::new("Cargo.toml")).unwrap();
        assert_eq!(
            u.step,
            "move the directory away, then `git checkout -- :/Cargo.toml`"
        );
        std::fs::remove_file(path.join("kept")).unwrap();
        let u = unreadable(&repo, &config, dir.path(), Path::new("Cargo.toml")).unwrap();
        assert_eq!(
            u.step,
            "`rmdir \"$(git rev-parse --show-toplevel)\"/Cargo.toml && git checkout -- :/Cargo.toml`"
        );
    }
}
