//! Reading one file across history, and the commits that rewrite HEAD so that it carries a
//! changed file (post-commit's "amend", made through git2 so no hook runs again and nothing
//! loops; HEAD itself moves only inside a transaction, see `txn`).

use std::path::Path;

use git2::{Oid, Signature};

use super::Repo;
use super::resign::{Amended, RawCommit};
use crate::{Error, Result};

/// A file as stored in a commit.
#[derive(Debug, Clone)]
pub struct StoredFile {
    /// The blob.
    pub blob: Oid,
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// Its mode (kept when the file is replaced).
    pub mode: i32,
}

impl StoredFile {
    /// Whether it is a symbolic link (its bytes are the path it names).
    pub fn is_link(&self) -> bool {
        self.mode == i32::from(git2::FileMode::Link)
    }
}

/// The newest entry of HEAD's reflog.
#[derive(Debug, Clone)]
pub struct ReflogTop {
    /// `commit: …`, `commit (amend): …`, `rebase (pick): …`.
    pub message: String,
    /// HEAD before.
    pub old: Oid,
    /// HEAD after.
    pub new: Oid,
}

/// The newest entry of the reflog at `path`, read from the end of the file: a window that
/// doubles until it holds the whole last line. `None` when the file cannot be read or its last
/// line is not `<old> <new> <signature>[\t<message>]`.
fn read_reflog_tail(path: &Path) -> Option<ReflogTop> {
    use std::io::{Read, Seek, SeekFrom};
    let mut file = std::fs::File::open(path).ok()?;
    let len = file.metadata().ok()?.len();
    let mut window: u64 = 4096;
    loop {
        let start = len.saturating_sub(window);
        file.seek(SeekFrom::Start(start)).ok()?;
        let mut tail = Vec::with_capacity((len - start) as usize);
        file.by_ref()
            .take(len - start)
            .read_to_end(&mut tail)
            .ok()?;
        let end = tail.iter().rposition(|&b| b != b'\n')? + 1;
        match tail[..end].iter().rposition(|&b| b == b'\n') {
            Some(nl) => return parse_reflog_line(&tail[nl + 1..end]),
            None if start == 0 => return parse_reflog_line(&tail[..end]),
            None => window = window.saturating_mul(2),
        }
    }
}

/// One reflog line as libgit2 reads it: two object ids, the signature, then the message after
/// the first tab (none without a tab; decoded lossily when it is not UTF-8).
fn parse_reflog_line(line: &[u8]) -> Option<ReflogTop> {
    let oid = |b: &[u8]| Oid::from_str(std::str::from_utf8(b).ok()?).ok();
    let mut parts = line.splitn(3, |&b| b == b' ');
    let (old, new, rest) = (parts.next()?, parts.next()?, parts.next()?);
    if !matches!(old.len(), 40 | 64) || old.len() != new.len() {
        return None;
    }
    let (old, new) = (oid(old)?, oid(new)?);
    let signature = rest.split(|&b| b == b'\t').next().unwrap_or(rest);
    if !signature.contains(&b'<') || !signature.contains(&b'>') {
        return None;
    }
    let message = match rest.iter().position(|&b| b == b'\t') {
        // Lossy: git writes the message's raw bytes (say Latin-1 that it re-encoded in the
        // commit), and the `commit: ` prefix must still be seen.
        Some(tab) => String::from_utf8_lossy(&rest[tab + 1..]).into_owned(),
        None => String::new(),
    };
    Some(ReflogTop { message, old, new })
}

/// The reflog message of relhook's rewrite of a commit to hold its changelog edit.
pub const ENTRY_REWRITE: &str = "relhook: add the changelog entry to the commit";

