//! A uv.lock that takes a Python dependent's requirement on a released sibling from a package
//! index (`requires-dist = [{ name = "a", specifier = "==1.0.0" }]`) rather than from the
//! repository (a workspace or path source, which uv records without a specifier, and whose
//! version entry the release moves). The release moves the requirement in pyproject.toml;
//! the lock can follow only once the new version is published, so it is left as it is with
//! a note that says so, never silently stale.

use std::path::{Path, PathBuf};

use super::dependents::{Change, Read};
use crate::Result;
use crate::history::version::files::deps::Manifest;
use crate::history::version::files::py_pre;
use crate::history::version::files::slash_path;

/// The notes on the uv.lock files (the top's, and one in the dependent's folder) that record a
/// requirement of `changes` as resolved from an index, added to `out` (the notes on the
/// repository's files, one a file).
pub(super) fn notes(
    read: Read<'_>,
    changes: &[Change],
    out: &mut Vec<(PathBuf, String)>,
) -> Result<()> {
    for c in changes {
        // uv reads a pyproject.toml's PEP 621 tables, not Poetry's.
        if c.before == c.after || c.kind != Manifest::Python {
            continue;
        }
        let dir = c.file.parent().unwrap_or(Path::new(""));
        let mut locks = vec![(PathBuf::from("uv.lock"), slash_path(dir))];
        if !dir.as_os_str().is_empty() {
            locks.push((dir.join("uv.lock"), ".".to_owned()));
        }
        for (lock, source) in locks {
            if out.iter().any(|(l, _)| *l == lock) {
                continue;
            }
            let Some(text) = read(&lock)? else { continue };
            if let Some(specifier) = from_index(&text, &source, &c.name) {
                let note = format!(
                    "{}: it takes {} for {} from a package index (`specifier = \"{specifier}\"`), not from the repository, so the release leaves it as it is; once {} {} is published, `uv lock{}` refreshes it",
                    lock.display(),
                    c.name,
                    c.file.display(),
                    c.name,
                    // As the index names it (`1.1.0rc1`, not SemVer's `1.1.0-rc.1`).
                    py_pre::spelled(c.kind, &c.version),
                    match lock.parent().filter(|d| !d.as_os_str().is_empty()) {
                        Some(d) => format!(
                            " --directory {}",
                            crate::shellword::folder_value(&slash_path(d))
                        ),
                        None => String::new(),
                    }
                );
                out.push((lock, note));
            }
        }
    }
    Ok(())
}

/// The specifier the lock `text` records for the requirement on `name` of its project at
/// `source`, when it takes it from an index (no source of the repository beside it).
fn from_index(text: &str, source: &str, name: &str) -> Option<String> {
    let doc: toml::Table = text.parse().ok()?;
    let entry = doc.get("package")?.as_array()?.iter().find(|p| {
        let s = p.get("source").and_then(|s| s.as_table());
        ["editable", "virtual", "directory"]
            .iter()
            .any(|k| s.and_then(|s| s.get(*k)).and_then(|v| v.as_str()) == Some(source))
    })?;
    let metadata = entry.get("metadata")?;
    let dev = metadata.get("requires-dev").and_then(|d| d.as_table());
    let lists = std::iter::once(metadata.get("requires-dist"))
        .chain(dev.into_iter().flat_map(|d| d.values().map(Some)));
    let local = ["editable", "directory", "path", "virtual", "git", "url"];
    lists
        .flatten()
        .filter_map(|l| l.as_array())
        .flatten()
        .filter(|r| r.get("name").and_then(|n| n.as_str()) == Some(name))
        .filter(|r| !local.iter().any(|k| r.get(*k).is_some()))
        .find_map(|r| r.get("specifier")?.as_str().map(str::to_owned))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_requirement_taken_from_an_index_is_found() {
        let lock = "version = 1\n\n[[package]]\nname = \"b\"\nversion = \"1.0.0\"\nsource = { editable = \"p/b\" }\n\n[package.metadata]\nrequires-dist = [\n    { name = \"a\", specifier = \"==1.0.0\" },\n    { name = \"c\", editable = \"p/c\" },\n]\n\n[package.metadata.requires-dev]\ndev = [{ name = \"d\", specifier = \">=1\" }]\n";
        assert_eq!(from_index(lock, "p/b", "a").as_deref(), Some("==1.0.0"));
        assert_eq!(from_index(lock, "p/b", "c"), None);
        assert_eq!(from_index(lock, "p/b", "d").as_deref(), Some(">=1"));
        assert_eq!(from_index(lock, "p/x", "a"), None);
    }
}
