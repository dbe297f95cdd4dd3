//! `relhook release`: the runbook's checks, then one release commit (changelog section, version
//! files, Cargo.lock) tested and tagged. Planning writes nothing, so `--dry-run` is the plan
//! printed; executing undoes everything it did when a step fails.

pub mod above;
pub mod back;
mod below;
mod bun_lock;
mod carried;
mod changelog;
pub mod channel;
mod commit_on;
mod crate_lock;
mod crates;
mod current;
mod deciders;
pub mod dependents;
mod detected;
mod dirty;
mod dirty_locks;
mod downwards;
mod earlier_pre;
mod edits;
mod empty;
mod files;
mod filters;
mod first;
mod former;
mod found;
mod held;
pub mod left_note;
mod lerna;
mod links;
mod listed;
mod members;
pub mod merging;
mod moved;
mod next;
pub mod notes;
mod notes_lock;
mod npm_lock;
mod options;
mod own;
pub mod packages;
pub mod pep440;
mod pnpm_lock;
mod poetry_lock;
pub mod prefetched;
mod preflight;
mod released;
mod resume;
mod retag;
pub mod reverted;
mod reworded;
pub mod rewritten_tag;
pub mod running;
mod same_file;
mod searched;
mod set_by;
pub mod settings;
mod shared_version;
mod shipped_line;
mod shorthand;
mod signing;
mod sorted_once;
mod special_dirty;
mod split_lock;
mod stale;
mod start;
pub mod stranded;
mod tag_spelling;
mod tagging;
mod taken;
mod twin;
mod unanchored;
pub use unanchored::private_workspace_root;
mod unbumpable;
mod under;
mod undo;
mod unlogged;
mod unreadable;
pub mod unset;
pub mod unset_way;
mod untracked_locks;
mod uv_index;
mod work_since;

use std::path::Path;

use git2::Oid;
use semver::Version;

pub use below::{above_elsewhere, promotes, tag_below_commits, tag_called_for, tag_leaves_line};
pub use current::{current_version, first_version, stopped_by_files};
pub use detected::check_detected_files;
pub use dirty::{as_committed, clean_tree_fix, dirty_version_file, not_carried};
pub use downwards::{next_refused as above_files_refused, taken_instead as above_files_instead};
pub use edits::{Edits, edits_for, edits_with};
pub use empty::{
    nothing_for_first_release, nothing_for_notes, package_version_info, skipped_breaking,
    untouched_fix,
};
pub(crate) use files::verify;
pub use files::{
    also_bumped, check_path_list, check_paths, files_written, is_placeholder, sort_version_files,
    version_files,
};
pub use filters::check_filters;
/// The version to go on with above a release tagged under another prefix.
pub use former::advise as version_above_former;

/// [`crate::history::tags::check_tag_prefix`] naming the versions a release would make: what
/// the commits call for above the other prefix's release, and a first release's version.
pub fn check_tag_prefix(repo: &Repo, config: &Config, root: &std::path::Path) -> Result<()> {
    let advise = crate::history::tags::Advise {
        above: &former::advise(repo, config, root),
        first: &|| first_version(config, root),
    };
    crate::history::tags::check_tag_prefix(repo, config, None, &advise)
}
pub use listed::check_listed_exist;
pub use next::{Decider, VersionInfo, bumped_from_at, parse_requested, version_info};
pub(crate) use preflight::preflight;
pub use preflight::{
    branch_matches, hidden_changes, hidden_in, hidden_in_edits, left_out_of_sparse_checkout,
    off_release_branches, outside_sparse_checkout, pull_command, release_branches,
    tests_cannot_start,
};
pub use released::released_in;
pub use resume::{HalfMade, half_made, half_made_from, resume, test_hand_release};
pub use retag::{Retag, published_instead, retag_needed_from, retags_needed_from};
pub(crate) use retag::{take_theirs, theirs_fix, theirs_problem};
pub use searched::half_made_searches;
pub use shared_version::left_by_next as shared_version_left;
pub use shipped_line::ShippedInLine;
pub(crate) use signing::{
    hand_tag_cannot_sign, hand_tag_retry, signing_works, what_signs, with_unsigned_way,
};
pub use sorted_once::sorts as version_sorts;
pub use special_dirty::{special_advice, special_dirty, tag_dirty};
pub use stale::{redo_onto as stale_redo_onto, tagged as stale_tagged};
pub use start::{first_release_below_files, unreadable_file_version};
use tagging::{NewTag, test_and_tag};
pub use taken::{first_untaken, held_by, tag_taken, taken_by};
pub use twin::{Twin, any_twin, fetched_twin, pull_steps, twin_release};
pub use under::half_made_under;
pub use undo::{RecordsBefore, not_undone, undo_commit};
pub use unlogged::Unlogged;
pub use unreadable::{Unreadable, unreadable_refusal, unreadable_version_file};
pub use untracked_locks::untracked as untracked_lock;
pub use work_since::work_since;

