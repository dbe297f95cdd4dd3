//! `Cargo.lock` follows a `Cargo.toml` bump: the `version` of each local package (no `source`)
//! of the bumped crates, edited in place, every other byte kept.

use std::path::{Path, PathBuf};

use super::{Edit, Locator, VersionFile};

/// The `Cargo.lock` edit that follows bumped `Cargo.toml` files: every local package (no
/// `source` line) of the bumped crates whose version was `old`. `None` when there is nothing
/// to change or no lock file.
pub fn cargo_lock_edit(root: &Path, bumped: &[VersionFile], old: &str, new: &str) -> Option<Edit> {
    let cargo: Vec<&VersionFile> = bumped
        .iter()
        .filter(|f| f.path.file_name().is_some_and(|n| n == "Cargo.toml"))
        .collect();
    if cargo.is_empty() {
        return None;
    }
    let lock_path = PathBuf::from("Cargo.lock");
    let before = std::fs::read(root.join(&lock_path)).ok()?;
    let text = String::from_utf8(before.clone()).ok()?;
    let workspace = cargo
        .iter()
        .any(|f| matches!(&f.locator, Locator::TomlKey(k) if k.starts_with("workspace.")));
    let names: Vec<String> = cargo
        .iter()
        .filter_map(|f| package_name(&root.join(&f.path)))
        .collect();
    let after = bump_lock(&text, old, new, |name| {
        workspace || names.iter().any(|n| n == name)
    });
    (after != text).then(|| Edit {
        path: lock_path,
        before,
        after: after.into_bytes(),
    })
}

fn package_name(cargo_toml: &Path) -> Option<String> {
    let text = std::fs::read_to_string(cargo_toml).ok()?;
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
}
