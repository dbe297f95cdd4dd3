//! The commits along one file's history: where its blob changed, as git's history
//! simplification walks it. Asked of `git rev-list`, which a commit-graph's changed-path
//! filters answer without opening the trees of the commits that left the file alone.

use std::path::Path;

use git2::Oid;

use super::Repo;
use crate::Result;

impl Repo {
    /// The commits reachable from `from` that changed `path` (a path relative to the work
    /// tree, taken literally), newest first: the commits that left its blob as it was are
    /// never listed. A rename is where the file's history starts.
    pub fn path_log(&self, from: Oid, path: &Path) -> Result<Vec<Oid>> {
        let spec = format!(":(literal){}", path.to_string_lossy());
        let listed = self.run_git(&["rev-list", &from.to_string(), "--", &spec], None)?;
        Ok(listed
            .lines()
            .filter_map(|l| Oid::from_str(l.trim()).ok())
            .collect())
    }

    /// The newest commit on `from`'s first-parent line (`from` itself included) that changed
    /// `path` from its first parent's, above the commits any of `hidden` reaches, or `None`
    /// when none did down to them (or the first commit): one git process however long the
    /// line, its trees compared along the path alone.
    pub fn last_first_parent_change(
        &self,
        from: Oid,
        hidden: &[Oid],
        path: &Path,
    ) -> Result<Option<Oid>> {
        let spec = format!(":(literal){}", path.to_string_lossy());
        let mut args = vec![
            "rev-list".to_owned(),
            "--first-parent".to_owned(),
            "-1".to_owned(),
            from.to_string(),
        ];
        args.extend(hidden.iter().map(|h| format!("^{h}")));
        args.extend(["--".to_owned(), spec]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let listed = self.run_git(&args, None)?;
        Ok(Oid::from_str(listed.trim()).ok())
    }

    /// Where `from`'s first-parent line meets the history of `hidden`: the first commit on it
    /// (`from` itself included) that one of them reaches, and how many first-parent steps
    /// below `from` it is; `None` when the line ends first. One git process walking the
    /// commits above the meeting point, whose trees it never reads.
    pub fn first_parent_meeting(&self, from: Oid, hidden: &[Oid]) -> Result<Option<(Oid, u64)>> {
        let mut args = vec![
            "rev-list".to_owned(),
            "--first-parent".to_owned(),
            "--parents".to_owned(),
            from.to_string(),
        ];
        args.extend(hidden.iter().map(|h| format!("^{h}")));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let listed = self.run_git(&args, None)?;
        let Some(last) = listed.lines().last() else {
            return Ok(Some((from, 0)));
        };
        let parent = last.split(' ').nth(1).and_then(|p| Oid::from_str(p).ok());
        Ok(parent.map(|p| (p, listed.lines().count() as u64)))
    }
}
