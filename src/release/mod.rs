//! `relhook release`: the runbook's checks, then one release commit (changelog section, version
//! files, Cargo.lock) tested and tagged. Planning writes nothing, so `--dry-run` is the plan
//! printed; executing undoes everything it did when a step fails.

mod files;
pub mod hand;
mod next;
pub mod notes;
pub mod tagcheck;

use std::path::{Path, PathBuf};

use git2::Oid;
use semver::Version;

pub use files::version_files;
pub use next::{Decider, VersionInfo, current_version, parse_requested, version_info};

use crate::changelog::Changelog;
use crate::changelog::entry::Forge;
use crate::config::Config;
use crate::git::Repo;
use crate::version::bump::Requested;
use crate::version::files::{self as vfiles, Edit};
use crate::{Error, Result};

/// What the user asked for.
#[derive(Debug, Clone)]
pub struct Options {
    /// `auto`, a level or an exact version.
    pub requested: Requested,
    /// `--pre ID`.
    pub pre: Option<String>,
    /// Sign the tag.
    pub sign: bool,
    /// Skip the clean-tree check.
    pub allow_dirty: bool,
    /// Skip the branch check.
    pub allow_branch: bool,
    /// Skip the test run.
    pub no_test: bool,
    /// The date of the changelog heading (today, unless tests pin it).
    pub date: String,
}

/// Everything a release will do, computed without writing.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The version being released.
    pub version: Version,
    /// The tag to create.
    pub tag: String,
    /// What the version was, and why this one follows.
    pub info: VersionInfo,
    /// File edits: the changelog first, then version files, then Cargo.lock.
    pub edits: Vec<Edit>,
    /// The release commit's message.
    pub commit_message: String,
    /// The tag's message: the release notes.
    pub tag_message: String,
    /// HEAD when planned.
    pub head: Oid,
    /// The version files that were bumped (verified afterwards).
    pub bumped: Vec<vfiles::VersionFile>,
    /// The version the files held before.
    pub old_file_versions: Vec<String>,
}

/// Plans a release: every runbook check first (refusals name what to do), then the edits.
pub fn plan(repo: &Repo, config: &Config, root: &Path, opts: &Options) -> Result<Plan> {
    let head = repo
        .head()
        .ok_or_else(|| Error::Refused("the repository has no commits to release".into()))?;
    preflight(repo, config, opts)?;
    let info = version_info(repo, config, root, &opts.requested, opts.pre.as_deref())?;
    let version = info.next.clone();
    let tag = format!("{}{version}", config.version.tag_prefix);
    if repo.tag_target(&tag).is_some() {
        return Err(Error::Refused(format!(
            "tag {tag} already exists; a released tag is never reused (pick another version)"
        )));
    }
    let Edits {
        edits,
        bumped,
        old_file_versions,
    } = edits_for(repo, config, root, &version, &opts.date)?;
    let notes = notes::from_changelog_text(
        std::str::from_utf8(&edits[0].after).unwrap_or(""),
        &version.to_string(),
    )
    .unwrap_or_default();
    Ok(Plan {
        commit_message: config
            .release
            .commit_message
            .replace("{version}", &version.to_string()),
        tag_message: format!("{tag}\n\n{}", notes.trim_end())
            .trim_end()
            .to_owned()
            + "\n",
        version,
        tag,
        info,
        edits,
        head,
        bumped,
        old_file_versions,
    })
}

/// The file edits of a release: the changelog section, the version files, Cargo.lock.
pub struct Edits {
    /// Changelog first, then version files, then Cargo.lock.
    pub edits: Vec<Edit>,
    /// The version files found.
    pub bumped: Vec<vfiles::VersionFile>,
    /// What each of them said before.
    pub old_file_versions: Vec<String>,
}

