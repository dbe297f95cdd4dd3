//! A changelog path the work tree holds as something other than a file (a FIFO, a directory,
//! a device or a socket): relhook neither reads nor writes it, and says so in one line with
//! the fix, the same words for post-commit, `--sync`, a release and a hand tag.

use std::path::Path;

/// What stands at the changelog's path instead of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAFile {
    /// A named pipe: a read would wait for a writer for good.
    Fifo,
    /// A directory (the fix differs: an empty one is removed, one with files is not).
    Directory {
        /// Whether it holds nothing.
        empty: bool,
    },
    /// A device or a socket.
    Special,
    /// A symbolic link to nothing (its file moved or deleted, a checkout on another machine).
    DanglingLink,
}

/// What stands at `root/rel` when it is there and not a regular file (a symlink is followed:
/// one to a file is a file); `None` for a file, or nothing at all.
pub fn not_a_file(root: &Path, rel: &Path) -> Option<NotAFile> {
    let path = root.join(rel);
    let Ok(meta) = std::fs::metadata(&path) else {
        let link = path.symlink_metadata().ok()?;
        return link
            .file_type()
            .is_symlink()
            .then_some(NotAFile::DanglingLink);
    };
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        let empty = std::fs::read_dir(&path).is_ok_and(|mut d| d.next().is_none());
        return Some(NotAFile::Directory { empty });
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some(NotAFile::Fifo);
        }
    }
    Some(NotAFile::Special)
}

/// `CHANGELOG.md is a FIFO (named pipe), not a file`.
pub fn not_a_file_what(rel: &Path, kind: NotAFile) -> String {
    let is = match kind {
        NotAFile::Fifo => "a FIFO (named pipe)",
        NotAFile::Directory { .. } => "a directory",
        NotAFile::Special => "a device or socket",
        NotAFile::DanglingLink => "a symbolic link to nothing (what it named is gone)",
    };
    // Said in advice too (pre-push's fix), which keeps its line breaks: a name's are shown.
    let shown = crate::printable::visible(&rel.display().to_string());
    format!("{shown} is {is}, not a file")
}

/// The command that puts a file back at `rel` (`committed`: HEAD holds one there, which
/// `git checkout` restores; otherwise relhook creates it), or, for a directory that holds
/// files, the setting that points the changelog at a file instead (`key`: its words,
/// `` `changelog.path` in .relconfig.toml ``). Both commands name the path from the top, so
/// that they work pasted in any folder of the work tree.
pub fn not_a_file_fix(rel: &Path, kind: NotAFile, committed: bool, key: &str) -> String {
    let word = crate::shellword::below_top(rel);
    let restore = if committed {
        format!(" && git checkout -- {}", crate::shellword::from_top(rel))
    } else {
        String::new()
    };
    match kind {
        NotAFile::Fifo | NotAFile::Special | NotAFile::DanglingLink => {
            format!("`rm {word}{restore}`")
        }
        NotAFile::Directory { empty: true } => format!("`rmdir {word}{restore}`"),
        NotAFile::Directory { empty: false } => format!(
            "point {key} at a file (such as {}) or move the directory away",
            rel.join("CHANGELOG.md").display()
        ),
    }
}

/// Whether `root/rel` is a file its permissions keep relhook from reading (mode 000, another
/// user's): said before the work starts, not as a read failing halfway (a hand tag's
/// `committed` could only withdraw the tag git made).
pub fn unreadable(root: &Path, rel: &Path) -> bool {
    let path = root.join(rel);
    // Opened, not read: a regular file's open does not wait.
    std::fs::metadata(&path).is_ok_and(|m| m.is_file())
        && std::fs::File::open(&path)
            .is_err_and(|e| e.kind() == std::io::ErrorKind::PermissionDenied)
}

/// What [`unreadable`] found, and the command that makes it readable (and writable) again.
pub fn unreadable_what_fix(rel: &Path) -> (String, String) {
    let word = crate::shellword::below_top(rel);
    (
        format!("{} cannot be read (permission denied)", rel.display()),
        format!("`chmod u+rw {word}` (as its owner)"),
    )
}

