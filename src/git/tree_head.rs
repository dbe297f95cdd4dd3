//! One file's entry at the top of a tree, read without the rest of the tree. git keeps a
//! tree's entries in name order, so a loose tree object is inflated only up to where that
//! order places the name: a walk asking each commit for its `.relconfig.toml` finds it among
//! the first entries (dot-files sort before letters), and never parses the rest. A tree the
//! object store cannot stream (in a pack; missing from a partial clone) is left to the caller,
//! which reads it whole as before.

use std::cmp::Ordering;
use std::io::Read;

use git2::{ObjectType, Oid};

use super::Repo;

/// How many bytes of the inflated tree are asked for at a time.
const CHUNK: usize = 64;

/// The bytes of a SHA-1 object id, as a tree entry stores it.
const ID_LEN: usize = 20;

thread_local! {
    /// How many trees were read whole (`RELHOOK_TEST_TREE_READS`): the work a test bounds,
    /// where timing would be flaky.
    static WHOLE: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many trees this thread read whole (each entry parsed: [`Repo::tree_fetched`]).
pub fn tree_reads() -> usize {
    WHOLE.with(std::cell::Cell::get)
}

/// Counts one tree read whole.
pub(super) fn count_whole_read() {
    WHOLE.with(|c| c.set(c.get() + 1));
}

impl Repo {
    /// The id of the entry `name` at the top of tree `tree` (`Some(None)`: it has none), read
    /// only as far as git's order of entries places `name`; `None` where the tree cannot be
    /// streamed or does not parse, for the caller to read it whole.
    pub(super) fn top_entry_streamed(&self, tree: Oid, name: &[u8]) -> Option<Option<Oid>> {
        let odb = self.inner.odb().ok()?;
        let (mut reader, size, kind) = odb.reader(tree).ok()?;
        if kind != ObjectType::Tree {
            return None;
        }
        let mut bytes: Vec<u8> = Vec::with_capacity(CHUNK.min(size));
        let mut at = 0;
        let mut chunk = [0u8; CHUNK];
        loop {
            while let Some((entry, dir, id, len)) = parse_entry(&bytes[at..]) {
                if entry == name {
                    return Some(Some(id));
                }
                if beyond(entry, dir, name) {
                    return Some(None);
                }
                at += len;
            }
            if bytes.len() >= size {
                // Every entry read (or a tail that is no entry: read it whole, as libgit2 would).
                return (at == size).then_some(None);
            }
            let n = reader.read(&mut chunk).ok()?;
            if n == 0 {
                return None;
            }
            bytes.extend_from_slice(&chunk[..n]);
        }
    }
}

/// The first entry of `bytes` (`<mode> <name>\0<id>`): its name, whether it is a directory, its
/// id and its length; `None` until the bytes hold all of it.
fn parse_entry(bytes: &[u8]) -> Option<(&[u8], bool, Oid, usize)> {
    let space = bytes.iter().position(|b| *b == b' ')?;
    let nul = space + 1 + bytes[space + 1..].iter().position(|b| *b == 0)?;
    let end = nul + 1 + ID_LEN;
    let id = Oid::from_bytes(bytes.get(nul + 1..end)?).ok()?;
    let dir = &bytes[..space] == b"40000";
    Some((&bytes[space + 1..nul], dir, id, end))
}

/// Whether an entry named `entry` (a directory when `dir`) sorts after every place git's
/// order could put `name`, as a file or as a directory: git compares a directory's name as if
/// it ended in `/`.
fn beyond(entry: &[u8], dir: bool, name: &[u8]) -> bool {
    let slash: &[u8] = b"/";
    let key = entry.iter().chain(if dir { slash } else { &[] });
    key.cmp(name.iter().chain(slash)) == Ordering::Greater
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_passed_only_beyond_where_its_file_or_folder_would_sort() {
        let name = b".relconfig.toml";
        assert!(!beyond(b".github", true, name));
        assert!(!beyond(b".relconfig.toml-old", false, name));
        assert!(!beyond(b".relconfig.toml.d", true, name));
        assert!(beyond(b".relconfig.tomm", false, name));
        assert!(beyond(b"CHANGELOG.md", false, name));
        assert!(beyond(b".relconfig.toml0", false, name));
    }

    #[test]
    fn an_entry_parses_only_once_whole() {
        let mut raw = b"100644 a.txt\0".to_vec();
        raw.extend_from_slice(&[7u8; ID_LEN]);
        assert!(parse_entry(&raw[..raw.len() - 1]).is_none());
        let (name, dir, id, len) = parse_entry(&raw).unwrap();
        assert_eq!((name, dir, len), (&b"a.txt"[..], false, raw.len()));
        assert_eq!(id.as_bytes(), &[7u8; ID_LEN]);
    }

    #[test]
    fn the_streamed_entry_is_the_one_the_whole_tree_has() {
        let tmp = tempfile::tempdir().unwrap();
        let repo = git2::Repository::init(tmp.path()).unwrap();
        let blob = repo.blob(b"x").unwrap();
        let mut b = repo.treebuilder(None).unwrap();
        for n in [".a", ".relconfig.toml-x", "b", "z"] {
            b.insert(n, blob, 0o100644).unwrap();
        }
        let without = b.write().unwrap();
        b.insert(".relconfig.toml", blob, 0o100644).unwrap();
        let with = b.write().unwrap();
        let repo = Repo::open(tmp.path()).unwrap();
        let name = b".relconfig.toml";
        assert_eq!(repo.top_entry_streamed(with, name), Some(Some(blob)));
        assert_eq!(repo.top_entry_streamed(without, name), Some(None));
        assert_eq!(repo.top_entry_streamed(with, b"zz"), Some(None));
        assert_eq!(repo.top_entry_streamed(blob, name), None);
    }
}
