//! The runbook's "don't forget to push the tag": local release tags on commits a branch push
//! sends, left behind by it. Each comes with the way that works for it: a push of the tag,
//! or, for one pre-push would refuse as it is (a lightweight tag, which `--follow-tags` never
//! sends either; one whose commit lacks its section), the way to a tag it takes. A tag from
//! before `relhook install` is only counted: its push is not judged either (see
//! [`crate::history::adoption::tag_before_install`]), so nothing is predicted or advised of it.

use std::collections::HashSet;

use git2::Oid;

use super::asked::Asked;
use super::published::Published;
use super::{HandTagHook, Update, or_hand_tag_here, release_again, release_configs, untested};
use crate::config::Config;
use crate::git::{ObjectKind, Repo, short_id};
use crate::history::adoption::{BeforeInstall, tag_before_install};
use crate::release::channel::Here;
use crate::tag::rules::{self, Depth, HandTags, RemoteBranches};
use crate::testrun;

/// A release tag a branch push leaves behind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftBehind {
    /// The tag's name.
    pub name: String,
    /// The way to a test record, when pre-push would refuse the tag untested.
    pub test_step: Option<String>,
    /// A lightweight tag, which git pushes only by name (never with `--follow-tags`).
    pub lightweight: bool,
    /// When pre-push would refuse the tag as it is: what is wrong, and how to make a tag that
    /// it takes (the exact commands).
    pub refused: Option<(Vec<String>, String)>,
}

/// The release tags a branch push leaves behind ([`tags_left_behind`]), then checked against
/// the remote's own tags ([`super::taken::taken_on_remote`]), into `found`.
pub(super) fn left_behind(
    repo: &Repo,
    config: &Config,
    (asked, after, updates): (&Asked<'_>, RemoteBranches<'_>, &[Update]),
    new: &HashSet<Oid>,
    hook: &HandTagHook<'_>,
    found: &mut super::Inspection,
) {
    let (mut judged, mut old) = tags_left_behind(
        repo,
        config,
        (asked, after),
        updates,
        (new, &found.before_install),
        hook,
        &mut found.published,
    );
    let behind = super::taken::Behind {
        judged: &mut judged,
        old: &mut old,
        published: &mut found.published.behind,
    };
    let taken = super::taken::taken_on_remote(repo, config, asked, updates, behind);
    found.refusals.extend(taken);
    found.tags_left_behind = judged;
    found.old_tags_left_behind = old.len();
}

/// Release tags pointing at commits new to the remote (`new`, whether or not another remote has
/// them) that are not pushed with them,
/// and the names of those from before the install (`before`), left out of the list;
/// `hook` says whether a tag made by hand is a release here; `after`: the remote's branches
/// once the push is made, which judge each tag as its push would be judged.
/// Costs one pass over the release-like tags, and only when a branch push sends commits;
/// then the release checks of each tag left behind that was made since the install. One
/// that another remote publishes as it is here is counted in `published`, not judged.
fn tags_left_behind(
    repo: &Repo,
    config: &Config,
    (asked, after): (&Asked<'_>, RemoteBranches<'_>),
    updates: &[Update],
    (new, before): (&HashSet<Oid>, &BeforeInstall),
    hook: &HandTagHook<'_>,
    published: &mut Published,
) -> (Vec<LeftBehind>, Vec<String>) {
    let branch_push = updates
        .iter()
        .any(|u| !u.is_delete() && u.remote_ref.starts_with("refs/heads/"));
    if !branch_push || new.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let remote = asked.shown();
    let pushed: Vec<&str> = updates.iter().filter_map(Update::tag_name).collect();
    let mut out = Vec::new();
    let mut old = Vec::new();
    for config in &release_configs(repo, config) {
        let mut tags: Vec<_> = repo
            .release_tag_candidates(&config.version.tag_prefix)
            .into_iter()
            .filter(|t| new.contains(&t.commit) && !pushed.contains(&t.name.as_str()))
            .collect();
        tags.sort_by(|a, b| a.version.cmp(&b.version));
        out.extend(tags.into_iter().filter_map(|t| {
            let target = repo
                .ref_target(&format!("refs/tags/{}", t.name))
                .unwrap_or(t.commit);
            // As the push of the tag would take it: unjudged.
            if tag_before_install(repo, before, &t.name, target, Some(t.commit)) {
                old.push(t.name);
                return None;
            }
            let untested = config.checks.require_tested_tags
                && testrun::find_for(repo, config, t.commit).is_none();
            let to = (remote, untested::may_have_records(asked, updates));
            let test_step =
                untested.then(|| untested::record_step(repo, config, to, &t.name, t.commit));
            let lightweight = repo.object_kind(target) == Some(ObjectKind::Commit);
            let hand = hook.hand_tags();
            let depth = Depth::Publish(hand, after);
            let problems = rules::problems(repo, config, &t.name, target, depth);
            // Another remote's release: nothing to make again (see `published`).
            if (untested || !problems.is_empty())
                && published.by_another(repo, asked, &t.name, target).is_some()
            {
                published.behind.push(t.name);
                return None;
            }
            let refused = (!problems.is_empty()).then(|| {
                // Allowed, a lightweight tag's one problem is another one: re-made annotated
                // where it is, it would be refused again.
                let only_lightweight =
                    lightweight && !config.release.allow_lightweight_tags && problems.len() == 1;
                let step = test_step.as_deref().filter(|_| only_lightweight);
                // Moved above its release commit: back there (fetched, where a remote has it).
                let moved = crate::tag::later::past_release_commit(
                    repo, config, &t.name, &t.version, t.commit, true,
                );
                let past = super::past::past(repo, config, &t.name, t.commit);
                // On a channel's branch, the releases named are ones it takes; held by a
                // stable branch of the remote, made there instead, as that branch takes them.
                let there =
                    crate::tag::channel_stable_there(repo, config, after, t.commit, &t.name)
                        .map(|(_, way)| way);
                let here = crate::release::channel::here(repo, config, Some(&t.name))
                    .filter(|_| there.is_none());
                let fix = match (moved, past) {
                    (Some((_, retag, release)), _) => {
                        let back = crate::tag::later::back_to_release(
                            repo,
                            config,
                            (&t.name, &t.version),
                            &retag,
                            (release, t.commit),
                        );
                        format!("{}: {}", back.clause, back.said())
                    }
                    // Its name no commit of its line takes: the release to make instead.
                    (None, Some(past)) => format!(
                        "{}; then push with `--follow-tags`",
                        super::past::fix(
                            config,
                            &t.name,
                            &past,
                            (hand, here.as_ref(), there.as_deref())
                        )
                    ),
                    // A conflict or nothing in its section: fixed, then tagged again.
                    (None, None)
                        if let Some(fix) = rules::section_fix(
                            repo,
                            config,
                            (&t.name, &t.version, t.commit),
                            &problems,
                        ) =>
                    {
                        format!("{fix}; then push with `--follow-tags`")
                    }
                    (None, None) => remake(
                        config,
                        (&t.name, t.commit),
                        (only_lightweight, hand),
                        (step, here.as_ref(), there.as_deref()),
                        remote,
                    ),
                };
                (problems, fix)
            });
            Some(LeftBehind {
                name: t.name,
                test_step,
                lightweight,
                refused,
            })
        }));
    }
    (out, old)
}

