//! The commit message file git hands commit-msg, which pre-commit's hook-impl filters by
//! `.pre-commit-config.yaml`'s `files:` and `exclude:` exactly as given (it makes only
//! `pre-commit run`'s paths relative): `.git/COMMIT_EDITMSG` in the main worktree, but an
//! absolute path under the worktree's own git dir in a linked one, whether its `.git` file
//! names that dir by an absolute or a relative path (git reads it as a real path).

use super::HooksLocation;

impl HooksLocation {
    /// The message file's path as git hands it to commit-msg in this worktree; `None` when
    /// git cannot say.
    pub fn commit_message_file(&self) -> Option<String> {
        // From the top, where git runs hooks, `--git-path` prints the very path git passes
        // (both come from its `git_path`), so it is taken as is, not rebuilt.
        let out = self
            .git(&["rev-parse", "--git-path", "COMMIT_EDITMSG"])
            .ok()?;
        as_handed(&out)
    }
}

/// git's answer without its line end, in forward slashes as pre-commit filters it on Windows;
/// `None` when empty.
fn as_handed(out: &str) -> Option<String> {
    let path = out.trim_end_matches(['\n', '\r']);
    (!path.is_empty()).then(|| path.replace('\\', "/"))
}

#[cfg(test)]
mod tests {
    use super::as_handed;

    #[test]
    fn gits_answer_is_taken_as_it_hands_it() {
        assert_eq!(
            as_handed(".git/COMMIT_EDITMSG\n").as_deref(),
            Some(".git/COMMIT_EDITMSG")
        );
        assert_eq!(
            as_handed("/r/.git/worktrees/wt/COMMIT_EDITMSG\r\n").as_deref(),
            Some("/r/.git/worktrees/wt/COMMIT_EDITMSG")
        );
        assert_eq!(
            as_handed("C:\\r\\.git\\worktrees\\wt\\COMMIT_EDITMSG").as_deref(),
            Some("C:/r/.git/worktrees/wt/COMMIT_EDITMSG")
        );
        assert_eq!(as_handed("\n"), None);
    }
}
