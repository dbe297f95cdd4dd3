//! The runbook's `grep -r "<old version>" .`: the tracked files that hold a fixed string, read
//! as `git grep -l -I -F` reads them. In-process for an index of ordinary size (a hand tag
//! runs this inside `git tag`, and a `git grep` process costs more than reading a few hundred
//! small files); a larger index, or one libgit2 does not fully read, goes to `git grep`, whose
//! threads read a big tree faster.

use std::path::Path;

use git2::{IndexEntryExtendedFlag, IndexEntryFlag};

use super::Repo;
use crate::Result;

/// Past this many index entries the search is `git grep`'s.
const IN_PROCESS_MAX: usize = 2000;

/// What git reads of a file to tell text from binary (`FIRST_FEW_BYTES` in git's xdiff).
const SNIFF: usize = 8000;

/// A tracked file that holds the string, with its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The path from the top of the work tree, `/`-separated (bytes that are not UTF-8 shown
    /// as U+FFFD).
    pub path: String,
    /// The file as searched: the work tree's, or the index's blob where git reads that (an
    /// assume-unchanged file).
    pub bytes: Vec<u8>,
}

impl Repo {
    /// Tracked regular files (below `under`, a directory from the top, when given) whose text
    /// holds `needle`, in index order: what `git grep -l -I -F -e <needle>` lists. Binary
    /// files are left out as git leaves them: by the `diff` attribute, else a NUL in the
    /// first 8,000 bytes. Submodules and symbolic links are not searched.
    pub fn tracked_files_containing(
        &self,
        needle: &str,
        under: Option<&str>,
    ) -> Result<Vec<Found>> {
        let Some(root) = self.work_tree() else {
            return Ok(Vec::new());
        };
        if needle.is_empty() {
            return Ok(Vec::new());
        }
        let prefix = under
            .map(|d| d.trim_end_matches('/'))
            .filter(|d| !d.is_empty() && *d != ".")
            .map(|d| format!("{d}/"));
        match self.inner.index() {
            Ok(index) if index.len() <= IN_PROCESS_MAX && !index.has_conflicts() => {
                Ok(self.search_index(&index, &root, needle, prefix.as_deref()))
            }
            _ => self.search_with_git(&root, needle, prefix.as_deref()),
        }
    }

    fn search_index(
        &self,
        index: &git2::Index,
        root: &Path,
        needle: &str,
        prefix: Option<&str>,
    ) -> Vec<Found> {
        let finder = memchr::memmem::Finder::new(needle.as_bytes());
        let mut out = Vec::new();
        for entry in index.iter() {
            // Regular files only (git grep's own rule): no symbolic link, no submodule.
            if entry.mode & 0o170000 != 0o100000 {
                continue;
            }
            if prefix.is_some_and(|p| !entry.path.starts_with(p.as_bytes())) {
                continue;
            }
            let path = name_of(&entry.path);
            let Some(bytes) = self.entry_bytes(&entry, root, &path) else {
                continue;
            };
            if finder.find(&bytes).is_none() || self.is_binary(&path, &bytes) {
                continue;
            }
            out.push(Found {
                path: path.to_string_lossy().into_owned(),
                bytes,
            });
        }
        out
    }

    /// The bytes git grep reads for an entry: none for a file a sparse checkout leaves out
    /// (git greps the checkout), the index's blob when git takes the file as unchanged, else
    /// the work tree's file (skipped when it is missing or no longer a regular file, as git
    /// skips it).
    fn entry_bytes(&self, entry: &git2::IndexEntry, root: &Path, path: &Path) -> Option<Vec<u8>> {
        if entry.flags_extended & IndexEntryExtendedFlag::SKIP_WORKTREE.bits() != 0 {
            return None;
        }
        if entry.flags & IndexEntryFlag::VALID.bits() != 0 {
            return Some(self.inner.find_blob(entry.id).ok()?.content().to_vec());
        }
        let file = root.join(path);
        if !std::fs::symlink_metadata(&file).ok()?.is_file() {
            return None;
        }
        std::fs::read(file).ok()
    }