/// The size of the file at `root/rel` when it holds more than [`crate::fsx::CHANGELOG_CAP`]:
/// told by its size before any read, never read (`None`: smaller, or no file).
pub fn too_large(root: &Path, rel: &Path) -> Option<u64> {
    let meta = std::fs::metadata(root.join(rel)).ok()?;
    (meta.is_file() && meta.len() > crate::fsx::CHANGELOG_CAP).then_some(meta.len())
}

/// What [`too_large`] found (`len` bytes), and the fix: older releases moved to a file of
/// their own, or (`committed`: HEAD holds the file) the committed one put back, if it grew
/// by mistake.
pub fn too_large_what_fix(rel: &Path, len: u64, committed: bool) -> (String, String) {
    let mib = |n: u64| n.div_ceil(1 << 20);
    let what = format!(
        "{} is {} MiB, larger than the {} MiB relhook reads of a changelog (vue's is 1 MiB)",
        crate::printable::visible(&rel.display().to_string()),
        mib(len),
        mib(crate::fsx::CHANGELOG_CAP)
    );
    let mut fix = "move its older releases into a file of their own".to_owned();
    if committed {
        fix.push_str(&format!(
            ", or put back the committed one if it grew by mistake (`git checkout -- {}`)",
            crate::shellword::from_top(rel)
        ));
    }
    (what, fix)
}

/// The fix for a link to nothing that HEAD itself holds (mode 120000), which `git checkout`
/// would only bring back: take it out of the repository, or name the file it stood for.
pub fn committed_link_fix(rel: &Path, key: &str) -> String {
    let word = crate::shellword::from_top(rel);
    format!(
        "`git rm -q {word}` and commit (the link is committed: `git checkout` would bring it back), so that relhook starts a new file, or point {key} at the changelog it stood for"
    )
}

/// Why relhook writes no changelog at `path` when the commit holds `twin`, the same name in
/// another letter case (`changelog.md`): a second changelog beside it, and on a
/// case-insensitive file system the same file under two names in git.
pub fn case_twin_what(path: &std::path::Path, twin: &std::path::Path) -> String {
    format!(
        "{} does not exist but {} does, and relhook makes no second changelog beside it",
        path.display(),
        twin.display()
    )
}

/// The file in the work tree beside `root/rel` whose name differs from `rel`'s in letter case
/// only, when the folder holds no entry of `rel`'s own name: read from the folder's listing,
/// which gives each name as it is stored (a case-insensitive file system opens that file as
/// `rel` too, so asking for `rel` itself cannot tell the two apart).
pub fn case_twin_on_disk(root: &Path, rel: &Path) -> Option<std::path::PathBuf> {
    let name = rel.file_name()?.to_str()?;
    let dir = rel.parent().filter(|d| !d.as_os_str().is_empty());
    let listing = std::fs::read_dir(dir.map_or_else(|| root.to_path_buf(), |d| root.join(d)));
    let mut twin = None;
    for entry in listing.ok()?.flatten() {
        let file_name = entry.file_name();
        let Some(other) = file_name.to_str() else {
            continue;
        };
        if other == name {
            return None;
        }
        if twin.is_none() && other.eq_ignore_ascii_case(name) && entry.path().is_file() {
            twin = Some(other.to_owned());
        }
    }
    twin.map(|n| dir.map_or_else(|| n.clone().into(), |d| d.join(&n)))
}

/// [`case_twin_fix`] for a `twin` HEAD does not hold (new, not committed yet), which `git mv`
/// refuses: a plain `mv`, from the top.
pub fn case_twin_untracked_fix(path: &Path, twin: &Path, key: &str) -> String {
    format!(
        "`mv {} {}`, or point {key} at {}",
        crate::shellword::below_top(twin),
        crate::shellword::below_top(path),
        twin.display()
    )
}

