//! A commit as a walk reads it, and its message as text (the one way relhook reads a commit's
//! message: [`super::decode_message`], in the encoding the commit declares).

use git2::Oid;

use super::Repo;
use crate::{Error, Result};

/// A commit as stored: what a range check needs.
#[derive(Debug, Clone)]
pub struct StoredCommit {
    /// The full id.
    pub id: Oid,
    /// Its tree.
    pub tree: Oid,
    /// An abbreviated id for reports.
    pub short: String,
    /// The message's bytes as stored: read as text through [`StoredCommit::text`].
    pub message: Vec<u8>,
    /// The encoding the message is in (its `encoding` header; `None`: UTF-8).
    pub encoding: Option<String>,
    /// How many parents (2+ is a merge).
    pub parents: usize,
    /// The parents' ids, first parent first.
    pub parent_ids: Vec<Oid>,
    /// The author header's value as stored (`Name <email> 1767268800 +0000`).
    pub author: Vec<u8>,
    /// Committer time, in seconds since the epoch: the order a walk takes commits in.
    pub time: i64,
}

impl From<super::walk::RawCommit> for StoredCommit {
    fn from(c: super::walk::RawCommit) -> Self {
        StoredCommit {
            id: c.id,
            tree: c.tree,
            short: super::short_id(c.id),
            parents: c.parents.len(),
            parent_ids: c.parents,
            author: c.author,
            message: c.message,
            encoding: c.encoding,
            time: c.time,
        }
    }
}

impl StoredCommit {
    /// The message as text, in the encoding it is stored in ([`super::decode_message`]).
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        super::decode_message(&self.message, self.encoding.as_deref())
    }

    /// The encoding its message is in when relhook cannot read it (see
    /// [`Repo::unreadable_encoding`]).
    pub fn unreadable_encoding(&self) -> Option<String> {
        if std::str::from_utf8(&self.message).is_ok() {
            return None;
        }
        let name = self.encoding.clone().unwrap_or_else(|| "UTF-8".to_owned());
        super::encoding::decode_known(&self.message, &name)
            .is_none()
            .then_some(name)
    }

    /// The message's header (its first line, trailing blanks left out), as text.
    pub fn header(&self) -> String {
        let text = self.text();
        text.lines().next().unwrap_or("").trim_end().to_owned()
    }

    /// What a rebase, a cherry-pick or an amend that keeps the message carries over from this
    /// commit to the one it makes: the author (name, email, date) and the message, as a digest.
    /// Two commits with the same key hold the same message by the same author written at the
    /// same second: the same message, whatever their ids, and whatever encoding git stored it
    /// in (a rebase re-encodes it into the one configured then).
    pub fn carried_key(&self) -> [u8; 20] {
        use sha1::Digest;
        let mut h = sha1::Sha1::new();
        h.update(&self.author);
        h.update(b"\n\n");
        h.update(self.text().as_bytes());
        h.finalize().into()
    }
}

impl Repo {
    /// One commit as a walk reads it (`None` when it is not in this clone).
    pub fn stored_commit(&self, id: Oid) -> Option<StoredCommit> {
        self.stored(id).ok()
    }

    /// The encoding commit `id`'s message is in when relhook cannot read it: not UTF-8, and
    /// named by an `encoding` header relhook does not know (`Shift_JIS`), or by none.
    pub fn unreadable_encoding(&self, id: Oid) -> Option<String> {
        self.stored_commit(id)?.unreadable_encoding()
    }

    /// A commit's message as text, in the encoding it is stored in ([`StoredCommit::text`]),
    /// read as [`Repo::stored`] reads it, without the rest: a release commit's search reads up
    /// to 50 messages, and copying each one's author and spelling its short id cost twice what
    /// looking it up did.
    pub fn commit_text(&self, id: Oid) -> Option<String> {
        self.read_once(id);
        // Read already (by `read_once` or a walk): its message as libgit2 gives it, without
        // parsing the commit a second time. One libgit2 could not parse is left to it.
        if let Some(c) = self.commits.borrow().get(&id).filter(|c| parsable(c)) {
            let message = as_libgit2_reads(&c.message);
            return Some(super::decode_message(message, c.encoding.as_deref()).into_owned());
        }
        let commit = self.inner.find_commit(id).ok()?;
        let text = super::decode_message(commit.message_bytes(), commit.message_encoding());
        Some(text.into_owned())
    }

