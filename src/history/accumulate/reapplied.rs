//! git's `Reapply "Merge branch …"`: a revert of a merge's revert (`git revert -m 1`). When
//! that revert was released, its `revert "…"` entry stays in the release and the merged
//! branch's changes come back: the reapply carries their entries, as `Reapply "feat: x"`
//! carries `x`. Before the release, the two reverts cancel out (git's merge of the file
//! already took the revert's entry out), and nothing is added.

use git2::Oid;

use super::amend::{Amend, amend_head, describe};
use super::op::Op;
use super::{Accumulated, Edit};
use crate::Result;
use crate::config::Config;
use crate::git::Repo;
use crate::history::changelog::Changelog;
use crate::history::reverts;

/// post-commit for `head`, when it reapplies a released merge; `None` for any other commit.
pub(super) fn reapplied_merge(
    repo: &Repo,
    config: &Config,
    head: Oid,
) -> Result<Option<Accumulated>> {
    let Some(m) = repo
        .commit_text(head)
        .and_then(|message| reverts::reapplied_merge_revert(repo, &message))
    else {
        return Ok(None);
    };
    // In a monorepo, released by the repository's tags or any package's.
    if !reverts::released_anywhere(repo, head, m.revert, config) {
        return Ok(None);
    }
    let entries = reverts::every_branch_entry(repo, &m, config)?;
    let Some(first) = entries.first() else {
        return Ok(None);
    };
    let calls = format!(
        "this reapply calls for `- {}`",
        crate::history::changelog::one_line(&first.text)
    );
    let said = ("no entry added to", &calls[..], "adds it");
    branch_edit(repo, config, (head, &m), said, |log| {
        let missing: Vec<_> = entries
            .into_iter()
            .filter(|e| !log.contains_entry(&e.text, true))
            .collect();
        (!missing.is_empty()).then_some(Op::Reapply(missing))
    })
}

/// The edit of the changelog a merged branch's entries call for, made in `head`: `op` chooses
/// it from the stored changelog (`None`: nothing to do, the entries are as they should be).
/// When it cannot be made in the commit (a monorepo, `accumulate` off, an operation in
/// progress), says so: what was not done to the file, what the commit calls for, and what the
/// sync does, naming the changelogs the branch's entries are in (a package's, in a monorepo).
pub(super) fn branch_edit(
    repo: &Repo,
    config: &Config,
    (head, m): (Oid, &reverts::MergeRevert),
    (undone, calls, does): (&str, &str, &str),
    op: impl FnOnce(&Changelog) -> Option<Op>,
) -> Result<Option<Accumulated>> {
    let path = config.changelog.path.clone();
    let shown = match config.packages.is_empty() {
        true => path.display().to_string(),
        false => reverts::branch_changelogs(repo, m, config)?
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", "),
    };
    let sync = if config.packages.is_empty() {
        "relhook changelog --sync"
    } else {
        "relhook changelog --sync --all"
    };
    let why = if !config.packages.is_empty() {
        "the packages' changelogs are synced from history".to_owned()
    } else if !config.changelog.accumulate {
        "`changelog.accumulate` is off in .relconfig.toml".to_owned()
    } else if let Some(op) = repo.operation_in_progress() {
        format!("{op} is in progress, so HEAD is left as git made it")
    } else {
        String::new()
    };
    if !why.is_empty() {
        return Ok(Some(Accumulated::Notice(format!(
            "{undone} {shown}: {calls}, and {why}; `{sync}` {does}"
        ))));
    }
    let Some(stored) = repo.committed_file(head, &path)? else {
        return Ok(None);
    };
    let Some(log) = std::str::from_utf8(&stored.bytes)
        .ok()
        .and_then(|t| Changelog::parse(t).ok())
    else {
        return Ok(None);
    };
    let Some(op) = op(&log) else {
        return Ok(Some(Accumulated::Skipped(
            "the entries are already as they should be (or were edited by hand)".into(),
        )));
    };
    let mut edits = vec![Edit::whole(
        path,
        stored,
        op,
        (log, &config.changelog.order),
    )];
    Ok(Some(
        match amend_head(repo, head, &mut edits, ("post-commit", None))? {
            Amend::Done { new, notes } => Accumulated::Changed {
                what: describe(&edits),
                old: head,
                new,
                note: (!notes.is_empty()).then(|| notes.join("; ")),
                lint: None,
            },
            Amend::Refused(why) => Accumulated::Refused(format!(
                "{undone} {shown}: {why}; HEAD stays as git made it, and `{sync}` writes the change into the file, to commit (`git add` it) with your next commit"
            )),
            Amend::Moved => Accumulated::Skipped("HEAD moved since the commit".into()),
        },
    ))
}
