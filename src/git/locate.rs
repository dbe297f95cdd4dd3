//! Finding the repository without opening it: the work tree, the git dir (per worktree) and
//! the common dir, from `GIT_DIR` or by walking up to a `.git` directory or file.

use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// Where a repository's parts are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The top of the work tree (`None` for a bare repository).
    pub work_tree: Option<PathBuf>,
    /// This worktree's git dir (`.git`, or `.git/worktrees/<name>`).
    pub git_dir: PathBuf,
    /// The dir shared by all worktrees (config, hooks, refs).
    pub common_dir: PathBuf,
}

/// Locates the repository containing `cwd`, honouring `GIT_DIR`/`GIT_WORK_TREE` as hooks get
/// them (git-hook-facts.md §1.6: set in linked worktrees and submodules).
pub fn locate(cwd: &Path) -> Result<Location> {
    if let Some(git_dir) = env_git_dir() {
        let work_tree = env_work_tree().or_else(|| Some(cwd.to_owned()));
        return Ok(finish(git_dir, work_tree));
    }
    match walk_up(cwd) {
        Some((git_dir, top)) => Ok(finish(git_dir, Some(top))),
        None => Err(Error::NotARepository(cwd.to_owned())),
    }
}

/// The git dir and work tree a `.git` directory or file at `cwd` or above it names.
fn walk_up(cwd: &Path) -> Option<(PathBuf, PathBuf)> {
    let mut dir = Some(cwd);
    while let Some(d) = dir {
        let dot_git = d.join(".git");
        if dot_git.is_dir() {
            return Some((dot_git, d.to_owned()));
        }
        if dot_git.is_file()
            && let Some(git_dir) = read_gitdir_file(&dot_git)
        {
            return Some((git_dir, d.to_owned()));
        }
        dir = d.parent();
    }
    None
}

/// The repository, when the user named it by `GIT_DIR` and `GIT_WORK_TREE` (or `git
/// --git-dir`/`--work-tree`, which set them) and `cwd` alone would not lead to it: a command
/// printed for the user to paste finds it only with them. Not when git set `GIT_DIR` itself (a
/// linked worktree's, a submodule's: its `.git` file at `cwd` names the same one); a hook that
/// sees `GIT_WORK_TREE` was given it by the user (git never sets it for its hooks).
pub fn named_by_env(cwd: &Path) -> Option<Location> {
    let git_dir = env_git_dir()?;
    let real = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_owned());
    let found = walk_up(cwd).map(|(dir, _)| real(&dir));
    let tree_given = std::env::var_os("GIT_WORK_TREE").is_some_and(|w| !w.is_empty());
    if found == Some(real(&git_dir)) && !tree_given {
        return None;
    }
    locate(cwd).ok()
}

/// `GIT_DIR`, made absolute: git reads a relative one against the current directory, in a
/// hook too (once git has moved to the top of the work tree, it hands its hooks an absolute
/// one). `None` when it is not set.
pub(crate) fn env_git_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("GIT_DIR").filter(|d| !d.is_empty())?;
    Some(absolute(Path::new(&dir)))
}

/// The work tree `GIT_WORK_TREE` names, made absolute as git means it in this process. git
/// reads a relative one against the folder it was started in. A hook that git started from a
/// subfolder of the work tree runs at its top, with `GIT_PREFIX` naming that subfolder
/// (git-hook-facts.md §0.2), and gets the variable either as it was given (`git tag`, `git
/// push`: `../..` from `d/e`) or as `.` (`git commit` resets it once at the top): either way
/// the top is the current directory. Without a prefix git did not move (it was started at the
/// top, or outside the work tree), and the value reads against the current directory.
pub(crate) fn env_work_tree() -> Option<PathBuf> {
    let wt = PathBuf::from(std::env::var_os("GIT_WORK_TREE").filter(|w| !w.is_empty())?);
    if wt.is_absolute() {
        return Some(wt);
    }
    let moved_to_top = std::env::var_os("GIT_PREFIX").is_some_and(|p| !p.is_empty());
    Some(if moved_to_top {
        absolute(Path::new("."))
    } else {
        absolute(&wt)
    })
}

/// `path` against the current directory, symbolic links and `..` resolved when it exists.
fn absolute(path: &Path) -> PathBuf {
    let joined = std::env::current_dir()
        .map(|cwd| cwd.join(path))
        .unwrap_or_else(|_| path.to_owned());
    joined.canonicalize().unwrap_or(joined)
}