/// How to replace release tag `name` (on `commit`), which pre-push refuses, and push it: a tag
/// that is refused only as lightweight is made again annotated on the same commit (then
/// tested, by `step`, when it has no test record); any other is made again as the refusal of
/// it says (by hand only where a hand tag is a release), and goes with its branch; on a
/// channel's branch (`here`), by the releases it takes; on the stable branch that holds it
/// (`there`: `on its branch main (…)`), where HEAD is on a channel's.
fn remake(
    config: &Config,
    (name, commit): (&str, Oid),
    (only_lightweight, hand): (bool, HandTags),
    (step, here, there): (Option<&str>, Option<&Here>, Option<&str>),
    remote: &str,
) -> String {
    // Pasted into a shell: a tag's name may hold `$(…)`.
    let q = crate::shellword::quote(name);
    if only_lightweight {
        let then = step.map(|s| format!("; then {s}")).unwrap_or_default();
        return format!(
            "make it again annotated: `git tag -d {q} && git tag -a {q} {} -m {q}`{then}; then `git push {} {q}`",
            short_id(commit),
            crate::shellword::quote(remote)
        );
    }
    let on = there.map(|t| format!("{t}, ")).unwrap_or_default();
    format!(
        "delete the tag (`git tag -d {q}`), then {on}{}{}; then push with `--follow-tags`",
        release_again(config, name, here),
        or_hand_tag_here(config, name, hand, here)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tag refused only as lightweight is made again annotated where it is, tested when it
    /// has no record, then pushed by name; any other goes the refusal's way, with its branch.
    #[test]
    fn the_way_to_a_tag_pre_push_takes() {
        let config = Config::default();
        let commit = Oid::from_str(&"ab".repeat(20)).unwrap();
        let tag = ("v1.2.1", commit);
        assert_eq!(
            remake(
                &config,
                tag,
                (true, HandTags::Released),
                (Some("`relhook test --tag v1.2.1`"), None, None),
                "origin"
            ),
            "make it again annotated: `git tag -d v1.2.1 && git tag -a v1.2.1 ababababa -m v1.2.1`; then `relhook test --tag v1.2.1`; then `git push origin v1.2.1`"
        );
        let other = remake(
            &config,
            tag,
            (false, HandTags::Released),
            (None, None, None),
            "origin",
        );
        assert!(
            other.starts_with("delete the tag (`git tag -d v1.2.1`), then `relhook release 1.2.1`"),
            "{other}"
        );
        assert!(
            other.ends_with("; then push with `--follow-tags`"),
            "{other}"
        );
        assert!(
            other.contains("`git tag -a v1.2.1 -m v1.2.1` on a commit"),
            "{other}"
        );
        // Where a hand tag is a plain tag, the release is the one way named.
        let plain = remake(
            &config,
            tag,
            (false, HandTags::Plain),
            (None, None, None),
            "origin",
        );
        assert!(!plain.contains("git tag -a"), "{plain}");
        assert!(plain.contains("`relhook release 1.2.1`"), "{plain}");
    }
}
