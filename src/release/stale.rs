//! A release commit moved above commits it does not account for (`git pull --rebase` of a
//! release not pushed yet, a `rebase -i` that puts a fix below it): a release made now would
//! differ from it, in its section (their entries, which git's merge keeps under Unreleased)
//! or in its version (a feature brought below a patch release, one that gets no entry here but
//! bumps the minor version; for a pre-release, the line it moves up to; for a first release, a
//! breaking change after the version its files said). Tagged as it is, the release would ship
//! changes its notes or its version do not tell, and the next release would announce them
//! again; the fix is to make the release again, never to tag it. A commit that would change
//! neither (a `chore:` brought below it) leaves it as it is.

use git2::Oid;
use semver::Version;

use crate::config::Config;
use crate::git::{Repo, short_id};
use crate::history::sync;

mod rebased;
mod version;

/// How a release commit differs from the release made now over the commits below it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stale {
    /// The entries of changes below it that its section leaves out.
    pub entries: Vec<String>,
    /// The version the commits below it now call for, above its own, with the header of the
    /// commit (one it was not made over) that calls for it.
    pub called_for: Option<(Version, String)>,
}

/// How release commit `commit` of `version` differs from the release of the commits below it
/// made now (empty: it does not; nor when history cannot be read, as there is nothing to tell).
pub fn check(repo: &Repo, config: &Config, commit: Oid, version: &Version) -> Stale {
    let tag = format!("{}{version}", config.version.tag_prefix);
    let mut entries = left_out(repo, config, commit);
    let brought = rebased::brought_below(repo, config, commit, version);
    let called_for =
        version::called_for(repo, config, commit, version, &tag, &entries, &brought.ids);
    entries.extend(brought.unlogged);
    Stale {
        called_for,
        entries,
    }
}

/// The entries of changes below release commit `commit` that its section leaves out: those its
/// changelog still holds under Unreleased (a release moves every one into its section; git's
/// merge of a rebase puts the entries of commits brought below it there).
///
/// A commit with no entry in the file brought below it (made with the hooks off) is not told
/// here from one reworded in place (`rebase -i` of a commit that dodged commit-msg, as
/// pre-push's reword fix does before `--resume`), nor from a release whose section was edited
/// by hand: the release commit as it was made tells them apart (see `rebased`).
///
/// An entry the release commit itself put there is none of those: amended with a `fix:`
/// message, it gets its own entry under Unreleased (for the next release), which its first
/// parent's Unreleased lacks. Nor is one of a commit whose first parent has no changelog.
fn left_out(repo: &Repo, config: &Config, commit: Oid) -> Vec<String> {
    let path = &config.changelog.path;
    let unreleased = |c: Oid| -> Option<Vec<String>> {
        let log = sync::changelog_at(repo, c, path).filter(|l| l.unkept_because().is_none())?;
        Some(
            log.unreleased_entries()
                .into_iter()
                .map(|e| e.text)
                .collect(),
        )
    };
    let Some(entries) = unreleased(commit) else {
        return Vec::new();
    };
    let parent = repo.first_parent(commit);
    // No changelog below (the commit that adopted one, a section for a release made before
    // it included): every entry is the commit's own.
    if parent.is_none_or(|p| sync::stored_at(repo, p, path).is_none()) {
        return Vec::new();
    }
    let below = parent.and_then(unreleased);
    entries
        .into_iter()
        .filter(|e| below.as_ref().is_none_or(|b| b.contains(e)))
        .collect()
}

impl Stale {
    /// Whether a release made now would differ: then it is made again, never tagged.
    pub fn is_stale(&self) -> bool {
        !self.entries.is_empty() || self.called_for.is_some()
    }

    /// The version the release is made again at: the one the commits now call for, else its own.
    pub fn version(&self, version: &Version) -> Version {
        self.called_for
            .as_ref()
            .map_or_else(|| version.clone(), |(v, _)| v.clone())
    }

    /// What is wrong, in one clause, for release commit `commit` of `version`.
    pub fn problem(&self, commit: Oid, version: &Version) -> String {
        let short = short_id(commit);
        let mut out = Vec::new();
        if !self.entries.is_empty() {
            out.push(format!(
                "the release commit of {version} ({short}) leaves out of its section changes of commits below it ({})",
                named(&self.entries)
            ));
        }
        if let Some((called, header)) = &self.called_for {
            out.push(format!(
                "the commits below the release commit of {version} ({short}) now call for {called} (`{header}`)"
            ));
        }
        out.join(", and ") + ": a rebase put them under it"
    }
}

/// The entries of [`left_out`] for a sentence: the first three, backticked.
pub fn named(entries: &[String]) -> String {
    let mut list: Vec<String> = entries
        .iter()
        .take(3)
        .map(|e| format!("`{}`", crate::history::changelog::one_line(e)))
        .collect();
    if entries.len() > 3 {
        list.push(format!("{} more", entries.len() - 3));
    }
    list.join(", ")
}

