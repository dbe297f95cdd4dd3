//! Entries a changelog loses without a word of relhook's: those HEAD's file lists that the
//! work tree's lacks (`git checkout HEAD~1 -- CHANGELOG.md`), which `--sync` leaves out as a
//! hand edit but names, with the command that puts them back, rather than call the file up
//! to date; and those a commit git made took out of the file (that checkout staged the old
//! file, and the next commit took it), said by post-commit. And the work tree's file read.

use std::collections::HashSet;
use std::path::Path;

use git2::Oid;

use crate::config::Config;
use crate::git::Repo;
use crate::history::changelog::{Changelog, diff, normalize, one_line, rewords};
use crate::history::sync::{changelog_at, plan_sync_releasing};
use crate::history::tags::Advise;
use crate::{Error, Result};

/// Each entry of `log` (Unreleased and every release) with its normalised text.
fn entries(log: &Changelog) -> Vec<(String, String)> {
    let versions = log.versions();
    let released = versions
        .iter()
        .flat_map(|v| log.entries_of(v).unwrap_or_default());
    (log.unreleased_entries().into_iter().chain(released))
        .map(|e| (normalize(&e.text), e.text))
        .collect()
}

/// Of `was`'s entries, those `now` has nowhere, not even reworded (`- two` made `- two, and
/// more`): as `was` writes them, each once.
fn lacked(was: &Changelog, now: &Changelog) -> Vec<String> {
    let have = now.all_entry_texts();
    let mut seen = HashSet::new();
    (entries(was).into_iter())
        .filter(|(n, _)| !have.contains(n) && !have.iter().any(|h| rewords(h, n)))
        .filter(|(n, _)| seen.insert(n.clone()))
        .map(|(_, text)| format!("`{} {}`", was.marker(), one_line(&text)))
        .collect()
}

/// The entries named, three at most.
fn named(lines: &[String]) -> String {
    let mut out = lines[..lines.len().min(3)].join(", ");
    if lines.len() > 3 {
        out.push_str(&format!(" and {} more", lines.len() - 3));
    }
    out
}

/// Says [`work_tree_lacks`]'s line to `err`, if any: whether it did.
pub(super) fn lacking(
    repo: &Repo,
    config: &Config,
    text: &str,
    advise: &Advise<'_>,
    err: &mut dyn std::io::Write,
) -> bool {
    let line = work_tree_lacks(repo, config, text, advise);
    if let Some(line) = &line {
        let _ = writeln!(err, "relhook: {line}");
    }
    line.is_some()
}

/// `--sync`'s line for a work tree's changelog (`text`, as sync leaves it) that lacks entries
/// HEAD's lists, synced as this one was (`advise` as its plan had it): not those sync takes
/// out itself (a lost commit's, a squash's carried ones). None when it lacks none.
fn work_tree_lacks(
    repo: &Repo,
    config: &Config,
    text: &str,
    advise: &Advise<'_>,
) -> Option<String> {
    let (rel, head) = (&config.changelog.path, repo.head()?);
    let now = Changelog::parse(text).ok()?;
    // Read as HEAD has it first: the sync of HEAD's file is made only for a file that lacks.
    if lacked(&*changelog_at(repo, head, rel)?, &now).is_empty() {
        return None;
    }
    let stored = crate::history::sync::stored_at(repo, head, rel)?;
    let synced = plan_sync_releasing(repo, config, &stored.text, (None, advise)).ok()?;
    let lacked = lacked(&Changelog::parse(&synced.text).ok()?, &now);
    if lacked.is_empty() {
        return None;
    }
    // The whole file put back loses nothing only when HEAD's has every line this one has.
    let head_lines: HashSet<&str> = stored.text.lines().collect();
    let whole = text.lines().all(|l| head_lines.contains(l));
    let file = crate::shellword::from_top(rel);
    let restore = match whole {
        true => format!("git restore --source=HEAD --staged --worktree {file}"),
        false => format!("git restore -p --source=HEAD --staged --worktree {file}"),
    };
    let staged = match repo.staged_blob(rel) != repo.blob_at(head, rel) {
        true => " (staged so: the next commit takes it out too)",
        false => "",
    };
    let them = if lacked.len() == 1 { "it" } else { "them" };
    Some(format!(
        "{} lacks {} that HEAD's {0} lists: taken out in the work tree, not committed{staged}; sync leaves a hand edit as it is, and `{restore}` puts {them} back",
        rel.display(),
        named(&lacked)
    ))
}

