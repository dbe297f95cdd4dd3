//! Objects a partial clone has not fetched yet (`git clone --filter=blob:none`, a treeless
//! `--filter=tree:0`, Scalar). git fetches such an object from the promisor remote the first
//! time it needs it; libgit2 only finds it missing. Not fetched yet is never "not there": an
//! object a tree names that the object store lacks is read through git (`git cat-file -e`
//! fetches it), and when git cannot get it (offline) the read fails with the reason and the
//! way on. The failure is also remembered ([`Repo::all_fetched`]), for the readers whose answer
//! is an `Option` and would otherwise take it for an absent file. Nothing here runs unless an
//! object is missing: a full clone never pays for it.

use std::path::{Component, Path};

use git2::{ErrorCode, ObjectType, Oid, Repository};

use super::Repo;
use crate::{Error, Result};

/// Why an object could not be read, kept for [`Repo::all_fetched`]: message and fix.
pub(super) type Unfetched = (String, String);

/// How many times this process asked git for objects a partial clone lacks (one object's
/// `git cat-file -e`, or one `git fetch` of several): each is a connection to the promisor
/// remote, which a test bounds (`RELHOOK_TEST_OBJECT_FETCHES`).
static OBJECT_FETCHES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// How many times this process asked git for missing objects (see [`OBJECT_FETCHES`]).
pub fn object_fetches() -> usize {
    OBJECT_FETCHES.load(std::sync::atomic::Ordering::Relaxed)
}

fn count_object_fetch() {
    OBJECT_FETCHES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
}

