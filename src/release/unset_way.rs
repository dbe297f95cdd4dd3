//! The way on for a hand-written release section whose commit leaves the version files
//! behind: `relhook release` and doctor give it for the section, and pre-push, doctor and the
//! release's refusal for a release tag made past the hook above it. One answer, so that the way
//! one of them gives is never one another refuses or advises against.

use std::path::PathBuf;

use git2::Oid;
use semver::Version;

use super::unset::{self, SetSince};
use crate::config::Config;
use crate::git::Repo;

/// How `version`'s section, written in a commit that does not set the version files, is
/// released.
pub enum Way {
    /// The section's commit is the tip: the files set, committed, and the new commit tagged.
    Here,
    /// A commit since sets them with nothing under Unreleased: tagged there.
    TagAt(Oid),
    /// A new commit on top sets them and lists what the section leaves out, and is tagged:
    /// why a rebase is no way, and the steps.
    OnTop {
        /// Why not a rebase (it would rewrite work of its own, or published history).
        why: String,
        /// The steps, from [`crate::history::sync::listed_on_top`].
        steps: String,
    },
    /// The files set in the section's commit itself by a rebase, then that commit tagged;
    /// `drop`: a commit since that only sets them, where the rebase would stop empty.
    Rebase {
        /// The commit marked `drop` in that rebase, if any.
        drop: Option<Oid>,
        /// The command that tags the section's commit once the rebase is done.
        tag: String,
    },
}

/// The [`Way`] for tag `name` of `version`, whose section was written in `wrote` where `files`
/// do not say it, `tip` the commit the tag is (or would be) on, along its first-parent line;
/// `made`: the tag exists already, so the steps delete it first.
pub fn way(
    repo: &Repo,
    config: &Config,
    (name, version): (&str, &Version),
    files: &[(PathBuf, String)],
    (wrote, tip): (Oid, Oid),
    made: bool,
) -> Way {
    if wrote == tip {
        return Way::Here;
    }
    let since = unset::set_since(repo, config, version, (wrote, tip));
    let on_top = |why: String| {
        let left = unset::files_not_at(repo, config, version, tip);
        let set = (!left.is_empty()).then(|| {
            format!(
                "set {} to {version} ({}){}",
                unset::named(&left),
                unset::they_say(&left),
                unset::lock_step(repo, &left, tip)
            )
        });
        let listed = crate::history::sync::listed_on_top;
        listed(repo, config, (name, version), tip, made, set.as_deref())
            .map(|steps| Way::OnTop { why, steps })
    };
    match since {
        Some(SetSince::Tag(set)) => return Way::TagAt(set),
        Some(SetSince::WithWork(set)) => {
            let why = format!(
                "{} set {} to {version} together with work of its own, which a rebase would rewrite",
                crate::git::short_id(set),
                unset::named(files)
            );
            if let Some(w) = on_top(why) {
                return w;
            }
        }
        _ => {}
    }
    // Pushed, the section's commit would be rewritten under every clone that has it.
    if let Some(r) = published_on(repo, wrote) {
        let why = format!(
            "{} is on `{r}`, and a rebase would rewrite published history",
            crate::git::short_id(wrote)
        );
        if let Some(w) = on_top(why) {
            return w;
        }
    }
    let drop = match since {
        Some(SetSince::Only(set)) => Some(set),
        _ => None,
    };
    let tag = rebased_tag(repo, config, (name, version), (wrote, tip), drop);
    Way::Rebase { drop, tag }
}

/// The command that tags `wrote` once `git rebase -i wrote~1` (with `drop` dropped) has
/// rewritten it: its id changes, so it is named by its place under HEAD, which the rebase
/// keeps: each commit above it replayed, less merges (the rebase flattens them) and `drop`.
/// A message search (`:/`) could name another commit, or the one before the rebase.
fn rebased_tag(
    repo: &Repo,
    config: &Config,
    (name, version): (&str, &Version),
    (wrote, tip): (Oid, Oid),
    drop: Option<Oid>,
) -> String {
    // The rebase rewrites HEAD's branch; off it, the tag's commit is what the steps rebase.
    let head = repo
        .head()
        .filter(|h| repo.reaches(*h, wrote))
        .unwrap_or(tip);
    let range = crate::git::Range {
        tips: vec![head],
        hidden: vec![wrote],
        ..Default::default()
    };
    let mut above = 0usize;
    let _ = repo.walk(&range, |c| {
        above += usize::from(c.parents < 2 && Some(c.id) != drop);
        true
    });
    let at = match above {
        0 => "HEAD".to_owned(),
        n => format!("HEAD~{n}"),
    };
    let kind = if config.release.sign { "-s" } else { "-a" };
    let message = crate::shellword::quote(&format!("release {version}"));
    format!(
        "git tag {kind} {} -m {message} {at}",
        crate::shellword::quote(name)
    )
}

/// The first remote whose remote-tracking branches hold `commit`, if any.
pub fn published_on(repo: &Repo, commit: Oid) -> Option<String> {
    repo.remote_names()
        .into_iter()
        .find(|r| repo.held_by_any(&repo.remote_tracking_commits(r), commit))
}
