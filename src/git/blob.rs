//! Blobs hashed and written as git writes them, without libgit2's slow path for large files.
//!
//! Post-commit writes the whole changelog as a new blob on every commit. libgit2 hashes it
//! with SHA-1DC (about 33 instructions a byte) and compresses it with stock zlib; a 5,000-entry
//! CHANGELOG.md then cost 12M instructions, two thirds of the hook. Here the id comes from the
//! `sha1` crate (the CPU's SHA instructions where it has them) and the compression from
//! zlib-rs, at git's own level for loose objects (`core.looseCompression`, default 1). The
//! object is the same bytes git would write: `git fsck` and every reader accept it.
//! SHA-1DC guards against objects crafted to collide; relhook hashes only what it generates
//! itself, from text git already stored.

use std::io::Write;
use std::path::{Path, PathBuf};

use git2::Oid;
use sha1::{Digest, Sha1};

use super::shared::Shared;
use super::{Repo, StoredFile};
use crate::{Error, Result};

/// The id git gives `bytes` stored as a blob (`git hash-object`).
pub fn blob_oid(bytes: &[u8]) -> Oid {
    object_oid("blob", &[bytes])
}

/// How many objects the last ids are kept for, and the largest kept.
const KEPT: usize = 4;
const KEPT_BYTES: usize = 1 << 20;

/// The objects hashed last on this thread, each with its kind and id.
type Hashed = Vec<(String, Vec<u8>, Oid)>;

