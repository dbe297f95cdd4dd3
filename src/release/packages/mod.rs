//! Releases in a monorepo (`relhook release --package P` / `--all`): each package is released
//! from its own commits (the package's view of the configuration, `history::packages::view`),
//! the packages that depend on a released one follow (`dependents`), and everything is one
//! release commit, tested per package and tagged per package, as one transaction: a failure
//! anywhere leaves no commit, no tag and no changed file. A process killed after the commit
//! leaves a release commit whose tags are missing, which [`half_made`] recognises and
//! [`resume`] finishes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use git2::Oid;
use semver::Version;

use self::combine::merge;
use super::dependents::{self, Change};
use super::left_note::LeftNote;
use super::{Options, VersionInfo};
use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::history::version::files::{self as vfiles, Edit};
use crate::{Error, Result};

mod chosen;
mod combine;
mod due;
mod inherited;
pub(crate) mod left_behind;
pub mod message;
mod on_pre;
mod resume;
mod reworded;
pub(crate) mod root_dependent;
mod root_tagged;
mod stale_shorthand;
mod test_run;
mod versionless;

pub use inherited::{hand_tag_inherited, inherited_version};
pub use left_behind::{Unmet, dependents_left_behind, shorthand_dependents};
pub use on_pre::{HandTag, hand_tag_leaves_pre, hand_tag_on_pre};
pub use resume::{HalfMade, half_made, half_made_from, resume};
pub use root_tagged::{marks_root_release, moved_from_root, released_at_root};
pub use stale_shorthand::stale_shorthands;
use test_run::{test_all, wants_tests};
pub use versionless::{hand_tag_versionless, hand_tag_versionless_root, versionless_root};

/// Which packages to release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// These packages (by name), and the dependents they bring.
    Named(Vec<String>),
    /// Every package with changes since its last release.
    All,
}

/// One package's part of a release.
#[derive(Debug, Clone)]
pub struct PackagePlan {
    /// The package's name.
    pub name: String,
    /// The configuration as the package sees it.
    pub view: Config,
    /// Its current version (its last release tag's).
    pub current: Version,
    /// The version being released.
    pub version: Version,
    /// Its release tag.
    pub tag: String,
    /// The tag's message: the package's release notes.
    pub tag_message: String,
    /// Its own commits and the level they call for; `None` when it is released only because a
    /// package it depends on was (see `because`).
    pub info: Option<VersionInfo>,
    /// The requirements rewritten in its manifests, which its changelog entries name.
    pub because: Vec<Change>,
    /// The notes on its found version files the release leaves as they are.
    pub left_alone: Vec<LeftNote>,
    bumped: Vec<vfiles::VersionFile>,
    old_file_versions: Vec<String>,
}

/// Everything a monorepo release will do, computed without writing.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The packages released, in name order.
    pub packages: Vec<PackagePlan>,
    /// Every file edit, one per file.
    pub edits: Vec<Edit>,
    /// The same edits as the release commit makes them, from HEAD's version of each file
    /// (beside uncommitted changes, --allow-dirty, the work tree's are not the commit's).
    pub committed: Vec<Edit>,
    /// The release commit's message (`release.commit_message`, `{version}` replaced by the
    /// tags).
    pub commit_message: String,
    /// HEAD when planned.
    pub head: Oid,
    /// The requirements moved in workspace members that are no package (the root's crates,
    /// a private app): nothing of theirs is released.
    pub elsewhere: Vec<Change>,
    /// The requirements moved in the root project's own manifest (it has a version and a
    /// changelog): its `## [Unreleased]` names them, for its next release.
    pub root: Vec<Change>,
    /// The other requirements moved in the root project's own manifest, each with why its
    /// changelog gets no entry (a development dependency, a private package.json).
    pub root_kept: Vec<(Change, String)>,
    /// The notes on the repository's own files the release leaves as they are (an untracked
    /// lock at the top, which no one package owns): said once, not under a package.
    pub left_alone: Vec<LeftNote>,
}

/// The packages left out of an `--all` release, with why (for the report).
pub type Skipped = Vec<(String, String)>;