    /// The first parent of commit `id` when it was read already (see [`Repo::commit_text`]),
    /// as libgit2 gives it: `Some(None)` for a root commit or a shallow clone's boundary;
    /// `None` when it was not read, or `info/grafts` gives commits other parents.
    pub(super) fn remembered_parent(&self, id: Oid) -> Option<Option<Oid>> {
        let grafted = self
            .grafted
            .get_or_init(|| self.inner.commondir().join("info/grafts").exists());
        if *grafted {
            return None;
        }
        let commits = self.commits.borrow();
        let c = commits.get(&id).filter(|c| parsable(c))?;
        Some(c.parents.first().copied())
    }

    /// The parents of commit `id`, first parent first.
    pub fn parent_ids(&self, id: Oid) -> Result<Vec<Oid>> {
        Ok(self.stored(id)?.parent_ids)
    }

    pub(super) fn stored(&self, id: Oid) -> Result<StoredCommit> {
        self.read_once(id);
        let commit = self
            .inner
            .find_commit(id)
            .map_err(|e| Error::git(format!("read commit {id}"), e))?;
        Ok(StoredCommit {
            id,
            tree: commit.tree_id(),
            short: super::short_id(id),
            message: commit.message_bytes().to_vec(),
            encoding: commit.message_encoding().map(str::to_owned),
            parents: commit.parent_count(),
            parent_ids: commit.parent_ids().collect(),
            author: header_value(commit.raw_header_bytes(), b"author "),
            time: commit.time().seconds(),
        })
    }
}

impl Repo {
    /// While libgit2 keeps the objects read (a hook's, see [`Repo::cache_objects`]), reads
    /// commit `id` as the walks read it, into their memo, unless it is there already: its raw
    /// object then stays in libgit2's cache, where the lookup that follows parses it without
    /// reading it again, and a walk that comes to it later takes it from the memo. Read by the
    /// lookup first, it was read a second time by the walk (libgit2's cache gives a raw read
    /// no parsed object). What a commit reads as is the same either way.
    fn read_once(&self, id: Oid) {
        if !self.caching.get() || self.commits.borrow().contains_key(&id) {
            return;
        }
        if let Ok(odb) = self.inner.odb() {
            let _ = self.source(odb).read(id);
        }
    }
}

/// Whether libgit2 would parse commit `c` at all (it names a tree and an author): only then
/// is what the walk read of it taken for libgit2's reading.
fn parsable(c: &super::walk::RawCommit) -> bool {
    !c.tree.is_zero() && !c.author.is_empty()
}

/// A stored message as libgit2 reads it (`git_commit_message`): its leading blank lines left
/// out, and nothing from a NUL on (libgit2 keeps it as a C string).
fn as_libgit2_reads(raw: &[u8]) -> &[u8] {
    let end = memchr::memchr(0, raw).unwrap_or(raw.len());
    let raw = &raw[..end];
    let start = raw.iter().position(|b| *b != b'\n').unwrap_or(raw.len());
    &raw[start..]
}

