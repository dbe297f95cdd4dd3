//! The older release tags a release's push sends along (`--follow-tags`) that pre-push will
//! refuse as untested: each tested first, or, when no test of it can pass (its tree's `test`
//! script is `npm init`'s placeholder), pushed first untested on purpose.

use git2::Oid;

use super::release_next::{Made, pre_push_tests};
use crate::git::{Range, ReleaseTag, Repo};

/// The older untested release tags below a release commit.
#[derive(Debug, Default)]
pub(super) struct Older {
    /// Those a test can pass, by name, oldest first: every one, since pre-push refuses each
    /// one left out.
    pub tested: Vec<String>,
    /// The one command that tests them all, after what comes first (installing the program).
    pub command: Option<(Option<String>, String)>,
    /// Those no test can pass, by name.
    pub untestable: Vec<String>,
}

/// Release tags below `commit` (other than those just `made`) that no remote-tracking branch
/// holds and pre-push will refuse as untested: a push of the new tag sends them too.
pub(super) fn older_untested(repo: &Repo, commit: Oid, made: &[Made<'_>]) -> Older {
    let Some(config) = made.first().map(|m| m.config) else {
        return Older::default();
    };
    if !config.checks.require_tested_tags
        || config.package.is_some()
        || pre_push_tests(repo, config)
    {
        return Older::default();
    }
    // With no test command, none is tested: the new tag's own advice covers the push.
    if crate::prepush::test_argv(repo, config).is_none() {
        return Older::default();
    }
    let published = repo.remote_tracking_commits("*");
    // Only the tags pre-push would judge: annotated (`--follow-tags` pushes no lightweight
    // one), and made since `relhook install` (history from before it is never judged). The
    // install's commits are walked only for a tag to judge: after a first release, or with
    // every older one pushed, there is none.
    let before = std::cell::OnceCell::new();
    let judged = |t: &ReleaseTag| {
        let before = || {
            before.get_or_init(|| {
                crate::history::adoption::BeforeInstall::load(repo, &published).unwrap_or_default()
            })
        };
        repo.tag_target(&t.name).is_some_and(|target| {
            target != t.commit
                && !crate::history::adoption::tag_before_install(
                    repo,
                    before(),
                    &t.name,
                    target,
                    Some(t.commit),
                )
        })
    };
    let tags: Vec<ReleaseTag> =
        unpublished_tags(repo, commit, &published, &config.version.tag_prefix)
            .into_iter()
            .filter(|t| made.iter().all(|m| m.tag != t.name))
            .filter(judged)
            .filter(|t| crate::testrun::find_for(repo, config, t.commit).is_none())
            .collect();
    let mut older = Older::default();
    for t in &tags {
        if crate::prepush::cannot_pass(repo, config, t.commit) {
            older.untestable.push(t.name.clone());
        } else {
            older.tested.push(t.name.clone());
        }
    }
    if !older.tested.is_empty() {
        let names: Vec<&str> = older.tested.iter().map(String::as_str).collect();
        older.command = crate::prepush::test_tags_steps(repo, config, &names);
    }
    older
}

/// The release tags on commits below `commit` that no commit of `published` reaches, by
/// version. Found by walking the commits since `published` (those the push would send), not by
/// asking of every release tag down to the first release whether `commit` reaches it, and of
/// each whether a remote-tracking branch does: that walked the whole history on every hand tag
/// and release. Where clocks were off by more than the walk allows for, it may name a tag the
/// remote has, as `git log` would list its commit: one more tag tested, nothing lost.
fn unpublished_tags(repo: &Repo, commit: Oid, published: &[Oid], prefix: &str) -> Vec<ReleaseTag> {
    let mut on: std::collections::HashMap<Oid, Vec<ReleaseTag>> = Default::default();
    for t in repo.release_tag_candidates(prefix) {
        on.entry(t.commit).or_default().push(t);
    }
    // No release tag but on `commit` itself (a first release): nothing below it to find, and
    // no walk (down to the first commit where no remote is set) to find it.
    if on.keys().all(|c| *c == commit) {
        return Vec::new();
    }
    let range = Range {
        tips: vec![commit],
        hidden: published.to_vec(),
        ..Range::default()
    };
    let mut out = Vec::new();
    let walked = repo.walk(&range, |c| {
        if c.id != commit {
            out.extend(on.remove(&c.id).unwrap_or_default());
        }
        true
    });
    if walked.is_err() {
        // Unreadable history: every release tag `commit` reaches, as the walk would.
        out = repo.release_tags(commit, prefix).unwrap_or_default();
        out.retain(|t| t.commit != commit);
    }
    out.sort_by(|a, b| a.version.cmp_precedence(&b.version));
    out
}
