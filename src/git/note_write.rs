//! Writing a note as `git notes` does: the note's blob, the notes tree with it at the
//! commit's path, a notes commit on the one before, and the notes ref moved from what it was
//! read as. Every object goes through relhook's own writer (`blob`), not libgit2's
//! `git_note_create`: that one ignores a failed notes commit write (a full disk) and then
//! fails the ref update with "target OID for the reference doesn't exist on the repository".

use std::time::{Duration, Instant};

use git2::{ErrorCode, ObjectType, Oid};

use super::Repo;
use crate::{Error, Result};

/// The notes commit says who made it, as git's own do (`Notes added by 'git notes add'`), not
/// libgit2's function name: the ref is pushed, and `git log --all` shows it.
const MESSAGE: &str = "Notes added by 'relhook test'\n";

/// What the test record note is said as in an error.
const WRITING: &str = "write the test record note";

impl Repo {
    /// Writes (replacing) the note on `commit`; a notes ref locked, or moved meanwhile, by
    /// another process is retried for a bounded time (a note it added is kept).
    pub fn write_note(&self, notes_ref: &str, commit: Oid, text: &str) -> Result<()> {
        // git's committer (as `git notes` records it), from the files git reads.
        let sig = match self.new_commit_identity() {
            Some((_, committer)) => committer,
            None => self
                .inner
                .signature()
                .or_else(|_| git2::Signature::now("relhook", "relhook@localhost"))
                .map_err(|e| Error::git("make a signature", e))?,
        };
        let blob = self.write_blob(text.as_bytes())?;
        let deadline = Instant::now() + super::txn::lock_wait();
        loop {
            let before = match self.inner.find_reference(notes_ref) {
                Ok(r) => Some(r.peel_to_commit().map_err(|e| Error::git(WRITING, e))?),
                Err(e) if e.code() == ErrorCode::NotFound => None,
                Err(e) => return Err(Error::git(WRITING, e)),
            };
            let tree = self.note_tree(
                before.as_ref().map(git2::Commit::tree_id),
                &commit.to_string(),
                blob,
            )?;
            let tree = self
                .inner
                .find_tree(tree)
                .map_err(|e| Error::git(WRITING, e))?;
            let parents: Vec<&git2::Commit<'_>> = before.iter().collect();
            let buf = self
                .inner
                .commit_create_buffer(&sig, &sig, MESSAGE, &tree, &parents)
                .map_err(|e| Error::git(WRITING, e))?;
            let made = self.write_object(ObjectType::Commit, &[&buf])?;
            // Compare-and-swap: a note another process added meanwhile is read again, kept.
            let moved = self.try_cas_ref(
                notes_ref,
                before.as_ref().map(git2::Commit::id),
                Some(made),
                "notes: relhook test",
            );
            let e = match moved {
                Ok(_) => {
                    self.share_ref(notes_ref);
                    return Ok(());
                }
                Err(e) => e,
            };
            let raced = matches!(
                e.code(),
                ErrorCode::Locked | ErrorCode::Modified | ErrorCode::Exists
            );
            if raced && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(10));
            } else if e.code() == ErrorCode::Locked {
                return Err(Error::locked(
                    self.ref_lock_path(notes_ref),
                    super::txn::lock_wait(),
                ));
            } else {
                return Err(Error::git(WRITING, e));
            }
        }
    }

    /// Notes tree `tree` (`None`: none yet) with `blob` as the note whose path is `rest` of
    /// the commit's id, where git looks for it: in place of a note there, else in the fan-out
    /// folder (`ab/`) it has, else beside the others.
    fn note_tree(&self, tree: Option<Oid>, rest: &str, blob: Oid) -> Result<Oid> {
        let mut entries: Vec<(Vec<u8>, i32, Oid)> = match tree {
            Some(id) => {
                let tree = self
                    .inner
                    .find_tree(id)
                    .map_err(|e| Error::git(WRITING, e))?;
                tree.iter()
                    .map(|e| (e.name_bytes().to_vec(), e.filemode(), e.id()))
                    .collect()
            }
            None => Vec::new(),
        };
        let here = entries.iter().position(|(n, ..)| n == rest.as_bytes());
        let folder = entries
            .iter()
            .position(|(n, mode, _)| *mode == TREE && rest.len() > 2 && n == &rest.as_bytes()[..2]);
        match (here, folder) {
            (None, Some(at)) => {
                let below = self.note_tree(Some(entries[at].2), &rest[2..], blob)?;
                entries[at].2 = below;
            }
            _ => {
                entries.retain(|(n, ..)| n != rest.as_bytes());
                entries.push((rest.as_bytes().to_vec(), BLOB, blob));
            }
        }
        self.write_object(ObjectType::Tree, &[&tree_bytes(entries)])
    }
}

