//! The repository's state as a release runbook checks it by hand: a clean tree, the branch,
//! its upstream, the tags already taken; and the few writes a release makes through `git`
//! itself (commit and tag, so that the user's signing setup and identity apply).

use std::path::Path;

use git2::{IndexEntryExtendedFlag, Oid, Status, StatusOptions};

use super::Repo;
use crate::Result;

impl Repo {
    /// The blob staged (stage 0) for `path`, relative to the work tree, in the index git uses
    /// (`GIT_INDEX_FILE` when a hook gets one); `None` when it has no such entry.
    pub fn staged_blob(&self, path: &Path) -> Option<Oid> {
        index_entry(&self.inner.index().ok()?, path).map(|e| e.id)
    }

    /// Whether `rel` (from the top) is listed by `git status`: changed in the index or the
    /// work tree against HEAD, or untracked; an ignored or absent file is not.
    pub fn path_uncommitted(&self, rel: &Path) -> Result<bool> {
        Ok(self
            .status_file_settled(rel)?
            .is_some_and(|s| !(s.is_empty() || s.contains(Status::IGNORED))))
    }

    /// Whether tracked `rel` (from the top) has changes in the work tree not staged: edits a
    /// `git commit -- rel` would take along.
    pub fn unstaged_changes(&self, rel: &Path) -> Result<bool> {
        let unstaged = Status::WT_MODIFIED | Status::WT_TYPECHANGE;
        Ok(self
            .status_file_settled(rel)?
            .is_some_and(|s| s.intersects(unstaged)))
    }

    /// [`Repo::dirty_paths`], then the tracked files whose local changes `git status` does not
    /// show (`--skip-worktree`, `--assume-unchanged`; see [`Repo::hidden_changes`]) and the
    /// submodules whose changes it is set to hide, each named with why: what makes the work
    /// tree other than HEAD's for a test run or a release.
    pub fn dirty_or_hidden_paths(&self, limit: usize) -> Result<Vec<String>> {
        let mut out = self.dirty_paths(limit)?;
        let Ok(index) = self.inner.index() else {
            return Ok(out);
        };
        let flagged: Vec<std::path::PathBuf> = index
            .iter()
            .filter(|e| skip_worktree(e) || assume_unchanged(e))
            .map(|e| std::path::PathBuf::from(String::from_utf8_lossy(&e.path).into_owned()))
            .collect();
        let flagged: Vec<&Path> = flagged.iter().map(std::path::PathBuf::as_path).collect();
        for h in self.hidden_changes(&flagged) {
            if out.len() >= limit {
                break;
            }
            let flag = if h.skip_worktree {
                "skip-worktree"
            } else {
                "assume-unchanged"
            };
            out.push(format!("{} (hidden from `git status` by --{flag})", h.path));
        }
        // A submodule `git status` lists is in `out` already, as its path alone.
        for sub in self.submodules_hidden_changed() {
            if out.len() < limit && !out.iter().any(|p| p.trim_end_matches('/') == sub) {
                out.push(format!(
                    "{sub} (a submodule whose changes `git status` is set to hide)"
                ));
            }
        }
        Ok(out)
    }

    /// The untracked paths `git status` lists (a new folder as `dir/`), at most `limit`: what a
    /// test run or a build leaves, as against changes to tracked files.
    pub fn untracked_paths(&self, limit: usize) -> Result<Vec<String>> {
        let mut opts = StatusOptions::new();
        opts.include_untracked(true).include_ignored(false);
        let statuses = self.statuses_settled(&mut opts)?;
        Ok(statuses
            .iter()
            .filter(|s| s.status() == Status::WT_NEW)
            .map(|s| shown_path(&s))
            .take(limit)
            .collect())
    }

