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

/// How many gitattributes lookups this process made: the work a test bounds
/// (`RELHOOK_TEST_ATTR_LOOKUPS`), where timing would be flaky. Each costs libgit2 a `realpath`
/// of the file's folder (a `readlink` per folder above it) and a stat of every attributes file.
static ATTR_LOOKUPS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// The gitattributes lookups so far (see [`ATTR_LOOKUPS`]).
pub fn attr_lookups() -> usize {
    ATTR_LOOKUPS.load(std::sync::atomic::Ordering::Relaxed)
}

impl Repo {
    /// The value of gitattribute `name` for `rel` as libgit2 reads it (the work tree's
    /// attribute files, then the index's), counted.
    pub(super) fn attr_bytes(&self, rel: &Path, name: &str) -> Option<Option<&[u8]>> {
        ATTR_LOOKUPS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let flags = git2::AttrCheckFlags::FILE_THEN_INDEX;
        self.inner.get_attr_bytes(rel, name, flags).ok()
    }

    /// The filter driver `.gitattributes` names for `rel` (`lfs`); a set or unset `filter`
    /// names none, and git ignores it. In-process: no `git` is started.
    pub fn filter_driver(&self, rel: &Path) -> Option<String> {
        self.attr_held(rel, "filter", || self.filter_driver_read(rel))
    }

    /// `read`'s answer for attribute `name` of `rel`, read once while the attributes hold
    /// still ([`Repo::hold_still`], [`Repo::hold_attributes_still`]): a hand tag's checks ask
    /// the same files' attributes again and again, and each lookup costs libgit2 a `realpath`
    /// and a stat of every attributes file.
    fn attr_held(
        &self,
        rel: &Path,
        name: &'static str,
        read: impl FnOnce() -> Option<String>,
    ) -> Option<String> {
        if !(self.still.get() || self.attrs_still.get()) {
            return read();
        }
        let seen = self.attrs_seen.borrow();
        if let Some((.., answer)) = seen.iter().find(|(p, n, _)| p == rel && *n == name) {
            return answer.clone();
        }
        drop(seen);
        let answer = read();
        self.attrs_seen
            .borrow_mut()
            .push((rel.to_owned(), name, answer.clone()));
        answer
    }

    /// Says that no attributes file changes for the rest of this process, whatever else
    /// [`Repo::let_go`] lets move: for a hand tag's release commit, which writes version
    /// files and the changelog, never an attributes file.
    pub fn hold_attributes_still(&self) {
        self.attrs_still.set(true);
    }

    /// The merge driver `.gitattributes` names for `rel` (`relhook-changelog`), in-process.
    pub fn merge_driver(&self, rel: &Path) -> Option<String> {
        let value = self.attr_bytes(rel, "merge")?;
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
        self.attr_held(rel, "working-tree-encoding", || {
            self.working_tree_encoding_read(rel)
        })
    }

    fn working_tree_encoding_read(&self, rel: &Path) -> Option<String> {
        let value = self.attr_bytes(rel, "working-tree-encoding")?;
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
        let value = self.attr_bytes(rel, "filter")?;
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
