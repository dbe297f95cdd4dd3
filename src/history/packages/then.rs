//! The packages as the `.relconfig.toml` committed with a commit has them: the one rule by
//! which every reader of history tells whose a commit, or a changelog, was then. A folder is
//! the package's that this configuration gives it; a package's history starts with its table
//! (a commit made before it, under a configuration without it, was the root's or another
//! package's, and post-commit gave it its entry there). A commit made before the repository
//! had any configuration is read with today's, except one that added an entry to the root
//! changelog ([`logged_at_root`]): an entry stays in the changelog it is in.

use std::path::Path;

use git2::Oid;

use crate::Result;
use crate::config::{ChangelogConfig, Config, FILE_NAME, Package};
use crate::git::{PathProbe, Repo};
use crate::history::changelog::diff::{DiffWork, changed_entries};
use crate::history::changelog::{Changelog, normalize};

/// The configuration committed at `commit`; `None` without one, or when it does not parse
/// (then today's is read in its place, as for a repository adopting relhook).
pub fn stored(repo: &Repo, commit: Oid) -> Option<Config> {
    let file = repo.file_at(commit, Path::new(FILE_NAME)).ok()??;
    parsed(&file.bytes)
}

/// In a partial clone, the configuration stored at each of `commits` (a walk reads it for
/// where each package was then: [`stored`]), fetched in one go where each commit's tree would
/// be a fetch of its own. Nothing in a full clone.
/// Only where there are packages (a view of one, or the root's of several).
pub fn prefetch(repo: &Repo, config: &Config, commits: impl Iterator<Item = Oid>) {
    if config.packages.is_empty() && config.package.is_none() {
        return;
    }
    let commits: Vec<Oid> = commits.collect();
    repo.prefetch_files(&commits, &[Path::new(FILE_NAME)], &|| {
        format!("{FILE_NAME} at the commits since the last release")
    });
}

/// The configuration in the bytes of a stored `.relconfig.toml`.
pub fn parsed(bytes: &[u8]) -> Option<Config> {
    let text = std::str::from_utf8(bytes).ok()?;
    Config::parse(Path::new(FILE_NAME), text).ok()
}

/// Whether `commit`, which stores no configuration, added an entry to the Unreleased section
/// of the changelog that relhook keeps without one (the root's `CHANGELOG.md`): post-commit,
/// with no packages then, gave the commit its entry there (or someone wrote it there by
/// hand). Such a commit stays the root's once packages are configured, so that no command
/// moves or copies its entry to a package. An entry added under a release (history imported
/// with its changelog) tells no such thing. The blob ids are compared first, through
/// `probe`'s caches: a walk reads those trees anyway, and only a change of the file is read.
pub fn logged_at_root(repo: &Repo, probe: &mut PathProbe<'_>, commit: Oid) -> Result<bool> {
    let path = ChangelogConfig::default().path;
    let name = path.as_os_str().as_encoded_bytes();
    let tree = probe.tree_of(commit)?;
    let mine = probe.top_entry(tree, name)?;
    let parent = match probe.first_parent(commit)? {
        Some(p) => {
            let tree = probe.tree_of(p)?;
            probe.top_entry(tree, name)?
        }
        None => None,
    };
    if mine.is_none() || mine == parent {
        return Ok(false);
    }
    let text = |id: Option<Oid>| {
        let bytes = id.and_then(|id| repo.blob_bytes(id)).unwrap_or_default();
        String::from_utf8(bytes).unwrap_or_default()
    };
    let after = text(mine);
    let added = changed_entries(&text(parent), &after, &mut DiffWork::default()).added;
    Ok(!added.is_empty()
        && Changelog::parse(&after).is_ok_and(|log| {
            log.unreleased_entries()
                .iter()
                .any(|e| added.contains(&normalize(&e.text)))
        }))
}

/// Today's package `name` (of `today`) as the stored configuration `then` has it: the table
/// of that name, else one renamed since (today's folder, under a name today has no table
/// of); `None` when it was no package yet.
pub fn same_package<'t>(then: &'t Config, today: &Config, name: &str) -> Option<&'t Package> {
    let named = then.packages.iter().find(|p| p.name == name);
    named.or_else(|| {
        let path = &today.packages.iter().find(|p| p.name == name)?.path;
        then.packages
            .iter()
            .find(|p| p.path == *path && !today.packages.iter().any(|t| t.name == p.name))
    })
}

/// Whether the stored configuration `then` gives folder `dir` (or one inside or around it)
/// to a package other than `own`.
pub fn given_to_other(then: &Config, own: &str, dir: &Path) -> bool {
    then.packages
        .iter()
        .any(|p| p.name != own && (p.path.starts_with(dir) || dir.starts_with(&p.path)))
}