    /// Paths that make the work tree dirty (modified, staged, untracked), at most `limit`, as
    /// `git status` lists them: a sparse checkout's skip-worktree entries (files outside the
    /// cone, absent on purpose) are no change, though libgit2 reports them as deleted.
    pub fn dirty_paths(&self, limit: usize) -> Result<Vec<String>> {
        let mut opts = StatusOptions::new();
        opts.include_untracked(true)
            .include_ignored(false)
            .exclude_submodules(false);
        let statuses = self.statuses_settled(&mut opts)?;
        let index = self.inner.index().ok();
        let work_tree = Status::WT_MODIFIED
            | Status::WT_DELETED
            | Status::WT_TYPECHANGE
            | Status::WT_RENAMED
            | Status::WT_UNREADABLE;
        let counts = |s: &git2::StatusEntry<'_>| {
            let status = s.status();
            if status == Status::CURRENT || status.contains(Status::IGNORED) {
                return false;
            }
            // A submodule whose change the repository's config says to ignore.
            let gitlink = index.as_ref().is_some_and(|i| {
                index_entry(i, Path::new(s.path().unwrap_or("")))
                    .is_some_and(|e| e.mode == 0o160_000)
            });
            if gitlink && self.submodule_change_ignored(s.path().unwrap_or("")) {
                return false;
            }
            // A difference between an entry and its file only, where the entry is outside
            // the sparse checkout: git does not compare those.
            let outside = status.difference(work_tree).is_empty()
                && index.as_ref().is_some_and(|i| {
                    index_entry(i, Path::new(s.path().unwrap_or("")))
                        .is_some_and(|e| skip_worktree(&e))
                });
            !outside
        };
        Ok(statuses
            .iter()
            .filter(counts)
            .take(limit)
            .map(|s| shown_path(&s))
            .collect())
    }

    /// What a sparse checkout leaves out of the work tree among `files` (paths relative to
    /// the work tree): skip-worktree index entries whose file is absent. relhook reads the files it
    /// edits from the work tree, so those must not be taken for missing. With them, the
    /// command that brings them in: `git sparse-checkout add` with their directories in cone
    /// mode (which takes directories), else with anchored patterns (`/CHANGELOG.md`).
    pub fn left_out_of_sparse_checkout(&self, files: &[&Path]) -> Option<(Vec<String>, String)> {
        let root = self.work_tree()?;
        let index = self.inner.index().ok()?;
        let mut out: Vec<String> = Vec::new();
        for entry in index.iter().filter(skip_worktree) {
            let path = String::from_utf8_lossy(&entry.path).into_owned();
            let rel = Path::new(&path);
            if files.contains(&rel)
                && root.join(rel).symlink_metadata().is_err()
                && !out.contains(&path)
            {
                out.push(path);
            }
        }
        if out.is_empty() {
            return None;
        }
        let cone = self.config_bool("core.sparseCheckoutCone").unwrap_or(false);
        let mut patterns: Vec<String> = Vec::new();
        for path in &out {
            let parent = Path::new(path)
                .parent()
                .filter(|p| !p.as_os_str().is_empty());
            let pattern = match parent {
                Some(dir) if cone => dir.to_string_lossy().into_owned(),
                _ => format!("/{path}"),
            };
            // One word each in the command the user pastes.
            let pattern = crate::shellword::quote(&pattern);
            if !patterns.contains(&pattern) {
                patterns.push(pattern);
            }
        }
        Some((
            out,
            format!("git sparse-checkout add {}", patterns.join(" ")),
        ))
    }

    /// Among `files` (paths relative to the work tree), those whose index entry is flagged
    /// skip-worktree or assume-unchanged and whose work-tree file exists with other bytes than
    /// the staged blob: local changes `git status` does not show, which relhook, reading the
    /// file from the work tree, would commit. A file a sparse checkout leaves out (absent) is
    /// none, nor one whose only difference is git's CRLF checkout conversion, nor one under a
    /// `filter` attribute (git-lfs), whose bytes only git's filter can compare. Cheap: one index
    /// lookup per path; only a flagged entry's file is read.
    pub fn hidden_changes(&self, files: &[&Path]) -> Vec<Hidden> {
        let (Some(root), Ok(index)) = (self.work_tree(), self.inner.index()) else {
            return Vec::new();
        };
        let mut out: Vec<Hidden> = Vec::new();
        for rel in files {
            let Some(entry) = index_entry(&index, rel) else {
                continue;
            };
            let hidden = Hidden {
                path: rel.to_string_lossy().into_owned(),
                skip_worktree: skip_worktree(&entry),
                assume_unchanged: assume_unchanged(&entry),
            };
            if !(hidden.skip_worktree || hidden.assume_unchanged) || out.contains(&hidden) {
                continue;
            }
            // Under a clean filter (git-lfs) the file is not the blob's bytes, and only git
            // could run the filter: such a file is not judged.
            if self.filter_driver(rel).is_some() {
                continue;
            }
            let file = root.join(rel);
            let bytes = match file.symlink_metadata() {
                Ok(m) if m.file_type().is_symlink() => {
                    std::fs::read_link(&file).map(|t| t.to_string_lossy().into_owned().into_bytes())
                }
                Ok(_) => std::fs::read(&file),
                Err(_) => continue,
            };
            let Ok(bytes) = bytes else { continue };
            let same = super::blob::blob_oid(&bytes) == entry.id
                || (bytes.windows(2).any(|w| w == b"\r\n")
                    && super::blob::blob_oid(
                        String::from_utf8_lossy(&bytes)
                            .replace("\r\n", "\n")
                            .as_bytes(),
                    ) == entry.id);
            if !same {
                out.push(hidden);
            }
        }
        out
    }

    /// Paths whose staged content differs from HEAD's (at most `limit`): what a commit made
    /// from the index would carry besides its own edits.
    pub fn staged_paths(&self, limit: usize) -> Result<Vec<String>> {
        let mut opts = StatusOptions::new();
        opts.include_untracked(false)
            .include_ignored(false)
            .exclude_submodules(true);
        let statuses = self.statuses_settled(&mut opts)?;
        let staged = Status::INDEX_NEW
            | Status::INDEX_MODIFIED
            | Status::INDEX_DELETED
            | Status::INDEX_RENAMED
            | Status::INDEX_TYPECHANGE;
        Ok(statuses
            .iter()
            .filter(|s| s.status().intersects(staged))
            .take(limit)
            .map(|s| shown_path(&s))
            .collect())
    }

    /// The current branch's short name; `None` when HEAD is detached or unborn.
    pub fn branch(&self) -> Option<String> {
        let head = self.inner.head().ok()?;
        head.is_branch()
            .then(|| head.shorthand().map(str::to_owned))
            .flatten()
    }

    /// How many commits the branch's upstream (as last fetched) has that HEAD lacks; with no
    /// upstream set, the only remote's branch of the same name (`origin/main` after a push
    /// without `-u`).
    pub fn behind_upstream(&self) -> Option<(String, usize)> {
        let head = self.inner.head().ok()?;
        if !head.is_branch() {
            return None;
        }
        let local = head.target()?;
        let branch = head.shorthand()?.to_owned();
        // An upstream is `branch.<name>.merge` (its remote may be `.`): without one, libgit2
        // is not asked, which reads the configuration again.
        let upstream = self
            .config_string(&format!("branch.{branch}.merge"))
            .map(|_| git2::Branch::wrap(head).upstream());
        let (name, target) = match upstream.unwrap_or_else(|| Err(git2::Error::from_str("none"))) {
            Ok(up) => (up.name().ok().flatten()?.to_owned(), up.get().target()?),
            // No upstream (a first push without `-u`): the only remote's branch of that name.
            Err(_) => {
                let remotes = self.remote_names();
                let [remote] = &remotes[..] else {
                    return None;
                };
                let name = format!("{remote}/{branch}");
                let r = self
                    .inner
                    .find_reference(&format!("refs/remotes/{name}"))
                    .ok()?;
                (name, r.target()?)
            }
        };
        let (_, behind) = self.inner.graph_ahead_behind(local, target).ok()?;
        Some((name, behind))
    }

    /// The object a tag name points at, if the tag exists.
    pub fn tag_target(&self, name: &str) -> Option<Oid> {
        self.inner
            .find_reference(&format!("refs/tags/{name}"))
            .ok()?
            .target()
    }

    /// Runs `git` in the work tree with relhook's own hooks switched off (the release makes
    /// these refs itself), feeding `stdin`; fails with git's message.
    pub fn run_git(&self, args: &[&str], stdin: Option<&[u8]>) -> Result<String> {
        let cwd = self
            .work_tree()
            .unwrap_or_else(|| self.inner.path().to_owned());
        let mut git = super::run::Git::new(&cwd, args).skipping_relhook();
        if let Some(input) = stdin {
            git = git.stdin(input);
        }
        Ok(git.run()?.trim().to_owned())
    }

    /// [`Repo::run_git`] for a command that makes another work tree (`worktree add`): that
    /// tree gets an index of its own, not the one `GIT_INDEX_FILE` names here.
    pub fn run_git_elsewhere(&self, args: &[&str]) -> Result<String> {
        let cwd = self
            .work_tree()
            .unwrap_or_else(|| self.inner.path().to_owned());
        let git = super::run::Git::new(&cwd, args).skipping_relhook();
        Ok(git.own_index().run()?.trim().to_owned())
    }
}