/// The work tree git uses where libgit2 would take the git dir's parent instead: a git dir
/// kept apart from its work tree (`git init --separate-git-dir`: a `.git` file, and no
/// `core.worktree`), found by walking up from `cwd`, or named by `GIT_DIR` (as git names it
/// to that repository's hooks) without `GIT_WORK_TREE`, where git takes `cwd` itself.
/// `None` when libgit2's answer is git's (every ordinary layout: `<work tree>/.git`).
pub(super) fn git_work_tree(cwd: &Path, repo: &git2::Repository) -> Option<PathBuf> {
    let workdir = repo.workdir()?;
    if std::env::var_os("GIT_WORK_TREE").is_some() || workdir.join(".git") == repo.path() {
        return None;
    }
    // A `.git/` folder in the work tree, or `core.worktree` (submodules): libgit2 reads
    // them as git does.
    let config = repo.config().ok()?;
    if config.get_path("core.worktree").is_ok() {
        return None;
    }
    let real = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_owned());
    let git_says = locate(cwd).ok()?.work_tree?;
    (real(&git_says) != real(workdir)).then(|| real(&git_says))
}

/// `core.worktree` as the repository's own config file sets it (`git config core.worktree`
/// writes `worktree = <path>` under `[core]`; a relative path is read against the git dir).
fn core_worktree(common_dir: &Path) -> Option<PathBuf> {
    let text = std::fs::read_to_string(common_dir.join("config")).ok()?;
    let mut in_core = false;
    let mut found = None;
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            in_core = line.eq_ignore_ascii_case("[core]");
        } else if in_core
            && let Some((key, value)) = line.split_once('=')
            && key.trim().eq_ignore_ascii_case("worktree")
        {
            found = Some(PathBuf::from(value.trim().trim_matches('"')));
        }
    }
    found
}

/// A `.git` file says `gitdir: <path>`, relative to the file's folder.
fn read_gitdir_file(file: &Path) -> Option<PathBuf> {
    let text = std::fs::read_to_string(file).ok()?;
    let target = text.lines().next()?.strip_prefix("gitdir:")?.trim();
    Some(file.parent()?.join(target))
}

fn finish(git_dir: PathBuf, work_tree: Option<PathBuf>) -> Location {
    let common_dir = std::fs::read_to_string(git_dir.join("commondir"))
        .ok()
        .map(|c| git_dir.join(c.trim()))
        .unwrap_or_else(|| git_dir.clone());
    // `core.worktree` names the work tree wherever it is, unless GIT_WORK_TREE says; where it
    // names the folder already found (a submodule's), that path is kept as it was given.
    let real = |p: &Path| p.canonicalize().ok();
    let work_tree = match core_worktree(&common_dir) {
        Some(wt) if std::env::var_os("GIT_WORK_TREE").is_none() => {
            let named = git_dir.join(wt);
            match (real(&named), work_tree.as_deref().and_then(real)) {
                (Some(a), Some(b)) if a == b => work_tree,
                (a, _) => Some(a.unwrap_or(named)),
            }
        }
        _ => work_tree,
    };
    if let Some(wt) = &work_tree {
        super::run::note_layout(&git_dir, wt);
    }
    Location {
        work_tree,
        git_dir,
        common_dir,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_worktree_is_read_from_the_core_section_only() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config");
        std::fs::write(
            &config,
            "[core]\n\tbare = false\n\tworktree = ../tree\n[remote \"o\"]\n\tworktree = no\n",
        )
        .unwrap();
        assert_eq!(core_worktree(dir.path()), Some(PathBuf::from("../tree")));
        std::fs::write(&config, "[core]\n\tbare = false\n[x]\n\tworktree = no\n").unwrap();
        assert_eq!(core_worktree(dir.path()), None);
        std::fs::write(&config, "[Core]\n\tWorkTree = \"/abs/tree\"\n").unwrap();
        assert_eq!(core_worktree(dir.path()), Some(PathBuf::from("/abs/tree")));
    }

    #[test]
    fn finds_dot_git_dir_and_file_upwards() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        std::fs::create_dir_all(root.join("main/.git/worktrees/wt")).unwrap();
        std::fs::write(root.join("main/.git/worktrees/wt/commondir"), "../..\n").unwrap();
        std::fs::create_dir_all(root.join("main/sub/deeper")).unwrap();
        std::fs::create_dir_all(root.join("wt/src")).unwrap();
        std::fs::write(root.join("wt/.git"), "gitdir: ../main/.git/worktrees/wt\n").unwrap();
        if std::env::var_os("GIT_DIR").is_some() {
            return; // run inside a hook: GIT_DIR wins by design
        }
        let loc = locate(&root.join("main/sub/deeper")).unwrap();
        assert_eq!(loc.work_tree.as_deref(), Some(root.join("main").as_path()));
        let loc = locate(&root.join("wt/src")).unwrap();
        assert_eq!(loc.work_tree.as_deref(), Some(root.join("wt").as_path()));
        assert!(loc.common_dir.join("worktrees").is_dir());
    }
}
