//! `Cargo.lock` follows a `Cargo.toml` bump: the `version` of each local package (no `source`)
//! of the bumped crates, edited in place, every other byte kept.

use std::path::Path;

use super::{Edit, Locator, Locks, VersionFile};

/// The `Cargo.lock` edit (of the lock at `lock_path`, from the top of the work tree) that
/// follows bumped `Cargo.toml` files (each with the version it held): every local package (no
/// `source` line) of each bumped crate whose version was that crate's, all in the one edit;
/// for a workspace's version, the crates named in `inheriting` (those that take it). `None`
/// when there is nothing to change or no lock file. The lock is read from `locks`.
pub fn cargo_lock_edit(
    locks: Locks<'_>,
    root: &Path,
    lock_path: &Path,
    bumped: &[(VersionFile, String)],
    new: &str,
    inheriting: &[String],
) -> Option<Edit> {
    let cargo: Vec<&(VersionFile, String)> = bumped
        .iter()
        .filter(|(f, old)| old != new && f.path.file_name().is_some_and(|n| n == "Cargo.toml"))
        .collect();
    if cargo.is_empty() {
        return None;
    }
    let lock_path = lock_path.to_path_buf();
    let text = locks.read(root, &lock_path).ok()?;
    let before = text.clone().into_bytes();
    let mut after = text.clone();
    for (f, old) in cargo {
        // A workspace's version is every member's that inherits it, and no other crate's
        // (a path dependency at a version of its own keeps it).
        let workspace = matches!(&f.locator, Locator::TomlKey(k) if k.starts_with("workspace."));
        let name = package_name(&root.join(&f.path));
        after = bump_lock(&after, old, new, |n| {
            (workspace && inheriting.iter().any(|c| c == n)) || name.as_deref() == Some(n)
        });
    }
    (after != text).then(|| Edit {
        path: lock_path,
        before,
        after: after.into_bytes(),
        committed: None,
    })
}

/// The `[package] name` of the crate whose manifest is at `cargo_toml`.
pub fn package_name(cargo_toml: &Path) -> Option<String> {
    let text = crate::fsx::regular_text(cargo_toml)?;
    let doc: toml::Table = text.parse().ok()?;
    doc.get("package")?.get("name")?.as_str().map(str::to_owned)
}

/// Rewrites `version = "<old>"` inside `[[package]]` blocks that have no `source` and whose
/// name passes `wanted`, keeping every other byte.
fn bump_lock(text: &str, old: &str, new: &str, wanted: impl Fn(&str) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    for block in split_keep(text, "[[package]]") {
        let local = !block.lines().any(|l| l.starts_with("source = "));
        let name = block.lines().find_map(|l| {
            l.strip_prefix("name = \"")?
                .strip_suffix('"')
                .or_else(|| l.strip_prefix("name = \"")?.strip_suffix("\"\r"))
        });
        let old_line = format!("version = \"{old}\"");
        if local && name.is_some_and(&wanted) && block.contains(&old_line) {
            out.push_str(&block.replacen(&old_line, &format!("version = \"{new}\""), 1));
        } else {
            out.push_str(block);
        }
    }
    out
}

/// The version of the local package (no `source`) named `name` in the lock text, `None` when
/// the lock has no such entry.
pub fn local_version<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    split_keep(text, "[[package]]")
        .into_iter()
        .find_map(|block| {
            let field = |key: &str| {
                block.lines().find_map(|l| {
                    let l = l.strip_suffix('\r').unwrap_or(l);
                    l.strip_prefix(key)?
                        .strip_prefix(" = \"")?
                        .strip_suffix('"')
                })
            };
            let local = !block.lines().any(|l| l.starts_with("source = "));
            (local && field("name") == Some(name))
                .then(|| field("version"))
                .flatten()
        })
}

/// Splits before each occurrence of `marker`, keeping every byte.
fn split_keep<'a>(text: &'a str, marker: &str) -> Vec<&'a str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(marker).skip_while(|(i, _)| *i == 0) {
        parts.push(&text[start..i]);
        start = i;
    }
    parts.push(&text[start..]);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = "version = 4\n\n[[package]]\nname = \"app\"\nversion = \"1.2.3\"\ndependencies = [\n \"dep\",\n]\n\n[[package]]\nname = \"dep\"\nversion = \"1.2.3\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n";

    #[test]
    fn lock_bumps_only_the_local_package() {
        let after = bump_lock(LOCK, "1.2.3", "1.3.0", |n| n == "app");
        assert_eq!(
            after,
            LOCK.replacen(
                "version = \"1.2.3\"\ndependencies",
                "version = \"1.3.0\"\ndependencies",
                1
            )
        );
        let crlf = LOCK.replace('\n', "\r\n");
        let after = bump_lock(&crlf, "1.2.3", "1.3.0", |n| n == "app");
        assert!(
            after.contains("name = \"app\"\r\nversion = \"1.3.0\"\r\n"),
            "{after:?}"
        );
        assert!(after.contains("name = \"dep\"\r\nversion = \"1.2.3\""));
    }

    #[test]
    fn a_local_entry_is_found_by_name_and_a_registry_one_is_not() {
        assert_eq!(local_version(LOCK, "app"), Some("1.2.3"));
        assert_eq!(local_version(LOCK, "dep"), None);
        assert_eq!(local_version(LOCK, "other"), None);
        assert_eq!(
            local_version(&LOCK.replace('\n', "\r\n"), "app"),
            Some("1.2.3")
        );
    }

    fn cargo(dir: &std::path::Path, name: &str) -> VersionFile {
        let path = std::path::PathBuf::from(name).join("Cargo.toml");
        let text = format!("[package]\nname = \"{name}\"\nversion = \"1.0.0\"\n");
        std::fs::create_dir_all(dir.join(name)).unwrap();
        std::fs::write(dir.join(&path), text).unwrap();
        VersionFile {
            path,
            locator: Locator::TomlKey("package.version".into()),
        }
    }

    #[test]
    fn the_lock_edit_moves_every_bumped_crate() {
        let dir = tempfile::tempdir().unwrap();
        let lock = "[[package]]\nname = \"a\"\nversion = \"1.0.0\"\n\n[[package]]\nname = \"b\"\nversion = \"1.0.0\"\n\n[[package]]\nname = \"c\"\nversion = \"1.0.0\"\n";
        std::fs::write(dir.path().join("Cargo.lock"), lock).unwrap();
        let (a, b) = (cargo(dir.path(), "a"), cargo(dir.path(), "b"));
        let bumped = [(a, "1.0.0".to_owned()), (b, "1.0.0".to_owned())];
        let lock_path = Path::new("Cargo.lock");
        let edit = cargo_lock_edit(
            Locks::WorkTree,
            dir.path(),
            lock_path,
            &bumped,
            "1.1.0",
            &[],
        );
        let edit = edit.unwrap();
        assert_eq!(edit.before, lock.as_bytes());
        assert_eq!(
            String::from_utf8(edit.after).unwrap(),
            lock.replacen("1.0.0", "1.1.0", 2),
            "a and b move, c (not bumped) stays"
        );
        // Already at the version: nothing to do.
        let same = cargo_lock_edit(
            Locks::WorkTree,
            dir.path(),
            lock_path,
            &bumped,
            "1.0.0",
            &[],
        );
        assert!(same.is_none());
    }
}
