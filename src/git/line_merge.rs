//! The merge git made of one file when no merge driver of this clone's ran: its built-in line
//! merge (no `merge` attribute, `merge=text`, or a driver the attribute names that this clone
//! does not define, as in a clone where `relhook install` never ran) or `merge=union`, redone
//! by `git merge-file` on the three committed versions. It tells a conflict git left in a
//! file from an edit made by hand while concluding a clean merge.

use std::io::Write;
use std::path::Path;

use git2::Oid;

use super::Repo;
use super::run::Git;
use crate::{Error, Result};

/// git's own merge of a file, redone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineMerge {
    /// Merged cleanly: the text git staged.
    Clean(String),
    /// git left it in conflict (its line merge's markers, or `merge=binary`).
    Conflicted,
    /// Not git's to merge: a driver this clone defines ran (its result is its own), or the
    /// versions could not be read.
    Unknown,
}

impl Repo {
    /// Whether this clone defines merge driver `name` (`merge.<name>.driver`): git runs the
    /// driver an attribute names only then, and its own line merge otherwise.
    pub fn merge_driver_defined(&self, name: &str) -> bool {
        self.config_string(&format!("merge.{name}.driver"))
            .is_some_and(|c| !c.trim().is_empty())
    }

    /// `path` merged as git merges it without a driver, for the merge of `sides` (ours,
    /// theirs) over their merge `base` (`None`: both sides made the file).
    pub fn line_merge(&self, path: &Path, base: Option<Oid>, sides: [Oid; 2]) -> LineMerge {
        let union = match self.merge_driver(path).as_deref() {
            None | Some("text") => false,
            Some("union") => true,
            Some("binary") => return LineMerge::Conflicted,
            Some(name) if self.merge_driver_defined(name) => return LineMerge::Unknown,
            Some(_) => false,
        };
        self.merge_file(path, base, sides, union)
            .unwrap_or(LineMerge::Unknown)
    }

    fn merge_file(
        &self,
        path: &Path,
        base: Option<Oid>,
        [ours, theirs]: [Oid; 2],
        union: bool,
    ) -> Result<LineMerge> {
        let read = |commit: Option<Oid>| -> Result<Option<Vec<u8>>> {
            match commit {
                None => Ok(Some(Vec::new())),
                Some(c) => Ok(self.file_at(c, path)?.map(|f| f.bytes)),
            }
        };
        let (Some(b), Some(o), Some(t)) = (read(base)?, read(Some(ours))?, read(Some(theirs))?)
        else {
            return Ok(LineMerge::Unknown);
        };
        let dir = self.inner.path();
        let temp = |bytes: &[u8]| -> Result<tempfile::NamedTempFile> {
            let mut f = tempfile::Builder::new()
                .prefix(&crate::fsx::tmp_prefix())
                .tempfile_in(dir)
                .map_err(|e| Error::io("create a temporary file in", dir, e))?;
            f.write_all(bytes)
                .map_err(|e| Error::io("write", f.path(), e))?;
            Ok(f)
        };
        let files = [temp(&o)?, temp(&b)?, temp(&t)?];
        let mut args = vec!["merge-file".as_ref(), "-p".as_ref()];
        if union {
            args.push("--union".as_ref());
        }
        args.extend(files.iter().map(|f| f.path().as_os_str()));
        let out = Git::new(dir, &args).output()?;
        // merge-file exits with the number of conflicts (capped at 127); negative on error.
        Ok(match out.status {
            Some(0) => LineMerge::Clean(String::from_utf8_lossy(&out.stdout).into_owned()),
            Some(n) if (1..=127).contains(&n) => LineMerge::Conflicted,
            _ => LineMerge::Unknown,
        })
    }
}