/// The value of the header line starting with `name` (`author `), empty when there is none.
fn header_value(headers: &[u8], name: &[u8]) -> Vec<u8> {
    headers
        .split(|b| *b == b'\n')
        .find_map(|l| l.strip_prefix(name))
        .unwrap_or_default()
        .to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::git::testing::git;

    #[test]
    fn a_commit_a_hook_reads_is_read_once_for_the_walks_too() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        git(dir, &["init", "-q", "-b", "main"]);
        git(dir, &["commit", "-q", "--allow-empty", "-m", "feat: a"]);
        // Kept as written: libgit2 reads the message without its leading blank line.
        let verbatim = ["commit", "-q", "--allow-empty", "--cleanup=verbatim"];
        git(dir, &[&verbatim[..], &["-m", "\n\nfix: b"]].concat());
        let plain = Repo::open(dir).unwrap();
        let head = plain.head().unwrap();
        let before = plain.commit_text(head).unwrap();
        assert!(
            plain.commits.borrow().is_empty(),
            "read once, no walk's memo"
        );
        let hook = Repo::open(dir).unwrap();
        hook.cache_objects();
        assert_eq!(hook.commit_text(head).unwrap(), before);
        assert!(hook.commits.borrow().contains_key(&head));
        assert_eq!(
            hook.commit_text(head),
            Some(hook.stored(head).unwrap().text().into())
        );
        let stored = hook.stored(head).unwrap();
        assert_eq!(stored.parent_ids, plain.parent_ids(head).unwrap());
        assert_eq!(stored.author, plain.stored(head).unwrap().author);
    }

    /// A message taken from a commit read already reads as libgit2's own parse gives it:
    /// leading blank lines left out, nothing from a NUL on, in the encoding it names, empty.
    #[test]
    fn a_message_read_once_is_the_one_libgit2_reads() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        git(dir, &["init", "-q", "-b", "main"]);
        git(dir, &["commit", "-q", "--allow-empty", "-m", "feat: a"]);
        let plain = Repo::open(dir).unwrap();
        let (head, tree) = (
            plain.head().unwrap(),
            plain.stored(plain.head().unwrap()).unwrap().tree,
        );
        let who = "a <a@example.com> 1767268800 +0000";
        let mut ids = Vec::new();
        for (headers, message) in [
            ("", &b"\n\nfix: after blank lines\n"[..]),
            ("", b"feat: b\0hidden after a NUL\n"),
            ("encoding ISO-8859-1\n", b"fix: caf\xe9\n"),
            ("", b""),
        ] {
            let mut raw =
                format!("tree {tree}\nparent {head}\nauthor {who}\ncommitter {who}\n{headers}\n")
                    .into_bytes();
            raw.extend_from_slice(message);
            let odb = plain.inner.odb().unwrap();
            ids.push(odb.write(git2::ObjectType::Commit, &raw).unwrap());
        }
        let hook = Repo::open(dir).unwrap();
        hook.cache_objects();
        for id in ids {
            let before = plain.commit_text(id);
            assert!(before.is_some(), "{id}");
            assert_eq!(hook.commit_text(id), before, "{id}");
            assert!(hook.commits.borrow().contains_key(&id));
            assert_eq!(hook.commit_text(id), before, "{id}, read again");
            assert_eq!(hook.remembered_parent(id), Some(Some(head)), "{id}");
            assert_eq!(hook.first_parent(id), plain.first_parent(id), "{id}");
        }
    }

    /// A commit `info/grafts` gives another parent: its first parent is the graft's, as
    /// libgit2 reads it, though the walk that read it first follows no graft.
    #[test]
    fn a_grafted_first_parent_is_libgit2s() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        git(dir, &["init", "-q", "-b", "main"]);
        for m in ["feat: a", "feat: b", "feat: c"] {
            git(dir, &["commit", "-q", "--allow-empty", "-m", m]);
        }
        let plain = Repo::open(dir).unwrap();
        let head = plain.head().unwrap();
        let root = plain
            .first_parent(plain.first_parent(head).unwrap())
            .unwrap();
        std::fs::write(dir.join(".git/info/grafts"), format!("{head} {root}\n")).unwrap();
        let hook = Repo::open(dir).unwrap();
        hook.cache_objects();
        assert!(hook.commit_text(head).is_some());
        assert_eq!(hook.remembered_parent(head), None);
        assert_eq!(hook.first_parent(head), Some(root));
    }
}
