//! The tables a package had before it was renamed together with its folder (`git mv
//! packages/a packages/core`, `[packages.a]` → `[packages.core]` and its `path`), in one
//! commit or in two consecutive ones (moved, then renamed). Neither its name nor its folder
//! tells such a table from today's configuration ([`then::same_package`]'s rule), so its
//! history, and its releases, would start at the rename: followed here back through each
//! change of the stored configuration, one step at a time.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use git2::Oid;

use super::then;
use crate::config::{Config, FILE_NAME, Package};
use crate::git::Repo;

/// A table of the package in some stored configuration: its name and folder there.
pub type Former = (String, PathBuf);

thread_local! {
    /// Per HEAD, package and its folder today: its former tables (read once per command).
    static SEEN: RefCell<HashMap<(Oid, String, PathBuf), Vec<Former>>> = RefCell::default();
}

/// Every table package `name` (of `today`) had along HEAD's history, its own today first.
pub fn formers(repo: &Repo, today: &Config, name: &str) -> Vec<Former> {
    let Some(package) = today.packages.iter().find(|p| p.name == name) else {
        return Vec::new();
    };
    let Some(head) = repo.head() else {
        return vec![(name.to_owned(), package.path.clone())];
    };
    let key = (head, name.to_owned(), package.path.clone());
    if let Some(known) = SEEN.with(|s| s.borrow().get(&key).cloned()) {
        return known;
    }
    let known = traced(repo, today, package, head);
    SEEN.with(|s| s.borrow_mut().insert(key, known.clone()));
    known
}

/// [`then::same_package`], else the table of `then` that is one of the package's
/// [`formers`] (renamed with its folder since).
pub fn same_package<'t>(
    repo: &Repo,
    then: &'t Config,
    today: &Config,
    name: &str,
) -> Option<&'t Package> {
    then::same_package(then, today, name).or_else(|| {
        // Only a table of a name today has none of, or of another folder, can be a former.
        let renamed = |p: &Package| {
            !today
                .packages
                .iter()
                .any(|t| t.name == p.name && t.path == p.path)
        };
        if !then.packages.iter().any(renamed) {
            return None;
        }
        let known = formers(repo, today, name);
        then.packages
            .iter()
            .find(|p| known.iter().any(|(n, d)| *n == p.name && *d == p.path))
    })
}

/// The formers of `package`, from each commit along HEAD's history that changed the stored
/// configuration, newest first: a table of the package there is followed to the parent's by
/// its name, by its folder (renamed in place), or by the folder that commit or its parent
/// moved to the table's.
fn traced(repo: &Repo, today: &Config, package: &Package, head: Oid) -> Vec<Former> {
    let mut known = vec![(package.name.clone(), package.path.clone())];
    if let Some(was) = then::stored(repo, head)
        .as_ref()
        .and_then(|c| then::same_package(c, today, &package.name))
    {
        add(&mut known, was);
    }
    let file = Path::new(FILE_NAME);
    for commit in repo.path_log(head, file).unwrap_or_default() {
        let (Some(newer), Some(parent)) = (then::stored(repo, commit), repo.first_parent(commit))
        else {
            continue;
        };
        let Some(older) = then::stored(repo, parent) else {
            continue;
        };
        let bases: Vec<Oid> = std::iter::once(parent)
            .chain(repo.first_parent(parent))
            .collect();
        let ours: Vec<&Package> = newer
            .packages
            .iter()
            .filter(|p| is_known(&known, p))
            .collect();
        for now in ours {
            if let Some(was) = step(repo, &newer, &older, now, commit, &bases) {
                add(&mut known, was);
            }
        }
    }
    known
}