/// The fix for [`case_twin_what`]: the file renamed, or the setting (`key`, in words such as
/// `` `changelog.path` in .relconfig.toml ``) pointed at it.
pub fn case_twin_fix(path: &std::path::Path, twin: &std::path::Path, key: &str) -> String {
    // git mv takes paths from the folder it runs in, not pathspecs: run at the top.
    format!(
        "`git -C \"$(git rev-parse --show-toplevel)\" mv {} {}` and commit the rename, or point {key} at {}",
        crate::shellword::quote(&twin.display().to_string()),
        crate::shellword::quote(&path.display().to_string()),
        twin.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fifo_is_removed_and_a_committed_one_restored() {
        let rel = Path::new("CHANGELOG.md");
        let key = "`changelog.path` in .relconfig.toml";
        assert_eq!(
            not_a_file_what(rel, NotAFile::Fifo),
            "CHANGELOG.md is a FIFO (named pipe), not a file"
        );
        assert_eq!(
            not_a_file_fix(rel, NotAFile::Fifo, true, key),
            "`rm \"$(git rev-parse --show-toplevel)\"/CHANGELOG.md && git checkout -- :/CHANGELOG.md`"
        );
        assert_eq!(
            not_a_file_fix(rel, NotAFile::Directory { empty: true }, false, key),
            "`rmdir \"$(git rev-parse --show-toplevel)\"/CHANGELOG.md`"
        );
        assert_eq!(
            not_a_file_fix(rel, NotAFile::Directory { empty: false }, true, key),
            "point `changelog.path` in .relconfig.toml at a file (such as CHANGELOG.md/CHANGELOG.md) or move the directory away"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_file_without_read_permission_is_unreadable() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("CHANGELOG.md");
        std::fs::write(&path, "x").unwrap();
        assert!(!unreadable(dir.path(), Path::new("CHANGELOG.md")));
        assert!(!unreadable(dir.path(), Path::new("none")));
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
        // Root reads past the mode: there is nothing to tell then.
        let readable = std::fs::File::open(&path).is_ok();
        assert_eq!(unreadable(dir.path(), Path::new("CHANGELOG.md")), !readable);
        assert_eq!(
            unreadable_what_fix(Path::new("my log.md")),
            (
                "my log.md cannot be read (permission denied)".to_owned(),
                "`chmod u+rw \"$(git rev-parse --show-toplevel)\"/'my log.md'` (as its owner)"
                    .to_owned()
            )
        );
    }

    #[test]
    fn a_twin_on_disk_is_one_in_another_letter_case_only() {
        let dir = tempfile::tempdir().unwrap();
        let rel = Path::new("docs/CHANGELOG.md");
        assert_eq!(case_twin_on_disk(dir.path(), rel), None);
        std::fs::create_dir(dir.path().join("docs")).unwrap();
        std::fs::write(dir.path().join("docs/CHANGES.md"), "x").unwrap();
        assert_eq!(case_twin_on_disk(dir.path(), rel), None);
        std::fs::write(dir.path().join("docs/changelog.md"), "x").unwrap();
        assert_eq!(
            case_twin_on_disk(dir.path(), rel),
            Some(Path::new("docs/changelog.md").to_path_buf())
        );
        // On a case-sensitive file system both can be there: the file itself is no twin.
        if !dir.path().join("docs/CHANGELOG.md").exists() {
            std::fs::write(dir.path().join("docs/CHANGELOG.md"), "x").unwrap();
            assert_eq!(case_twin_on_disk(dir.path(), rel), None);
        }
        assert_eq!(
            case_twin_untracked_fix(
                Path::new("CHANGELOG.md"),
                Path::new("changelog.md"),
                "`changelog.path` in .relconfig.toml"
            ),
            "`mv \"$(git rev-parse --show-toplevel)\"/changelog.md \"$(git rev-parse --show-toplevel)\"/CHANGELOG.md`, or point `changelog.path` in .relconfig.toml at changelog.md"
        );
    }

    #[test]
    fn a_file_or_nothing_is_no_problem() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("f"), "x").unwrap();
        assert_eq!(not_a_file(dir.path(), Path::new("f")), None);
        assert_eq!(not_a_file(dir.path(), Path::new("none")), None);
        std::fs::create_dir(dir.path().join("d")).unwrap();
        assert_eq!(
            not_a_file(dir.path(), Path::new("d")),
            Some(NotAFile::Directory { empty: true })
        );
    }
}
