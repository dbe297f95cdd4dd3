//! Files under a `filter` attribute (git-lfs's `filter=lfs`): the blob `git add` stores for
//! such a file is what the filter's clean command makes of it (an LFS pointer), which only
//! git can run. Only such a file costs a `git` process; every other blob is hashed in-process
//! (`blob`).

use std::ffi::OsString;
use std::path::Path;

use git2::Oid;

use super::Repo;
use super::run::Git;
use crate::{Error, Result};

/// Why git cannot make a filtered file's blob here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterFailure {
    /// git has neither `filter.<driver>.clean` nor `filter.<driver>.process`: it would store
    /// the file unfiltered (git-lfs never installed on this machine).
    Undefined,
    /// The filter failed (git-lfs's program gone while `filter.lfs.required` is set): git's
    /// first line about it.
    Failed(String),
}

impl Repo {
    /// The filter driver `.gitattributes` names for `rel` (`lfs`); a set or unset `filter`
    /// names none, and git ignores it. In-process: no `git` is started.
    pub fn filter_driver(&self, rel: &Path) -> Option<String> {
        if !self.still.get() {
            return self.filter_driver_read(rel);
        }
        let seen = self.filters_seen.borrow();
        if let Some((_, driver)) = seen.iter().find(|(p, _)| p == rel) {
            return driver.clone();
        }
        drop(seen);
        let driver = self.filter_driver_read(rel);
        self.filters_seen
            .borrow_mut()
            .push((rel.to_owned(), driver.clone()));
        driver
    }

    /// The merge driver `.gitattributes` names for `rel` (`relhook-changelog`), in-process.
    pub fn merge_driver(&self, rel: &Path) -> Option<String> {
        let flags = git2::AttrCheckFlags::FILE_THEN_INDEX;
        let value = self.inner.get_attr_bytes(rel, "merge", flags).ok()?;
        match git2::AttrValue::from_bytes(value) {
            git2::AttrValue::String(s) => Some(s.to_owned()),
            git2::AttrValue::Bytes(b) => Some(String::from_utf8_lossy(b).into_owned()),
            _ => None,
        }
    }

    /// The `working-tree-encoding` gitattributes names for `rel` when it is not UTF-8: git
    /// keeps the blob in UTF-8 and the work tree's copy in that encoding, a conversion relhook
    /// does not make. In-process.
    pub fn working_tree_encoding(&self, rel: &Path) -> Option<String> {
        let flags = git2::AttrCheckFlags::FILE_THEN_INDEX;
        let value = self
            .inner
            .get_attr_bytes(rel, "working-tree-encoding", flags)
            .ok()?;
        let name = match git2::AttrValue::from_bytes(value) {
            git2::AttrValue::String(s) => s.to_owned(),
            git2::AttrValue::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
            _ => return None,
        };
        let plain = name.to_ascii_uppercase().replace(['-', '_'], "");
        if plain == "UTF8" {
            return None;
        }
        // libgit2 also reads the index's copy of an attribute file the work tree changed or
        // emptied, where git reads only the work tree's: git is asked before saying so (a
        // `git` process only where libgit2 finds the attribute at all).
        let name = rel.to_string_lossy();
        let args = ["check-attr", "-z", "working-tree-encoding", "--", &name];
        let out = Git::new(&self.work_tree()?, &args).run().ok()?;
        let value = out.split('\0').nth(2)?;
        let plain = value.to_ascii_uppercase().replace(['-', '_'], "");
        (!matches!(value, "unspecified" | "unset" | "set") && plain != "UTF8")
            .then(|| value.to_owned())
    }

    fn filter_driver_read(&self, rel: &Path) -> Option<String> {
        let flags = git2::AttrCheckFlags::FILE_THEN_INDEX;
        let value = self.inner.get_attr_bytes(rel, "filter", flags).ok()?;
        match git2::AttrValue::from_bytes(value) {
            git2::AttrValue::String(s) => Some(s.to_owned()),
            git2::AttrValue::Bytes(b) => Some(String::from_utf8_lossy(b).into_owned()),
            _ => None,
        }
    }

    /// The blob `git add` stores for `bytes` as `rel`, under filter `driver`: git's own
    /// conversion (the clean filter, then line endings) by `git hash-object --path`, written
    /// into the object store when `write`. `Ok(Err(_))`: git cannot run the filter here.
    pub fn filtered_blob(
        &self,
        rel: &Path,
        driver: &str,
        bytes: &[u8],
        write: bool,
    ) -> Result<std::result::Result<Oid, FilterFailure>> {
        let cwd = self
            .work_tree()
            .unwrap_or_else(|| self.git_dir().to_owned());
        if !filter_defined(&cwd, driver)? {
            return Ok(Err(FilterFailure::Undefined));
        }
        let mut path = OsString::from("--path=");
        path.push(rel.as_os_str());
        let mut args: Vec<OsString> = vec!["hash-object".into()];
        if write {
            args.push("-w".into());
        }
        args.extend([path, "--stdin".into()]);
        let out = Git::new(&cwd, &args).stdin(bytes).output()?;
        if !out.success() {
            let said = out.stderr.lines().next().unwrap_or("").trim().to_owned();
            return Ok(Err(FilterFailure::Failed(said)));
        }
        let text = out.ok()?;
        Oid::from_str(text.trim())
            .map(Ok)
            .map_err(|e| Error::git("read the id git hash-object printed", e))
    }
}

/// Whether git's configuration gives `driver` a command to run, as git reads it (its
/// files, includes and `git -c`; libgit2 would read the system file `GIT_CONFIG_NOSYSTEM`
/// hides).
fn filter_defined(cwd: &Path, driver: &str) -> Result<bool> {
    let args = ["config", "--name-only", "--get-regexp", r"^filter\."];
    // Exit 1 is "no such key", not a failure.
    let out = Git::new(cwd, &args).output()?;
    let keys = String::from_utf8_lossy(&out.stdout);
    let wanted = ["clean", "process"].map(|k| format!("filter.{driver}.{k}"));
    Ok(keys.lines().any(|k| wanted.iter().any(|w| w == k)))
}