use crate::config::{CommitConfig, Config};
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::history::version::files::{self as vfiles, Edit};
use crate::{Error, Result};
pub use options::Options;
pub use own::{is_release_commit, shipped_unlisted};

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
    /// The same edits as the release commit makes them, from HEAD's version of each file:
    /// beside uncommitted changes (--allow-dirty) the work tree's are not the commit's.
    pub committed: Vec<Edit>,
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
    /// The found version files left as they are, each with its note.
    pub left_alone: files::LeftAlone,
    /// The notes naming what the release bumps beyond the files at its version.
    pub also: Vec<String>,
}

/// Plans a release: every runbook check first (refusals name what to do), then the edits.
pub fn plan(repo: &Repo, config: &Config, root: &Path, opts: &Options) -> Result<Plan> {
    let head = repo.head().ok_or_else(|| {
        Error::Refused(Refusal::new(
            Reason::NoCommits,
            "the repository has no commits to release",
            "commit your work first (a `feat:` or `fix:` commit), then release it",
        ))
    })?;
    preflight(repo, config, opts)?;
    if let Some(r) = preflight::outside_sparse_checkout(repo, config) {
        return Err(Error::Refused(r));
    }
    if let Some(r) = preflight::hidden_changes(repo, config, "release") {
        return Err(Error::Refused(r));
    }
    preflight::tests_start(config, root, opts)?;
    if let Some(r) = reverted::section_gone(repo, config) {
        return Err(Error::Refused(r));
    }
    // --allow-dirty: the version the release starts from is the committed one.
    dirty::refuse_dirty_version(repo, config, root)?;
    let info = version_info(repo, config, root, &opts.requested, opts.pre.as_deref())?;
    let version = info.next.clone();
    let tag = format!("{}{version}", config.version.tag_prefix);
    if let Some(held) = taken_by(repo, &config.version, &version) {
        let refusal = tag_taken(
            repo,
            &config.version,
            &held_by(repo, &config.version, &held)
                .unwrap_or_else(|| format!("{}{held}", config.version.tag_prefix)),
            &version,
            &config.release_command(),
        );
        return Err(Error::Refused(refusal));
    }
    if let Some(r) = packages::versionless_root(config, root, &version) {
        return Err(Error::Refused(r));
    }
    let Edits {
        edits,
        bumped,
        old_file_versions,
        left_alone,
        mut also,
        untracked,
    } = edits_for(repo, config, root, &version, &opts.date)?;
    also.extend(untracked.into_iter().map(|(_, note)| note));
    // What the release commit will refuse, refused now: `--dry-run` says the same.
    check_paths(config, root, &edits)?;
    hidden_in_edits(repo, &edits, "release")?;
    check_filters(repo, root, edits.iter().map(|e| e.path.as_path()))?;
    // Refused now when an edit does not carry over onto HEAD's version of a file with
    // uncommitted changes; the notes are the committed section's.
    let committed = dirty::as_committed(repo, head, &edits, &config.commit)?;
    let notes = notes::release_notes(repo, &committed[0], &version, config)?;
    // Last, once the release would go ahead: whether git can sign its commit and tag.
    signing_works(repo, config, opts, true)?;
    Ok(Plan {
        commit_message: config
            .release
            .commit_message
            .replace("{version}", &version.to_string()),
        tag_message: channel::tag_message(
            format!("{tag}\n\n{}", notes.trim_end())
                .trim_end()
                .to_owned()
                + "\n",
            opts.channel.as_ref(),
        ),
        version,
        tag,
        info,
        edits,
        committed,
        head,
        bumped,
        old_file_versions,
        left_alone,
        also,
    })
}