thread_local! {
    /// A run hashes the same text several times (a release's changelog: to compare it, to
    /// store it, to stage it): the last few ids are kept with the bytes they are of.
    static HASHED: std::cell::RefCell<Hashed> = const { std::cell::RefCell::new(Vec::new()) };
    static HASHES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    static WRITES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many objects were handed to the object store on this thread
/// (`RELHOOK_TEST_OBJECT_WRITES`): each is hashed (or found hashed before) and looked up,
/// and written where the store lacks it.
pub fn object_writes() -> usize {
    WRITES.with(std::cell::Cell::get)
}

/// How many objects were hashed on this thread (`RELHOOK_TEST_OBJECT_HASHES`): those whose
/// id was kept from hashing the same bytes before are not.
pub fn object_hashes() -> usize {
    HASHES.with(std::cell::Cell::get)
}

/// Whether `held` is `parts`, one after the other.
fn same_bytes(held: &[u8], parts: &[&[u8]]) -> bool {
    let mut rest = held;
    for part in parts {
        let Some((head, tail)) = rest.split_at_checked(part.len()) else {
            return false;
        };
        if head != *part {
            return false;
        }
        rest = tail;
    }
    rest.is_empty()
}

/// Keeps `id` as the blob id of `bytes`, read out of the object store by that id: a text
/// that turns out to be the same bytes (the work tree's changelog as HEAD stores it, which a
/// release reads again) is then not hashed to find its id.
pub fn remember_blob_id(bytes: &[u8], id: Oid) {
    if bytes.len() > KEPT_BYTES {
        return;
    }
    HASHED.with(|h| {
        let mut h = h.borrow_mut();
        if h.iter().any(|(k, _, kept)| k == "blob" && *kept == id) {
            return;
        }
        if h.len() == KEPT {
            h.remove(0);
        }
        h.push(("blob".to_owned(), bytes.to_vec(), id));
    });
}

/// The id of an object of `kind` (`blob`, `commit`) holding `parts`, one after the other.
fn object_oid(kind: &str, parts: &[&[u8]]) -> Oid {
    let len: usize = parts.iter().map(|p| p.len()).sum();
    let kept = HASHED.with(|h| {
        (h.borrow().iter())
            .find(|(k, held, _)| k == kind && held.len() == len && same_bytes(held, parts))
            .map(|(_, _, id)| *id)
    });
    if let Some(id) = kept {
        return id;
    }
    HASHES.with(|n| n.set(n.get() + 1));
    let mut hasher = Sha1::new();
    hasher.update(format!("{kind} {len}\0").as_bytes());
    for part in parts {
        hasher.update(part);
    }
    let id = Oid::from_bytes(&hasher.finalize()).unwrap_or_else(|_| Oid::zero());
    if len <= KEPT_BYTES {
        HASHED.with(|h| {
            let mut h = h.borrow_mut();
            if h.len() == KEPT {
                h.remove(0);
            }
            h.push((kind.to_owned(), parts.concat(), id));
        });
    }
    id
}

impl Repo {
    /// Writes `bytes` as a blob (nothing is written when the object store has it already).
    pub fn write_blob(&self, bytes: &[u8]) -> Result<Oid> {
        self.write_object(git2::ObjectType::Blob, &[bytes])
    }

    /// [`Repo::write_blob`] of `parts` one after the other: a long changelog's edited head and
    /// its unchanged rest are never copied into one buffer to be stored.
    pub fn write_blob_parts(&self, parts: &[&[u8]]) -> Result<Oid> {
        self.write_object(git2::ObjectType::Blob, parts)
    }

    /// Writes `parts` as an object of `kind` (nothing is written when it is there already).
    pub(super) fn write_object(&self, kind: git2::ObjectType, parts: &[&[u8]]) -> Result<Oid> {
        WRITES.with(|n| n.set(n.get() + 1));
        let name = kind.str();
        let id = object_oid(name, parts);
        let odb = self
            .inner
            .odb()
            .map_err(|e| Error::git("open the object store", e))?;
        if odb.exists(id) {
            return Ok(id);
        }
        self.writable()?;
        let settings = self.loose.get_or_init(|| self.loose_settings());
        let shared = settings.shared.clone().ok().flatten();
        match &settings.dir {
            Some(objects) => {
                write_loose(objects, id, name, parts, settings.level, shared)?;
                // libgit2 may have looked for the object before it existed.
                let _ = odb.refresh();
                Ok(id)
            }
            None => odb
                .write(kind, &parts.concat())
                .map_err(|e| Error::git(format!("write a {name}"), e)),
        }
    }

    /// `path` as committed in `commit`, read from the work tree when the file there holds the
    /// same bytes (its blob id says so), else from the object store: a long changelog is then
    /// read and hashed, not inflated.
    pub fn committed_file(&self, commit: Oid, path: &Path) -> Result<Option<StoredFile>> {
        let Some(entry) = self.entry_at(commit, path)? else {
            return Ok(None);
        };
        let regular = [git2::FileMode::Blob, git2::FileMode::BlobExecutable]
            .iter()
            .any(|m| i32::from(*m) == entry.filemode());
        let on_disk = self
            .work_tree()
            .filter(|_| regular)
            .and_then(|root| crate::fsx::read_regular_optional(&root.join(path)).ok()?);
        // Hashed, never taken on the index's word: a clean `git status` says the file is what
        // checkout would write, which is not the blob's bytes under a conversion (CRLF, a
        // filter, `ident`, a working-tree encoding).
        match on_disk {
            Some(bytes) if blob_oid(&bytes) == entry.id() => Ok(Some(StoredFile {
                blob: entry.id(),
                bytes,
                mode: entry.filemode(),
            })),
            _ => self.file_at(commit, path),
        }
    }

    /// The object folder relhook writes loose objects into and `core.sharedRepository`'s
    /// bits, when the repository is shared (`None` otherwise).
    pub(super) fn loose_shared(&self) -> Option<(&Path, Shared)> {
        let settings = self.loose.get_or_init(|| self.loose_settings());
        Some((settings.dir.as_deref()?, settings.shared.clone().ok()??))
    }

    /// Refuses to write in the git directory where git refuses to (a `core.sharedRepository`
    /// value git dies on at its first write), in one line that says the fix.
    pub fn writable(&self) -> Result<()> {
        let settings = self.loose.get_or_init(|| self.loose_settings());
        match &settings.shared {
            Err(line) => Err(Error::Usage(line.clone())),
            Ok(_) => Ok(()),
        }
    }

    /// Where and how loose objects are written, from the environment and the configuration
    /// (asked once: libgit2 checks every configuration file for changes at each question).
    fn loose_settings(&self) -> LooseSettings {
        // `None` when the environment moves the object store (`GIT_OBJECT_DIRECTORY`), which
        // libgit2 knows how to honour.
        let dir = (std::env::var_os("GIT_OBJECT_DIRECTORY").is_none())
            .then(|| self.inner.commondir().join("objects"))
            .filter(|dir| dir.is_dir());
        // A snapshot: a live configuration checks its files for changes at every read.
        let config = self.config_snapshot();
        // git's zlib level for loose objects: `core.looseCompression`, else
        // `core.compression`, else 1 (fastest); -1 means zlib's default.
        let level = config.as_ref().and_then(|c| {
            c.get_i32("core.looseCompression")
                .or_else(|_| c.get_i32("core.compression"))
                .ok()
        });
        let level = match level {
            None => flate2::Compression::fast(),
            Some(-1) => flate2::Compression::default(),
            Some(l) => flate2::Compression::new(u32::try_from(l.clamp(0, 9)).unwrap_or(1)),
        };
        let shared = Shared::of(super::config::given("core.sharedRepository"), config);
        LooseSettings { dir, level, shared }
    }
}

/// How this repository's loose objects are written.
#[derive(Debug)]
pub(super) struct LooseSettings {
    dir: Option<PathBuf>,
    level: flate2::Compression,
    shared: super::shared::Refusable,
}

/// Below this size an object is stored in zlib's uncompressed form when git's loose level
/// asks for speed (the default, 1): a compressor first clears ~256 KB of tables, which costs
/// more than a small changelog or a commit object saves compressed; `git gc` packs them all.
const STORE_BELOW: usize = 16 << 10;

/// `parts`, one after the other, as a zlib stream of stored (uncompressed) deflate blocks.
fn stored_zlib(parts: &[&[u8]]) -> Vec<u8> {
    let data: Vec<u8> = parts.concat();
    let mut out = Vec::with_capacity(data.len() + data.len() / 65535 * 5 + 16);
    out.extend_from_slice(&[0x78, 0x01]); // deflate, 32 KB window, fastest; a multiple of 31
    let mut chunks = data.chunks(65535).peekable();
    if chunks.peek().is_none() {
        out.extend_from_slice(&[0x01, 0x00, 0x00, 0xff, 0xff]); // one final empty block
    }
    while let Some(chunk) = chunks.next() {
        out.push(u8::from(chunks.peek().is_none())); // BFINAL, BTYPE 00 (stored)
        let len = u16::try_from(chunk.len()).unwrap_or(u16::MAX);
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(chunk);
    }
    out.extend_from_slice(&adler32(&data).to_be_bytes());
    out
}

/// zlib's checksum of `data`.
fn adler32(data: &[u8]) -> u32 {
    const MOD: u32 = 65521;
    let (mut a, mut b) = (1u32, 0u32);
    // 5552 bytes is the most that cannot overflow a u32 before the reduction.
    for chunk in data.chunks(5552) {
        for &byte in chunk {
            a += u32::from(byte);
            b += a;
        }
        a %= MOD;
        b %= MOD;
    }
    (b << 16) | a
}

/// Writes the loose object `id` (`objects/ab/cdef…`): compressed into a temporary file in the
/// objects folder (named as git names its own, so `git gc` sweeps one a crash leaves), made
/// read-only, then linked into place without replacing an object that appeared meanwhile.
fn write_loose(
    objects: &Path,
    id: Oid,
    kind: &str,
    parts: &[&[u8]],
    level: flate2::Compression,
    shared: Option<Shared>,
) -> Result<()> {
    let hex = id.to_string();
    let dir = objects.join(&hex[..2]);
    let path = dir.join(&hex[2..]);
    let umask = crate::fsx::umask();
    match std::fs::create_dir(&dir) {
        Ok(()) => {
            #[cfg(unix)]
            if let Some(shared) = shared {
                use std::os::unix::fs::PermissionsExt;
                // As git: the group's bits added, and new files taking the folder's group.
                let mode = shared.apply_folder(0o777 & !umask);
                std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(mode))
                    .map_err(|e| Error::io("set permissions of", &dir, e))?;
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(Error::io("create", &dir, e)),
    }
    let len: usize = parts.iter().map(|p| p.len()).sum();
    let header = format!("{kind} {len}\0");
    let compressed = if level.level() <= 1 && len < STORE_BELOW {
        stored_zlib(&[&[header.as_bytes()], parts].concat())
    } else {
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::with_capacity(len / 3 + 64), level);
        std::iter::once(header.as_bytes())
            .chain(parts.iter().copied())
            .try_for_each(|part| encoder.write_all(part))
            .map_err(|e| Error::io("compress an object for", &path, e))?;
        encoder
            .finish()
            .map_err(|e| Error::io("compress an object for", &path, e))?
    };
    let mut tmp = tempfile::Builder::new()
        .prefix("tmp_obj_")
        .tempfile_in(&dir)
        .map_err(|e| Error::io("create a temporary file in", &dir, e))?;
    // Through the plain file: tempfile's own writer adds its path to every error.
    tmp.as_file_mut()
        .write_all(&compressed)
        .map_err(|e| Error::io("write", &path, e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Read-only, as git makes objects, within the umask (077 gives 0400), and readable
        // by the group of a shared repository.
        let mode = 0o444 & !umask;
        let mode = shared.map_or(mode, |s| s.apply(mode));
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(mode))
            .map_err(|e| Error::io("set permissions of", tmp.path(), e))?;
    }
    match tmp.persist_noclobber(&path) {
        Ok(_) => Ok(()),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(Error::io("write", &path, e.error)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A blob read by its id is not hashed again: its bytes give that id, counted as no hash.
    #[test]
    fn a_remembered_blob_id_is_not_hashed_again() {
        let bytes = b"# Changelog\n\n## [Unreleased]\n\n- remembered once\n";
        let id = Oid::hash_object(git2::ObjectType::Blob, bytes).unwrap();
        remember_blob_id(bytes, id);
        remember_blob_id(bytes, id);
        let before = object_hashes();
        assert_eq!(blob_oid(bytes), id);
        assert_eq!(object_hashes(), before);
        let kept = HASHED.with(|h| h.borrow().iter().filter(|(_, _, k)| *k == id).count());
        assert_eq!(kept, 1);
    }

    #[test]
    fn blob_ids_match_git() {
        // `printf '' | git hash-object --stdin`, `printf 'hello\n' | git hash-object --stdin`
        assert_eq!(
            blob_oid(b"").to_string(),
            "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"
        );
        assert_eq!(
            blob_oid(b"hello\n").to_string(),
            "ce013625030ba8dba906f756967f9e9ca394464a"
        );
        let big = "- an entry with some words in it\n".repeat(5000);
        assert_eq!(
            blob_oid(big.as_bytes()),
            Oid::hash_object(git2::ObjectType::Blob, big.as_bytes()).unwrap()
        );
    }

    #[test]
    fn the_same_bytes_are_hashed_once_however_split() {
        let before = object_hashes();
        let whole = blob_oid(b"kept once\nand split\n");
        let split = object_oid("blob", &[b"kept once\n", b"and split\n"]);
        assert_eq!((whole, object_hashes()), (split, before + 1));
        // Another kind, or other bytes of the same length, is hashed: another id.
        let commit = object_oid("commit", &[b"kept once\nand split\n"]);
        let other = blob_oid(b"kept once\nand spliT\n");
        assert_eq!(object_hashes(), before + 3);
        assert!(commit != whole && other != whole);
        assert_eq!(
            other,
            Oid::hash_object(git2::ObjectType::Blob, b"kept once\nand spliT\n").unwrap()
        );
        assert!(!same_bytes(b"ab", &[b"a"]) && !same_bytes(b"a", &[b"ab"]));
    }

    #[test]
    fn written_blobs_read_back_through_libgit2_and_git() {
        let dir = tempfile::tempdir().unwrap();
        git2::Repository::init(dir.path()).unwrap();
        let repo = Repo::open(dir.path()).unwrap();
        let text = "# Changelog\n\n".to_owned() + &"- entry with words\n".repeat(3000);
        let id = repo.write_blob(text.as_bytes()).unwrap();
        assert_eq!(repo.blob_bytes(id).as_deref(), Some(text.as_bytes()));
        // A small one is stored uncompressed: git reads it all the same (fsck below).
        let small = repo.write_blob(b"# Changelog\n\n- one\n").unwrap();
        assert_eq!(
            repo.blob_bytes(small).as_deref(),
            Some(&b"# Changelog\n\n- one\n"[..])
        );
        crate::git::testing::git(dir.path(), &["cat-file", "-e", &small.to_string()]);
        // Written again: the same id, nothing replaced.
        assert_eq!(repo.write_blob(text.as_bytes()).unwrap(), id);
        // git reads it, and finds its id true to its content.
        crate::git::testing::git(dir.path(), &["cat-file", "-e", &id.to_string()]);
        crate::git::testing::git(dir.path(), &["fsck", "--strict"]);
        let hex = id.to_string();
        let file = dir
            .path()
            .join(".git/objects")
            .join(&hex[..2])
            .join(&hex[2..]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(file).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o444);
        }
        // No temporary file is left beside it.
        let left: Vec<_> = std::fs::read_dir(dir.path().join(".git/objects").join(&hex[..2]))
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().starts_with("tmp_obj_"))
            .collect();
        assert!(left.is_empty());
    }

    #[test]
    fn stored_streams_inflate_to_their_input() {
        use std::io::Read;
        for len in [0usize, 1, 100, 65535, 65536, 200_000] {
            let data: Vec<u8> = (0..len).map(|i| (i * 7 % 251) as u8).collect();
            let stream = stored_zlib(&[b"blob 3\0", &data]);
            let mut back = Vec::new();
            flate2::read::ZlibDecoder::new(stream.as_slice())
                .read_to_end(&mut back)
                .unwrap();
            assert_eq!(back, [b"blob 3\0".as_slice(), &data].concat(), "{len}");
        }
        // zlib's own checksum, as `python3 -c 'import zlib; print(zlib.adler32(b"Wikipedia"))'`.
        assert_eq!(adler32(b"Wikipedia"), 300_286_872);
    }

    #[test]
    fn committed_files_come_from_the_work_tree_only_when_identical() {
        let dir = tempfile::tempdir().unwrap();
        let git = |args: &[&str]| crate::git::testing::git(dir.path(), args);
        git(&["init", "-q"]);
        std::fs::write(dir.path().join("CHANGELOG.md"), "committed\n").unwrap();
        git(&["add", "CHANGELOG.md"]);
        git(&["commit", "-q", "-m", "docs: x"]);
        let repo = Repo::open(dir.path()).unwrap();
        let head = repo.head().unwrap();
        let path = Path::new("CHANGELOG.md");
        let same = repo.committed_file(head, path).unwrap().unwrap();
        assert_eq!(same.bytes, b"committed\n");
        // A hand edit in the work tree: the committed bytes still come back.
        std::fs::write(dir.path().join("CHANGELOG.md"), "edited by hand\n").unwrap();
        let edited = repo.committed_file(head, path).unwrap().unwrap();
        assert_eq!(edited.bytes, b"committed\n");
        assert_eq!(edited.blob, same.blob);
        // Deleted from the work tree, or never committed.
        std::fs::remove_file(dir.path().join("CHANGELOG.md")).unwrap();
        assert_eq!(
            repo.committed_file(head, path).unwrap().unwrap().bytes,
            b"committed\n"
        );
        assert!(
            repo.committed_file(head, Path::new("NOPE.md"))
                .unwrap()
                .is_none()
        );
    }
}
