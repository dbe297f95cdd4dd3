//! A changelog a commit on HEAD's line deleted (or moved away): no writer starts a new file in
//! its place, which would hold the entries since alone, without the releases' sections. Every
//! command that finds it names the commit and the way back that keeps that commit's other
//! changes: `git revert` only of a commit that changed nothing else (a revert of one with
//! real work takes the work out too), else the file checked out of the commit's parent, and
//! for a file the commit moved, the setting pointed at where it went. Before any release too:
//! the entries of the commits before the deletion are counted as listed by the commits that
//! wrote them, so a new file (and `--sync`) would never hold them again. Only a file of no
//! release whose entries were given up is started anew: one of no entries, one a commit that
//! changed nothing else deleted (on purpose, as post-commit told it), or the file git's revert
//! of the commit that created it took away (its entries never ship).

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
    /// What the file held: the sections of releases, or unreleased entries alone.
    pub held: Held,
    /// The workspace member's folder the file was moved into while no package is set up
    /// (the repository became a monorepo): that package's changelog, not the root's.
    pub member: Option<PathBuf>,
}

/// What a deleted changelog held, for the words of what was lost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Held {
    /// The sections of releases (and maybe unreleased entries).
    Releases,
    /// This many unreleased entries, and no release.
    Unreleased(usize),
    /// Text that is not a Keep a Changelog file: kept all the same.
    Unread,
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

/// The commit on HEAD's first-parent line, within `reach`, that deleted the changelog
/// at `rel` (from the top); `None` when HEAD has it, no such commit is found, or the file was
/// another package's then.
pub fn changelog_deleted(
    repo: &Repo,
    config: &Config,
    rel: &Path,
    reach: crate::git::Reach,
) -> Option<Deletion> {
    // A file another package had then (its folder taken over since) was never this one's.
    let (commit, subject) =
        crate::history::packages::then::deleted_changelog(repo, config, rel, reach)?;
    let kind = kind_of(repo, commit, rel);
    let held = held_by(repo, commit, rel);
    // A moved file is where the setting should point, whatever it holds; a commit that did
    // nothing but delete a file of no release dropped its entries on purpose.
    let dropped = || match held {
        Held::Unreleased(n) => n == 0 || kind == Kind::Alone,
        _ => false,
    };
    if !matches!(kind, Kind::Moved(_)) && (dropped() || undid_creation(repo, commit, rel)) {
        return None;
    }
    let member = match &kind {
        Kind::Moved(to) if config.packages.is_empty() => member_of(repo, to),
        _ => None,
    };
    Some(Deletion {
        commit,
        subject,
        kind,
        held,
        member,
    })
}

/// The folder of a workspace member (npm, pnpm, yarn or Cargo, as `init` finds them) that
/// holds `to`, a moved changelog.
fn member_of(repo: &Repo, to: &Path) -> Option<PathBuf> {
    let root = repo.work_tree()?;
    let dir = to.parent().filter(|d| !d.as_os_str().is_empty())?;
    crate::history::packages::detect::workspace_dirs(&root)
        .into_iter()
        .find(|m| m == dir)
}

/// What `rel` held in the parent of `commit`, which deleted it.
fn held_by(repo: &Repo, commit: Oid, rel: &Path) -> Held {
    let text = repo
        .first_parent(commit)
        .and_then(|p| repo.file_at(p, rel).ok().flatten())
        .and_then(|f| String::from_utf8(f.bytes).ok());
    let Some(log) = text.and_then(|t| crate::history::changelog::Changelog::parse(&t).ok()) else {
        return Held::Unread;
    };
    if log.release_entries().is_empty() {
        Held::Unreleased(log.unreleased_entries().len())
    } else {
        Held::Releases
    }
}