impl Repo {
    /// HEAD's last reflog entry (what git just did).
    /// Only the end of `logs/HEAD` is read, so the cost does not grow with the reflog; an
    /// entry that does not parse there (or a reflog that is not a file) is read by git2.
    pub fn reflog_top(&self) -> Option<ReflogTop> {
        if let Some(top) = read_reflog_tail(&self.inner.path().join("logs").join("HEAD")) {
            return Some(top);
        }
        let log = self.inner.reflog("HEAD").ok()?;
        let e = log.get(0)?;
        Some(ReflogTop {
            message: String::from_utf8_lossy(e.message_bytes().unwrap_or(b"")).into_owned(),
            old: e.id_old(),
            new: e.id_new(),
        })
    }

    /// The earlier versions of `head` that HEAD's reflog shows it replaced, newest first: a
    /// `git commit --amend`, and relhook's rewrite of a commit, move HEAD from one commit to
    /// another of the same first parent. Read back from the newest entry while each step is
    /// such a replacement, at most `limit` entries. Each comes with whether relhook's rewrite
    /// ([`ENTRY_REWRITE`]) replaced it, rather than a person's amend.
    pub fn replaced_versions(&self, head: Oid, limit: usize) -> Vec<(Oid, bool)> {
        let Ok(log) = self.inner.reflog("HEAD") else {
            return Vec::new();
        };
        // A commit that is gone (pruned) has no parent to compare: the chain stops there.
        let parent_of = |c: Oid| self.inner.find_commit(c).ok().map(|c| c.parent_id(0).ok());
        let parent = parent_of(head);
        let (mut current, mut out) = (head, Vec::new());
        for e in log.iter().take(limit) {
            let old = e.id_old();
            // An amend that changed nothing (same tree, message and second) is the same commit.
            if old == current && e.id_new() == current {
                continue;
            }
            if parent.is_none()
                || e.id_new() != current
                || out.iter().any(|(c, _)| *c == old)
                || parent_of(old) != parent
            {
                break;
            }
            out.push((old, e.message() == Some(ENTRY_REWRITE)));
            current = old;
        }
        out
    }