/// Computes the edits that turn the work tree into release `version`, writing nothing.
pub fn edits_for(
    repo: &Repo,
    config: &Config,
    root: &Path,
    version: &Version,
    date: &str,
) -> Result<Edits> {
    let new = version.to_string();
    let mut edits = vec![changelog_edit(repo, config, root, version, date)?];
    let bumped = version_files(config, root);
    let mut old_file_versions = Vec::new();
    for f in &bumped {
        let old = vfiles::read_version(root, f).map_err(|e| Error::Refused(e.to_string()))?;
        if old != new {
            edits.push(
                vfiles::plan_bump(root, f, &old, &new)
                    .map_err(|e| Error::Refused(e.to_string()))?,
            );
        }
        if let Some(lock) = files::cargo_lock_edit(root, std::slice::from_ref(f), &old, &new) {
            if !edits.iter().any(|e| e.path == lock.path) {
                edits.push(lock);
            }
        }
        old_file_versions.push(old);
    }
    Ok(Edits {
        edits,
        bumped,
        old_file_versions,
    })
}

/// Writes the edits, verifies the version files and makes the release commit; on any failure
/// everything is put back. Returns the new commit.
pub fn commit_edits(
    repo: &Repo,
    root: &Path,
    edits: &Edits,
    version: &Version,
    message: &str,
) -> Result<Oid> {
    let head = repo
        .head()
        .ok_or_else(|| Error::Refused("no commits yet".into()))?;
    let paths: Vec<PathBuf> = edits.edits.iter().map(|e| e.path.clone()).collect();
    write_all(root, &edits.edits).inspect_err(|_| {
        let _ = restore(root, &edits.edits);
    })?;
    let result = verify(root, &edits.bumped, &edits.old_file_versions, version).and_then(|()| {
        let mut add = vec!["add", "--"];
        let path_strs: Vec<String> = paths
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        add.extend(path_strs.iter().map(String::as_str));
        repo.run_git(&add, None)?;
        repo.run_git(
            &[
                "commit",
                "--no-verify",
                "--quiet",
                "--cleanup=verbatim",
                "-F",
                "-",
            ],
            Some(message.as_bytes()),
        )?;
        repo.head()
            .ok_or_else(|| Error::Refused("no HEAD after the release commit".into()))
    });
    match result {
        Ok(commit) => Ok(commit),
        Err(e) => {
            undo(repo, root, head, &edits.edits)?;
            Err(e)
        }
    }
}

/// Puts HEAD, the index and the files back as they were before a release started.
fn undo(repo: &Repo, root: &Path, head: Oid, edits: &[Edit]) -> Result<()> {
    if repo.head() != Some(head) {
        let paths: Vec<&Path> = edits.iter().map(|e| e.path.as_path()).collect();
        repo.undo_commit(head, &paths)?;
    }
    restore(root, edits)
}

/// The runbook's "check before starting": clean tree, allowed branch, not detached, not behind.
fn preflight(repo: &Repo, config: &Config, opts: &Options) -> Result<()> {
    if let Some(op) = repo.operation_in_progress() {
        return Err(Error::Refused(format!(
            "{op} is in progress; finish or abort it first"
        )));
    }
    if !opts.allow_dirty {
        let dirty = repo.dirty_paths(5)?;
        if !dirty.is_empty() {
            return Err(Error::Refused(format!(
                "the working tree is not clean ({}); commit or stash first, or pass --allow-dirty",
                dirty.join(", ")
            )));
        }
    }
    let branch = repo.branch();
    match &branch {
        None => {
            return Err(Error::Refused(
                "HEAD is detached; check out the release branch first".into(),
            ));
        }
        Some(b)
            if !opts.allow_branch
                && !config.release.branches.is_empty()
                && !config.release.branches.contains(b) =>
        {
            return Err(Error::Refused(format!(
                "releases are made from {} (`release.branches`), not `{b}`; pass --allow-branch for a maintenance release",
                config.release.branches.join(", ")
            )));
        }
        Some(_) => {}
    }
    if let Some((up, behind)) = repo.behind_upstream().filter(|(_, n)| *n > 0) {
        return Err(Error::Refused(format!(
            "the branch is {behind} commit(s) behind {up} (as last fetched); pull first so the release includes them"
        )));
    }
    Ok(())
}

