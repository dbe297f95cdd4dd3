//! `--allow-dirty`: a release beside uncommitted changes, never with them. A file the release
//! edits that has unstaged changes is committed as HEAD's version with relhook's edit carried
//! over onto it (the changelog's edit is made to HEAD's version: see `carried`); the work tree
//! keeps the changes, with the same edit made in it.

use std::path::Path;

use git2::Oid;

use crate::config::{CommitConfig, Config};
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::history::version::files::{self, Edit};
use crate::{Error, Result};

/// How to get a clean tree past `dirty` (what `dirty_paths` found): plain `git stash` leaves
/// new files where they are, so new files are named with `git stash -u` and `.gitignore`.
/// The copies git writes for a merge driver (relhook's changelog driver), left by a merge
/// killed while it ran, are to remove, never to commit: their `rm` comes first.
pub fn clean_tree_fix(repo: &Repo, dirty: &[String]) -> String {
    let untracked = repo.untracked_paths(1000).unwrap_or_default();
    let left: Vec<&String> = untracked.iter().filter(|p| merge_file_left(p)).collect();
    let rest: Vec<&String> = (dirty.iter())
        .filter(|p| !merge_file_left(p) || !untracked.contains(p))
        .collect();
    let new = rest.iter().filter(|p| untracked.contains(p)).count();
    let fix = if rest.is_empty() {
        ""
    } else if new == 0 {
        "commit or stash first"
    } else if new == rest.len() {
        "commit them, stash them (`git stash -u`: plain `git stash` leaves new files) or, for build output, add them to .gitignore first"
    } else {
        "commit or stash first (`git stash -u`: plain `git stash` leaves new files)"
    };
    let root = repo.work_tree();
    match (left.is_empty(), root) {
        (false, Some(root)) => {
            let files: Vec<String> = (left.iter())
                .map(|p| crate::shellword::quote(&root.join(p).display().to_string()))
                .collect();
            let rm = format!(
                "`rm -- {}` removes the copies of files git writes for a merge driver, left by a `git merge` killed while it ran",
                files.join(" ")
            );
            match (rest.is_empty(), new) {
                (true, _) => rm,
                (false, 0) => format!("{rm}; then commit or stash the rest"),
                _ => format!(
                    "{rm}; then commit or stash the rest (`git stash -u`: plain `git stash` leaves new files)"
                ),
            }
        }
        _ => fix.to_owned(),
    }
}