/// Plans a monorepo release: the runbook's checks, each package's version from its own
/// commits, the dependents, and every edit, writing nothing.
pub fn plan(
    repo: &Repo,
    config: &Config,
    root: &Path,
    selection: &Selection,
    opts: &Options,
) -> Result<(Plan, Skipped)> {
    let head = repo.head().ok_or_else(|| {
        Error::Refused(Refusal::new(
            Reason::NoCommits,
            "the repository has no commits to release",
            "commit your work first (a `feat:` or `fix:` commit), then release it",
        ))
    })?;
    super::preflight(repo, config, opts)?;
    let (mut chosen, skipped) = chosen::choose(repo, config, root, selection, opts)?;
    let members = left_behind::members(config);
    let disk = |rel: &Path| read_text(root, rel);
    if config.release.bump_dependents {
        due::add_dependents(repo, config, root, head, &members, &mut chosen)?;
    }
    // A first release of a version the repository's own tag released: a configuration mistake.
    for p in chosen.values() {
        if let Some(r) = released_at_root(repo, config, &p.view, root) {
            return Err(Error::Refused(r));
        }
    }
    // A crate that shares its workspace's version cannot take a version of its own, unless
    // every crate sharing it is released with it at that version (it then moves once).
    let off = left_behind::bump_off_keeps_met(config, root, &chosen);
    inherited::refuse_inherited(root, &mut chosen, selection, off)?;
    versionless::refuse_versionless(root, &chosen, selection, off)?;
    // A package whose files are outside a sparse checkout, or whose test command would not
    // start, is refused now, not after the commit.
    for p in chosen.values() {
        if let Some(r) = super::preflight::outside_sparse_checkout(repo, &p.view) {
            return Err(Error::Refused(r));
        }
        if let Some(r) = super::preflight::hidden_changes(repo, &p.view, "release") {
            return Err(Error::Refused(r));
        }
        super::preflight::tests_start(&p.view, root, opts)?;
    }
    // The requirement changes, computed once every version is known (on the files as they
    // are: the version bumps below do not move a requirement, they are spliced in by line).
    let changes = if config.release.bump_dependents {
        // With the members that are no package, which only have their requirements moved.
        let others = left_behind::not_packages(config, root);
        let all: Vec<_> = members.iter().cloned().chain(others).collect();
        dependents::changes(&all, &disk, &versions(&chosen))?
    } else {
        left_behind::refuse_unmet(config, root, &versions(&chosen), selection)?;
        Vec::new()
    };
    on_pre::refuse((repo, config, selection), &disk, &chosen, &changes)?;
    let mut edits: Vec<Edit> = Vec::new();
    let mut untracked: Vec<(PathBuf, String)> = Vec::new();
    for p in chosen.values_mut() {
        p.because = changes
            .iter()
            .filter(|c| c.dependent == p.name && !c.dev)
            .cloned()
            .collect();
        // What its last release published on a sibling a hand tag released since, unless
        // this release moves that sibling again (the entry above says it).
        for c in stale_shorthand::stale_shorthands(repo, config, root, &p.name)? {
            if !p.because.iter().any(|b| b.dependency == c.dependency) {
                p.because.push(c);
            }
        }
        let extra: Vec<String> = p.because.iter().map(Change::entry).collect();
        let e = super::edits_with(repo, &p.view, root, &p.version, &opts.date, &extra)?;
        super::check_paths(&p.view, root, &e.edits)?;
        // The notes are the committed section's (--allow-dirty: HEAD's changelog, edited).
        let section = super::as_committed(repo, head, &e.edits[..1], &config.commit)?;
        let notes = super::notes::release_notes(repo, &section[0], &p.version, &p.view)?;
        let message = format!("{}\n\n{}", p.tag, notes.trim_end())
            .trim_end()
            .to_owned()
            + "\n";
        p.tag_message = super::channel::tag_message(message, opts.channel.as_ref());
        p.bumped = e.bumped;
        p.old_file_versions = e.old_file_versions;
        p.left_alone = e.left_alone.into_iter().map(|(_, note)| note).collect();
        // A lock in the package's folder is its own; one outside it (the root's Cargo.lock)
        // is the repository's, shared by the packages: noted once, under none of them.
        let own = p.view.package.as_ref().map(|k| k.path.clone());
        for (path, note) in e.untracked {
            if own.as_ref().is_some_and(|dir| path.starts_with(dir)) {
                p.left_alone.push(note.into());
            } else if !untracked.iter().any(|(p, _)| *p == path) {
                untracked.push((path, note));
            }
        }
        for edit in e.edits {
            merge(&mut edits, edit, &config.commit)?;
        }
    }
    // A uv.lock that takes a moved requirement's sibling from an index cannot follow it yet.
    super::uv_index::notes(&disk, &changes, &mut untracked)?;
    // A poetry.lock's content-hash, which relhook cannot compute, goes stale with them.
    super::poetry_lock::notes(&disk, &changes, &mut untracked)?;
    // The requirements, on top of the version bumps.
    // (A workspace shorthand kept as written moves nothing.)
    let mut files: Vec<PathBuf> = changes
        .iter()
        .filter(|c| c.published.is_none())
        .map(|c| c.file.clone())
        .collect();
    files.sort();
    files.dedup();
    for file in files {
        let before = crate::fsx::read_project(&root.join(&file))?;
        let text = String::from_utf8_lossy(&before).into_owned();
        let after = dependents::apply(&file, &text, &changes);
        merge(
            &mut edits,
            Edit {
                path: file,
                before,
                after: after.into_bytes(),
                committed: None,
            },
            &config.commit,
        )?;
    }
    // The root project with a version of its own is a dependent too, released on its own.
    let root_due = root_dependent::due(config, root, &changes);
    if let Some(edit) = root_dependent::unreleased_edit(repo, config, root, &root_due)? {
        merge(&mut edits, edit, &config.commit)?;
    }
    // npm's root lock: each released package's version, and the requirements moved above.
    let bumped: Vec<(&vfiles::VersionFile, &str, String)> = chosen
        .values()
        .flat_map(|p| {
            let new = p.version.to_string();
            p.bumped
                .iter()
                .zip(&p.old_file_versions)
                .map(move |(f, old)| (f, old.as_str(), new.clone()))
        })
        .collect();
    let packages = super::npm_lock::package_dirs(config);
    super::npm_lock::moved(repo, root, &config.commit, &mut edits, |locks, edits| {
        super::npm_lock::versions(locks, root, &packages, edits, &bumped)?;
        super::dependents::lock_requirements(locks, root, &packages, edits, &changes)
    })?;
    // bun's binary lock holds the package.json files too, and only bun writes it.
    super::bun_lock::binary_notes(repo, root, &edits, &mut untracked);
    // npm's root lock, when HEAD does not track it: the repository's too.
    super::untracked_locks::leave_out(repo, &mut edits, &mut untracked);
    // Every file written, a dependent's manifest included.
    super::hidden_in_edits(repo, &edits, "release")?;
    super::check_filters(repo, root, edits.iter().map(|e| e.path.as_path()))?;
    let tags: Vec<&str> = chosen.values().map(|p| p.tag.as_str()).collect();
    for p in chosen.values() {
        if let Some(held) = super::taken_by(repo, &p.view.version, &p.version) {
            let name = &p.view.package.as_ref().map_or("", |k| k.name.as_str());
            let release = crate::resume_advice::release_of(Some(name));
            let tag = super::held_by(repo, &p.view.version, &held)
                .unwrap_or_else(|| format!("{}{held}", p.view.version.tag_prefix));
            let refusal = super::tag_taken(repo, &p.view.version, &tag, &p.version, &release);
            return Err(Error::Refused(refusal));
        }
    }
    let commit_message = message::checked(config, &tags)?;
    // Refused now when an edit does not carry over onto a file with uncommitted changes.
    let committed = super::as_committed(repo, head, &edits, &config.commit)?;
    super::signing_works(repo, config, opts, true)?;
    Ok((
        Plan {
            packages: chosen.into_values().collect(),
            edits,
            committed,
            commit_message,
            head,
            elsewhere: root_dependent::elsewhere(&changes, &root_due),
            root_kept: root_dependent::kept(root, &changes, &root_due),
            root: root_due,
            left_alone: untracked.into_iter().map(|(_, note)| note.into()).collect(),
        },
        skipped,
    ))
}