fn changelog_edit(
    repo: &Repo,
    config: &Config,
    root: &Path,
    version: &Version,
    date: &str,
) -> Result<Edit> {
    let rel = config.changelog.path.clone();
    let path = root.join(&rel);
    let before = crate::fsx::read_optional(&path)?;
    let text = match &before {
        Some(b) => String::from_utf8(b.clone()).map_err(|_| Error::NotKeepAChangelog {
            path: rel.clone(),
            line: 1,
            message: "not UTF-8".into(),
        })?,
        None => crate::sync::TEMPLATE.to_owned(),
    };
    // History is the truth: commits that never met the hook are added before the release.
    let synced = crate::sync::plan_sync(repo, config, &text)?.text;
    let mut log: Changelog = crate::sync::parse(&rel, &synced)?;
    let forge = repo.remote_url().and_then(|u| Forge::from_remote_url(&u));
    log.release(
        &version.to_string(),
        date,
        &config.version.tag_prefix,
        forge.as_ref().map(|f| f.base.as_str()),
    )
    .map_err(|e| Error::Refused(format!("{}: {e}", rel.display())))?;
    Ok(Edit {
        path: rel,
        before: before.unwrap_or_default(),
        after: log.render().into_bytes(),
    })
}

/// What executing did, for the report.
#[derive(Debug, Clone)]
pub struct Done {
    /// The release commit.
    pub commit: Oid,
    /// Whether the tests ran and passed on it.
    pub tested: bool,
}

/// Executes a plan: write, commit, test, tag. Any failure undoes what was done.
pub fn execute(
    repo: &Repo,
    config: &Config,
    root: &Path,
    plan: &Plan,
    opts: &Options,
) -> Result<Done> {
    if repo.head() != Some(plan.head) {
        return Err(Error::Refused(
            "HEAD moved since the release was planned; run it again".into(),
        ));
    }
    let edits = Edits {
        edits: plan.edits.clone(),
        bumped: plan.bumped.clone(),
        old_file_versions: plan.old_file_versions.clone(),
    };
    let commit = commit_edits(repo, root, &edits, &plan.version, &plan.commit_message)?;
    let rollback = |e: Error| -> Result<Done> {
        undo(repo, root, plan.head, &plan.edits)?;
        Err(e)
    };
    let tested = match (&config.checks.test, opts.no_test) {
        (Some(argv), false) => match crate::testrun::run(argv, root) {
            Ok(s) if s.success() => {
                crate::testrun::record(repo, commit, argv)?;
                true
            }
            Ok(s) => {
                return rollback(Error::Refused(format!(
                    "the tests failed on the release candidate ({s}); nothing was released"
                )));
            }
            Err(e) => return rollback(e),
        },
        _ => false,
    };
    let mut args = vec!["tag", "-a", "--cleanup=whitespace", "-F", "-"];
    if opts.sign || config.release.sign {
        args.push("-s");
    }
    let c = commit.to_string();
    args.extend([plan.tag.as_str(), c.as_str()]);
    if let Err(e) = repo.run_git(&args, Some(plan.tag_message.as_bytes())) {
        return rollback(e);
    }
    Ok(Done { commit, tested })
}

fn write_all(root: &Path, edits: &[Edit]) -> Result<()> {
    // A changelog that did not exist yet is created; every other file is replaced by the
    // version-file writer, which checks each still holds what was planned.
    let (new, existing): (Vec<&Edit>, Vec<&Edit>) = edits
        .iter()
        .partition(|e| e.before.is_empty() && !root.join(&e.path).exists());
    for e in new {
        crate::fsx::write_atomic(&root.join(&e.path), &e.after)?;
    }
    let existing: Vec<Edit> = existing.into_iter().cloned().collect();
    vfiles::apply(root, &existing).map_err(|e| Error::Refused(e.to_string()))
}

fn restore(root: &Path, edits: &[Edit]) -> Result<()> {
    for e in edits {
        let path = root.join(&e.path);
        if e.before.is_empty() && !path.exists() {
            continue;
        }
        if e.before.is_empty() {
            std::fs::remove_file(&path).map_err(|err| Error::io("remove", &path, err))?;
        } else {
            crate::fsx::write_atomic(&path, &e.before)?;
        }
    }
    Ok(())
}

/// After the bump, no version file may still hold the old version.
fn verify(
    root: &Path,
    bumped: &[vfiles::VersionFile],
    olds: &[String],
    version: &Version,
) -> Result<()> {
    for (f, old) in bumped.iter().zip(olds) {
        if *old != version.to_string() {
            vfiles::verify_no_old(root, std::slice::from_ref(f), old)
                .map_err(|e| Error::Refused(e.to_string()))?;
        }
    }
    Ok(())
}
