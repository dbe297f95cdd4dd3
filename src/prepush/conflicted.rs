//! A branch whose changelog, as pushed, holds unresolved conflict markers (a merge committed
//! with `<<<<<<<` still in it): refused, since every entry after it and the next release would
//! be written into the conflict, and published, every clone gets it.

use std::collections::HashMap;

use git2::Oid;

use super::half::{header, push_again, sends_branch_history};
use super::{Kind, Refusal, Update, peel};
use crate::config::Config;
use crate::git::Repo;

/// The refusal for `u` when the branch it pushes brings a changelog with conflict markers
/// that no commit the remote has (`known`) holds. Costs one tree look-up per changelog, and a
/// blob read when the push changes the file (the remote's ones only when it has markers).
pub(super) fn conflicted(
    repo: &Repo,
    configs: &[Config],
    remote: &str,
    u: &Update,
    seen: &HashMap<Oid, Option<usize>>,
    known: &[Oid],
) -> Option<Refusal> {
    if !sends_branch_history(u, seen) {
        return None;
    }
    let tip = peel(repo, u.local)?;
    // Only a ref that sends commits of its own.
    if !seen.contains_key(&tip) {
        return None;
    }
    let before = (!u.remote.is_zero())
        .then(|| peel(repo, u.remote))
        .flatten();
    let text = |at: Oid, path: &std::path::Path| {
        let bytes = repo.blob_bytes(repo.blob_at(at, path)?)?;
        Some(String::from_utf8_lossy(&bytes).into_owned())
    };
    let problems: Vec<String> = configs
        .iter()
        .map(|c| c.changelog.path.as_path())
        .filter_map(|path| {
            // The remote's copy of this branch holds the very file: not this push's doing.
            let blob = repo.blob_at(tip, path)?;
            if before.and_then(|b| repo.blob_at(b, path)) == Some(blob) {
                return None;
            }
            let pushed = text(tip, path)?;
            let line = crate::history::changelog::conflict_markers(&pushed)?;
            // The very conflict the remote has already (on this branch or another) is not
            // this push's; another one is.
            let block = conflict_block(&pushed, line);
            if known
                .iter()
                .any(|k| text(*k, path).is_some_and(|t| t.contains(&block)))
            {
                return None;
            }
            Some(format!(
                "{}:{line} has unresolved conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`): pushed now, every clone gets the conflict, and each later entry and release is written into it",
                path.display()
            ))
        })
        .collect();
    if problems.is_empty() {
        return None;
    }
    Some(Refusal {
        kind: Kind::ConflictedChangelog,
        refs: vec![u.remote_ref.clone()],
        commit: Some(tip),
        subject: header(repo, tip),
        problems,
        fix: format!(
            "resolve them (keep both sides' entries) and commit, then {}",
            push_again(repo, remote, u)
        ),
    })
}

/// The conflict that starts at 1-based `line` of `text`: its lines up to and with the
/// `>>>>>>>` one.
fn conflict_block(text: &str, line: usize) -> String {
    let mut out = String::new();
    for l in text.lines().skip(line.saturating_sub(1)) {
        out.push_str(l);
        out.push('\n');
        if l.starts_with(">>>>>>>") {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_conflict_block_ends_with_its_closing_marker() {
        let text = "a\n<<<<<<< ours\n- x\n=======\n- y\n>>>>>>> theirs\nb\n";
        assert_eq!(
            super::conflict_block(text, 2),
            "<<<<<<< ours\n- x\n=======\n- y\n>>>>>>> theirs\n"
        );
    }
}