fn package_plan(
    name: &str,
    view: Config,
    current: Version,
    version: Version,
    info: Option<VersionInfo>,
) -> PackagePlan {
    let tag = format!("{}{version}", view.version.tag_prefix);
    PackagePlan {
        name: name.to_owned(),
        view,
        current,
        version,
        tag,
        tag_message: String::new(),
        info,
        because: Vec::new(),
        left_alone: Vec::new(),
        bumped: Vec::new(),
        old_file_versions: Vec::new(),
    }
}

fn versions(chosen: &BTreeMap<String, PackagePlan>) -> BTreeMap<String, Version> {
    chosen
        .iter()
        .map(|(n, p)| (n.clone(), p.version.clone()))
        .collect()
}

/// The patch release that follows `current` (a pre-release is finished instead).
fn patch_of(current: &Version) -> Version {
    if current.pre.is_empty() {
        Version::new(current.major, current.minor, current.patch + 1)
    } else {
        Version::new(current.major, current.minor, current.patch)
    }
}

fn read_text(root: &Path, rel: &Path) -> Result<Option<String>> {
    let path = crate::fsx::confine(root, rel)?;
    Ok(crate::fsx::project_bytes(&path)?.map(|b| String::from_utf8_lossy(&b).into_owned()))
}

/// What executing did.
#[derive(Debug, Clone)]
pub struct Done {
    /// The release commit.
    pub commit: Oid,
    /// The packages whose tests ran and passed on it.
    pub tested: Vec<String>,
}

