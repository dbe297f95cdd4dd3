//! Conflict markers a commit brought into a changelog (a merge, a pick, a rebase step
//! continued, a commit after `merge --squash` or a stopped `stash pop`): said by post-commit
//! at once, while an amend still fixes it.

use std::path::Path;

/// Refuses to sync changelog `rel` whose text `base` holds a committed conflict: entries
/// added to it would land inside it.
pub(super) fn refuse_markers(rel: &Path, base: &str) -> crate::Result<()> {
    match crate::history::changelog::conflict_markers(base) {
        Some(line) => Err(crate::Error::Refused(crate::error::Refusal::new(
            crate::error::Reason::Changelog,
            format!(
                "{}:{line} has unresolved conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`)",
                rel.display()
            ),
            "resolve them and commit, then sync again",
        ))),
        None => Ok(()),
    }
}

/// The changelogs (the root's and each package's) into which commit `made` brought unresolved
/// markers its first parent did not have: said at once, while an amend still fixes it, rather
/// than first by pre-push. `refused`: what accumulate said. One diff, limited to the
/// changelogs, tells which the commit changed: only those are read.
pub(super) fn committed_conflicts(
    repo: &crate::git::Repo,
    config: &crate::config::Config,
    made: git2::Oid,
    refused: &str,
) -> Vec<String> {
    let (Some(head), parent) = (repo.head(), repo.first_parent(made)) else {
        return Vec::new();
    };
    let markers = |at: git2::Oid, path: &Path| {
        let text = repo.blob_bytes(repo.blob_at(at, path)?)?;
        crate::history::changelog::conflict_markers(&String::from_utf8_lossy(&text))
    };
    let logs: Vec<&Path> = std::iter::once(&config.changelog.path)
        .chain(config.packages.iter().map(|p| &p.changelog))
        .map(|p| p.as_path())
        .collect();
    let changed = repo.changed_paths(made, &logs).unwrap_or_default();
    let mut out = Vec::new();
    for path in changed {
        let shown = path.display().to_string();
        if refused.contains(&format!("{shown}:")) {
            continue;
        }
        let path = path.as_path();
        let Some(line) = markers(head, path) else {
            continue;
        };
        if parent.and_then(|p| markers(p, path)).is_some() {
            continue;
        }
        // Pasted in whichever directory the commit was made: named from the top.
        let file = crate::shellword::from_top(path);
        out.push(format!(
            "{shown}:{line} has unresolved conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`), committed in {}: resolve them (keep both sides' entries), then `git add {file} && git commit --amend --no-edit` (pre-push refuses to send them)",
            crate::git::short_id(head)
        ));
    }
    out
}
