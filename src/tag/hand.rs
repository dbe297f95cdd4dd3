//! Tagging by hand (`git tag -a v1.3.0`), through the reference-transaction hook. git has no
//! post-tag hook; this one sees every ref update, so it ignores all but the creation (or the
//! move, `git tag -f`) of a release-looking tag by `git tag` itself, and the move of a release
//! tag by any other local command (`git update-ref`). In `prepared` (before the
//! tag is written) a tag the runbook forbids, or the move of a release tag, is refused; in `committed` a valid tag on HEAD whose changelog lacks the
//! version's section gets the same rewrite as `relhook release` (section, version files,
//! release commit), and the tag is re-created on that commit through git2, which runs no hook.

use std::path::Path;

use git2::Oid;
use semver::Version;

use crate::config::Config;
use crate::git::Repo;
use crate::tag::rules::{self, Depth};
use crate::{Error, Result};

mod behind;
mod buried;
mod caller;
mod commands;
mod complete;
mod input;
mod marker;
mod moved;
mod notes;
mod off_branch;
mod released;
mod sectionless;
mod shim_notes;
mod stranded;
mod unbumped;
mod unkept;
mod unrelated;
mod untagged;
pub use behind::{Behind, behind, not_resumable};
pub use buried::{Buried, buried, describe_buried, newer_above, passed_over};
pub use caller::{can_tell_git_tag, fetch_process, git_arguments, git_command_run, git_subcommand};
use commands::{own_branch, release_command, release_command_with};
pub use complete::{Rewritten, complete, complete_untagged, move_onto, withdraw};
pub use input::{Update, tag_lines, tag_updates};
pub use marker::{
    Marker, at_work, clear_marker, clear_marker_of, describe_unfinished, note_pending, pending_for,
    unfinished,
};
pub use moved::moved;
use notes::unpublishable;
pub use sectionless::{
    Sectionless, describe_sectionless, head_tag_where, sectionless, sectionless_fix,
};
pub use shim_notes::{FETCHING, SETTLED, note_fetching, note_settled};
pub use stranded::{Stranded, describe_stranded, stranded};
pub use unbumped::{Unbumped, describe_unbumped, unbumped, unbumped_files, unbumped_fix};
pub use unkept::{changelog_case_twin, unkept_changelog, unkept_changelog_and_edit};

/// The updates among `updates` that move a tag, each with the value it moves from. A line
/// with no old value (`git update-ref <ref> <new>` gives none) moves the tag when the tag
/// already stands elsewhere: read now, in `prepared`, before git writes it.
pub fn moves(repo: &Repo, updates: &[Update]) -> Vec<Update> {
    updates
        .iter()
        .filter_map(|u| {
            let old = u
                .old
                .or_else(|| repo.tag_target(&u.tag).filter(|o| *o != u.new))?;
            Some(Update {
                old: Some(old),
                ..u.clone()
            })
        })
        .collect()
}

/// What the `committed` step must do for a tag.
/// The mark of a package's last release that the root's tag made (what a refused first
/// release advises) needs none: that release was never the package's own.
pub(super) fn needs_section(repo: &Repo, config: &Config, version: &Version, commit: Oid) -> bool {
    !crate::history::sync::has_section_at(repo, commit, &config.changelog.path, version)
        && !crate::release::packages::marks_root_release(repo, config, version, commit)
}

/// The version release tag `tag` names: SemVer's, or the pre-release PEP 440's spelling
/// stands for (`1.2.0rc2` is `1.2.0-rc.2`), which `prepared` lets pass only where the
/// project's release tags are so spelled.
pub(super) fn version_of(config: &Config, tag: &str) -> Option<Version> {
    let raw = tag.strip_prefix(config.version.tag_prefix.as_str())?;
    Version::parse(raw)
        .ok()
        .or_else(|| crate::git::pep440_pre(raw))
}

