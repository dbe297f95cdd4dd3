//! A release tag pushed alone (`git push origin v1.2.0`) that names a release commit a local
//! branch holds rewritten: `git pull --rebase` of a release not pushed yet, an amend, a
//! `rebase -i` below it. The tag stays on the commit as it was, which no branch holds any
//! more; published, it would be a release on a commit the project's history never has, while
//! the branch carries another commit for the same version. A maintenance branch's tag is not
//! this: its commit is on that branch, and a copy of its release commit elsewhere
//! (`git cherry-pick`) leaves the tag where it is.
//!
//! Cost: asked only of a new release tag that no branch of the remote holds as last fetched
//! and no branch update of this push sends, nor HEAD holds; a first-parent read of at most 50
//! commit messages per branch releases are made from.

use git2::Oid;

use super::{Kind, Refusal, Update};
use crate::config::Config;
use crate::git::{Repo, short_id};

/// The refusal of new release tag `name` on `commit`, pushed alone, when a local branch (the
/// current one first) holds its release commit rewritten.
pub(super) fn left_on_a_rewrite(
    repo: &Repo,
    config: &Config,
    remote: &str,
    u: &Update,
    name: &str,
    commit: Oid,
) -> Option<Refusal> {
    // On another remote, the release as tagged is published: the tag is right where it is.
    if repo.held_by_any(&repo.remote_tracking_commits("*"), commit) {
        return None;
    }
    // On HEAD's history (the branch pushed after its tag), it is no rewrite's leftover.
    if repo
        .head()
        .is_some_and(|h| h == commit || repo.reaches(h, commit))
    {
        return None;
    }
    // The branches releases are made from, the current one first: a release commit is
    // rewritten where it was made.
    let current = repo.branch();
    let mut branches: Vec<(String, Oid)> = repo
        .branches_at("heads/*")
        .into_iter()
        .filter_map(|(b, tip)| Some((b.strip_prefix("heads/")?.to_owned(), tip)))
        .filter(|(b, _)| {
            Some(b.as_str()) == current.as_deref()
                || crate::release::off_release_branches(repo, config, b).is_none()
        })
        .collect();
    branches.sort_by_key(|(b, _)| Some(b.as_str()) != current.as_deref());
    let (branch, r) = branches.into_iter().find_map(|(b, tip)| {
        let r = crate::release::retag_needed_from(repo, config, tip)?;
        let ours = r.tag == name
            && r.tagged == commit
            && r.copy_of.is_none()
            && r.foreign.is_none()
            && r.theirs.is_none();
        ours.then_some((b, r))
    })?;
    let switch = match current.as_deref() {
        Some(b) if b == branch => String::new(),
        _ => format!("{} && ", repo.switch_command(&branch)),
    };
    let push = format!(
        "`git push --follow-tags {}{} {}`",
        super::half::set_upstream(repo, &branch),
        crate::shellword::quote(remote),
        crate::shellword::quote(&branch)
    );
    let mut problems = vec![format!(
        "{name} is on {}, the release commit of {} as it was before a rebase or an amend; `{branch}` holds it rewritten ({}): pushed alone, {name} would publish a release on a commit no branch holds",
        short_id(commit),
        r.version,
        short_id(r.commit)
    )];
    let command = r.command(repo);
    let fix = if r.stale.is_stale() {
        problems.push(format!(
            "{}: tagged there, it would release changes its notes or its version do not tell",
            r.stale.problem(r.commit, &r.version)
        ));
        format!(
            "make the release again with them: `{switch}{command}` (drops the rewritten release commit, which no remote has, and releases {} again), then {push}",
            r.stale.version(&r.version)
        )
    } else {
        format!(
            "`{switch}{command}` (makes {name} again on {}, with its release notes, and tests it), then {push}",
            short_id(r.commit)
        )
    };
    Some(Refusal {
        kind: Kind::ReleaseTag,
        refs: vec![u.remote_ref.clone()],
        commit: Some(commit),
        subject: format!("release tag {name}, left on a rewritten release commit"),
        problems,
        fix,
    })
}
