//! What post-commit says after its rewrite: an amended release commit whose tag stays
//! behind.

/// An amend of a release commit its tag names: the tag stays on the commit the amend
/// replaced, and pre-push refuses the branch until the tag names this one. Asked only after
/// an amend, so a plain commit costs nothing more.
pub(super) fn amended_release(
    repo: &crate::git::Repo,
    config: &crate::config::Config,
) -> Option<String> {
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