/// A file with local changes hidden from `git status` by an index flag (see
/// [`Repo::hidden_changes`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hidden {
    /// The path, relative to the work tree.
    pub path: String,
    /// `git update-index --skip-worktree` hides it.
    pub skip_worktree: bool,
    /// `git update-index --assume-unchanged` hides it.
    pub assume_unchanged: bool,
}

/// A status entry's path; a name that is not UTF-8 with `\u{FFFD}` for each bad byte, not a
/// `?` that names no file (and not left out, which would make a dirty tree look clean).
fn shown_path(s: &git2::StatusEntry<'_>) -> String {
    String::from_utf8_lossy(s.path_bytes()).into_owned()
}

/// Whether an index entry is marked assume-unchanged (`CE_VALID`): git takes its file for
/// unchanged without looking.
fn assume_unchanged(entry: &git2::IndexEntry) -> bool {
    entry.flags & git2::IndexEntryFlag::VALID.bits() != 0
}

/// Whether an index entry is marked skip-worktree (a sparse checkout leaves it out).
/// The stage-0 index entry of `path` (relative to the work tree), by a lookup that cannot
/// panic: git2's `Index::get_path` unwraps its path check, and panics on `./a`, `../a`, an
/// absolute or an empty path. `a/./b` and `./a` are looked up as git names them; a path that
/// cannot name an entry (empty, absolute, climbing out) has none.
pub(crate) fn index_entry(index: &git2::Index, path: &Path) -> Option<git2::IndexEntry> {
    use std::path::Component;
    let mut parts = Vec::new();
    for c in path.components() {
        match c {
            Component::Normal(part) => parts.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    // A NUL (git2 unwraps the C string it makes) names no entry either.
    if parts.is_empty() || path.to_string_lossy().contains('\0') {
        return None;
    }
    let named: std::path::PathBuf = parts.iter().collect();
    index.get_path(&named, 0)
}

/// Whether `path` is spelled as git names a tracked file: `/`-separated parts, none of them
/// empty, `.` or `..` (no `./a`, `a//b`, `a/`). libgit2 stages other spellings as entries git
/// cannot write a tree from (`a/` makes "index cache-tree records empty sub-tree").
pub(crate) fn is_git_name(path: &Path) -> bool {
    path.to_str().is_some_and(|s| {
        !s.contains('\0')
            && s.split('/')
                .all(|part| !part.is_empty() && part != "." && part != "..")
    })
}

pub(super) fn skip_worktree(entry: &git2::IndexEntry) -> bool {
    entry.flags_extended & IndexEntryExtendedFlag::SKIP_WORKTREE.bits() != 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::git::testing::git;

    #[test]
    fn behind_an_upstream_on_a_remote_or_on_a_local_branch() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        git(root, &["init", "-q", "-b", "main"]);
        git(root, &["commit", "-q", "--allow-empty", "-m", "a"]);
        git(root, &["branch", "ahead"]);
        git(root, &["checkout", "-q", "ahead"]);
        git(root, &["commit", "-q", "--allow-empty", "-m", "b"]);
        git(root, &["checkout", "-q", "main"]);
        assert_eq!(Repo::open(root).unwrap().behind_upstream(), None);
        // A local branch as the upstream (`branch.main.remote = .`): no remote at all.
        git(root, &["branch", "-q", "-u", "ahead", "main"]);
        assert_eq!(
            Repo::open(root).unwrap().behind_upstream(),
            Some(("ahead".to_owned(), 1))
        );
    }

    #[test]
    fn hidden_changes_are_flagged_files_that_differ_from_the_index() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        git(root, &["init", "-q", "-b", "main"]);
        for f in ["same", "skip", "assume", "gone", "crlf", "plain"] {
            std::fs::write(root.join(f), "x\n").unwrap();
        }
        git(root, &["add", "."]);
        git(
            root,
            &["update-index", "--skip-worktree", "same", "skip", "gone"],
        );
        git(root, &["update-index", "--skip-worktree", "crlf"]);
        git(
            root,
            &["update-index", "--assume-unchanged", "assume", "crlf"],
        );
        for f in ["skip", "assume", "plain"] {
            std::fs::write(root.join(f), "local\n").unwrap();
        }
        // Absent: a sparse checkout's; CRLF: git's checkout conversion of the same text.
        std::fs::remove_file(root.join("gone")).unwrap();
        std::fs::write(root.join("crlf"), "x\r\n").unwrap();
        let repo = Repo::open(root).unwrap();
        let all = ["same", "skip", "assume", "gone", "crlf", "plain", "none"];
        let paths: Vec<&Path> = all.iter().map(Path::new).collect();
        let hidden = repo.hidden_changes(&paths);
        let found: Vec<(&str, bool, bool)> = hidden
            .iter()
            .map(|h| (h.path.as_str(), h.skip_worktree, h.assume_unchanged))
            .collect();
        assert_eq!(found, [("skip", true, false), ("assume", false, true)]);
        std::fs::write(root.join("crlf"), "y\n").unwrap();
        let hidden = repo.hidden_changes(&[Path::new("crlf")]);
        assert!(hidden[0].skip_worktree && hidden[0].assume_unchanged);
        // A file under a clean filter (git-lfs stores a pointer): its bytes are not the blob's.
        std::fs::write(root.join(".gitattributes"), "lfs filter=lfs\n").unwrap();
        std::fs::write(root.join("lfs"), "pointer\n").unwrap();
        git(root, &["add", "lfs"]);
        git(root, &["update-index", "--assume-unchanged", "lfs"]);
        std::fs::write(root.join("lfs"), "the real content\n").unwrap();
        let repo = Repo::open(root).unwrap();
        assert!(repo.hidden_changes(&[Path::new("lfs")]).is_empty());
        std::fs::write(root.join(".gitattributes"), "").unwrap();
        let repo = Repo::open(root).unwrap();
        assert_eq!(repo.hidden_changes(&[Path::new("lfs")]).len(), 1);
    }

    /// Paths git2's `Index::get_path` would panic on are looked up as git names them, or
    /// have no entry: never a panic.
    #[test]
    fn index_lookups_take_any_path_without_panicking() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        git(root, &["init", "-q"]);
        std::fs::write(root.join("a"), "a\n").unwrap();
        git(root, &["add", "a"]);
        let repo = Repo::open(root).unwrap();
        let staged = repo.staged_blob(Path::new("a"));
        assert!(staged.is_some());
        assert_eq!(repo.staged_blob(Path::new("./a")), staged);
        for name in ["a", "a/b", ".a", "a..b"] {
            assert!(is_git_name(Path::new(name)), "{name}");
        }
        for odd in ["", ".", "./a", "a/", "a//b", "a/./b", "/a", "../a", "a\0b"] {
            assert!(!is_git_name(Path::new(odd)), "{odd}");
        }
        for odd in ["", ".", "../a", "/a", "a/../a", "a\0"] {
            assert_eq!(repo.staged_blob(Path::new(odd)), None, "{odd}");
            assert!(repo.hidden_changes(&[Path::new(odd)]).is_empty(), "{odd}");
        }
    }
}