    /// The multi-commit operation under way (rebase, cherry-pick, revert, am, merge), if any.
    /// Directories and heads are tested rather than REBASE_HEAD, which can outlive a rebase.
    pub fn operation_in_progress(&self) -> Option<&'static str> {
        let dir = self.inner.path();
        let markers = [
            ("rebase-merge", "a rebase"),
            ("rebase-apply", "a rebase or am"),
            ("sequencer", "a cherry-pick or revert sequence"),
            ("CHERRY_PICK_HEAD", "a cherry-pick"),
            ("REVERT_HEAD", "a revert"),
            ("MERGE_HEAD", "a merge"),
        ];
        markers
            .iter()
            .find(|(m, _)| dir.join(m).exists())
            .map(|(_, what)| *what)
    }

    /// The git command that continues or aborts the operation under way (`git cherry-pick`
    /// for a cherry-pick: `git rebase --continue` would fail there), if any.
    pub fn operation_command(&self) -> Option<&'static str> {
        let dir = self.inner.path();
        let op = self.operation_in_progress()?;
        Some(match op {
            "a rebase" => "git rebase",
            // `git am` keeps its patches in rebase-apply too, marked by `applying`.
            "a rebase or am" if dir.join("rebase-apply/applying").exists() => "git am",
            "a rebase or am" => "git rebase",
            "a cherry-pick" => "git cherry-pick",
            "a revert" => "git revert",
            "a merge" => "git merge",
            // A sequence between picks: its todo names what it does.
            _ => match std::fs::read_to_string(dir.join("sequencer/todo")) {
                Ok(todo) if todo.trim_start().starts_with("revert") => "git revert",
                _ => "git cherry-pick",
            },
        })
    }

    /// What stopped on a conflict, in words: a merge the user ran while a rebase is stopped
    /// is the merge (MERGE_HEAD first), and a `git stash pop` leaves no mark of its own.
    pub fn stopped_on_conflict(&self) -> &'static str {
        if self.inner.path().join("MERGE_HEAD").exists() {
            return "a merge";
        }
        self.operation_in_progress()
            .unwrap_or("a merge, rebase, revert, cherry-pick or `git stash pop`")
    }

    /// A rebase stopped for the user (`edit`, `break`, an `exec` step) with no pick half-made:
    /// a plain `git commit` now is the user's own, new to history, as outside the rebase.
    pub fn rebase_stopped(&self) -> bool {
        let dir = self.inner.path();
        dir.join("rebase-merge").is_dir()
            && !["sequencer", "CHERRY_PICK_HEAD", "REVERT_HEAD", "MERGE_HEAD"]
                .iter()
                .any(|m| dir.join(m).exists())
    }

    /// The tree entry of `path` in `commit`, `None` when the commit has no such path.
    pub(super) fn entry_at(
        &self,
        commit: Oid,
        path: &Path,
    ) -> Result<Option<git2::TreeEntry<'static>>> {
        let c = self
            .inner
            .find_commit(commit)
            .map_err(|e| Error::git(format!("read commit {commit}"), e))?;
        self.entry_in(c.tree_id(), path, &|| at(path, commit))
    }

    /// `path` as stored in `commit`, or `None` when the commit has no such file. A file whose
    /// blob a partial clone has not fetched yet is fetched by git, or the read fails.
    pub fn file_at(&self, commit: Oid, path: &Path) -> Result<Option<StoredFile>> {
        let Some(entry) = self.entry_at(commit, path)? else {
            return Ok(None);
        };
        // A folder or a submodule there is no file.
        if entry.kind() != Some(git2::ObjectType::Blob) {
            return Ok(None);
        }
        let blob = self.blob_fetched(entry.id(), &|| at(path, commit))?;
        Ok(Some(StoredFile {
            blob: entry.id(),
            bytes: blob.content().to_vec(),
            mode: entry.filemode(),
        }))
    }

    /// The size in bytes of `path` as stored in `commit`, from its blob's header (its content
    /// unread); `None` when the commit has no such file or this clone lacks its blob.
    pub fn file_size_at(&self, commit: Oid, path: &Path) -> Option<u64> {
        let entry = self.entry_at(commit, path).ok()??;
        if entry.kind() != Some(git2::ObjectType::Blob) {
            return None;
        }
        let (size, _) = self.inner.odb().ok()?.read_header(entry.id()).ok()?;
        u64::try_from(size).ok()
    }

    /// The blob id of `path` in the commit `commit` (no content read).
    pub fn blob_at(&self, commit: Oid, path: &Path) -> Option<Oid> {
        let c = self.inner.find_commit(commit).ok()?;
        self.blob_id(&c, path)
    }

    /// The blob id of `path` in `commit` (no content read; a tree a partial clone lacks is
    /// fetched, and one git cannot fetch is remembered, see [`Repo::all_fetched`]).
    pub fn blob_id(&self, commit: &git2::Commit<'_>, path: &Path) -> Option<Oid> {
        let what = || at(path, commit.id());
        let entry = self.entry_in(commit.tree_id(), path, &what).ok()??;
        Some(entry.id())
    }

    /// Whether `commit` changed `path` relative to its first parent.
    pub fn changes_path(&self, commit: Oid, path: &Path) -> bool {
        let Ok(c) = self.inner.find_commit(commit) else {
            return false;
        };
        let mine = self.blob_id(&c, path);
        let parent = c.parent(0).ok().and_then(|p| self.blob_id(&p, path));
        mine != parent
    }

    /// A commit identical to `head` but for `files`, each `(path, blob, mode)` becoming that
    /// blob (`None`: the file leaves the tree): same parents, author, committer and message, signed again by the same key when
    /// `head` was signed (or refused, see `resign`). Only the objects are written; moving HEAD
    /// is the transaction's job.
    pub fn amended_commit(
        &self,
        head: Oid,
        files: &[(&Path, Option<Oid>, i32)],
    ) -> Result<Amended> {
        let repo = &self.inner;
        let head_c = repo
            .find_commit(head)
            .map_err(|e| Error::git("read HEAD", e))?;
        let tree = head_c
            .tree()
            .map_err(|e| Error::git("read HEAD's tree", e))?;
        let mut update = git2::build::TreeUpdateBuilder::new();
        for (path, blob, mode) in files {
            // git2's builder unwraps the C string it makes of the path (a NUL panics).
            if !super::state::is_git_name(path) {
                return Err(Error::git(
                    format!("write {} into the tree", path.display()),
                    git2::Error::from_str("not a path as git names a file"),
                ));
            }
            let mode = if *mode == 0 {
                i32::from(git2::FileMode::Blob)
            } else {
                *mode
            };
            match blob {
                Some(blob) => update.upsert(path, *blob, file_mode(mode)),
                None => update.remove(path),
            };
        }
        let new_tree = update
            .create_updated(repo, &tree)
            .map_err(|e| Error::git("write the new tree", e))?;
        self.share_trees(new_tree, Some(tree.id()));
        let odb = repo
            .odb()
            .map_err(|e| Error::git("open the object store", e))?;
        let raw = odb.read(head).map_err(|e| Error::git("read HEAD", e))?;
        let data = raw.data();
        let signed = match RawCommit::parse(data) {
            Some(c) => !c.signatures().is_empty(),
            None => repo.extract_signature(&head, None).is_ok(),
        };
        if signed {
            return self.resign(data, new_tree);
        }
        // The commit as stored, with only its tree line replaced: author, committer, dates,
        // `encoding` and any other header, and the message (UTF-8 or not) stay byte for byte.
        let tree_line = 5 + 2 * head.as_bytes().len() + 1; // "tree <hex>\n"
        if data.starts_with(b"tree ") && data.get(tree_line - 1) == Some(&b'\n') {
            let mut amended = format!("tree {new_tree}\n").into_bytes();
            amended.extend_from_slice(&data[tree_line..]);
            return Ok(Amended::Commit(
                self.write_object(git2::ObjectType::Commit, &[&amended])?,
            ));
        }
        let parents: Vec<Oid> = head_c.parent_ids().collect();
        let who = (&head_c.author(), &head_c.committer());
        let id = self.write_commit(new_tree, &parents, &message_of(&head_c), who)?;
        Ok(Amended::Commit(id))
    }

    /// Writes a commit object through git2 (no process, no hook), bytes as git writes them.
    fn write_commit(
        &self,
        tree: Oid,
        parents: &[Oid],
        message: &str,
        (author, committer): (&Signature<'_>, &Signature<'_>),
    ) -> Result<Oid> {
        let repo = &self.inner;
        let parents = parents
            .iter()
            .map(|p| repo.find_commit(*p))
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| Error::git("read a parent commit", e))?;
        let parent_refs: Vec<&git2::Commit<'_>> = parents.iter().collect();
        let tree = repo
            .find_tree(tree)
            .map_err(|e| Error::git("read the new tree", e))?;
        let buf = repo
            .commit_create_buffer(author, committer, message, &tree, &parent_refs)
            .map_err(|e| Error::git("build the commit", e))?;
        // As git writes it: a shared repository's group can read it.
        self.write_object(git2::ObjectType::Commit, &[&buf])
    }

    /// A new commit, as `git commit-tree` makes it (no hook runs), with git's identity and
    /// dates; `sign` signs it with the user's default key.
    /// Unsigned, it is written in-process whenever relhook can tell the identity exactly as
    /// git would (`ident`); signing and every other case start `git commit-tree`, which knows
    /// the user's gpg/ssh setup; with `i18n.commitEncoding` set, git is given the message in
    /// that encoding, or told it is UTF-8 ([`Repo::new_message`]).
    pub fn commit_tree(
        &self,
        tree: Oid,
        parents: &[Oid],
        message: &str,
        sign: bool,
    ) -> Result<Oid> {
        if !sign && let Some((author, committer)) = self.new_commit_identity() {
            return self.write_commit(tree, parents, message, (&author, &committer));
        }
        let cwd = self
            .work_tree()
            .unwrap_or_else(|| self.git_dir().to_owned());
        let message = self.new_message(message);
        let mut args = Vec::new();
        if let Some(config) = message.config {
            args.extend(["-c".to_owned(), config.to_owned()]);
        }
        args.push("commit-tree".to_owned());
        if sign {
            args.push("-S".into());
        }
        args.push(tree.to_string());
        for p in parents {
            args.push("-p".into());
            args.push(p.to_string());
        }
        let out = super::run::Git::new(&cwd, &args)
            .stdin(&message.bytes)
            .output()?;
        if let Some(failed) = (sign && !out.success())
            .then(|| self.signing_failed(&out.stderr))
            .flatten()
        {
            return Err(failed);
        }
        let out = out.ok()?;
        Oid::from_str(out.trim()).map_err(|e| Error::git("read the id git commit-tree printed", e))
    }

    /// Whether the user's configuration signs commits (`commit.gpgSign`).
    pub fn signs_commits(&self) -> bool {
        self.git_bool("commit.gpgsign").unwrap_or(false)
    }

    /// Whether the user's configuration signs annotated tags (`tag.gpgSign`): `git tag -a`
    /// then signs a release tag whether or not relhook asks.
    pub fn signs_tags(&self) -> bool {
        self.git_bool("tag.gpgsign").unwrap_or(false)
    }

    /// A commit's first parent.
    pub fn first_parent(&self, commit: Oid) -> Option<Oid> {
        if let Some(parent) = self.remembered_parent(commit) {
            return parent;
        }
        self.inner.find_commit(commit).ok()?.parent_id(0).ok()
    }

    /// A merge's two parents (`None` for a commit with one, or with more than two).
    pub fn merge_parents(&self, commit: Oid) -> Option<(Oid, Oid)> {
        let c = self.inner.find_commit(commit).ok()?;
        (c.parent_count() == 2).then(|| Some((c.parent_id(0).ok()?, c.parent_id(1).ok()?)))?
    }

    /// Whether a commit has more than one parent.
    pub fn is_merge(&self, commit: Oid) -> bool {
        self.inner
            .find_commit(commit)
            .is_ok_and(|c| c.parent_count() > 1)
    }

    /// The blob of `bytes`, written only when the object store lacks it: a file's content
    /// before an edit is usually its committed or staged blob already, and hashing costs a
    /// fraction of compressing and writing a loose object.
    pub fn store_blob(&self, bytes: &[u8]) -> Result<Oid> {
        let id = super::blob::blob_oid(bytes);
        let stored = self.inner.odb().is_ok_and(|odb| odb.exists(id));
        if stored {
            Ok(id)
        } else {
            self.write_blob(bytes)
        }
    }
}

