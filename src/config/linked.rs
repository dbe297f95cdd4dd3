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
    // Only a relhook configuration is worth a copy: not `/dev/zero` (it would fill the disk),
    // nor `.git/config` (git's settings, not relhook's). No `--config`: the hooks cannot take it.
    let fix = if is_relhook_config(&target) {
        format!(
            "replace the link with a copy of that file (`rm {} && cp {} {}`)",
            q(path),
            q(&target),
            q(path)
        )
    } else if target.is_file() {
        format!(
            "as that file is not a relhook configuration, remove the link (`rm {}`) to use the defaults, or point it at one in the repository",
            q(path)
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

/// Whether `path` is a regular file that reads as a relhook configuration (a small one:
/// no configuration is a megabyte long).
fn is_relhook_config(path: &Path) -> bool {
    let small = std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() <= 1 << 20);
    small
        && crate::fsx::regular_text(path)
            .is_some_and(|text| super::Config::parse(path, &text).is_ok())
}

/// Refuses `path` (the work tree's `.relconfig.toml`) when it is a link that leads to no
/// file: to nothing (a configuration gone missing, not one never written, so the defaults
/// would check commits and releases by rules nobody chose), round a loop of links (said as
/// one, not as an operating system's error), or to a directory or another file that is not a
/// regular one. Where it leads is named as the link says it.
pub(super) fn refuse_broken(path: &Path) -> Result<()> {
    let is_link = path
        .symlink_metadata()
        .is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return Ok(());
    }
    // Shown as messages show any path: through `printable` when printed.
    let to = std::fs::read_link(path).map_or_else(|_| "?".into(), |t| t.display().to_string());
    let why = match std::fs::metadata(path) {
        Ok(m) if m.is_file() => return Ok(()),
        Ok(m) if m.is_dir() => format!("to `{to}`, a directory"),
        Ok(_) => format!("to `{to}`, which is not a regular file (a FIFO or device)"),
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            "that leads round a loop of links to no file".to_owned()
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            format!("to `{to}`, a file that does not exist")
        }
        // Another failure (a folder it cannot search) is the reader's to say.
        Err(_) => return Ok(()),
    };
    let fix = format!(
        "point the link at the configuration file, or remove it (`rm {}`) to use the defaults",
        crate::shellword::quote(&path.to_string_lossy())
    );
    Err(Error::ConfigLinkBroken {
        path: path.to_owned(),
        why,
        fix,
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
        assert!(
            !said.contains("--config"),
            "the hooks cannot take it: {said}"
        );
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
        // QA52: git's own settings are no configuration to copy in.
        std::fs::write(root.join(".git/config"), "[core]\n\tbare = false\n").unwrap();
        std::fs::remove_file(&path).unwrap();
        std::os::unix::fs::symlink(".git/config", &path).unwrap();
        let said = refuse_outside(&root, &path).unwrap_err().to_string();
        assert!(!said.contains("cp "), "{said}");
        assert!(
            said.contains("as that file is not a relhook configuration, remove the link (`rm "),
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
        assert!(said.contains("a symbolic link to `conf/missing.toml`, a file that does not exist; point the link at the configuration file, or remove it (`rm "), "{said}");
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
        // QA52: a link to a folder is said as a link, with where it leads.
        std::fs::remove_file(&path).unwrap();
        std::fs::create_dir(dir.path().join("conf")).unwrap();
        std::os::unix::fs::symlink("conf", &path).unwrap();
        let said = refuse_broken(&path).unwrap_err().to_string();
        assert!(
            said.contains("a symbolic link to `conf`, a directory; "),
            "{said}"
        );
    }
}
