//! The commit message file git hands commit-msg, as pre-commit names it to the filters of
//! `.pre-commit-config.yaml`: `.git/COMMIT_EDITMSG` in the main worktree, but the worktree's
//! own git dir in a linked one (`../main/.git/worktrees/wt/COMMIT_EDITMSG`), which filters
//! written for `.git/` judge otherwise.

use std::path::{Component, Path, PathBuf};

use super::HooksLocation;
use super::hookdir::normalize;

impl HooksLocation {
    /// The message file's path relative to the top of the work tree, as pre-commit passes it
    /// on (it makes the path git gives it relative there, `os.path.relpath`); `None` when git
    /// cannot say.
    pub fn commit_message_file(&self) -> Option<String> {
        let out = self
            .git(&["rev-parse", "--git-path", "COMMIT_EDITMSG"])
            .ok()?;
        let path = Path::new(out.trim_end_matches(['\n', '\r']));
        // git answers relative to where it runs (the top) or with an absolute path.
        let absolute = normalize(&self.work_tree.join(path));
        let rel = relative(&absolute, &normalize(&self.work_tree));
        Some(rel.to_string_lossy().replace('\\', "/"))
    }
}

/// `path` from `base` (both absolute and without `.` or `..`), climbing with `..` as needed.
fn relative(path: &Path, base: &Path) -> PathBuf {
    let (p, b): (Vec<Component>, Vec<Component>) =
        (path.components().collect(), base.components().collect());
    let shared = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut out: PathBuf = b[shared..].iter().map(|_| Component::ParentDir).collect();
    out.extend(&p[shared..]);
    out
}

#[cfg(test)]
mod tests {
    use super::relative;
    use std::path::{Path, PathBuf};

    #[test]
    fn a_path_is_made_relative_as_python_does() {
        let rel = |p: &str, b: &str| relative(Path::new(p), Path::new(b));
        assert_eq!(
            rel("/r/.git/COMMIT_EDITMSG", "/r"),
            PathBuf::from(".git/COMMIT_EDITMSG")
        );
        assert_eq!(
            rel("/r/.git/worktrees/wt/COMMIT_EDITMSG", "/wt"),
            PathBuf::from("../r/.git/worktrees/wt/COMMIT_EDITMSG")
        );
        assert_eq!(
            rel("/a/b/.git/worktrees/c/COMMIT_EDITMSG", "/a/wt/c"),
            PathBuf::from("../../b/.git/worktrees/c/COMMIT_EDITMSG")
        );
    }
}