impl Repo {
    /// The blob `id` (`what` names it for a message: `CHANGELOG.md at 1a2b3c4d5`), fetched by
    /// git when this clone lacks it.
    pub(super) fn blob_fetched(
        &self,
        id: Oid,
        what: &dyn Fn() -> String,
    ) -> Result<git2::Blob<'_>> {
        self.find_fetched(id, ObjectType::Blob, what, |r, id| r.find_blob(id))
    }

    /// The tree `id`, fetched by git when this clone lacks it.
    pub(super) fn tree_fetched(
        &self,
        id: Oid,
        what: &dyn Fn() -> String,
    ) -> Result<git2::Tree<'_>> {
        super::tree_head::count_whole_read();
        self.find_fetched(id, ObjectType::Tree, what, |r, id| r.find_tree(id))
    }

    /// The entry at `path` below tree `tree`, each tree on the way fetched by git when this
    /// clone lacks it; `None` only when a tree has no such entry.
    pub(super) fn entry_in(
        &self,
        tree: Oid,
        path: &Path,
        what: &dyn Fn() -> String,
    ) -> Result<Option<git2::TreeEntry<'static>>> {
        let mut tree = self.tree_fetched(tree, what)?;
        let mut parts = path.components().peekable();
        while let Some(part) = parts.next() {
            let Component::Normal(name) = part else {
                return Ok(None);
            };
            let name = name.as_encoded_bytes();
            // git2 unwraps the C string it makes of the name: a NUL names nothing in a tree.
            if name.contains(&0) {
                return Ok(None);
            }
            let id = match tree.get_name_bytes(name) {
                None => return Ok(None),
                Some(entry) if parts.peek().is_none() => return Ok(Some(entry.to_owned())),
                Some(entry) if entry.kind() == Some(ObjectType::Tree) => entry.id(),
                Some(_) => return Ok(None),
            };
            tree = self.tree_fetched(id, what)?;
        }
        Ok(None)
    }

    /// The file beside `path` in `commit` whose name differs from `path`'s in letter case
    /// only (`changelog.md` for `CHANGELOG.md`), when `commit` has no `path` itself: a file
    /// that a case-insensitive file system also opens as `path`.
    pub fn case_twin(&self, commit: Oid, path: &Path) -> Result<Option<std::path::PathBuf>> {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            return Ok(None);
        };
        let what = || format!("{} at {}", path.display(), super::short_id(commit));
        let root = self
            .inner
            .find_commit(commit)
            .map_err(|e| Error::git(format!("read commit {commit}"), e))?
            .tree_id();
        if self.entry_in(root, path, &what)?.is_some() {
            return Ok(None);
        }
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
        let tree = match dir {
            None => root,
            Some(d) => match self.entry_in(root, d, &what)? {
                Some(e) if e.kind() == Some(ObjectType::Tree) => e.id(),
                _ => return Ok(None),
            },
        };
        let tree = self.tree_fetched(tree, &what)?;
        Ok(tree
            .iter()
            .filter(|e| e.kind() == Some(ObjectType::Blob))
            .filter_map(|e| e.name().map(str::to_owned))
            .find(|n| n != name && n.eq_ignore_ascii_case(name))
            .map(|n| dir.map_or_else(|| n.clone().into(), |d| d.join(&n))))
    }

    /// The names of the files at the top of `commit`'s tree, as stored.
    pub fn top_file_names(&self, commit: Oid) -> Result<Vec<String>> {
        let what = || format!("the top folder at {}", super::short_id(commit));
        let root = self
            .inner
            .find_commit(commit)
            .map_err(|e| Error::git(format!("read commit {commit}"), e))?
            .tree_id();
        let tree = self.tree_fetched(root, &what)?;
        Ok(tree
            .iter()
            .filter(|e| e.kind() == Some(ObjectType::Blob))
            .filter_map(|e| e.name().map(str::to_owned))
            .collect())
    }

    /// Refuses, once any object this process needed could not be fetched: whatever was
    /// worked out since may rest on an object read as absent. Called before a command prints
    /// its answer or changes anything.
    pub fn all_fetched(&self) -> Result<()> {
        match &*self.unfetched.borrow() {
            Some((message, fix)) => Err(Error::IncompleteHistory {
                message: message.clone(),
                fix: fix.clone(),
            }),
            None => Ok(()),
        }
    }

    fn find_fetched<'r, T>(
        &'r self,
        id: Oid,
        kind: ObjectType,
        what: &dyn Fn() -> String,
        find: impl Fn(&'r Repository, Oid) -> std::result::Result<T, git2::Error>,
    ) -> Result<T> {
        let read = |e: git2::Error| Error::git(format!("read {}", what()), e);
        match find(&self.inner, id) {
            Ok(found) => Ok(found),
            // Here under another type (libgit2 says "not found" for that too): not missing.
            Err(e) if e.code() != ErrorCode::NotFound || self.has_object(id) => Err(read(e)),
            Err(e) if !self.fetch(id, kind, what)? => Err(Error::git(
                format!(
                    "read {} (the object is missing from this repository; `git fsck` says what else is)",
                    what()
                ),
                e,
            )),
            Err(_) => find(&self.inner, id).map_err(read),
        }
    }

    fn has_object(&self, id: Oid) -> bool {
        self.inner.odb().is_ok_and(|odb| odb.exists(id))
    }

    /// Asks git for object `id`, which git fetches from the promisor remote of a partial
    /// clone; then libgit2 looks at the object store again. `Ok(false)` when git lacks it too
    /// and there is no promisor remote to fetch it from.
    fn fetch(&self, id: Oid, kind: ObjectType, what: &dyn Fn() -> String) -> Result<bool> {
        let cwd = self
            .work_tree()
            .unwrap_or_else(|| self.inner.path().to_owned());
        let hex = id.to_string();
        count_object_fetch();
        let out = super::run::Git::new(&cwd, &["cat-file", "-e", &hex])
            .skipping_relhook()
            .output()?;
        if out.success() {
            if let Ok(odb) = self.inner.odb() {
                let _ = odb.refresh();
            }
            return Ok(true);
        }
        let short = super::short_id(id);
        let Some(remote) = self.promisor_remote() else {
            return Ok(false);
        };
        let said = out
            .stderr
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("git said nothing")
            .trim()
            .to_owned();
        let message = format!(
            "{} (the {} {short}) is not in this partial clone yet, and git could not fetch it from its promisor remote `{remote}` ({said}); relhook stops rather than read it as absent",
            what(),
            kind.str()
        );
        Err(self.remember_unfetched(message, &remote))
    }

    /// Remembers the first object git could not fetch (see [`Repo::all_fetched`]); the error.
    fn remember_unfetched(&self, message: String, remote: &str) -> Error {
        let fix = format!(
            "once `{remote}` can be reached (`git fetch {remote}` works), run it again: git fetches what is missing then"
        );
        self.unfetched
            .borrow_mut()
            .get_or_insert_with(|| (message.clone(), fix.clone()));
        Error::IncompleteHistory { message, fix }
    }

    /// The note on `commit` under `notes_ref` whose blob this partial clone has not fetched
    /// (a filter applies to fetched notes too), fetched by git; `None` when there is no note.
    pub(super) fn unfetched_note(&self, notes_ref: &str, commit: Oid) -> Option<String> {
        self.promisor_remote()?;
        let (blob, _) = self
            .inner
            .notes(Some(notes_ref))
            .ok()?
            .flatten()
            .find(|(_, annotated)| *annotated == commit)?;
        let what = || format!("the note on {} under {notes_ref}", super::short_id(commit));
        let blob = self.blob_fetched(blob, &what).ok()?;
        String::from_utf8(blob.content().to_vec()).ok()
    }

    /// Fetches, in one `git fetch` as git fetches missing objects itself, those of `ids` this
    /// partial clone lacks (`what` names them for a message); one git cannot fetch is
    /// remembered (see [`Repo::all_fetched`]).
    pub(super) fn fetch_missing(&self, ids: &[Oid], what: &dyn Fn() -> String) {
        let Some(remote) = self.promisor_remote().filter(|r| !r.starts_with('-')) else {
            return;
        };
        let missing: Vec<String> = ids
            .iter()
            .filter(|id| !self.has_object(**id))
            .map(|id| format!("{id}\n"))
            .collect();
        if missing.is_empty() {
            return;
        }
        let cwd = self
            .work_tree()
            .unwrap_or_else(|| self.inner.path().to_owned());
        let args = [
            "-c",
            "fetch.negotiationAlgorithm=noop",
            "fetch",
            &remote,
            "--no-tags",
            "--no-write-fetch-head",
            "--recurse-submodules=no",
            "--filter=blob:none",
            "--stdin",
        ];
        let input = missing.concat();
        count_object_fetch();
        let out = super::run::Git::new(&cwd, &args)
            .stdin(input.as_bytes())
            .skipping_relhook()
            .output();
        match out {
            Ok(out) if out.success() => {
                if let Ok(odb) = self.inner.odb() {
                    let _ = odb.refresh();
                }
            }
            out => {
                let said = match out {
                    Ok(out) => out.into_error().to_string(),
                    Err(e) => e.to_string(),
                };
                let message = format!(
                    "{} ({} objects) are not in this partial clone yet, and git could not fetch them from its promisor remote `{remote}` ({said}); relhook stops rather than read them as absent",
                    what(),
                    missing.len()
                );
                let _ = self.remember_unfetched(message, &remote);
            }
        }
    }

    /// In a partial clone, the blobs of `paths` at each of `commits` that it lacks, fetched in
    /// one `git fetch` before they are read (`what` names them for a message): read one by
    /// one, each would be a fetch of its own. Nothing in a full clone.
    pub fn prefetch_files(&self, commits: &[Oid], paths: &[&Path], what: &dyn Fn() -> String) {
        if !self.is_partial_clone() || commits.is_empty() {
            return;
        }
        self.prefetch_trees(commits, paths, what);
        let blobs: Vec<Oid> = (commits.iter())
            .flat_map(|c| paths.iter().filter_map(move |p| self.blob_at(*c, p)))
            .collect();
        self.fetch_missing(&blobs, what);
    }

    /// In a treeless clone (`--filter=tree:0`), the trees on the way to `paths` at each of
    /// `commits` that it lacks, fetched a level at a time in one `git fetch` each (a tree
    /// fetched under `blob:none` brings its subtrees along, so one fetch is the usual):
    /// looked up one by one, each would be a fetch of its own.
    fn prefetch_trees(&self, commits: &[Oid], paths: &[&Path], what: &dyn Fn() -> String) {
        let mut level: Vec<(Oid, &Path)> = (commits.iter())
            .filter_map(|c| self.inner.find_commit(*c).ok())
            .flat_map(|c| paths.iter().map(move |p| (c.tree_id(), *p)))
            .collect();
        while !level.is_empty() && self.unfetched.borrow().is_none() {
            let mut trees: Vec<Oid> = level.iter().map(|(t, _)| *t).collect();
            trees.sort();
            trees.dedup();
            self.fetch_missing(&trees, what);
            level = (level.into_iter())
                .filter_map(|(tree, path)| {
                    let mut parts = path.components();
                    let Component::Normal(first) = parts.next()? else {
                        return None;
                    };
                    // git2 unwraps the C string it makes of the name (see `entry_in`).
                    let first = first.as_encoded_bytes();
                    if first.contains(&0) {
                        return None;
                    }
                    let rest = parts.as_path();
                    if rest.as_os_str().is_empty() {
                        return None;
                    }
                    let entry = self.inner.find_tree(tree).ok()?;
                    let sub = entry.get_name_bytes(first)?;
                    (sub.kind() == Some(ObjectType::Tree)).then(|| (sub.id(), rest))
                })
                .collect();
        }
    }

    /// Whether this is a partial clone (a promisor remote is configured).
    pub fn is_partial_clone(&self) -> bool {
        self.promisor_remote().is_some()
    }

    /// The remote a partial clone fetches missing objects from: `extensions.partialClone`,
    /// else the first remote with `remote.<name>.promisor` set. `None` in a full clone.
    /// Found once a run: every note and object read asks, and the configuration it comes
    /// from is the snapshot taken at the first read.
    fn promisor_remote(&self) -> Option<String> {
        self.promisor
            .get_or_init(|| {
                self.config_string("extensions.partialclone")
                    .or_else(|| self.promisor_in_config())
            })
            .clone()
    }

    /// The first remote with `remote.<name>.promisor` on. Every entry is looked at by name:
    /// libgit2 would compile a regular expression for a pattern at each call.
    fn promisor_in_config(&self) -> Option<String> {
        let config = self.config_snapshot()?;
        let mut entries = config.entries(None).ok()?;
        while let Some(Ok(entry)) = entries.next() {
            let Some(remote) = entry
                .name()
                .and_then(|n| n.strip_prefix("remote."))
                .and_then(|n| n.strip_suffix(".promisor"))
            else {
                continue;
            };
            // A key with no value is true; git2's `value()` panics on it.
            let on = !entry.has_value()
                || matches!(
                    entry.value().map(str::to_ascii_lowercase).as_deref(),
                    Some("true" | "yes" | "on" | "1" | "")
                );
            if on && !remote.is_empty() {
                return Some(remote.to_owned());
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::git::testing::git;

    #[test]
    fn entries_are_found_by_path_and_absent_ones_are_none() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        git(dir, &["init", "-q", "-b", "main"]);
        std::fs::create_dir_all(dir.join("a/b")).unwrap();
        std::fs::write(dir.join("a/b/c.md"), "c\n").unwrap();
        std::fs::write(dir.join("top.md"), "t\n").unwrap();
        git(dir, &["add", "."]);
        git(dir, &["commit", "-q", "-m", "x"]);
        let repo = Repo::open(dir).unwrap();
        let head = repo.head().unwrap();
        let tree = repo.tree_of(head).unwrap();
        let what = || "test".to_owned();
        let found = |p: &str| {
            repo.entry_in(tree, Path::new(p), &what)
                .unwrap()
                .map(|e| e.name().unwrap_or_default().to_owned())
        };
        assert_eq!(found("a/b/c.md").as_deref(), Some("c.md"));
        assert_eq!(found("a/b").as_deref(), Some("b"));
        assert_eq!(found("top.md").as_deref(), Some("top.md"));
        assert_eq!(found("a/x.md"), None);
        assert_eq!(found("top.md/c.md"), None, "a file is no folder");
        assert_eq!(found("./top.md"), None, "as git names no path");
        let file = repo.file_at(head, Path::new("a/b/c.md")).unwrap().unwrap();
        assert_eq!(file.bytes, b"c\n");
        assert!(repo.file_at(head, Path::new("a/b")).unwrap().is_none());
        assert!(!repo.is_partial_clone());
        assert!(repo.all_fetched().is_ok());
    }

    #[test]
    fn the_promisor_remote_is_the_first_one_on_by_any_spelling() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        git(dir, &["init", "-q", "-b", "main"]);
        let config = dir.join(".git/config");
        let base = std::fs::read_to_string(&config).unwrap();
        let with = |extra: &str| {
            std::fs::write(&config, format!("{base}{extra}")).unwrap();
            Repo::open(dir).unwrap().promisor_remote()
        };
        assert_eq!(with(""), None);
        assert_eq!(with("[remote \"up\"]\n\tpromisor = false\n"), None);
        // A key with no value is true to git.
        let bare = "[remote \"up\"]\n\tpromisor = no\n[remote \"My.Fork\"]\n\tpromisor\n";
        assert_eq!(with(bare).as_deref(), Some("My.Fork"));
        assert_eq!(
            with("[remote \"a\"]\n\tpromisor = Yes\n[remote \"b\"]\n\tpromisor = true\n")
                .as_deref(),
            Some("a")
        );
        let named = "[extensions]\n\tpartialClone = b\n[remote \"a\"]\n\tpromisor = true\n";
        assert_eq!(with(named).as_deref(), Some("b"));
    }
}
