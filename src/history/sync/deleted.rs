//! A changelog a commit on HEAD's line deleted (or moved away): no writer starts a new file in
//! its place, which would hold the entries since alone, without the releases' sections. Every
//! command that finds it names the commit and the way back that keeps that commit's other
//! changes: `git revert` only of a commit that changed nothing else (a revert of one with
//! real work takes the work out too), else the file checked out of the commit's parent, and
//! for a file the commit moved, the setting pointed at where it went.

use std::path::{Path, PathBuf};

use git2::Oid;

use crate::config::Config;
use crate::git::Repo;

/// The commit that deleted a changelog, and what else it did.
#[derive(Debug, Clone)]
pub struct Deletion {
    /// The deleting commit.
    pub commit: Oid,
    /// Its subject.
    pub subject: String,
    /// What else it changed.
    pub kind: Kind,
}

/// What the deleting commit did beside the deletion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// Nothing: a revert of it takes nothing else out.
    Alone,
    /// Other changes too, which a revert would take out.
    Beside,
    /// Moved the file, unchanged, to this path (a package's directory moved, say).
    Moved(PathBuf),
}

/// The commit on HEAD's first-parent line, within `limit` steps, that deleted the changelog
/// at `rel` (from the top); `None` when HEAD has it, no such commit is found, or the file was
/// another package's then.
pub fn changelog_deleted(
    repo: &Repo,
    config: &Config,
    rel: &Path,
    limit: usize,
) -> Option<Deletion> {
    // A file another package had then (its folder taken over since) was never this one's.
    let (commit, subject) =
        crate::history::packages::then::deleted_changelog(repo, config, rel, limit)?;
    Some(Deletion {
        commit,
        subject,
        kind: kind_of(repo, commit, rel),
    })
}

/// What `commit`, which deleted `rel`, changed beside it.
fn kind_of(repo: &Repo, commit: Oid, rel: &Path) -> Kind {
    // A diff git cannot make is read as other work: a revert is then never advised.
    let Ok(changed) = repo.changed_paths(commit, &[]) else {
        return Kind::Beside;
    };
    if changed.iter().all(|p| p == rel) {
        return Kind::Alone;
    }
    let parent = repo.first_parent(commit);
    let before = parent.and_then(|p| repo.blob_at(p, rel));
    let moved = changed.into_iter().find(|p| {
        p != rel
            && before.is_some()
            && repo.blob_at(commit, p) == before
            && parent.is_some_and(|parent| repo.blob_at(parent, p).is_none())
    });
    moved.map_or(Kind::Beside, Kind::Moved)
}

impl Deletion {
    /// What happened to the file, for a refusal or a doctor row.
    pub fn what(&self, rel: &Path) -> String {
        let id = crate::git::short_id(self.commit);
        match &self.kind {
            Kind::Moved(to) => format!(
                "{} was moved to {} by commit {id} (`{}`)",
                rel.display(),
                to.display(),
                self.subject
            ),
            _ => format!(
                "{} was deleted by commit {id} (`{}`), with the sections of the releases before",
                rel.display(),
                self.subject
            ),
        }
    }

    /// The fix that ends with the file committed again (doctor, a release, a hand tag): a
    /// commit of the file checked out of the deleting commit's parent, synced first so that
    /// the entries of the commits since are in it.
    pub fn committed_fix(&self, config: &Config, rel: &Path) -> String {
        let rebuild = super::changelog_command(config, rel, "--rebuild");
        let id = crate::git::short_id(self.commit);
        match &self.kind {
            Kind::Moved(to) => moved_fix(config, rel, to),
            Kind::Alone => format!(
                "`git revert {id}` brings it back, or `{rebuild}` writes it again from history (then commit it)"
            ),
            Kind::Beside => {
                let top = crate::shellword::from_top(rel);
                let sync = super::changelog_command(config, rel, "--sync");
                let message =
                    crate::shellword::quote(&format!("docs(changelog): restore {}", rel.display()));
                format!(
                    "`git checkout {id}~1 -- {top} && {sync} && git commit -m {message} -- {top}` brings it back with the entries since (a revert of {id} would take out its other changes too), or `{rebuild}` writes it again from history (then commit it)"
                )
            }
        }
    }

    /// The fix that brings the file back into the work tree for a sync to add to (`changelog
    /// --sync`, post-commit's notice), or the setting to point at a moved file.
    pub fn restore(&self, config: &Config, rel: &Path) -> String {
        let id = crate::git::short_id(self.commit);
        match &self.kind {
            Kind::Moved(to) => moved_fix(config, rel, to),
            Kind::Alone => format!("`git revert {id}` brings it back"),
            Kind::Beside => format!(
                "`git checkout {id}~1 -- {}` brings it back",
                crate::shellword::from_top(rel)
            ),
        }
    }
}

/// A file moved away is where the setting should point, not something to move back.
fn moved_fix(config: &Config, rel: &Path, to: &Path) -> String {
    format!(
        "point {} at {}",
        super::changelog_setting(config, rel),
        to.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deletion(kind: Kind) -> Deletion {
        Deletion {
            commit: Oid::from_str("0b12fe08b0000000000000000000000000000000").unwrap(),
            subject: "feat: c".into(),
            kind,
        }
    }

    #[test]
    fn a_revert_is_named_only_for_a_commit_that_deleted_nothing_else() {
        let config = Config::default();
        let rel = Path::new("CHANGELOG.md");
        assert_eq!(
            deletion(Kind::Alone).committed_fix(&config, rel),
            "`git revert 0b12fe08b` brings it back, or `relhook changelog --rebuild` writes it again from history (then commit it)"
        );
        assert_eq!(
            deletion(Kind::Beside).committed_fix(&config, rel),
            "`git checkout 0b12fe08b~1 -- :/CHANGELOG.md && relhook changelog --sync && git commit -m 'docs(changelog): restore CHANGELOG.md' -- :/CHANGELOG.md` brings it back with the entries since (a revert of 0b12fe08b would take out its other changes too), or `relhook changelog --rebuild` writes it again from history (then commit it)"
        );
        assert_eq!(
            deletion(Kind::Beside).restore(&config, rel),
            "`git checkout 0b12fe08b~1 -- :/CHANGELOG.md` brings it back"
        );
    }

    #[test]
    fn a_moved_file_is_pointed_at_not_moved_back() {
        let config = Config::default();
        let rel = Path::new("CHANGELOG.md");
        let moved = deletion(Kind::Moved("docs/CHANGELOG.md".into()));
        assert_eq!(
            moved.what(rel),
            "CHANGELOG.md was moved to docs/CHANGELOG.md by commit 0b12fe08b (`feat: c`)"
        );
        let fix = "point `changelog.path` in .relconfig.toml at docs/CHANGELOG.md";
        assert_eq!(moved.committed_fix(&config, rel), fix);
        assert_eq!(moved.restore(&config, rel), fix);
    }
}
