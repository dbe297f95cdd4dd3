//! What post-commit says after its rewrite: an amended release commit whose tag stays
//! behind, a merge that joined two releases of one version, a reverted release commit.

/// After `git revert`: each release whose section the revert took out, the root's and every
/// package's (a revert is rare, and a package's changelog may be outside its folder).
fn sections_gone(repo: &crate::git::Repo, config: &crate::config::Config) -> Vec<String> {
    let views = std::iter::once(config.clone()).chain(super::super::doctor::views_of(repo, config));
    views
        .filter_map(|v| crate::release::reverted::section_gone(repo, &v))
        .map(|r| r.to_string())
        .collect()
}

/// What the commit did to a release: an amend of a release commit ([`amended_release`]), a
/// merge of another clone's release of the same version ([`merged_twin`]), a `git revert`
/// that took a release's section out ([`sections_gone`]); and, once the project's git-cliff
/// `commit_parsers` were read to judge the commit, that one of them cannot be and they are
/// set aside.
pub(super) fn rewritten_releases(
    repo: &crate::git::Repo,
    config: &crate::config::Config,
    amend: bool,
    reverted: bool,
) -> Vec<String> {
    let amended = amend.then(|| amended_release(repo, config)).flatten();
    let gone = reverted.then(|| sections_gone(repo, config));
    amended
        .into_iter()
        .chain(merged_twin(repo, config))
        .chain(gone.into_iter().flatten())
        .chain(
            config
                .changelog
                .cliff
                .as_deref()
                .and_then(|c| c.unreadable_if_read())
                .map(str::to_owned),
        )
        .collect()
}

/// An amend of a release commit its tag names: the tag stays on the commit the amend
/// replaced, and pre-push refuses the branch until the tag names this one. Asked only after
/// an amend, so a plain commit costs nothing more.
fn amended_release(repo: &crate::git::Repo, config: &crate::config::Config) -> Option<String> {
    let head = repo.head()?;
    if let Some(r) =
        crate::release::retag_needed_from(repo, config, head).filter(|r| r.commit == head)
    {
        // Published, the tag is not made again: the branch goes back to it.
        let until = match r.published(repo) {
            true => "pre-push refuses the branch".to_owned(),
            false => format!(
                "pre-push refuses the branch until {} names this commit",
                r.tag
            ),
        };
        return Some(format!(
            "this amend rewrote a release commit: {}; {until}: {}",
            r.problem(),
            r.fix(repo)
        ));
    }
    // A monorepo's release commit: its package tags are made again by `--resume` too.
    let root = repo.work_tree()?;
    let h = crate::release::packages::half_made_from(repo, config, &root, head)
        .filter(|h| h.commit == head && !h.replaces.is_empty())?;
    if let Some(r) = h.stale_refusal() {
        return Some(format!("this amend rewrote a release commit: {r}"));
    }
    Some(format!(
        "this amend rewrote a release commit: its {}; pre-push refuses the branch until its tags name this commit: `{}` (makes them again here, with their notes, and tests it)",
        h.tag_state(),
        h.fix()
    ))
}

/// A merge that joined another clone's release of the version this clone released too: said
/// at once, as the changelog conflict was just settled (one side's entries are gone). Asked
/// only of a merge commit.
fn merged_twin(repo: &crate::git::Repo, config: &crate::config::Config) -> Option<String> {
    let head = repo.head().filter(|h| repo.is_merge(*h))?;
    // Another release merged in changes the changelog; most merges of a branch's work do
    // too, but a merge that leaves it alone is passed at the cost of two tree reads.
    let path = &config.changelog.path;
    let before = repo.first_parent(head)?;
    if repo.blob_at(head, path) == repo.blob_at(before, path) {
        return None;
    }
    let t = crate::release::twin_release(repo, config)?;
    Some(format!(
        "{}; pre-push refuses the branch until one release is left: {}",
        t.problem,
        t.advice()
    ))
}
