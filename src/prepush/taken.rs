//! A release tag a branch push leaves behind because the remote already has a tag of that
//! name on another commit (two clones released the same version; one pushed only its tag):
//! git skips it even under `--follow-tags`, so the branch would publish a release commit that
//! the remote's tag does not name, a release half made where everyone sees it. The remote is
//! asked for its tags (a second connection) only when such a tag is left behind. A tag it
//! has at the same object (pushed alone first) is left behind by nothing: it is published,
//! never named as one to push, nor to delete and make again.

use super::asked::Asked;
use super::half::header;
use super::{Kind, LeftBehind, Refusal, Update};
use crate::config::Config;
use crate::git::{Repo, short_id};
use crate::shellword::quote;

/// The release tags a branch push leaves behind as this clone sees them: those judged, those
/// from before `relhook install` and those another remote publishes (counted, not judged).
pub(super) struct Behind<'a> {
    pub judged: &'a mut Vec<LeftBehind>,
    pub old: &'a mut Vec<String>,
    pub published: &'a mut Vec<String>,
}

/// The refusals for the tags in `behind.judged` that `remote` has at another object; those
/// tags leave it (the refusal says what to do with them), as do those it has at the same
/// object (published). A tag of `behind`'s counted ones that `remote` has, at any object,
/// does not stay behind either: this clone cannot tell it from the commits it sends, whose
/// remote it may never have fetched (no remote-tracking refs, so all its history reads as new).
pub(super) fn taken_on_remote(
    repo: &Repo,
    config: &Config,
    asked: &Asked<'_>,
    updates: &[Update],
    behind: Behind<'_>,
) -> Vec<Refusal> {
    let remote = asked.shown();
    let Behind {
        judged: behind,
        old,
        published,
    } = behind;
    if behind.is_empty() && old.is_empty() && published.is_empty() {
        return Vec::new();
    }
    // Unreachable now, the push fails on its own; nothing to judge.
    let Some(theirs) = asked.tags_peeled() else {
        return Vec::new();
    };
    let has = |name: &str| {
        theirs
            .iter()
            .any(|(n, _, _)| n.strip_prefix("refs/tags/") == Some(name))
    };
    old.retain(|t| !has(t));
    published.retain(|t| !has(t));
    let branches: Vec<String> = updates
        .iter()
        .filter(|u| !u.is_delete() && u.remote_ref.starts_with("refs/heads/"))
        .map(|u| u.remote_ref.clone())
        .collect();
    let mut out = Vec::new();
    behind.retain(|t| {
        let full = format!("refs/tags/{}", t.name);
        let Some(ours) = repo.ref_target(&full) else {
            return true;
        };
        let Some((at, peeled)) = theirs
            .iter()
            .find(|(n, _, _)| *n == full)
            .map(|(_, id, peeled)| (*id, *peeled))
        else {
            return true;
        };
        if at == ours {
            return false;
        }
        let commit = repo.peel_to_commit(ours).unwrap_or(ours);
        let (published, fix) = super::twin::twin(repo, config, asked, &t.name, commit);
        out.push(Refusal {
            kind: Kind::HalfRelease,
            refs: branches.clone(),
            commit: Some(commit),
            subject: header(repo, commit),
            problems: vec![format!(
                "{remote} already has {} at {}, another release of that version than this clone's ({}){published}: git leaves this clone's tag behind, even with `--follow-tags`, and the branch would publish a release commit that {remote}'s {} does not name (published releases are immutable)",
                t.name,
                said_as_theirs(repo, at, peeled),
                super::tags::said_as(repo, ours),
                t.name
            )],
            fix,
        });
        false
    });
    out
}

/// The remote's tag `at` said as what it is, from what the remote told (`peeled`: the commit
/// an annotated tag names) when this clone lacks it: `tag object X on commit Y (not in this
/// clone)`, never a bare id that reads as a commit.
fn said_as_theirs(repo: &Repo, at: git2::Oid, peeled: Option<git2::Oid>) -> String {
    match peeled {
        _ if repo.peel_to_commit(at).is_some() => super::tags::said_as(repo, at),
        Some(c) => format!(
            "tag object {} on commit {} (not in this clone)",
            short_id(at),
            short_id(c)
        ),
        None => format!("commit {} (not in this clone)", short_id(at)),
    }
}

/// The way from this clone's release of a version to `remote`'s other release of it (two
/// clones released the same version), as commands to run in order: this clone's tag and
/// release commit go, the remote's tag comes, and the work is rebased over the remote's
/// release and released above it. One text for both refusals that meet it (a branch push
/// leaving the tag behind, a push of the tag itself).
pub(super) fn take_theirs(
    repo: &Repo,
    config: &Config,
    remote: &str,
    name: &str,
    commit: git2::Oid,
) -> String {
    let (tag, short, r) = (quote(name), short_id(commit), quote(remote));
    // A package's tag is released again by its own command.
    let release = match crate::tag::package_of(config, name) {
        Some(p) => format!("relhook release --package {}", p.name),
        None => "relhook release".to_owned(),
    };
    let drop = if repo.head() == Some(commit) {
        format!("git reset --keep {short}~1")
    } else {
        format!("git rebase --onto {short}~1 {short}")
    };
    let pull = match repo.pull_branch(remote) {
        Some(b) => format!("git pull --rebase --tags {r} {}", quote(&b)),
        None => format!("git pull --rebase --tags {r}"),
    };
    format!(
        "drop this clone's release of it and take {r}'s: `git tag -d {tag}`, `{drop}` (takes its release commit out), `git fetch {r} tag {tag}`; once a branch of {r} holds the published release (its author may have pushed the tag alone), `{pull}` and `{release}` (releases your work above it)"
    )
}