/// The command that makes the release again over the commits below release commit `commit`:
/// drop it (`tags`, release tags already made, deleted first), then `release` (the release
/// command with its version). At HEAD (`at_head`) it is dropped by `git reset --keep`; a
/// release commit below HEAD by a rebase that keeps the commits made on top of it.
pub fn redo_with(commit: Oid, at_head: bool, tags: &[&str], release: &str) -> String {
    let short = short_id(commit);
    let delete: String = tags
        .iter()
        .map(|t| format!("git tag -d {} && ", crate::shellword::quote(t)))
        .collect();
    let drop = if at_head {
        format!("git reset --keep {short}~1")
    } else {
        format!("git rebase --onto {short}~1 {short}")
    };
    format!("{delete}{drop} && {release}")
}

/// [`redo_with`] for a release of the whole project at `version` (`tag`: its tag, on an old
/// commit, deleted first).
pub fn redo(commit: Oid, version: &Version, at_head: bool, tag: Option<&str>) -> String {
    let tags: Vec<&str> = tag.into_iter().collect();
    redo_with(
        commit,
        at_head,
        &tags,
        &format!("{} {version}", crate::resume_advice::release_of(None)),
    )
}

/// Whether `commit` is a release commit by its message (`release.commit_message`): only such a
/// commit is made again. One written by hand that adds a section (a project adopting relhook,
/// its changelog with a past release and work still under Unreleased) says by hand what its
/// release holds, and dropping it would drop that writing.
fn made_by_release(repo: &Repo, config: &Config, commit: Oid, version: &Version) -> bool {
    let Some(message) = repo.commit_text(commit) else {
        return false;
    };
    let template = config.release.commit_message.lines().next().unwrap_or("");
    let subject = message.lines().next().unwrap_or("").trim_end();
    let Some((before, after)) = template.split_once("{version}") else {
        return false;
    };
    // The version, or in a monorepo the tags (`chore(release): api-v1.2.0, web-v0.3.0`).
    let tag = format!("{}{version}", config.version.tag_prefix);
    let whole = subject
        .strip_prefix(before)
        .and_then(|m| m.strip_suffix(after))
        .is_some_and(|named| Version::parse(named).is_ok_and(|v| &v == version));
    whole
        || super::packages::message::tags_named(config, &message)
            .is_some_and(|tags| tags.contains(&tag))
}

/// Where release tag `tag` would be moved onto `commit` (a commit id, full or abbreviated,
/// that added its section): what is wrong, in one clause, and the redo, when a release made
/// now over the commits below it would differ. `None`: moving the tag is right.
pub fn redo_onto(
    repo: &Repo,
    config: &Config,
    commit: &str,
    tag: &str,
) -> Option<(String, String)> {
    let version = Version::parse(tag.strip_prefix(config.version.tag_prefix.as_str())?).ok()?;
    let commit = repo.revparse_commit(commit).ok()?;
    if !made_by_release(repo, config, commit, &version) {
        return None;
    }
    let stale = check(repo, config, commit, &version);
    if !stale.is_stale() {
        return None;
    }
    let at_head = repo.head() == Some(commit);
    let redo = redo(commit, &stale.version(&version), at_head, Some(tag));
    Some((stale.problem(commit, &version), redo))
}

/// Release tag `name` on `commit` when `commit` is the release commit of its version (the
/// commit that added its section) and a release made now over the commits below it would
/// differ, that commit on no remote yet: what is wrong, in one sentence, and the redo (`made`:
/// the tag exists, and the redo deletes it first). A hand tag and pre-push refuse it, doctor
/// names it.
pub fn tagged(
    repo: &Repo,
    config: &Config,
    name: &str,
    commit: Oid,
    made: bool,
) -> Option<(String, String)> {
    let version = Version::parse(name.strip_prefix(config.version.tag_prefix.as_str())?).ok()?;
    let path = &config.changelog.path;
    let parent = repo.first_parent(commit)?;
    if !sync::has_section_at(repo, commit, path, &version)
        || sync::has_section_at(repo, parent, path, &version)
    {
        return None;
    }
    if !made_by_release(repo, config, commit, &version) {
        return None;
    }
    let published = repo.held_by_any(&repo.remote_tracking_commits("*"), commit);
    // A tag made by hand may release below what its commits call for, as asked: only the
    // section counts here.
    let mut entries = left_out(repo, config, commit);
    entries.extend(rebased::brought_below(repo, config, commit, &version).unlogged);
    let stale = Stale {
        entries,
        called_for: None,
    };
    if published || !stale.is_stale() {
        return None;
    }
    let at_head = repo.head() == Some(commit);
    let redo = redo(
        commit,
        &stale.version(&version),
        at_head,
        made.then_some(name),
    );
    let is = if made { "is" } else { "would be" };
    Some((
        format!(
            "{name} {is} on {}, but {}: tagged so, it would release changes its notes or its version do not tell; make the release again with them: `{redo}`",
            short_id(commit),
            stale.problem(commit, &version)
        ),
        redo,
    ))
}