/// The table of `older` that `now` (of `newer`, stored at `commit`) was.
fn step<'o>(
    repo: &Repo,
    newer: &Config,
    older: &'o Config,
    now: &Package,
    commit: Oid,
    bases: &[Oid],
) -> Option<&'o Package> {
    let gone = |p: &&Package| !newer.packages.iter().any(|n| n.name == p.name);
    let named = older.packages.iter().find(|p| p.name == now.name);
    named
        .or_else(|| {
            older
                .packages
                .iter()
                .filter(gone)
                .find(|p| p.path == now.path)
        })
        .or_else(|| {
            older.packages.iter().filter(gone).find(|p| {
                bases
                    .iter()
                    .any(|base| repo.moved_dir(*base, commit, &p.path, &now.path))
            })
        })
}

fn is_known(known: &[Former], p: &Package) -> bool {
    known.iter().any(|(n, d)| *n == p.name && *d == p.path)
}

fn add(known: &mut Vec<Former>, p: &Package) {
    if !is_known(known, p) {
        known.push((p.name.clone(), p.path.clone()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::git::testing::git;

    fn write(root: &Path, rel: &str, text: &str) {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    fn commit(dir: &Path, message: &str) {
        git(dir, &["add", "-A"]);
        git(dir, &["commit", "-q", "--allow-empty", "-m", message]);
    }

    fn table(name: &str, path: &str) -> String {
        format!("[packages.{name}]\npath = \"{path}\"\n")
    }

    /// Package `a` in packages/a, moved to packages/core and renamed `core` by `steps` (each
    /// the configuration committed with the move, or `None` for a commit without the move).
    fn renamed(dir: &Path, steps: &[&str]) -> Config {
        git(dir, &["init", "-q", "-b", "main"]);
        write(dir, "packages/a/package.json", "{\"name\":\"a\"}\n");
        write(dir, FILE_NAME, &table("a", "packages/a"));
        commit(dir, "chore: start");
        for (i, config) in steps.iter().enumerate() {
            if i == 0 {
                git(dir, &["mv", "packages/a", "packages/core"]);
            }
            write(dir, FILE_NAME, config);
            commit(dir, "refactor: move");
        }
        Config::parse(Path::new(FILE_NAME), &table("core", "packages/core")).unwrap()
    }

    fn names(repo: &Repo, today: &Config) -> Vec<Former> {
        formers(repo, today, "core")
    }

    #[test]
    fn a_package_renamed_with_its_folder_keeps_its_former_table() {
        let core = table("core", "packages/core");
        for steps in [
            vec![core.as_str()],
            vec![&table("a", "packages/core"), core.as_str()],
            vec![&table("a", "packages/a"), core.as_str()],
        ] {
            let tmp = tempfile::tempdir().unwrap();
            let today = renamed(tmp.path(), &steps);
            let repo = Repo::open(tmp.path()).unwrap();
            let known = names(&repo, &today);
            assert!(
                known.contains(&("a".into(), "packages/a".into())),
                "{steps:?}: {known:?}"
            );
            let then = Config::parse(Path::new(FILE_NAME), &table("a", "packages/a")).unwrap();
            assert_eq!(
                same_package(&repo, &then, &today, "core").unwrap().name,
                "a"
            );
        }
    }

    #[test]
    fn a_new_package_in_a_folder_of_other_files_is_no_former() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        git(dir, &["init", "-q", "-b", "main"]);
        write(dir, "packages/a/package.json", "{\"name\":\"a\"}\n");
        write(dir, FILE_NAME, &table("a", "packages/a"));
        commit(dir, "chore: start");
        // `a` removed, `core` made anew: no file of a's is in core's folder.
        git(dir, &["rm", "-q", "-r", "packages/a"]);
        write(dir, "packages/core/package.json", "{\"name\":\"core\"}\n");
        write(dir, FILE_NAME, &table("core", "packages/core"));
        commit(dir, "feat: core");
        let today = Config::parse(Path::new(FILE_NAME), &table("core", "packages/core")).unwrap();
        let repo = Repo::open(dir).unwrap();
        assert_eq!(
            names(&repo, &today),
            [("core".into(), "packages/core".into())]
        );
    }
}