/// Whether `path` (from the top) is a copy git writes for an external merge driver,
/// `.merge_file_` and six characters from `mkstemp` at the top of the work tree: git removes
/// it when the merge ends, so one left is a killed merge's.
fn merge_file_left(path: &str) -> bool {
    path.strip_prefix(".merge_file_")
        .is_some_and(|x| x.len() == 6 && x.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// What the release commit stores for `edit` when the file differs from its version in
/// `head` (stored form: the blob's bytes), or `None` when it does not (the commit stores
/// `edit.after`). Refused, naming the file, when the edit does not carry over cleanly.
pub fn committed(
    repo: &Repo,
    head: Oid,
    edit: &Edit,
    rules: &CommitConfig,
) -> Result<Option<Vec<u8>>> {
    let Some(stored) = repo.file_at(head, &edit.path)? else {
        return Ok(None);
    };
    // Made to HEAD's version already: stored as git stores the file.
    if let Some(own) = &edit.committed {
        let as_is = Edit {
            after: own.clone(),
            committed: None,
            ..edit.clone()
        };
        let blob = super::filters::stored_blob(repo, head, &as_is)?;
        return Ok(Some(repo.blob_bytes(blob).unwrap_or_else(|| own.clone())));
    }
    let as_is = Edit {
        path: edit.path.clone(),
        before: Vec::new(),
        after: edit.before.clone(),
        committed: None,
    };
    if super::filters::stored_blob(repo, head, &as_is)? == stored.blob {
        return Ok(None);
    }
    // A CRLF work tree over LF blobs: merged as stored.
    let lf = |b: &[u8]| {
        String::from_utf8_lossy(b)
            .replace("\r\n", "\n")
            .into_bytes()
    };
    let (base, ours) = if !stored.bytes.contains(&b'\r') && edit.before.contains(&b'\r') {
        (lf(&edit.before), lf(&edit.after))
    } else {
        (edit.before.clone(), edit.after.clone())
    };
    repo.merge_texts(&edit.path, &base, &ours, &stored.bytes)?
        .map(Some)
        .ok_or_else(|| not_carried(&edit.path, rules))
}

/// The refusal of a release whose edit of `path` meets uncommitted changes of it. Committing
/// them is the way past: stashed, they would meet the same edit when popped, in a conflict.
/// The commit advised passes the repository's `rules`.
pub fn not_carried(path: &Path, rules: &CommitConfig) -> Error {
    // The file's name alone where its path makes the header too long: the pathspec names it.
    let name = path.file_name().map_or(path, Path::new).display();
    let texts = [format!("edit {}", path.display()), format!("edit {name}")];
    let texts = texts.each_ref().map(String::as_str);
    let commit = crate::commit::advised::commit_any(rules, "chore", None, &texts);
    Error::Refused(Refusal::new(
        Reason::DirtyTree,
        format!(
            "{} has uncommitted changes where the release edits it",
            path.display()
        ),
        format!(
            "commit them first (`{commit} -- {}`); --allow-dirty leaves out only changes the release's edits do not touch",
            crate::shellword::from_top(path)
        ),
    ))
}

/// The first version file whose version differs from HEAD's (an uncommitted change of it).
/// The release starts from the committed version and edits that line: read from the work
/// tree, a hand-set `0.1.0-dev` over a committed `0.1.0` would be released as `0.1.0` and
/// the edit carried over onto itself, gone without a word. A file git converts (a filter,
/// a `working-tree-encoding`) is not its blob's text: left to the carry-over's merge.
pub fn dirty_version_file(repo: &Repo, config: &Config, root: &Path) -> Option<std::path::PathBuf> {
    let head = repo.head()?;
    let found = super::version_files(config, root);
    let unread = unread_npm_locks(config, root, &found);
    found.into_iter().chain(unread).find_map(|f| {
        // A file HEAD lacks (an npm lock never committed) first: its attributes are not read.
        let stored = repo.file_at(head, &f.path).ok()??;
        if repo.filter_driver(&f.path).is_some() || repo.working_tree_encoding(&f.path).is_some() {
            return None;
        }
        // A link's blob is the path it names: the release refuses it as a link instead.
        if stored.is_link() {
            return None;
        }
        let committed = files::read_version_in(&f, &String::from_utf8_lossy(&stored.bytes)).ok();
        (files::read_version(root, &f).ok() != committed).then_some(f.path)
    })
}

/// The root's npm locks detection passed over as the work tree's text reads no version: a
/// version hand-set in one of its two copies leaves the lock unbumped while the release commit
/// keeps HEAD's at the old version. HEAD's text, read as detection reads it, says whether the
/// lock is a version file there (see [`dirty_version_file`]).
fn unread_npm_locks(
    config: &Config,
    root: &Path,
    found: &[files::VersionFile],
) -> Vec<files::VersionFile> {
    if !config.version.detect {
        return Vec::new();
    }
    ["package-lock.json", "npm-shrinkwrap.json"]
        .into_iter()
        .map(|lock| {
            let path = std::path::PathBuf::from(lock);
            let locator = files::listed_json_key(&path, "version".into());
            files::VersionFile { path, locator }
        })
        .filter(|f| !found.iter().any(|o| o.path == f.path))
        .filter(|f| files::read_version(root, f).is_err())
        .collect()
}

/// [`dirty_version_file`] refused as any change where the release edits.
pub fn refuse_dirty_version(repo: &Repo, config: &Config, root: &Path) -> Result<()> {
    // One that cannot be read differs from HEAD's, but has no change to commit.
    if let Some(r) = super::unreadable_refusal(repo, config, "release") {
        return Err(Error::Refused(r));
    }
    match dirty_version_file(repo, config, root) {
        Some(path) => Err(not_carried(&path, &config.commit)),
        None => Ok(()),
    }
}

/// The edits as the release commit makes them: from HEAD's version of each file to what the
/// commit stores (see [`committed`]), what `--dry-run` shows and the notes are read from. A
/// file without uncommitted changes keeps its edit.
pub fn as_committed(
    repo: &Repo,
    head: Oid,
    edits: &[Edit],
    rules: &CommitConfig,
) -> Result<Vec<Edit>> {
    edits
        .iter()
        .map(|e| {
            let Some(after) = committed(repo, head, e, rules)? else {
                return Ok(e.clone());
            };
            let before = repo
                .file_at(head, &e.path)?
                .map(|f| f.bytes)
                .unwrap_or_default();
            Ok(Edit {
                path: e.path.clone(),
                before,
                after,
                committed: None,
            })
        })
        .collect()
}

/// The blob the release commit stores for each edit, and whether the work tree gets its
/// content (`false`: the file keeps uncommitted changes beside the edit).
pub fn blobs(
    repo: &Repo,
    head: Oid,
    edits: &[Edit],
    rules: &CommitConfig,
) -> Result<Vec<(Oid, bool)>> {
    edits
        .iter()
        .map(|e| match committed(repo, head, e, rules)? {
            Some(bytes) => Ok((repo.write_blob(&bytes)?, false)),
            None => Ok((super::filters::stored_blob(repo, head, e)?, true)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_commit_advised_names_the_file_as_a_shell_reads_it() {
        let rules = crate::config::Config::default().commit;
        let Error::Refused(r) = not_carried(Path::new("docs/my notes.md"), &rules) else {
            panic!("a refusal");
        };
        assert!(
            r.to_string().contains(
                "(`git commit -m \"chore: edit docs/my notes.md\" -- ':/docs/my notes.md'`)"
            ),
            "{r}"
        );
    }

    #[test]
    fn a_root_npm_lock_whose_copies_disagree_is_one_detection_passed_over() {
        let tmp = tempfile::tempdir().unwrap();
        let lock = |top: &str| {
            format!(
                "{{\"version\": \"{top}\", \"packages\": {{\"\": {{\"version\": \"0.1.0\"}}}}}}"
            )
        };
        std::fs::write(tmp.path().join("package-lock.json"), lock("0.1.5")).unwrap();
        let mut config = Config::default();
        let unread = unread_npm_locks(&config, tmp.path(), &[]);
        let paths: Vec<_> = unread.iter().map(|f| f.path.as_path()).collect();
        assert_eq!(
            paths,
            [
                Path::new("package-lock.json"),
                Path::new("npm-shrinkwrap.json")
            ]
        );
        // One that reads is detection's; without detection none is looked for.
        std::fs::write(tmp.path().join("package-lock.json"), lock("0.1.0")).unwrap();
        assert_eq!(unread_npm_locks(&config, tmp.path(), &[]).len(), 1);
        config.version.detect = false;
        assert!(unread_npm_locks(&config, tmp.path(), &[]).is_empty());
    }

    #[test]
    fn only_gits_merge_driver_copies_at_the_top_are_leftovers() {
        assert!(super::merge_file_left(".merge_file_Ab12Cd"));
        assert!(!super::merge_file_left("docs/.merge_file_Ab12Cd"));
        assert!(!super::merge_file_left(".merge_file_notes.txt"));
        assert!(!super::merge_file_left(".merge_file_Ab12C"));
    }
}