/// A tree entry's mode for a folder, and for a file.
const TREE: i32 = 0o040_000;
const BLOB: i32 = 0o100_644;

/// A tree object's content: its entries in git's order (a folder's name compared as though it
/// ended in `/`), each `<mode in octal> <name>\0<id>`.
fn tree_bytes(mut entries: Vec<(Vec<u8>, i32, Oid)>) -> Vec<u8> {
    let key = |(name, mode, _): &(Vec<u8>, i32, Oid)| {
        let mut k = name.clone();
        if *mode == TREE {
            k.push(b'/');
        }
        k
    };
    entries.sort_by_key(key);
    let mut out = Vec::new();
    for (name, mode, id) in entries {
        out.extend_from_slice(format!("{mode:o} ").as_bytes());
        out.extend_from_slice(&name);
        out.push(0);
        out.extend_from_slice(id.as_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A repository with a commit, and a relhook view of it.
    fn repo() -> (tempfile::TempDir, git2::Repository, Oid) {
        let dir = tempfile::tempdir().unwrap();
        let raw = git2::Repository::init(dir.path()).unwrap();
        let sig = git2::Signature::now("t", "t@x").unwrap();
        let empty = raw.treebuilder(None).unwrap().write().unwrap();
        let commit = {
            let empty = raw.find_tree(empty).unwrap();
            raw.commit(None, &sig, &sig, "c", &empty, &[]).unwrap()
        };
        (dir, raw, commit)
    }

    #[test]
    fn a_note_is_written_replaced_and_read_back_as_git_reads_it() {
        let (dir, raw, commit) = repo();
        let repo = Repo::open(dir.path()).unwrap();
        let notes = "refs/notes/relhook-tests";
        repo.write_note(notes, commit, "one\n").unwrap();
        assert_eq!(repo.note(notes, commit).as_deref(), Some("one\n"));
        repo.write_note(notes, commit, "two\n").unwrap();
        assert_eq!(repo.note(notes, commit).as_deref(), Some("two\n"));
        let made = raw.find_reference(notes).unwrap().peel_to_commit().unwrap();
        assert_eq!(made.message(), Some(MESSAGE));
        assert_eq!(made.parent_count(), 1);
        assert_eq!(made.tree().unwrap().len(), 1);
        // libgit2 reads the tree it would have written.
        assert_eq!(
            raw.find_note(Some(notes), commit).unwrap().message(),
            Some("two\n")
        );
    }

    #[test]
    fn a_fanned_out_notes_tree_gets_the_note_in_its_folder() {
        let (dir, raw, commit) = repo();
        let sig = git2::Signature::now("t", "t@x").unwrap();
        let hex = commit.to_string();
        let other = raw.blob(b"other\n").unwrap();
        // git fans notes out once there are many: `ab/cdef…`, with another note beside.
        let mut inner = raw.treebuilder(None).unwrap();
        inner
            .insert(format!("{}0", &hex[3..]), other, 0o100_644)
            .unwrap();
        let inner = inner.write().unwrap();
        let mut top = raw.treebuilder(None).unwrap();
        top.insert(&hex[..2], inner, 0o040_000).unwrap();
        top.insert("a-file", other, 0o100_644).unwrap();
        let top = raw.find_tree(top.write().unwrap()).unwrap();
        let notes = "refs/notes/relhook-tests";
        raw.commit(Some(notes), &sig, &sig, "n", &top, &[]).unwrap();
        let repo = Repo::open(dir.path()).unwrap();
        repo.write_note(notes, commit, "mine\n").unwrap();
        let tree = raw.find_reference(notes).unwrap().peel_to_tree().unwrap();
        let path = format!("{}/{}", &hex[..2], &hex[2..]);
        assert!(tree.get_path(std::path::Path::new(&path)).is_ok());
        assert_eq!(tree.len(), 2);
        assert_eq!(repo.note(notes, commit).as_deref(), Some("mine\n"));
    }

    #[test]
    fn a_folder_sorts_as_though_its_name_ended_in_a_slash() {
        let id = Oid::zero();
        let bytes = tree_bytes(vec![
            (b"a".to_vec(), TREE, id),
            (b"a.b".to_vec(), BLOB, id),
            (b"a0".to_vec(), BLOB, id),
        ]);
        let names: Vec<&[u8]> = bytes
            .split(|b| *b == b' ')
            .skip(1)
            .map(|s| &s[..s.iter().position(|b| *b == 0).unwrap()])
            .collect();
        assert_eq!(names, [&b"a.b"[..], b"a", b"a0"]);
    }
}
