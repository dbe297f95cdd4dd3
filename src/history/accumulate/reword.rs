//! The amend step of a `rebase -i` reword: what post-commit says, and does not do, when a
//! rebase rewords a commit whose entry the new message would change.

use super::{Accumulated, entry_of, targets};
use crate::Result;
use crate::config::Config;
use crate::git::{ReflogTop, Repo};
use crate::history::changelog::entry::NewEntry;

/// The amend step of a `rebase -i` reword. relhook leaves a rebase's commits as git makes
/// them (rewriting one mid-rebase breaks the rebase, git-hook-facts 2.6), so an entry the new
/// message would change is said, with what to do, and not changed.
pub(super) fn reworded(repo: &Repo, config: &Config, top: &ReflogTop) -> Result<Accumulated> {
    let skip = |why: &str| Ok(Accumulated::Skipped(why.to_owned()));
    // The pick of a `reword` line has the same reflog subject; only the amend that follows
    // replaces a commit with one of the same parent.
    if repo.head() != Some(top.new) || repo.first_parent(top.new) != repo.first_parent(top.old) {
        return skip("a rebase's pick");
    }
    let forge = std::cell::OnceCell::new();
    let old = entry_of(repo, top.old, config, &forge);
    let new = entry_of(repo, top.new, config, &forge);
    let same = |a: &NewEntry, b: &NewEntry| a.text == b.text && a.section == b.section;
    if matches!((&old, &new), (Some(a), Some(b)) if same(a, b)) || (old.is_none() && new.is_none())
    {
        return skip("the reword leaves the entry as it was");
    }
    let targets = match targets(repo, config, top, true, (old, new))? {
        Ok(t) => t,
        Err(refused) => return Ok(refused),
    };
    let root = repo.work_tree();
    let commit = crate::git::short_id(top.new);
    let why = "relhook leaves the commits of a rebase as git makes them";
    let mut said = Vec::new();
    for t in targets {
        let path = t.path.display();
        // An entry already changed by hand is the person's: nothing to say about it.
        let holds = |e: &NewEntry| {
            let Some(bytes) = root
                .as_ref()
                .and_then(|r| std::fs::read(r.join(&t.path)).ok())
            else {
                return false;
            };
            String::from_utf8_lossy(&bytes).lines().any(|l| {
                (l.starts_with("- ") || l.starts_with("* ")) && l.get(2..) == Some(e.text.as_str())
            })
        };
        match (&t.old, &t.new) {
            (Some(a), Some(b)) if same(a, b) => {}
            (Some(a), Some(b)) if holds(a) => said.push(format!(
                "{path} still reads `- {}` for reworded commit {commit} ({why}); if it should follow the new message, change it by hand to `- {}` under {}",
                a.text, b.text, b.section
            )),
            (Some(a), None) if holds(a) => said.push(format!(
                "{path} still has `- {}`, though reworded commit {commit} no longer calls for an entry ({why}); remove it by hand if it should go",
                a.text
            )),
            // `--sync` adds the entry of a commit that left the file alone (its own change
            // to the file would otherwise stand for the entry).
            (None, Some(b)) if repo.changed_paths(top.new, &[t.path.as_path()])?.is_empty() => {
                said.push(format!(
                    "no entry added to {path} for reworded commit {commit} ({why}); when the rebase is done, `relhook changelog --sync{}` adds `- {}`",
                    if config.packages.is_empty() { "" } else { " --all" },
                    b.text
                ))
            }
            (None, Some(b)) => said.push(format!(
                "no entry added to {path} for reworded commit {commit} ({why}); add `- {}` under {} by hand",
                b.text, b.section
            )),
            _ => {}
        }
    }
    if said.is_empty() {
        return skip("the entry was already changed by hand");
    }
    Ok(Accumulated::Notice(said.join("; ")))
}