    /// Whether git takes `path` for binary: `-diff` (or `binary`) says yes, `diff` says no,
    /// `diff=<driver>` asks `diff.<driver>.binary`; otherwise a NUL early in the file.
    fn is_binary(&self, path: &Path, bytes: &[u8]) -> bool {
        let attr = self.attr_bytes(path, "diff");
        let said = match attr.map(git2::AttrValue::from_bytes) {
            Some(git2::AttrValue::False) => Some(true),
            Some(git2::AttrValue::True) => Some(false),
            Some(git2::AttrValue::String(driver)) => {
                self.config_bool(&format!("diff.{driver}.binary"))
            }
            _ => None,
        };
        said.unwrap_or_else(|| looks_binary(bytes))
    }

    fn search_with_git(
        &self,
        root: &Path,
        needle: &str,
        prefix: Option<&str>,
    ) -> Result<Vec<Found>> {
        // Literal, as the in-process search matches the folder: `pkg[1]` is no glob.
        let top = prefix.map(|p| format!(":(top,literal){p}"));
        let mut args = vec!["grep", "-z", "-l", "-I", "-F", "-e", needle];
        if let Some(top) = &top {
            args.extend(["--", top.as_str()]);
        }
        let out = super::run::Git::new(root, &args)
            .skipping_relhook()
            .output()?;
        // 1: nothing found.
        if out.status == Some(1) {
            return Ok(Vec::new());
        }
        if !out.success() {
            return Err(out.into_error());
        }
        Ok(out
            .stdout
            .split(|b| *b == 0)
            .filter(|p| !p.is_empty())
            .filter_map(|raw| {
                let path = name_of(raw);
                let bytes = std::fs::read(root.join(&path)).ok()?;
                Some(Found {
                    path: path.to_string_lossy().into_owned(),
                    bytes,
                })
            })
            .collect())
    }
}

/// A path as git stores it (bytes, `/`-separated), as a path to open: any bytes on Unix,
/// where a name need not be UTF-8 (a Latin-1 file name); elsewhere read as UTF-8.
fn name_of(raw: &[u8]) -> std::path::PathBuf {
    #[cfg(unix)]
    {
        std::path::PathBuf::from(<std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(raw))
    }
    #[cfg(not(unix))]
    {
        std::path::PathBuf::from(String::from_utf8_lossy(raw).into_owned())
    }
}