/// Makes the release commit as one transaction (see `git::txn`): the edited files staged in
/// a copy of the index, the commit written (`git commit-tree`, so identity, dates and signing
/// are git's; no hook runs), then the work-tree files, the version check, HEAD and the index.
/// Any failure puts everything back; `Ok` is the new commit, HEAD now on it.
pub fn commit_edits(
    repo: &Repo,
    root: &Path,
    edits: &Edits,
    version: &Version,
    (message, rules): (&str, &CommitConfig),
) -> Result<Oid> {
    let check = || verify(root, &edits.bumped, &edits.old_file_versions, version);
    commit_files(repo, root, &edits.edits, &check, (message, rules))
}

/// [`commit_edits`] for any set of file edits: `check` runs once the files are written, before
/// HEAD moves (an `Err` puts everything back).
pub fn commit_files(
    repo: &Repo,
    root: &Path,
    edits: &[Edit],
    check: &dyn Fn() -> Result<()>,
    (message, rules): (&str, &CommitConfig),
) -> Result<Oid> {
    let head = repo
        .head()
        .ok_or_else(|| Error::Refused(Refusal::bare(Reason::NoCommits, "no commits yet")))?;
    for e in edits {
        // Compared a piece at a time, never read whole: a file grown since the plan read it
        // (past the bound of that read) is one that changed.
        let now = crate::fsx::regular_file_holds(&crate::fsx::confine(root, &e.path)?, &e.before)?;
        if !now.unwrap_or(e.before.is_empty()) {
            return Err(Error::Refused(Refusal::new(
                Reason::ChangedSincePlan,
                format!("{} changed since the release was planned", e.path.display()),
                "run it again",
            )));
        }
    }
    hidden_in_edits(repo, edits, "release")?;
    // Objects first, before the lock: a filter git cannot run refuses with nothing written.
    // A file with uncommitted changes (--allow-dirty) is committed as HEAD's version with
    // the edit carried over: a blob its work-tree file (keeping the changes) is not.
    let blobs = dirty::blobs(repo, head, edits, rules)?;
    let sign = repo.signs_commits();
    let mut txn = repo.transaction("release")?;
    if repo.head() != Some(head) {
        return Err(Error::Refused(Refusal::new(
            Reason::ChangedSincePlan,
            "HEAD moved since the release was planned",
            "run it again",
        )));
    }
    let mut staged = Vec::new();
    for (e, (blob, same)) in edits.iter().zip(blobs) {
        let mode = txn.staged(&e.path)?.map_or(0o100_644, |(_, m)| m);
        txn.stage(&e.path, blob, mode, None)?;
        staged.push((blob, mode, same));
    }
    // HEAD's tree and the edits, nothing else the index may hold.
    let files: Vec<_> = edits
        .iter()
        .zip(&staged)
        .map(|(e, (blob, _, _))| (e.path.as_path(), *blob))
        .collect();
    let tree = repo.tree_with(head, &files)?;
    let mut text = message.to_owned();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let commit = repo.commit_tree(tree, &[head], &text, sign)?;
    for (e, (blob, mode, same)) in edits.iter().zip(staged) {
        // The journal names the blob of the bytes the work tree gets (an undo compares the
        // file with it); under git's conversion (a filter, CRLF) the staged blob is another.
        let own = (repo.hash_blob(&e.after) == blob).then_some(blob);
        let file = txn.write_file_known(&e.path, &e.after, own, None)?;
        // A file keeping uncommitted changes is not the staged blob: git re-reads it.
        txn.stage(&e.path, blob, mode, same.then_some(file.as_path()))?;
    }
    check()?;
    // Kept before HEAD moves: once the journal is gone, the resume still repeats the flags.
    repo.note_release_given(commit);
    let subject = message.lines().next().unwrap_or("");
    txn.move_head(head, commit, &format!("commit: {subject}"))?;
    txn.commit()?;
    Ok(commit)
}