/// Executes a plan: one release commit, each package's tests (recorded per package), every
/// tag. A failure after the commit deletes the tags made so far and undoes the commit.
pub fn execute(repo: &Repo, root: &Path, plan: &Plan, opts: &Options) -> Result<Done> {
    if repo.head() != Some(plan.head) {
        return Err(Error::Refused(Refusal::new(
            Reason::ChangedSincePlan,
            "HEAD moved since the release was planned",
            "run it again",
        )));
    }
    let check = || {
        let verify =
            |p: &PackagePlan| super::verify(root, &p.bumped, &p.old_file_versions, &p.version);
        plan.packages.iter().try_for_each(verify)
    };
    // Locks on the tags are found now, not after the release commit and its tests.
    repo.wait_for_tag_locks(plan.packages.iter().map(|p| &p.tag))?;
    let records = super::RecordsBefore::read(repo);
    // From here to the last tag a Ctrl-C (SIGTERM, SIGHUP) is undone like a failing test.
    let _deferred = crate::interrupt::Deferred::begin();
    // A commit made on top while the tests run is refused (commit-msg): undone, the release
    // commit would otherwise be under it.
    let _releasing = repo.mark_releasing();
    let branch = repo.head_ref_name()?;
    // The commit rules are the repository's, the same in every package's view.
    let default_rules;
    let rules = match plan.packages.first() {
        Some(p) => &p.view.commit,
        None => {
            default_rules = Config::default().commit;
            &default_rules
        }
    };
    let message = (plan.commit_message.as_str(), rules);
    let commit = super::commit_files(repo, root, &plan.edits, &check, message)
        .map_err(|e| crate::interrupt::instead(e, "committing"))?;
    let mut made: Vec<(String, Oid)> = Vec::new();
    let finished = crate::interrupt::check("committing")
        .and_then(|()| crate::git::txn::failpoint("release-committed"))
        .and_then(|()| {
            // Beside uncommitted changes (--allow-dirty), or changes hidden from `git status`,
            // the work tree is not the release commit: its tests run on a clean checkout of it.
            let checkout = match wants_tests(&plan.packages, opts) {
                true if !repo.dirty_or_hidden_paths(1)?.is_empty() => {
                    Some(crate::testrun::Checkout::of(repo, commit)?)
                }
                _ => None,
            };
            let dir = checkout.as_ref().map_or(root, |c| c.path());
            test_all(repo, dir, &plan.packages, commit, opts)
        })
        .and_then(|tested| {
            crate::git::txn::failpoint("release-tested")?;
            crate::interrupt::check("tagging")?;
            for p in &plan.packages {
                tag(repo, &p.view, commit, (&p.tag, &p.tag_message), None, opts)?;
                if let Some(t) = repo.tag_target(&p.tag) {
                    made.push((p.tag.clone(), t));
                }
            }
            Ok(tested)
        })
        .map_err(|e| crate::interrupt::instead(e, "tagging"));
    match finished {
        Ok(tested) => Ok(Done { commit, tested }),
        Err(e) => {
            let mut left = Vec::new();
            for (name, target) in &made {
                if repo
                    .cas_ref(
                        &format!("refs/tags/{name}"),
                        Some(*target),
                        None,
                        "relhook: undo the release",
                    )
                    .is_err()
                {
                    left.push(name.as_str());
                }
            }
            match super::undo_commit(repo, &branch, plan.head, commit, &plan.edits, Some(records)) {
                Ok(()) if left.is_empty() => Err(e),
                Ok(()) => Err(Error::Unfinished {
                    error: Box::new(e),
                    left: format!("tags {} could not be deleted", left.join(", ")),
                    finish: "`git tag -d` them".into(),
                }),
                Err(undo) => Err(super::undo::not_undone(
                    e,
                    &undo,
                    super::undo::finish_or_drop(repo, &branch, commit),
                )),
            }
        }
    }
}

/// Creates annotated tag `name` on `commit` with `message` (signed when asked).
/// Tags `commit`, in place of the tag's value `replaces` when given (one ref update).
fn tag(
    repo: &Repo,
    view: &Config,
    commit: Oid,
    (name, message): (&str, &str),
    replaces: Option<Oid>,
    opts: &Options,
) -> Result<()> {
    let sign = opts.sign || view.release.sign;
    match replaces {
        Some(old) => repo.retag_annotated(name, commit, message, sign, old),
        None => repo.tag_annotated(name, commit, message, sign),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_patch_finishes_a_pre_release() {
        assert_eq!(patch_of(&Version::new(0, 4, 0)), Version::new(0, 4, 1));
        assert_eq!(
            patch_of(&Version::parse("1.0.0-rc.2").unwrap()),
            Version::new(1, 0, 0)
        );
    }
}