/// git's content test for binary: a NUL in the first 8,000 bytes.
fn looks_binary(bytes: &[u8]) -> bool {
    memchr::memchr(0, &bytes[..bytes.len().min(SNIFF)]).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nul_past_the_first_8000_bytes_is_text_as_for_git() {
        assert!(looks_binary(b"ab\0c"));
        assert!(!looks_binary(b"plain text"));
        let mut late = vec![b'a'; SNIFF];
        late.push(0);
        assert!(!looks_binary(&late));
        late[SNIFF - 1] = 0;
        assert!(looks_binary(&late));
    }

    /// The paths `git grep -z -l -I -F -e NEEDLE [-- :(top,literal)DIR]` lists in `dir`.
    fn git_greps(dir: &Path, needle: &str, under: Option<&str>) -> Vec<String> {
        let mut cmd = std::process::Command::new("git");
        cmd.current_dir(dir)
            .args(["grep", "-z", "-l", "-I", "-F", "-e", needle])
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null");
        if let Some(u) = under {
            cmd.args(["--", &format!(":(top,literal){u}")]);
        }
        let out = cmd.output().unwrap();
        out.stdout
            .split(|b| *b == 0)
            .filter(|p| !p.is_empty())
            .map(|p| String::from_utf8(p.to_vec()).unwrap())
            .collect()
    }

    /// A file name that is not UTF-8 (Latin-1 `café`) is searched as git searches it.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_name_that_is_not_utf8_is_searched() {
        use std::os::unix::ffi::OsStrExt;
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        crate::git::testing::git(dir, &["init", "-q"]);
        let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
        std::fs::write(dir.join(name), "1.2.3\n").unwrap();
        crate::git::testing::git(dir, &["add", "."]);
        let repo = Repo::open(dir).unwrap();
        for found in [
            repo.tracked_files_containing("1.2.3", None).unwrap(),
            repo.search_with_git(dir, "1.2.3", None).unwrap(),
        ] {
            assert_eq!(found.len(), 1, "{found:?}");
            assert_eq!(found[0].path, "caf\u{fffd}.txt");
            assert_eq!(found[0].bytes, b"1.2.3\n");
        }
    }

    #[test]
    fn lists_what_git_grep_lists() {
        use crate::git::testing::git;
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        git(dir, &["init", "-q"]);
        let write = |p: &str, b: &[u8]| {
            let f = dir.join(p);
            std::fs::create_dir_all(f.parent().unwrap()).unwrap();
            std::fs::write(f, b).unwrap();
        };
        write("a.txt", b"version 1.2.3\n");
        write("b.txt", b"nothing here\n");
        write("bin.dat", b"\x001.2.3");
        let mut late = vec![b'x'; SNIFF + 10];
        late.extend_from_slice(b"\x001.2.3");
        write("late-nul.txt", &late);
        write("nodiff.txt", b"1.2.3 but -diff\n");
        write("forced.bin", b"\x001.2.3 but diff\n");
        write("drv-bin.txt", b"1.2.3 under a binary driver\n");
        write("drv-text.txt", b"1.2.3 under a text driver\n");
        write("pkg/x/package.json", b"{\"version\": \"1.2.3\"}\n");
        write("pkgother/y.txt", b"1.2.3\n");
        // A folder whose name git would read as a glob (`p*` matches `pkg` too).
        write("p*/z.txt", b"1.2.3\n");
        write("caf\u{e9} spaced.txt", b"1.2.3\n");
        write("hidden.txt", b"1.2.3 in the index\n");
        write("assumed.txt", b"old\n");
        write(
            ".gitattributes",
            b"nodiff.txt -diff\nforced.bin diff\ndrv-bin.txt diff=img\ndrv-text.txt diff=prose\n",
        );
        std::os::unix::fs::symlink("a.txt", dir.join("link.txt")).unwrap();
        git(dir, &["config", "diff.img.binary", "true"]);
        git(dir, &["add", "."]);
        git(dir, &["commit", "-qm", "x"]);
        // Left out of the work tree: git greps the index's blob.
        git(dir, &["update-index", "--skip-worktree", "hidden.txt"]);
        std::fs::remove_file(dir.join("hidden.txt")).unwrap();
        // Taken as unchanged: git greps the blob, not the edited file.
        git(dir, &["update-index", "--assume-unchanged", "assumed.txt"]);
        write("assumed.txt", b"1.2.3 edited, unseen\n");
        // A tracked file gone from the work tree is skipped.
        write("gone.txt", b"1.2.3\n");
        git(dir, &["add", "gone.txt"]);
        std::fs::remove_file(dir.join("gone.txt")).unwrap();

        let repo = Repo::open(dir).unwrap();
        for (needle, under) in [
            ("1.2.3", None),
            ("1.2.3", Some("pkg")),
            ("1.2.3", Some("pkg/")),
            ("1.2.3", Some("p*")),
            ("nothing", None),
            ("absent", None),
            ("old", None),
        ] {
            let ours: Vec<String> = repo
                .tracked_files_containing(needle, under)
                .unwrap()
                .into_iter()
                .map(|f| f.path)
                .collect();
            let want = git_greps(dir, needle, under.map(|u| u.trim_end_matches('/')));
            assert_eq!(ours, want, "{needle} under {under:?}");
            // A large index goes to git grep: the same files.
            let prefix = under.map(|u| format!("{}/", u.trim_end_matches('/')));
            let by_git: Vec<String> = repo
                .search_with_git(dir, needle, prefix.as_deref())
                .unwrap()
                .into_iter()
                .map(|f| f.path)
                .collect();
            assert_eq!(by_git, want, "git grep: {needle} under {under:?}");
        }
        // The index's blob of an assume-unchanged file is what is searched.
        let found = repo.tracked_files_containing("old", None).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].path.as_str(), &found[0].bytes[..]),
            ("assumed.txt", &b"old\n"[..])
        );
    }
}
