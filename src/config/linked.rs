//! A `.relconfig.toml` that is a symbolic link: followed only to a file inside the
//! repository, the rule for every path the configuration gives, so that a link to a file
//! elsewhere (another clone, a home folder) never sets this repository's rules unseen, nor
//! one into the git directory, which dangles in every clone. A
//! `--config` path is not checked here: whoever typed it chose the file.

use std::path::Path;

use crate::{Error, Result};

/// Refuses `path` (the work tree's `.relconfig.toml`, at the top `root`) when it is a link
/// whose file, every link resolved, lies outside `root`. One `lstat` when it is no link: the
/// hooks load it on every commit.
pub(super) fn refuse_outside(root: &Path, path: &Path) -> Result<()> {
    let is_link = path
        .symlink_metadata()
        .is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return Ok(());
    }
    // A link to nothing is the loader's to say; a root that cannot be resolved, git's.
    let (Ok(target), Ok(top)) = (path.canonicalize(), crate::fsx::real_root(root)) else {
        return Ok(());
    };
    // Git keeps nothing under a `.git` in the work tree: a link there dangles in every clone.
    let git_dir = target.strip_prefix(&top).is_ok_and(|rel| {
        rel.components()
            .any(|c| c.as_os_str() == std::ffi::OsStr::new(".git"))
    });
    if target.starts_with(&top) && !git_dir {
        return Ok(());
    }
    let q = |p: &Path| crate::shellword::quote(&p.to_string_lossy());
    // Only a regular file is worth a copy (`/dev/zero` would fill the disk).
    let fix = if target.is_file() {
        format!(
            "replace the link with a copy of that file (`rm {} && cp {} {}`), or name it with `--config {}`",
            q(path),
            q(&target),
            q(path),
            q(&target)
        )
    } else {
        format!(
            "point the link at a file in the repository, or remove it (`rm {}`) to use the defaults",
            q(path)
        )
    };
    Err(Error::ConfigLinkedOutside {
        path: path.to_owned(),
        target,
        git_dir,
        fix,
    })
}

/// Refuses `path` (the work tree's `.relconfig.toml`) when it is a link that leads to no
/// file: a configuration gone missing, not one never written, so the defaults would check
/// commits and releases by rules nobody chose. A loop of links is said as one, not as an
/// operating system's error.
pub(super) fn refuse_broken(path: &Path) -> Result<()> {
    let is_link = path
        .symlink_metadata()
        .is_ok_and(|m| m.file_type().is_symlink());
    let why = match std::fs::metadata(path) {
        _ if !is_link => return Ok(()),
        Ok(_) => return Ok(()),
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            "that leads round a loop of links to no file"
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => "to a file that does not exist",
        // Another failure (a folder it cannot search) is the reader's to say.
        Err(_) => return Ok(()),
    };
    Err(Error::ConfigLinkBroken {
        path: path.to_owned(),
        why,
        fix: "point the link at the configuration, or remove it to use the defaults",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_link_is_followed_only_inside_the_repository() {
        let dir = tempfile::tempdir().unwrap();
        let (root, away) = (dir.path().join("repo"), dir.path().join("away"));
        std::fs::create_dir_all(root.join("conf")).unwrap();
        std::fs::create_dir_all(&away).unwrap();
        std::fs::write(root.join("conf/rel.toml"), "").unwrap();
        std::fs::write(away.join("rel.toml"), "").unwrap();
        let path = root.join(crate::config::FILE_NAME);
        assert!(
            refuse_outside(&root, &path).is_ok(),
            "no file: the defaults"
        );
        std::os::unix::fs::symlink("conf/rel.toml", &path).unwrap();
        assert!(refuse_outside(&root, &path).is_ok(), "inside");
        std::fs::remove_file(&path).unwrap();
        std::os::unix::fs::symlink("../away/rel.toml", &path).unwrap();
        let e = refuse_outside(&root, &path).unwrap_err();
        let said = e.to_string();
        assert!(
            said.contains("away/rel.toml`, outside the repository"),
            "{said}"
        );
        assert!(said.contains("&& cp "), "{said}");
        // A link inside that leads on out is outside too.
        std::fs::remove_file(root.join("conf/rel.toml")).unwrap();
        std::os::unix::fs::symlink("../../away/rel.toml", root.join("conf/rel.toml")).unwrap();
        std::fs::remove_file(&path).unwrap();
        std::os::unix::fs::symlink("conf/rel.toml", &path).unwrap();
        assert!(refuse_outside(&root, &path).is_err());
        // The git directory is inside the folder but in no clone.
        std::fs::create_dir_all(root.join(".git")).unwrap();
        std::fs::write(root.join(".git/rel.toml"), "").unwrap();
        std::fs::remove_file(&path).unwrap();
        std::os::unix::fs::symlink(".git/rel.toml", &path).unwrap();
        let said = refuse_outside(&root, &path).unwrap_err().to_string();
        assert!(
            said.contains("rel.toml`, in the git directory, outside the work tree"),
            "{said}"
        );
    }

    /// QA51: a link to nothing, and one round a loop, said as such (not `os error 40`).
    #[cfg(unix)]
    #[test]
    fn a_link_to_no_file_is_refused_as_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(crate::config::FILE_NAME);
        assert!(refuse_broken(&path).is_ok(), "no file: the defaults");
        std::os::unix::fs::symlink("conf/missing.toml", &path).unwrap();
        let said = refuse_broken(&path).unwrap_err().to_string();
        assert!(said.contains("a symbolic link to a file that does not exist; point the link at the configuration, or remove it to use the defaults"), "{said}");
        std::fs::remove_file(&path).unwrap();
        std::os::unix::fs::symlink(crate::config::FILE_NAME, &path).unwrap();
        let said = refuse_broken(&path).unwrap_err().to_string();
        assert!(
            said.contains("a symbolic link that leads round a loop"),
            "{said}"
        );
        std::fs::remove_file(&path).unwrap();
        std::fs::write(dir.path().join("rel.toml"), "").unwrap();
        std::os::unix::fs::symlink("rel.toml", &path).unwrap();
        assert!(refuse_broken(&path).is_ok(), "a link to a file");
    }
}