/// Says [`commit_took_out`]'s warning to `err`, if any.
pub(super) fn say_took_out(repo: &Repo, rel: &Path, made: Oid, err: &mut dyn std::io::Write) {
    if let Some(said) = commit_took_out(repo, rel, made) {
        let warning = if repo.revert_head_taken().is_some() {
            ""
        } else {
            "warning: "
        };
        let _ = writeln!(err, "relhook: {warning}{said}");
    }
}

/// post-commit's line for `made`, a commit git made (not a merge), when its change to the
/// changelog took entries out of the file that its parent's listed, none reworded and none
/// written in their place: none when it took none out.
fn commit_took_out(repo: &Repo, rel: &Path, made: Oid) -> Option<String> {
    let parents = repo.parent_ids(made).ok()?;
    let [parent] = parents.as_slice() else {
        return None;
    };
    if repo.blob_at(*parent, rel) == repo.blob_at(made, rel) {
        return None;
    }
    // A revert takes the reverted commits' entries out on purpose (`git revert -n` then `git
    // commit`, under a message of one's own too: QA306), and the entry step says so already.
    if repo.commit_text(made).is_some_and(|m| is_revert(&m)) {
        return None;
    }
    let (was, now) = (
        changelog_at(repo, *parent, rel)?,
        changelog_at(repo, made, rel)?,
    );
    let before = crate::history::sync::stored_at(repo, *parent, rel)?;
    let after = crate::history::sync::stored_at(repo, made, rel)?;
    let changed = diff::changed_entries(&before.text, &after.text, &mut Default::default());
    // Lines written in place of those taken out may stand for them, reworded past their words.
    if changed
        .added
        .iter()
        .any(|a| !changed.removed.iter().any(|r| rewords(a, r)))
    {
        return None;
    }
    let lacked = lacked(&was, &now);
    if lacked.is_empty() {
        return None;
    }
    let file = crate::shellword::from_top(rel);
    // Named as HEAD is now: post-commit may have amended git's commit with its own entry.
    let now = repo.head().unwrap_or(made);
    // `git revert -n` committed under a message of one's own: git's revert took them out.
    if let Some(reverted) = repo.revert_head_taken() {
        return Some(format!(
            "{}: this commit reverts {} (`git revert --no-commit`), and git's revert took {} out of {}, so neither ships",
            crate::git::short_id(now),
            crate::git::short_id(reverted),
            named(&lacked),
            rel.display(),
        ));
    }
    Some(format!(
        "{}: this commit took {} out of {} (as staged); if that was not meant, write back what it lost and commit it (`git diff HEAD~1 HEAD -- {file}` shows it): `relhook changelog --sync` does not put back an entry a commit took out",
        crate::git::short_id(now),
        named(&lacked),
        rel.display(),
    ))
}

/// Whether `message` is a revert's: git's (`Revert "…"`, `This reverts commit …`) or a
/// Conventional Commit of type `revert`.
fn is_revert(message: &str) -> bool {
    let header = message.lines().next().unwrap_or_default();
    header.starts_with("Revert ")
        || header.starts_with("revert:")
        || header.starts_with("revert(")
        || header.starts_with("revert!")
        || message.contains("This reverts commit ")
}

/// The work tree's changelog text, `None` when absent.
pub(super) fn read_current(root: &Path, rel: &Path) -> Result<Option<String>> {
    match crate::fsx::read_regular_optional(&root.join(rel))? {
        Some(bytes) => {
            Ok(Some(String::from_utf8(bytes).map_err(|e| {
                Error::changelog_not_utf8(rel, e.as_bytes())
            })?))
        }
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::is_revert;

    #[test]
    fn a_revert_is_known_by_gits_words_or_its_type() {
        assert!(is_revert(
            "Revert \"feat: add three\"\n\nThis reverts commit abc.\n"
        ));
        assert!(is_revert("revert: add three\n"));
        assert!(is_revert("revert(api): add three\n"));
        assert!(is_revert("feat: x\n\nThis reverts commit abc.\n"));
        assert!(!is_revert("fix: revert the cache change\n"));
        assert!(!is_revert("feat: reverting is undo\n"));
    }
}