fn file_mode(mode: i32) -> git2::FileMode {
    if mode == i32::from(git2::FileMode::BlobExecutable) {
        git2::FileMode::BlobExecutable
    } else {
        git2::FileMode::Blob
    }
}

fn message_of(c: &git2::Commit<'_>) -> String {
    String::from_utf8_lossy(c.message_bytes()).into_owned()
}

/// `path` at `commit`, as a message names a file read from history.
fn at(path: &Path, commit: Oid) -> String {
    format!("{} at {}", path.display(), super::short_id(commit))
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "672fe44a0d1c2b3e4f5a6b7c8d9e0f1a2b3c4d5e";
    const B: &str = "cbcf45f0a1b2c3d4e5f60718293a4b5c6d7e8f90";

    fn line(old: &str, new: &str, message: &str) -> String {
        format!("{old} {new} A U Thor <a@example.com> 1700000000 +0100\t{message}\n")
    }

    /// What git2 reads as the newest entry of a reflog with these bytes.
    fn git2_top(bytes: &[u8]) -> Option<(String, Oid, Oid)> {
        let dir = tempfile::tempdir().unwrap();
        let repo = git2::Repository::init(dir.path()).unwrap();
        std::fs::create_dir_all(dir.path().join(".git/logs")).unwrap();
        std::fs::write(dir.path().join(".git/logs/HEAD"), bytes).unwrap();
        let log = repo.reflog("HEAD").ok()?;
        let e = log.get(0)?;
        let message = String::from_utf8_lossy(e.message_bytes().unwrap_or(b"")).into_owned();
        Some((message, e.id_old(), e.id_new()))
    }

    fn tail_top(bytes: &[u8]) -> Option<(String, Oid, Oid)> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("HEAD");
        std::fs::write(&path, bytes).unwrap();
        read_reflog_tail(&path).map(|t| (t.message, t.old, t.new))
    }

    /// store_blob answers the id write_blob would, and writes the blob when it is missing.
    #[test]
    fn store_blob_writes_only_what_is_missing() {
        let dir = tempfile::tempdir().unwrap();
        git2::Repository::init(dir.path()).unwrap();
        let repo = Repo::open(dir.path()).unwrap();
        let loose = |id: Oid| {
            let hex = id.to_string();
            dir.path()
                .join(".git/objects")
                .join(&hex[..2])
                .join(&hex[2..])
        };
        let id = repo.store_blob(b"new content\n").unwrap();
        assert!(loose(id).is_file());
        assert_eq!(id, repo.write_blob(b"new content\n").unwrap());
        assert_eq!(repo.store_blob(b"new content\n").unwrap(), id);
        std::fs::remove_file(loose(id)).unwrap();
        assert_eq!(repo.store_blob(b"new content\n").unwrap(), id);
        assert!(loose(id).is_file(), "written again once missing");
    }

    #[test]
    fn the_reflog_tail_reads_what_git2_reads() {
        let zero = "0".repeat(40);
        let long = format!("commit: feat: {}", "x".repeat(10_000));
        let many: String = (0..3000)
            .map(|i| line(A, B, &format!("commit: {i}")))
            .collect();
        let cases: Vec<Vec<u8>> = vec![
            line(&zero, A, "commit (initial): feat: start").into_bytes(),
            format!(
                "{}{}",
                line(&zero, A, "commit (initial): x"),
                line(A, B, "commit (amend): y")
            )
            .into_bytes(),
            format!("{}{}", line(&zero, A, "x"), line(A, B, &long)).into_bytes(),
            format!("{many}{}\n\n", line(B, A, "rebase (pick): feat: c1")).into_bytes(),
            line(A, B, "commit: no newline at the end")
                .trim_end()
                .as_bytes()
                .to_vec(),
            line(A, B, "commit: a\tsecond tab").into_bytes(),
            format!("{A} {B} A U Thor <a@example.com> 1700000000 +0100\n").into_bytes(),
            [line(A, B, "commit: ").trim_end().as_bytes(), b"\xff\xfe\n"].concat(),
            line(A, B, "commit: crlf\r").into_bytes(),
        ];
        for bytes in &cases {
            let expected = git2_top(bytes);
            assert!(expected.is_some(), "{:?}", String::from_utf8_lossy(bytes));
            assert_eq!(
                tail_top(bytes),
                expected,
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
        }
    }

    #[test]
    fn a_reflog_tail_that_does_not_parse_is_left_to_git2() {
        for bytes in [
            &b""[..],
            b"\n\n",
            b"not a reflog line\n",
            format!("{A} {B}\tcommit: no signature\n").as_bytes(),
            format!("{A} zz{} A <a> 1 +0000\tcommit: x\n", &B[2..]).as_bytes(),
        ] {
            assert_eq!(
                tail_top(bytes),
                None,
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
        }
        assert!(read_reflog_tail(Path::new("/nonexistent/logs/HEAD")).is_none());
    }
}
