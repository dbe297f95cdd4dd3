//! Objects, notes, tags and remotes as the rest of relhook asks about them: small questions
//! with plain answers (ids, bytes, text), so that no git2 type leaves `src/git`.

use git2::{ObjectType, Oid};

use super::Repo;
use crate::{Error, Result};

/// What kind of object an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectKind {
    /// A commit.
    Commit,
    /// An annotated tag.
    Tag,
    /// A tree or a blob.
    Other,
}

impl Repo {
    /// The kind of object `id` is, `None` when it is not here.
    pub fn object_kind(&self, id: Oid) -> Option<ObjectKind> {
        let o = self.inner.find_object(id, None).ok()?;
        Some(match o.kind() {
            Some(ObjectType::Commit) => ObjectKind::Commit,
            Some(ObjectType::Tag) => ObjectKind::Tag,
            _ => ObjectKind::Other,
        })
    }

    /// The commit `id` (a commit or a tag of one) leads to.
    pub fn peel_to_commit(&self, id: Oid) -> Option<Oid> {
        let o = self.inner.find_object(id, None).ok()?;
        o.peel_to_commit().ok().map(|c| c.id())
    }

    /// The commit a revision names (`refs/tags/v1.0.0`, `HEAD~2`).
    pub fn revparse_commit(&self, spec: &str) -> Result<Oid> {
        self.inner
            .revparse_single(spec)
            .and_then(|o| o.peel_to_commit())
            .map(|c| c.id())
            .map_err(|e| Error::Range {
                range: spec.to_owned(),
                reason: e.message().to_owned(),
            })
    }

    /// A commit's tree.
    pub fn tree_of(&self, commit: Oid) -> Option<Oid> {
        self.inner.find_commit(commit).ok().map(|c| c.tree_id())
    }

    /// The id of the tree or blob at `path` in `commit`'s tree (a package's directory).
    pub fn path_id(&self, commit: Oid, path: &std::path::Path) -> Option<Oid> {
        let tree = self.inner.find_commit(commit).ok()?.tree_id();
        let what = || format!("{} at {}", path.display(), super::short_id(commit));
        Some(self.entry_in(tree, path, &what).ok()??.id())
    }

    /// The files called `name` in `commit`'s tree below the top, at most `depth` folders deep
    /// (folders called `node_modules` or starting with `.` never entered), each with its path
    /// (`packages/cli/package.json`) and bytes; a blob not here (a partial clone's) is skipped.
    pub fn files_named(&self, commit: Oid, name: &str, depth: usize) -> Vec<(String, Vec<u8>)> {
        let Ok(tree) = self.inner.find_commit(commit).and_then(|c| c.tree()) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let _ = tree.walk(git2::TreeWalkMode::PreOrder, |dir, entry| {
            let entry_name = entry.name().unwrap_or_default();
            match entry.kind() {
                Some(ObjectType::Tree)
                    if dir.matches('/').count() >= depth
                        || entry_name == "node_modules"
                        || entry_name.starts_with('.') =>
                {
                    git2::TreeWalkResult::Skip
                }
                Some(ObjectType::Blob) if entry_name == name && !dir.is_empty() => {
                    if let Ok(blob) = self.inner.find_blob(entry.id()) {
                        out.push((format!("{dir}{entry_name}"), blob.content().to_vec()));
                    }
                    git2::TreeWalkResult::Ok
                }
                _ => git2::TreeWalkResult::Ok,
            }
        });
        out
    }

    /// An annotated tag's message bytes (signature included, as stored).
    pub fn tag_message(&self, tag: Oid) -> Option<Vec<u8>> {
        let t = self.inner.find_tag(tag).ok()?;
        t.message_bytes().map(<[u8]>::to_vec)
    }

    /// Whether tag object `tag` is signed: its message ends with an armored signature, as
    /// `git tag -s` writes it (OpenPGP, SSH or X.509).
    pub fn is_signed_tag(&self, tag: Oid) -> bool {
        self.tag_message(tag)
            .is_some_and(|m| m.windows(11).any(|w| w == b"-----BEGIN "))
    }

    /// A new annotated tag object named `name` on `commit`, with the tagger and message of the
    /// tag object `like` (the ref is not touched). `None` when `like` is not a tag object.
    /// The message and the tagger are copied as stored, byte for byte: a tag object declares
    /// no encoding, so a message git wrote in Latin-1 is not text relhook could decode.
    pub fn tag_object_like(&self, like: Oid, name: &str, commit: Oid) -> Result<Option<Oid>> {
        let Ok(old) = self.inner.find_tag(like) else {
            return Ok(None);
        };
        if old.tagger().is_none() {
            return Err(Error::Refused(crate::error::Refusal::bare(
                crate::error::Reason::Tag,
                format!("tag {name} has no tagger"),
            )));
        }
        let odb = self
            .inner
            .odb()
            .map_err(|e| Error::git("read the tag", e))?;
        let raw = odb.read(like).map_err(|e| Error::git("read the tag", e))?;
        let bytes = retargeted_tag(raw.data(), name, commit);
        let id = self.write_object(ObjectType::Tag, &[&bytes])?;
        // The object written must read back as the tag it is meant to be.
        self.inner
            .find_tag(id)
            .map(|t| Some(t.id()))
            .map_err(|e| Error::git("write the tag", e))
    }