/// The commit that deleted the changelog `config` reads (`path`, missing at HEAD), within
/// `reach` on HEAD's first-parent line, with its subject: `None` also when the file was then another
/// package's changelog (its package moved away, and this one took its folder since), which
/// this one never had.
pub fn deleted_changelog(
    repo: &Repo,
    config: &Config,
    path: &Path,
    reach: crate::git::Reach,
) -> Option<(Oid, String)> {
    let (commit, subject) = repo.deleted_by(path, reach)?;
    let then = repo.first_parent(commit).and_then(|p| stored(repo, p));
    let was = then
        .as_ref()
        .and_then(|c| c.packages.iter().find(|p| p.changelog == path));
    // Whose it is now: the view's package, else the one of `config` it is the changelog of.
    let now = (config.package.iter().chain(&config.packages)).find(|p| p.changelog == path);
    let other = match (was, now) {
        (None, _) => false,
        (Some(was), Some(now)) => then
            .as_ref()
            .and_then(|c| same_package(c, config, &now.name))
            .is_none_or(|same| same.name != was.name),
        // The root's changelog was a package's.
        (Some(_), None) => true,
    };
    (!other).then_some((commit, subject))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(text: &str) -> Config {
        Config::parse(Path::new(FILE_NAME), text).unwrap()
    }

    #[test]
    fn the_same_package_is_the_one_of_its_name_or_renamed_since() {
        let today = config("[packages.alpha]\npath = \"pk/a\"\n[packages.b]\npath = \"pk/b\"\n");
        let renamed = config("[packages.a]\npath = \"pk/a\"\n[packages.b]\npath = \"pk/b\"\n");
        assert_eq!(same_package(&renamed, &today, "alpha").unwrap().name, "a");
        assert_eq!(same_package(&renamed, &today, "b").unwrap().name, "b");
        // A folder another package of today's had (moved since) is not this one's.
        let moved = config("[packages.b]\npath = \"pk/a\"\n");
        let now = config("[packages.b]\npath = \"old/b\"\n[packages.c]\npath = \"pk/a\"\n");
        assert!(same_package(&moved, &now, "c").is_none());
        assert_eq!(
            same_package(&moved, &now, "b").unwrap().path,
            Path::new("pk/a")
        );
    }

    #[test]
    fn a_commit_that_added_an_entry_to_the_root_changelog_is_logged_there() {
        use crate::git::testing::git;
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        git(dir, &["init", "-q", "-b", "main"]);
        let commit = |files: &[(&str, &str)], message: &str| {
            for (rel, text) in files {
                let p = dir.join(rel);
                std::fs::create_dir_all(p.parent().unwrap()).unwrap();
                std::fs::write(p, text).unwrap();
            }
            git(dir, &["add", "-A"]);
            git(dir, &["commit", "-q", "-m", message]);
            Repo::open(dir).unwrap().head().unwrap()
        };
        let head = "# Changelog\n\n## [Unreleased]\n";
        let start = commit(&[("CHANGELOG.md", head)], "chore: start");
        let entry = format!("{head}\n### Added\n\n- early c work\n");
        let logged = commit(
            &[("packages/c/x", "1\n"), ("CHANGELOG.md", &entry)],
            "feat: early c work",
        );
        let unlogged = commit(&[("packages/c/x", "2\n")], "feat: more c work");
        let retitled = entry.replace("# Changelog", "# Change log");
        let edited = commit(&[("CHANGELOG.md", &retitled)], "docs: title");
        let imported = format!("{retitled}\n## [1.0.0] - 2024-01-01\n\n- old c work\n");
        let released = commit(
            &[("packages/c/x", "3\n"), ("CHANGELOG.md", &imported)],
            "feat: old c work",
        );
        let repo = Repo::open(dir).unwrap();
        let mut probe = repo.path_probe(&[], false);
        assert!(logged_at_root(&repo, &mut probe, logged).unwrap());
        // No entry added to Unreleased: a changelog without entries, no change, another
        // change of it, an entry under a release.
        for id in [start, unlogged, edited, released] {
            assert!(!logged_at_root(&repo, &mut probe, id).unwrap(), "{id}");
        }
    }

    #[test]
    fn a_folder_given_to_another_package_is_told_inside_and_around() {
        let then = config("[packages.a]\npath = \"pk/a\"\n");
        assert!(given_to_other(&then, "b", Path::new("pk/a")));
        assert!(given_to_other(&then, "b", Path::new("pk/a/sub")));
        assert!(given_to_other(&then, "b", Path::new("pk")));
        assert!(!given_to_other(&then, "a", Path::new("pk/a")));
        assert!(!given_to_other(&then, "b", Path::new("pk/ab")));
    }
}
