//! Which commit last set the version a version file says: the newest one along the file's
//! history that changed the value at the file's key. A commit that touched the file elsewhere
//! (a `description` added to package.json, a dependency requirement a package's release
//! rewrote in the root's manifest) set nothing, and must not hide a breaking change made
//! before it from the first release.

use std::collections::HashMap;

use git2::Oid;

use crate::git::Repo;
use crate::history::version::files::{self, VersionFile};

/// The commit reachable from `from` that last set the version `file` says (its key's value
/// differs from every parent's), `None` when git cannot tell (no such file in history).
pub(super) fn version_set_by(repo: &Repo, file: &VersionFile, from: Oid) -> Option<Oid> {
    let path = &file.path;
    // One read per blob, not per commit: most of the file's commits share blobs with a parent.
    let mut said: HashMap<Oid, Option<String>> = HashMap::new();
    let mut value_at = |commit: Oid| -> Option<String> {
        let blob = repo.blob_at(commit, path)?;
        said.entry(blob)
            .or_insert_with(|| {
                let stored = repo.file_at(commit, path).ok().flatten()?;
                let text = String::from_utf8(stored.bytes).ok()?;
                files::read_version_in(file, &text).ok()
            })
            .clone()
    };
    for id in repo.path_log(from, path).ok()? {
        let Some(value) = value_at(id) else {
            continue;
        };
        let parents = repo.parent_ids(id).ok()?;
        if parents
            .into_iter()
            .all(|p| value_at(p).as_ref() != Some(&value))
        {
            return Some(id);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::git::testing::git;
    use crate::history::version::files::Locator;

    fn commit(dir: &Path, file: &str, text: &str, message: &str) {
        std::fs::write(dir.join(file), text).unwrap();
        git(dir, &["add", "."]);
        git(dir, &["commit", "-q", "-m", message]);
    }

    fn manifest(version: &str, description: &str) -> String {
        format!("{{\n  \"name\": \"x\",{description}\n  \"version\": \"{version}\"\n}}\n")
    }

    #[test]
    fn the_commit_that_changed_the_value_set_it_not_the_last_to_touch_the_file() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        git(dir, &["init", "-q", "-b", "main"]);
        commit(dir, "package.json", &manifest("3.0.0", ""), "init");
        commit(dir, "a.txt", "a\n", "feat!: x");
        let described = manifest("3.0.0", "\n  \"description\": \"d\",");
        commit(dir, "package.json", &described, "describe");
        let file = VersionFile {
            path: PathBuf::from("package.json"),
            locator: Locator::JsonKey("version".into()),
        };
        let repo = Repo::open(dir).unwrap();
        let at = |r: &str| repo.revision_commit(r).unwrap();
        let set_by = |r: &str| version_set_by(&repo, &file, at(r));
        assert_eq!(set_by("HEAD"), Some(at("HEAD~2")));
        // Set again, by hand: that commit; then back to what it was, that one.
        commit(dir, "package.json", &manifest("4.0.0", ""), "bump");
        commit(dir, "package.json", &manifest("3.0.0", ""), "back");
        let repo = Repo::open(dir).unwrap();
        let at = |r: &str| repo.revision_commit(r).unwrap();
        assert_eq!(version_set_by(&repo, &file, at("HEAD")), Some(at("HEAD")));
        assert_eq!(
            version_set_by(&repo, &file, at("HEAD~1")),
            Some(at("HEAD~1"))
        );
        // A merge that takes one side's version set nothing; the side's commit did.
        git(dir, &["switch", "-q", "-c", "side"]);
        commit(dir, "package.json", &manifest("5.0.0", ""), "side bump");
        git(dir, &["switch", "-q", "main"]);
        commit(
            dir,
            "package.json",
            &manifest("3.0.0", "\n  \"x\": 1,"),
            "main touch",
        );
        git(
            dir,
            &[
                "merge", "-q", "--no-ff", "-X", "theirs", "side", "-m", "merge",
            ],
        );
        let repo = Repo::open(dir).unwrap();
        let at = |r: &str| repo.revision_commit(r).unwrap();
        let merged = repo.file_at(at("HEAD"), Path::new("package.json")).unwrap();
        assert!(
            String::from_utf8(merged.unwrap().bytes)
                .unwrap()
                .contains("5.0.0")
        );
        assert_eq!(version_set_by(&repo, &file, at("HEAD")), Some(at("side")));
        // No such file in history: no commit set it.
        let other = VersionFile {
            path: PathBuf::from("Cargo.toml"),
            locator: Locator::TomlKey("package.version".into()),
        };
        assert_eq!(version_set_by(&repo, &other, at("HEAD")), None);
    }
}