    /// Whether a remote of that name is configured.
    pub fn has_remote(&self, name: &str) -> bool {
        self.inner.find_remote(name).is_ok()
    }

    /// When annotated tag object `tag` was made (its tagger's time); `None` for a commit (a
    /// lightweight tag) or a tag without a tagger.
    pub fn tagger_time(&self, tag: Oid) -> Option<i64> {
        let tag = self.inner.find_tag(tag).ok()?;
        Some(tag.tagger()?.when().seconds())
    }

    /// The commits of `refs/remotes/<remote>/*`.
    pub fn remote_tracking_commits(&self, remote: &str) -> Vec<Oid> {
        let Ok(refs) = self
            .inner
            .references_glob(&format!("refs/remotes/{remote}/*"))
        else {
            return Vec::new();
        };
        refs.flatten()
            .filter_map(|r| r.peel_to_commit().ok().map(|c| c.id()))
            .collect()
    }

    /// The branches under `refs/<glob>` (`heads/*`, `remotes/origin/*`), each as its name
    /// below `refs/` and its commit; symbolic refs (`refs/remotes/origin/HEAD`) left out.
    pub fn branches_at(&self, glob: &str) -> Vec<(String, Oid)> {
        let Ok(refs) = self.inner.references_glob(&format!("refs/{glob}")) else {
            return Vec::new();
        };
        refs.flatten()
            .filter(|r| r.kind() == Some(git2::ReferenceType::Direct))
            .filter_map(|r| {
                let name = r.name()?.strip_prefix("refs/")?.to_owned();
                Some((name, r.peel_to_commit().ok()?.id()))
            })
            .collect()
    }

    /// Whether the local branch `name` exists.
    pub fn has_local_branch(&self, name: &str) -> bool {
        self.inner
            .find_reference(&format!("refs/heads/{name}"))
            .is_ok()
    }

    /// The commit the local branch `name` points at.
    pub fn local_branch_tip(&self, name: &str) -> Option<Oid> {
        let r = self
            .inner
            .find_reference(&format!("refs/heads/{name}"))
            .ok()?;
        r.peel_to_commit().ok().map(|c| c.id())
    }

    /// The names this repository gives its trunk: each remote's default branch (what
    /// `refs/remotes/<remote>/HEAD` points at) and `init.defaultBranch`.
    pub fn trunk_names(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        if let Ok(refs) = self.inner.references_glob("refs/remotes/*/HEAD") {
            for r in refs.flatten() {
                let target = r.symbolic_target().and_then(|t| t.rsplit('/').next());
                if let Some(t) = target.filter(|t| !out.iter().any(|o| o == t)) {
                    out.push(t.to_owned());
                }
            }
        }
        let configured = self.config_string("init.defaultBranch");
        if let Some(name) = configured {
            if !out.contains(&name) {
                out.push(name);
            }
        }
        out
    }

    /// The commits of every local and remote-tracking branch (each once).
    pub fn branch_commits(&self) -> Vec<Oid> {
        let mut out: Vec<Oid> = Vec::new();
        for glob in ["refs/heads/*", "refs/remotes/*"] {
            let Ok(refs) = self.inner.references_glob(glob) else {
                continue;
            };
            for id in refs.flatten().filter_map(|r| r.peel_to_commit().ok()) {
                if !out.contains(&id.id()) {
                    out.push(id.id());
                }
            }
        }
        out
    }

    /// The note on `commit` under `notes_ref`, as text.
    pub fn note(&self, notes_ref: &str, commit: Oid) -> Option<String> {
        match self.inner.find_note(Some(notes_ref), commit) {
            Ok(n) => n.message().map(str::to_owned),
            Err(_) => self.unfetched_note(notes_ref, commit),
        }
    }

    /// The note on `commit` in notes commit `notes` (one no ref may name yet: a lock file's),
    /// as text: its tree names the note by `commit`'s id, whole or fanned out (`ab/cdef…`).
    pub fn note_in(&self, notes: Oid, commit: Oid) -> Option<String> {
        let tree = self.inner.find_commit(notes).ok()?.tree().ok()?;
        let hex = commit.to_string();
        let paths = [hex.clone(), format!("{}/{}", &hex[..2], &hex[2..])];
        let entry = paths
            .iter()
            .find_map(|p| tree.get_path(std::path::Path::new(p)).ok())?;
        let blob = self.inner.find_blob(entry.id()).ok()?;
        String::from_utf8(blob.content().to_vec()).ok()
    }

