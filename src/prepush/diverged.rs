//! A release tag whose branch is not a fast-forward of the remote's: git rejects the branch
//! (or will) and sends the tag alone, onto no branch of the remote. The way to a pushed
//! release is the same whether the branch is in this push or git rejected it before pre-push
//! (known from a fetch): one fix for both.

use git2::Oid;

use crate::config::Config;
use crate::git::{Repo, short_id};
use crate::tag::rules;

/// A local branch holding a release tag's commit, and the remote's branch it cannot
/// fast-forward.
pub(super) struct Diverged<'a> {
    /// The local branch, when known (`main`).
    pub local_branch: Option<&'a str>,
    /// The branch's name on the remote.
    pub branch: &'a str,
    /// The local branch's tip.
    pub local: Oid,
    /// The update that replaces the remote's branch with it (what `--force` pushes).
    pub update: super::Update,
}

/// The local branch holding release tag `name`'s `commit`, which goes alone, when it cannot
/// be pushed without a rebase: the remote's branch it goes to, as last fetched, is not in it.
/// Returns the branch's tip, its name on the remote and the remote's commit there.
pub(super) fn alone_on(
    repo: &Repo,
    remote: &str,
    branch: &str,
    commit: Oid,
) -> Option<(Oid, String, Oid)> {
    let tip = repo.ref_commit(&format!("refs/heads/{branch}"))?;
    let (name, there) = repo.tracked_on(branch, remote)?;
    (repo.reaches(tip, commit) && !repo.reaches(tip, there)).then_some((tip, name, there))
}

/// The way to a pushed release when branch `b`, which holds release tags `names`' `commit`,
/// is not a fast-forward of `remote`'s: a release commit at the branch's tip, which no remote
/// has, is dropped and made again on top of the remote's commits (`git pull --rebase` alone
/// would rewrite it away from its tag); any other tagged commit stays as it is and the
/// remote's commits are merged above it.
pub(super) fn fix(
    repo: &Repo,
    config: &Config,
    remote: &str,
    b: &Diverged<'_>,
    names: &[String],
    commit: Oid,
) -> String {
    let name = names.first().map_or("", String::as_str);
    let at = short_id(commit);
    let branch = b.branch;
    // Spelt for the shell in the commands, as they are in the prose.
    let (qr, qb) = (
        crate::shellword::quote(remote),
        crate::shellword::quote(branch),
    );
    let u = b
        .local_branch
        .map_or("", |l| super::half::set_upstream(repo, l));
    let switch = match (b.local_branch, repo.branch()) {
        (Some(l), Some(h)) if l == h => String::new(),
        (Some(l), _) => format!("{} && ", repo.switch_command(l)),
        (None, _) => String::new(),
    };
    let published = repo.held_by_any(&repo.remote_tracking_commits("*"), commit);
    let release_commit =
        super::reword::is_one_release_commit(repo, config, &[(name.to_owned(), commit)]);
    let force = format!(
        "if you mean to replace {remote}'s {branch} (`git push --force`), push on purpose: `{}`",
        super::push_command(repo, remote, &[&b.update])
    );
    let redo = b.local == commit && release_commit && !published;
    // The branch it is made again on.
    let on = b.local_branch.map(str::to_owned).or_else(|| repo.branch());
    // Several tags on it: deleted together, the commit dropped once, the release asked made
    // again (with its dependents).
    if let Some(tags) = redo
        .then(|| super::shared::tags_on(repo, config, commit))
        .flatten()
    {
        let names: Vec<&str> = tags.iter().map(|t| t.0.as_str()).collect();
        let quoted: Vec<String> = names.iter().map(|n| crate::shellword::quote(n)).collect();
        return format!(
            "make the release again on top of {remote}'s commits: `{switch}git tag -d {} && git reset --keep {at}~1 && git pull --rebase --tags {qr} {qb} && {}` (deletes its tags and drops the release commit, which no remote has, takes {remote}'s commits, and makes the release again, its dependents too, and tests it; `git pull --rebase` alone would rewrite the release commit and leave {} on the old one), then `git push --follow-tags {u}{qr} {qb}`; {force}",
            quoted.join(" "),
            super::shared::release_again(repo, config, (commit, on.as_deref()), &tags),
            names.join(", ")
        );
    }
    if redo {
        let version = name.get(config.version.tag_prefix.len()..).unwrap_or(name);
        // Made again on the branch: on a channel's, a stable one only on purpose, said.
        let channel = (on.as_deref()).and_then(|branch| {
            crate::release::channel::on_branch(repo, config, branch, Some(name))
        });
        let parsed = semver::Version::parse(version).ok();
        let (release, why) = match (channel, parsed) {
            (Some(here), Some(v)) if here.refuses(&v) => (
                here.makes(config, &v),
                format!("{}; ", here.only_on_purpose()),
            ),
            _ => (
                format!("{} {version}", rules::release_command(config)),
                String::new(),
            ),
        };
        format!(
            "make the release again on top of {remote}'s commits: `{switch}git tag -d {q} && git reset --keep {at}~1 && git pull --rebase --tags {qr} {qb} && {release}` ({why}drops the release commit, which no remote has, takes {remote}'s commits, and releases and tests again; `git pull --rebase` alone would rewrite the release commit and leave {name} on the old one), then `git push --follow-tags {u}{qr} {qb}`; {force}",
            q = crate::shellword::quote(name)
        )
    } else {
        format!(
            "merge {remote}'s commits above the tagged commit, which keeps {} where {}: `{switch}git pull --no-rebase {qr} {qb}`, then `git push --follow-tags {u}{qr} {qb}`; {force}",
            names.join(" and "),
            if names.len() > 1 { "they are" } else { "it is" }
        )
    }
}
