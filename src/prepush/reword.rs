//! A rebase that rewords (or squashes) a commit rewrites every commit above it: a local
//! release tag there stays on the old commits, and the next push is refused again. What the
//! lint refusal's fix says about such tags.

use git2::Oid;

use crate::config::Config;
use crate::git::Repo;

/// For each of `bads`, the release tags (the project's, and in a monorepo each package's,
/// `configs`) on it or on commits descending from it, each with its commit, by version. The
/// bad commits are new to the remote, so these tags are too: only tags whose commit no
/// commit the remote has (`hidden`) reaches are asked about, each about every bad commit in
/// turn, not every tag about each; `reaches(tag, bad)` answers (the commits walked for the
/// push answer most without reading the history again).
pub(super) fn tags_above(
    repo: &Repo,
    configs: &[Config],
    bads: &[Oid],
    hidden: &[Oid],
    reaches: &mut dyn FnMut(Oid, Oid) -> bool,
) -> Vec<Vec<(String, Oid)>> {
    let mut out = vec![Vec::new(); bads.len()];
    for config in configs {
        let mut tags: Vec<_> = repo
            .release_tag_candidates(&config.version.tag_prefix)
            .into_iter()
            .filter(|t| !repo.held_by_any(hidden, t.commit))
            .collect();
        tags.sort_by(|a, b| a.version.cmp(&b.version));
        for t in tags {
            for (i, bad) in bads.iter().enumerate() {
                if reaches(t.commit, *bad) {
                    out[i].push((t.name.clone(), t.commit));
                }
            }
        }
    }
    for tags in &mut out {
        tags.dedup();
    }
    out
}

/// [`with_tags`] for the oldest of `bads` (commits no remote has), outside a push: the local
/// release tags above it found by walking history; `None` when there are none (the plain
/// rebase is the fix). doctor's and `relhook check`'s fix, as pre-push gives it.
pub fn local_tags_fix(repo: &Repo, config: &Config, bads: &[Oid], rebase: &str) -> Option<String> {
    let hidden = repo.remote_tracking_commits("*");
    let mut reaches = |tag: Oid, bad: Oid| repo.reaches(tag, bad);
    let configs = [config.clone()];
    let above = tags_above(repo, &configs, bads, &hidden, &mut reaches);
    let mut tags: Vec<(String, Oid)> = above.into_iter().flatten().collect();
    tags.sort();
    tags.dedup();
    (!tags.is_empty()).then(|| with_tags(repo, config, rebase, &tags))
}

/// The fix for a commit to reword or squash with `rebase` (the `git rebase` command and what
/// to mark), when release `tags` sit above it: the order that ends with the tags on the
/// rewritten commits. With one tag on a release commit, drop both and release again after the
/// rebase; with several tags on one release commit (a monorepo's), delete them first and let
/// `relhook release --resume` make them again (tested, with their notes); else move each onto
/// its rewritten commit after the rebase.
pub(super) fn with_tags(
    repo: &Repo,
    config: &Config,
    rebase: &str,
    tags: &[(String, Oid)],
) -> String {
    let names: Vec<String> = tags
        .iter()
        .map(|(n, _)| crate::shellword::quote(n))
        .collect();
    let names = names.join(" ");
    let (what, stays, onto) = if tags.len() == 1 {
        ("the local release tag", "it would stay", "onto its")
    } else {
        ("the local release tags", "they would stay", "each onto its")
    };
    // One release commit: dropped and made again after the rebase, as its notes would miss
    // the entry the reworded commit now has (`--resume` would only tag it again). On top,
    // with `git reset`; below commits made since, in the same rebase (relhook's merge driver
    // keeps their entries), and the release made again takes them in.
    if let [(name, commit)] = tags
        && is_one_release_commit(repo, config, tags)
    {
        let release = crate::tag::rules::release_command(config);
        let version = name.strip_prefix(config.version.tag_prefix.as_str());
        let again = match version.and_then(|v| semver::Version::parse(v).ok()) {
            Some(v) => format!("`{release} {v}`"),
            None => format!("`{release}`"),
        };
        if repo.head() == Some(*commit) {
            return format!(
                "`git tag -d {names} && git reset --keep HEAD~1` first (drops the local release commit, whose notes would miss what the reworded commit adds), then {rebase}, then {again} (makes the release again, with it), then push again"
            );
        }
        let rel = crate::git::short_id(*commit);
        return format!(
            "`git tag -d {names}` first ({what} above it: {stays} on the old commits), then {rebase}, and mark the local release commit {rel} `drop` (its notes would miss what the reworded commit adds; the commits above it keep their entries), then {again} (makes the release again, with them), then push again"
        );
    }
    if is_one_release_commit(repo, config, tags) {
        return format!(
            "`git tag -d {names}` first ({what} above it: {stays} on the old commits), then {rebase}, then `{}` (tags the rewritten release commit again), then push again",
            crate::resume_advice::command()
        );
    }
    let moves: Vec<String> = tags
        .iter()
        .map(|(n, _)| crate::shellword::quote(n))
        .map(|n| format!("`git tag -d {n} && git tag -a {n} -m {n} NEW`"))
        .collect();
    format!(
        "{rebase}; then move {what} above it ({stays} on the old commits) {onto} rewritten commit: {} (NEW: the rewritten commit's id, `git log --oneline` lists them), then push again",
        moves.join(", ")
    )
}

/// Whether every tag names one commit whose header is a release commit's
/// (`release.commit_message`), which `relhook release --resume` re-tags once its tags are gone.
pub(super) fn is_one_release_commit(repo: &Repo, config: &Config, tags: &[(String, Oid)]) -> bool {
    let Some((_, commit)) = tags.first() else {
        return false;
    };
    if tags.iter().any(|(_, c)| c != commit) {
        return false;
    }
    let Some(message) = repo.commit_text(*commit) else {
        return false;
    };
    let header = message.lines().next().unwrap_or("");
    let template = config.release.commit_message.lines().next().unwrap_or("");
    let Some((before, after)) = template.split_once("{version}") else {
        return false;
    };
    header.starts_with(before) && header.ends_with(after)
}