/// What executing did, for the report.
#[derive(Debug, Clone)]
pub struct Done {
    /// The release commit.
    pub commit: Oid,
    /// Whether the tests ran and passed on it.
    pub tested: bool,
}

/// Executes a plan: commit, test, record, tag. A failure after the commit undoes it, so
/// nothing half-made is left; a process killed there leaves a release commit without its tag,
/// which [`half_made`] recognises and [`resume`] finishes.
pub fn execute(
    repo: &Repo,
    config: &Config,
    root: &Path,
    plan: &Plan,
    opts: &Options,
) -> Result<Done> {
    if repo.head() != Some(plan.head) {
        return Err(Error::Refused(Refusal::new(
            Reason::ChangedSincePlan,
            "HEAD moved since the release was planned",
            "run it again",
        )));
    }
    let edits = Edits {
        edits: plan.edits.clone(),
        bumped: plan.bumped.clone(),
        old_file_versions: plan.old_file_versions.clone(),
        left_alone: Vec::new(),
        also: Vec::new(),
        untracked: Vec::new(),
    };
    // A lock on the tag (left by a killed git or relhook) is found now, not after the release
    // commit and its tests, which would only be undone.
    repo.wait_for_tag_locks([&plan.tag])?;
    let records = RecordsBefore::read(repo);
    // From here to the tag a Ctrl-C (SIGTERM, SIGHUP) is undone like a failing test.
    let _deferred = crate::interrupt::Deferred::begin();
    // A commit made on top while the tests run is refused (commit-msg): undone, the release
    // commit would otherwise be under it.
    let _releasing = repo.mark_releasing();
    let branch = repo.head_ref_name()?;
    let message = (plan.commit_message.as_str(), &config.commit);
    let commit = commit_edits(repo, root, &edits, &plan.version, message)
        .map_err(|e| crate::interrupt::instead(e, "committing"))?;
    let finished = crate::interrupt::check("committing")
        .and_then(|()| crate::git::txn::failpoint("release-committed"))
        .and_then(|()| {
            // Beside uncommitted changes (--allow-dirty), or changes hidden from `git status`
            // (`--skip-worktree`), the work tree is not the release commit: its tests run on a
            // clean checkout of it.
            let checkout = match (&config.checks.test, opts.no_test) {
                (Some(_), false) if !repo.dirty_or_hidden_paths(1)?.is_empty() => {
                    Some(crate::testrun::Checkout::of(repo, commit)?)
                }
                _ => None,
            };
            test_and_tag(
                repo,
                config,
                checkout.as_ref().map_or(root, |c| c.path()),
                commit,
                &NewTag {
                    name: &plan.tag,
                    message: &plan.tag_message,
                    replaces: None,
                },
                opts,
            )
        });
    match finished {
        Ok(tested) => Ok(Done { commit, tested }),
        Err(e) => match undo_commit(repo, &branch, plan.head, commit, &plan.edits, Some(records)) {
            Ok(()) => Err(e),
            Err(undo) => Err(undo::not_undone(
                e,
                &undo,
                undo::finish_or_drop(repo, &branch, commit),
            )),
        },
    }
}