    /// The first `f(text)` that is `Some` over every note under `notes_ref`.
    pub fn find_note<T>(&self, notes_ref: &str, mut f: impl FnMut(&str) -> Option<T>) -> Option<T> {
        if self.is_partial_clone() {
            // Fetched without their blobs (the clone's filter applies to notes too): all of
            // them in one go.
            let notes = self.inner.notes(Some(notes_ref)).ok()?.flatten();
            let blobs: Vec<Oid> = notes.map(|(note, _)| note).collect();
            self.fetch_missing(&blobs, &|| format!("the notes under {notes_ref}"));
        }
        let mut notes = self.inner.notes(Some(notes_ref)).ok()?.flatten();
        notes.find_map(|(note, _)| {
            let blob = self.inner.find_blob(note).ok()?;
            f(std::str::from_utf8(blob.content()).ok()?)
        })
    }
}

/// Tag object `raw` pointed at `commit` under `name`: its `object`, `type` and `tag` headers
/// made anew, its signature headers (which the new object would fail) left out, every other
/// header (`tagger`) and the message kept as their bytes are.
fn retargeted_tag(raw: &[u8], name: &str, commit: Oid) -> Vec<u8> {
    let (header, message) = match raw.windows(2).position(|w| w == b"\n\n") {
        Some(at) => (&raw[..=at], &raw[at + 2..]),
        None => (raw, &[][..]),
    };
    let mut out = format!("object {commit}\ntype commit\ntag {name}\n").into_bytes();
    let mut dropping = false;
    for line in header.split_inclusive(|b| *b == b'\n') {
        // A line that starts with a space continues the header above it.
        if !line.starts_with(b" ") {
            let key = line.split(|b| *b == b' ').next().unwrap_or_default();
            dropping = matches!(
                key,
                b"object" | b"type" | b"tag" | b"gpgsig" | b"gpgsig-sha256"
            );
        }
        if !dropping {
            out.extend_from_slice(line);
            if !line.ends_with(b"\n") {
                out.push(b'\n');
            }
        }
    }
    out.push(b'\n');
    out.extend_from_slice(message);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_retargeted_tag_keeps_its_tagger_and_message_bytes_and_drops_its_signature() {
        let old = b"object 1111111111111111111111111111111111111111\ntype commit\ntag v1\ntagger T \xe9 <t@x> 1 +0000\ngpgsig-sha256 -----BEGIN\n line\n -----END\n\ncaf\xe9\n\nbody\n";
        let commit = Oid::from_str("2222222222222222222222222222222222222222").unwrap();
        let new = retargeted_tag(old, "v1", commit);
        let want = b"object 2222222222222222222222222222222222222222\ntype commit\ntag v1\ntagger T \xe9 <t@x> 1 +0000\n\ncaf\xe9\n\nbody\n";
        assert_eq!(new, want);
        // A tag object without a message keeps the blank line git's parsers expect.
        let bare = retargeted_tag(
            b"object 1\ntype commit\ntag v1\ntagger T <t@x> 1 +0000\n",
            "v1",
            commit,
        );
        assert!(bare.ends_with(b"+0000\n\n"));
    }

    #[test]
    fn a_note_is_read_from_a_notes_commit_no_ref_names_flat_or_fanned_out() {
        let dir = tempfile::tempdir().unwrap();
        let raw = git2::Repository::init(dir.path()).unwrap();
        let sig = git2::Signature::now("t", "t@x").unwrap();
        let empty = raw.treebuilder(None).unwrap().write().unwrap();
        let empty = raw.find_tree(empty).unwrap();
        let commit = raw.commit(None, &sig, &sig, "c", &empty, &[]).unwrap();
        let blob = raw.blob(b"the record\n").unwrap();
        let hex = commit.to_string();
        // Flat, as libgit2 writes a few notes; fanned out, as git does for many.
        let mut flat = raw.treebuilder(None).unwrap();
        flat.insert(&hex, blob, 0o100_644).unwrap();
        let flat = raw.find_tree(flat.write().unwrap()).unwrap();
        let mut inner = raw.treebuilder(None).unwrap();
        inner.insert(&hex[2..], blob, 0o100_644).unwrap();
        let inner = inner.write().unwrap();
        let mut fanned = raw.treebuilder(None).unwrap();
        fanned.insert(&hex[..2], inner, 0o040_000).unwrap();
        let fanned = raw.find_tree(fanned.write().unwrap()).unwrap();
        let repo = Repo::open(dir.path()).unwrap();
        for tree in [&flat, &fanned] {
            let notes = raw.commit(None, &sig, &sig, "n", tree, &[]).unwrap();
            assert_eq!(repo.note_in(notes, commit).as_deref(), Some("the record\n"));
            assert_eq!(repo.note_in(notes, notes), None);
        }
    }
}