/// What `prepared` finds about a tag.
#[derive(Debug)]
pub struct Judged {
    /// Every reason to refuse the tag, each with its fix (empty: accept).
    pub refusals: Vec<String>,
    /// Whether [`complete`] would make a release commit for it: when no tag needs one,
    /// `prepared` notes it settled and the shim does not start relhook again in `committed`.
    pub release_commit: bool,
    /// Said in one line when the tag is accepted as it is: its commit already has the
    /// release's section, so no release commit is made.
    pub standing: Option<String>,
}

impl Judged {
    /// A tag refused for `refusals`.
    fn refused(refusals: Vec<String>) -> Judged {
        Judged {
            refusals,
            release_commit: false,
            standing: None,
        }
    }
}

/// `prepared`: judges the tag (the changelog at its commit is read once, for both answers).
pub fn judge(repo: &Repo, config: &Config, u: &Update) -> Judged {
    // A release at work makes its own tag, past this hook: a tag made meanwhile would stand
    // on a commit the release then leaves behind, or stop it.
    if let Some(pid) = crate::release::running::other(repo) {
        return Judged::refused(vec![crate::release::running::describe(pid)]);
    }
    // A changelog too large to read, refused by its size before any check below reads it or
    // HEAD's copy of it (a committed 200 MB one cost the hook 27 s and 850 MB).
    let rel = &config.changelog.path;
    if let Some(root) = repo.work_tree()
        && crate::history::changelog::too_large(&root, rel).is_some()
        && let Some((what, fix)) = crate::history::sync::changelog_not_a_file(repo, config, rel)
    {
        return Judged::refused(vec![format!(
            "{what}, so relhook cannot add the release's section; {fix}, then tag again"
        )]);
    }
    if let Some(why) = moved(repo, config, u) {
        return Judged::refused(vec![why]);
    }
    // HEAD's half-made release, which several checks below ask for: looked for once.
    let head = untagged::HeadRelease::default();
    // An interrupted release below HEAD first (see `untagged::above_unfinished`).
    if let Some(why) = untagged::above_unfinished(repo, config, &head, u) {
        return Judged::refused(vec![why]);
    }
    // A hand tag interrupted below HEAD (no section, commits made on top): made again from
    // HEAD first, as `relhook release` refuses; a release above would leave its version
    // taken for released, and its way out (`relhook release` of it) could no longer work.
    if let Some(s) = stranded(repo, config).filter(|s| s.tag != u.tag) {
        return Judged::refused(vec![describe_stranded(&s)]);
    }
    if let Some(t) = crate::release::twin_release(repo, config) {
        return Judged::refused(vec![format!("{}; {}", t.problem, t.advice())]);
    }
    let mut out = rules::problems(repo, config, &u.tag, u.new, Depth::Create);
    if !out.is_empty() {
        // Lightweight on a commit a release holds: said as that, as made annotated it would
        // be refused again.
        return Judged::refused(released::lightweight(repo, config, u, out));
    }
    // A version file relhook cannot read (a FIFO, mode 000): said with its fix, not as a
    // change to commit, which git refuses.
    let unreadable = crate::release::unreadable_version_file(repo, config);
    out.extend(unreadable.as_ref().map(|u| u.refusal("tag").to_string()));
    // Where the unclean tree's refusal stands: a merge stopped on a conflict says its own.
    let mut unclean = None;
    if let Ok(mut dirty) = repo.dirty_paths(5) {
        // A FIFO or a directory where the changelog was is no change to commit or stash: it
        // is refused below, with its own fix; a changelog gone while HEAD has it, here.
        let changelog = config.changelog.path.display().to_string();
        let gone = crate::history::sync::changelog_missing(repo, &config.changelog.path);
        out.extend(gone.as_ref().map(|(what, fix)| format!("{what}; {fix}")));
        if gone.is_some()
            || crate::history::sync::changelog_not_a_file(repo, config, &config.changelog.path)
                .is_some()
        {
            dirty.retain(|p| *p != changelog);
        }
        dirty.retain(|p| unreadable.as_ref().is_none_or(|u| u.path != Path::new(p)));
        if let Some(r) = crate::release::tag_dirty(repo, &dirty) {
            unclean = Some(out.len());
            out.push(r);
        }
    }
    if let Some(r) = crate::release::outside_sparse_checkout(repo, config) {
        out.push(r.to_string());
    }
    out.extend(crate::history::unlinted::below_hand_tag(
        repo, config, u.new,
    ));
    let Some(version) = version_of(config, &u.tag) else {
        return Judged::refused(out);
    };
    // What cannot be read here is left to `complete` to report.
    let Ok(commit) = peel(repo, u.new) else {
        return Judged {
            refusals: out,
            release_commit: true,
            standing: None,
        };
    };
    if config.release.sign && !repo.is_signed_tag(u.new) {
        let release = release_command(config, &version);
        out.push(format!(
            "`[release] sign = true` in .relconfig.toml, and this tag is not signed; `{release}` makes the release and signs its tag"
        ));
        return Judged::refused(out);
    }
    let section_missing = needs_section(repo, config, &version, commit);
    // Refused now, as `committed` would (with `git tag` exiting 0), once the tag exists; a
    // release commit for a version the other scheme has tagged would make it twice.
    out.extend(crate::history::prefix_ways::hand_conflicts(
        repo,
        config,
        &version,
        section_missing,
    ));
    let mut standing = None;
    if section_missing {
        if let (Some(op), Some(git)) = (repo.operation_in_progress(), repo.operation_command()) {
            // Mid rebase a branch cannot be made nor the release committed: first the rebase.
            // The tree it left unclean is its own (stash refuses unmerged files): one refusal.
            if let Some(at) = unclean {
                out.remove(at);
            }
            out.push(format!(
                "{op} is in progress, so the release commit cannot be made now; finish it (`{git} --continue`) or abort it (`{git} --abort`), then tag again"
            ));
        } else if repo.bisecting() && repo.branch().is_none() {
            // A branch of its own would hold the commit bisect is testing: first the bisect.
            out.push("a bisect is in progress, so HEAD is detached at the commit it tests and the release commit would be on no branch; end it (`git bisect reset`), then tag the branch".to_owned());
        } else if let Some(why) = released::already(repo, config, commit, &u.tag, &version) {
            out.push(why);
        } else if let Some(why) = unrelated::unrelated(repo, config, commit, &u.tag) {
            out.push(why);
        } else if repo.head() != Some(commit) {
            // Checking the commit out detaches HEAD, refused below: a branch of its own is
            // what a release of it takes (unless it is HEAD as `git commit` printed it).
            let own = format!(
                "{} at that commit has no `## [{version}]` section and the commit is not HEAD, so relhook cannot add the release commit; tag HEAD, or release that commit on a branch of its own: {}",
                config.changelog.path.display(),
                own_branch(config, &version, Some(commit))
            );
            out.push(commands::replaced_head(repo, config, commit, &u.tag).unwrap_or(own));
        } else if repo.branch().is_none() {
            // The release commit would be on no branch: the branch would never get the
            // release, and the next one would ship its entries again.
            out.push(format!(
                "HEAD is detached, so the release commit would be on no branch (`relhook release` refuses a detached HEAD too); {}",
                commands::detached(repo, config, &version)
            ));
        } else if let Some((branch, why)) = repo.branch().and_then(|b| {
            crate::release::off_release_branches(repo, config, &b).map(|why| (b, why))
        }) {
            // The release commit would go on that branch: refused as `relhook release` is.
            // Asked below what the commits call for (a `feat` tagged as a patch): the release
            // of the version asked for says so as it goes; the advice says it first.
            let called = repo
                .work_tree()
                .and_then(|root| crate::release::tag_called_for(repo, config, &root, &u.tag));
            let though = called.map_or(String::new(), |(called, why)| {
                let tag = format!("{}{called}", config.version.tag_prefix);
                // Released elsewhere already (on the main line): no command that is refused.
                let that = match repo.tag_target(&tag) {
                    Some(_) => format!(" ({tag} exists already)"),
                    None => format!(
                        ": `{}` releases that",
                        release_command_with(config, &called, "--allow-branch")
                    ),
                };
                format!(", which releases {version} as asked though {why}{that}")
            });
            out.push(format!(
                "{why}; {}, or `{}` for a maintenance release{though}",
                off_branch::tag_there(repo, config, &branch, commit),
                release_command_with(config, &version, "--allow-branch")
            ));
        } else if let Some((up, n)) = repo.behind_upstream().filter(|(_, n)| *n > 0) {
            // As `relhook release` refuses: the release would leave out what the remote has,
            // and its branch could not be pushed without rewriting the release commit.
            out.push(format!(
                "the branch is {} behind {up} (as last fetched), as `relhook release` refuses; pull first so the release includes them (`{}`), then tag again",
                crate::commit::report::plural(n, "commit"),
                crate::release::pull_steps(repo, config, &up)
            ));
        } else if repo.is_signed_tag(u.new) {
            out.push(format!(
                "a signed tag cannot be moved onto the release commit relhook makes; use `{}`, which signs the tag it makes",
                release_command_with(config, &version, "--sign")
            ));
        } else if let Some(other) =
            crate::tag::nothing_since::release_on(repo, config, commit, &u.tag, &version)
        {
            // Nothing was committed since that release, or its release commit was never made.
            out.push(marker::released_or_unfinished(
                repo, config, &other, &version,
            ));
        } else if let Some(r) = repo.work_tree().and_then(|root| {
            // An uncommitted version (refused above as a tree not clean) is not where the
            // release starts: the files are read once it is committed.
            if crate::release::dirty_version_file(repo, config, &root).is_some() {
                return None;
            }
            crate::release::unreadable_file_version(repo, config, &root).or_else(|| {
                crate::release::first_release_below_files(repo, config, &root, &version)
            })
        }) {
            out.push(r.to_string());
        } else if let Some(why) = repo.work_tree().and_then(|root| {
            crate::release::packages::hand_tag_versionless_root(config, &root, &version)
        }) {
            out.push(why);
        } else if repo.is_shallow()
            && repo
                .latest_release_tag_except(commit, &config.version.tag_prefix, Some(&u.tag))
                .is_none()
        {
            // Refused now, as `committed` would (with `git tag` exiting 0), once the tag exists.
            out.push(
                "this clone is shallow and no release tag is within its history, so relhook cannot tell which commits are unreleased; run `git fetch --tags --unshallow`, then tag again"
                    .to_owned(),
            );
        } else if let Some((what, remote)) =
            crate::history::tags::tags_not_fetched(repo, &config.version.tag_prefix, Some(&u.tag))
        {
            // All history would read as unreleased (and this version may be released there).
            out.push(format!(
                "{what}, so relhook cannot tell which commits are unreleased; run `git fetch --tags {remote}`, then tag again"
            ));
        } else if let Some(r) = crate::release::reverted::section_gone(repo, config) {
            out.push(r.to_string());
        } else if let Some(why) = crate::history::unlinted::release_message_problem(config) {
            let fix = crate::history::unlinted::RELEASE_MESSAGE_FIX;
            out.push(format!("{why}; {fix}"));
        } else if let Some(r) = crate::release::hidden_changes(repo, config, "tag") {
            // The release commit would be made from the work tree's files: hidden local
            // changes would be released though `git status` (the dirty-tree check) sees none.
            out.push(r.to_string());
        } else if let Some((what, fix)) =
            crate::history::sync::changelog_not_a_file(repo, config, &config.changelog.path)
        {
            // Refused now: `committed` could only fail to read it and withdraw the tag.
            out.push(format!(
                "{what}, so relhook cannot add the `## [{version}]` section; {fix}, then tag again (or `{}`)",
                release_command(config, &version)
            ));
        } else if let Some((what, fix)) = repo.work_tree().and_then(|root| {
            let rel = &config.changelog.path;
            let why = crate::fsx::unwritable(&root, rel)?;
            Some(crate::fsx::unwritable_what_fix(rel, &why))
        }) {
            // Refused now: `committed` could only fail to replace it and withdraw the tag.
            out.push(format!(
                "{what}, so relhook cannot add the `## [{version}]` section; {fix}, then tag again"
            ));
        } else if let Some((what, fix)) = changelog_case_twin(repo, config) {
            out.push(format!("{what}; {fix}, then tag again"));
        } else if let Some((why, edit)) = unkept_changelog_and_edit(repo, config) {
            // Refused now, before git writes the tag: `committed` could only withdraw it.
            let fix = edit.map_or("make it a Keep a Changelog file first".into(), |e| {
                format!("{e}, then tag again")
            });
            out.push(format!(
                "{why}, so relhook cannot add the `## [{version}]` section; {fix}"
            ));
        } else if let Some(why) = untagged::next_on_it(repo, config, &head, commit) {
            out.push(why);
        } else if out.is_empty() {
            // Judged on the work tree's file: a dirty tree or a sparse checkout without the
            // changelog (refused above already) would give a false reason.
            out.extend(unpublishable(repo, config, &version));
        }
        // The release commit moves HEAD's branch: a HEAD lock held (or left by a killed git)
        // refuses the tag now, rather than making it and taking it back in `committed`.
        if out.is_empty()
            && let Err(e) = repo.wait_for_head_lock()
        {
            out.push(e.to_string());
        }
        // The release commit writes the index and reflogs: one it cannot write would fail
        // `committed` once git has made the tag, which could only take the tag back.
        if out.is_empty()
            && let Some(why) = git_dir_unwritable(repo)
        {
            out.push(why);
        }
    } else {
        // The section is there (written by hand, or an earlier release commit), so no release
        // commit is made: the version files must already say the version, as pre-push demands.
        standing = Some(untagged::standing(repo, config, &head, commit, &version));
        // The hook is running: it is what judges this tag, not made yet.
        let depth = rules::Depth::Create;
        out.extend(rules::section_problems(
            repo, config, &u.tag, &version, commit, depth,
        ));
        // Every file in one line: one fix for all of them.
        use crate::{history::sync::heading_at, release::unset};
        let files = unset::files_not_at(repo, config, &version, commit);
        if !files.is_empty() {
            out.push(format!(
                "{} at `{}`, not {version}; {} already has its `{}` section, so relhook makes no release commit: set {} to {version}{}, commit, then tag the new commit: `git tag -a {} -m \"release {version}\"`",
                unset::saying(&files),
                u.tag,
                config.changelog.path.display(),
                heading_at(repo, commit, &config.changelog.path, &version.to_string()),
                unset::named(&files),
                unset::lock_step(repo, &files, commit),
                crate::shellword::quote(&u.tag)
            ));
        }
    }
    Judged {
        refusals: out,
        release_commit: section_missing && repo.head() == Some(commit),
        standing,
    }
}

pub(super) fn peel(repo: &Repo, target: Oid) -> Result<Oid> {
    repo.peel_to_commit(target)
        .ok_or_else(|| Error::NotACommit(target.to_string()))
}

/// The files in the git dirs the release commit must write that it could not, in one line
/// with the commands that let it through.
fn git_dir_unwritable(repo: &Repo) -> Option<String> {
    let found: Vec<(String, String)> = (repo.commit_writes().iter())
        .filter_map(|path| {
            let why = crate::fsx::git_unwritable(path)?;
            Some(crate::fsx::unwritable_what_fix(path, &why))
        })
        .collect();
    notes::unwritable_line(&found, "git cannot record the release commit")
}