/// Whether `commit` is git's revert of the commit that created `rel`, the file unchanged
/// since: it held that change's entries alone, which the revert takes back (see
/// `accumulate::deleted::revert_took_file`).
fn undid_creation(repo: &Repo, commit: Oid, rel: &Path) -> bool {
    let reverted = repo
        .commit_text(commit)
        .and_then(|text| crate::commit::parse::reverted_commit(&text))
        .and_then(|id| repo.revision_commit(&id));
    let Some(reverted) = reverted else {
        return false;
    };
    let created = repo.blob_at(reverted, rel);
    created.is_some()
        && repo
            .first_parent(reverted)
            .is_none_or(|p| repo.blob_at(p, rel).is_none())
        && repo.first_parent(commit).and_then(|p| repo.blob_at(p, rel)) == created
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
                crate::printable::visible(&to.display().to_string()),
                self.subject
            ),
            _ => format!(
                "{} was deleted by commit {id} (`{}`), with {}",
                rel.display(),
                self.subject,
                match self.held {
                    Held::Releases => "the sections of the releases before".to_owned(),
                    Held::Unreleased(1) => "the 1 unreleased entry it listed".to_owned(),
                    Held::Unreleased(n) => format!("the {n} unreleased entries it listed"),
                    Held::Unread => "what it held".to_owned(),
                }
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
            Kind::Moved(to) => self.moved_fix(config, rel, to),
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
            Kind::Moved(to) => self.moved_fix(config, rel, to),
            Kind::Alone => format!("`git revert {id}` brings it back"),
            Kind::Beside => format!(
                "`git checkout {id}~1 -- {}` brings it back",
                crate::shellword::from_top(rel)
            ),
        }
    }

    /// A file moved away is where the setting should point, not something to move back; one
    /// moved into a workspace member's folder is that package's, which `init` sets up.
    fn moved_fix(&self, config: &Config, rel: &Path, to: &Path) -> String {
        let to = crate::printable::visible(&to.display().to_string());
        match &self.member {
            Some(dir) if config.source.is_none() => format!(
                "`relhook init` writes .relconfig.toml with a `[packages.<name>]` table for each package of the workspace, each with its own changelog ({to} is the one of the package in {})",
                crate::printable::visible(&dir.display().to_string())
            ),
            Some(dir) => format!(
                "add a `[packages.<name>]` table for each package of the workspace to .relconfig.toml, each with its own changelog ({to} is the one of the package in {}; `relhook init` proposes the tables in a clone without .relconfig.toml)",
                crate::printable::visible(&dir.display().to_string())
            ),
            None => format!("point {} at {to}", super::changelog_setting(config, rel)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deletion(kind: Kind) -> Deletion {
        Deletion {
            commit: Oid::from_str("0b12fe08b0000000000000000000000000000000").unwrap(),
            subject: "feat: c".into(),
            kind,
            held: Held::Releases,
            member: None,
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
    fn a_file_of_no_release_is_said_with_the_entries_it_listed() {
        let rel = Path::new("CHANGELOG.md");
        let said = |held| {
            Deletion {
                held,
                ..deletion(Kind::Beside)
            }
            .what(rel)
        };
        let by = "CHANGELOG.md was deleted by commit 0b12fe08b (`feat: c`), with";
        assert_eq!(
            said(Held::Unreleased(1)),
            format!("{by} the 1 unreleased entry it listed")
        );
        assert_eq!(
            said(Held::Unreleased(3)),
            format!("{by} the 3 unreleased entries it listed")
        );
        assert_eq!(
            said(Held::Releases),
            format!("{by} the sections of the releases before")
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

    #[test]
    fn a_name_git_took_with_control_characters_is_shown_not_obeyed() {
        let config = Config::default();
        let rel = Path::new("CHANGELOG.md");
        let moved = deletion(Kind::Moved("CL\u{1b}[31m\r\n.md".into()));
        assert!(moved.what(rel).contains("moved to CL␛[31m␍␊.md by"));
        assert!(moved.restore(&config, rel).ends_with(" at CL␛[31m␍␊.md"));
    }
}
