//! `git commit --dry-run`: whether a commit with the same arguments finds anything to commit
//! (the index, or what `-a` and paths would stage), without committing or running hooks.

use std::path::Path;

use super::run::Git;
use crate::Result;

/// Whether `git commit ARGS` in `root` would find nothing to commit: git's dry run says so
/// with status 1. Any other answer (an error of git's) is left to the commit itself to say.
pub fn nothing_to_commit(root: &Path, args: &[String]) -> Result<bool> {
    let mut all = vec!["commit".to_owned(), "--dry-run".into(), "--short".into()];
    all.extend(args.iter().cloned());
    Ok(Git::new(root, &all).output()?.status == Some(1))
}
