//! post-commit: the new commit's entry goes into `## [Unreleased]` *and into that same
//! commit*, so `git status` is clean after `git commit`. Git builds the commit's tree before
//! any hook that could add to it runs (git-hook-facts.md §1.2), so HEAD is rewritten through
//! git2: same parents, author, committer and message, re-signed when it was signed; no hook
//! runs again. Only the user's own `git commit` is touched: never a rebase, cherry-pick,
//! revert, am or merge, whose commits already carry their line.

use std::path::{Path, PathBuf};

use git2::Oid;

use crate::Result;
use crate::config::Config;
use crate::git::{Repo, Txn};
use crate::history::changelog::Changelog;
use crate::history::changelog::entry::{Forge, NewEntry, entry_for_message};

/// What post-commit did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Accumulated {
    /// Nothing to do, and why (nobody expected anything: not a plain `git commit`, a type with
    /// no changelog section, the entry already there).
    Skipped(String),
    /// The commit called for an entry and none was added, for a reason the user should hear
    /// in one line, with what to do (`RELHOOK_QUIET=1` silences these).
    Notice(String),
    /// The commit now carries the changelog change.
    Changed {
        /// What changed, for the user (`added - **api:** x under Added`).
        what: String,
        /// The commit git reported.
        old: Oid,
        /// The commit HEAD now is.
        new: Oid,
        /// A problem with the work tree copy, if any.
        note: Option<String>,
    },
    /// Something is wrong with the file; the commit is left as it is.
    Refused(String),
}

/// Runs the post-commit step.
pub fn post_commit(repo: &Repo, config: &Config) -> Result<Accumulated> {
    let skip = |why: &str| Ok(Accumulated::Skipped(why.to_owned()));
    let Some(top) = repo.reflog_top() else {
        return skip("HEAD has no reflog");
    };
    let amend = top.message.starts_with("commit (amend): ");
    if !(amend
        || top.message.starts_with("commit: ")
        || top.message.starts_with("commit (initial): "))
    {
        return skip("not a plain `git commit` (the reflog says otherwise)");
    }
    let Some(head) = repo.head().filter(|h| *h == top.new) else {
        return skip("HEAD moved since the commit");
    };
    let forge = crate::history::sync::forge(repo);
    let new_entry = entry_of(repo, head, config, forge.as_ref());
    let old_entry = if amend {
        entry_of(repo, top.old, config, forge.as_ref())
    } else {
        None
    };
    if new_entry.is_none() && old_entry.is_none() {
        return skip("the commit's type has no changelog section (or it is not conventional)");
    }
    // From here on the user expects an entry: every reason not to add one is said.
    let path = config.changelog.path.clone();
    let shown = path.display();
    if !config.changelog.accumulate {
        return Ok(Accumulated::Notice(format!(
            "no entry added to {shown}: `changelog.accumulate` is off in .relconfig.toml (`relhook changelog --sync` adds the missing entries)"
        )));
    }
    if let Some(op) = repo.operation_in_progress() {
        return Ok(Accumulated::Notice(format!(
            "no entry added to {shown}: {op} is in progress; when it is done, `relhook changelog --sync` adds it"
        )));
    }
    // A path that leads out of the work tree (`..`, a symlinked folder) is refused here, with
    // its reason, rather than failing later as a tree conflict.
    if let Some(root) = repo.work_tree()
        && let Err(e) = crate::fsx::confine(&root, &path)
        && matches!(e, crate::Error::UnsafePath { .. })
    {
        return Ok(Accumulated::Refused(format!("no entry added: {e}")));
    }
    let (stored, text) = match repo.file_at(head, &path)? {
        Some(stored) if stored.mode == i32::from(git2::FileMode::Link) => {
            return Ok(Accumulated::Refused(format!(
                "{shown} is a symbolic link (to `{}`); relhook does not replace links with files: point `changelog.path` at the file it names",
                String::from_utf8_lossy(&stored.bytes)
            )));
        }
        Some(stored) => {
            let Ok(text) = String::from_utf8(stored.bytes.clone()) else {
                return Ok(Accumulated::Refused(format!(
                    "{shown} is not UTF-8; left unchanged"
                )));
            };
            (Some(stored), text)
        }
        None => {
            let on_disk = repo
                .work_tree()
                .is_some_and(|root| root.join(&path).symlink_metadata().is_ok());
            if on_disk {
                return Ok(Accumulated::Notice(format!(
                    "no entry added: {shown} is not committed yet; `git add {shown} && git commit`, then `relhook changelog --sync` adds this one"
                )));
            }
            // The first changelog-worthy commit creates the file, inside that commit.
            (None, crate::history::changelog::TEMPLATE.to_owned())
        }
    };
    let mut log = match Changelog::parse(&text) {
        Ok(log) => log,
        Err(e) => {
            return Ok(Accumulated::Refused(format!(
                "{}:{}: not a Keep a Changelog file ({}); left unchanged",
                path.display(),
                e.line,
                e.message
            )));
        }
    };
    if !log.is_keep_a_changelog() {
        return Ok(Accumulated::Notice(format!(
            "{shown} is not a Keep a Changelog file (no `# ` title, no `## ` section), so relhook leaves it alone; set `changelog.path` to another file, or `changelog.accumulate = false`"
        )));
    }
    let old_changed_file = amend
        && stored.is_some()
        && repo.changes_path(top.old, &path)
        && !crate::history::sync::added_by(repo, top.old, &path).is_empty();
    let Some(op) = decide(
        &log,
        old_entry.as_ref(),
        new_entry.as_ref(),
        old_changed_file,
    ) else {
        return skip("the entry is already there (or was edited by hand)");
    };
    op.apply(&mut log);
    let new_text = log.render();
    // Objects first: nothing refers to them until HEAD moves.
    let blob = repo.write_blob(new_text.as_bytes())?;
    let mode = stored
        .as_ref()
        .map_or(i32::from(git2::FileMode::Blob), |s| s.mode);
    let new = repo.amended_commit(head, &path, blob, mode)?;
    // Then, holding the index lock, the work tree, the index and HEAD, in that order.
    let mut txn = repo.transaction("post-commit")?;
    if repo.head() != Some(head) {
        return skip("HEAD moved since the commit");
    }
    let committed = stored.as_ref().map(|s| (s.bytes.as_slice(), s.blob));
    let note = update_work_tree(repo, &mut txn, &path, committed, (&new_text, blob), &op)?;
    let committed_blob = stored.as_ref().map(|s| s.blob);
    update_index(
        repo,
        &mut txn,
        &path,
        committed_blob,
        mode,
        (new_text.as_bytes(), blob),
        &op,
    )?;
    txn.move_head(head, new, "relhook: add the changelog entry to the commit")?;
    txn.commit()?;
    let what = match stored {
        Some(_) => op.describe(),
        None => format!("created it, and {}", op.describe()),
    };
    Ok(Accumulated::Changed {
        what,
        old: head,
        new,
        note,
    })
}

/// The index follows the commit: the entry becomes the new blob when it held the committed
/// one; when the user has other changes of the file staged, the same edit is made to their
/// staged version (so the next commit neither loses the entry nor their change).
fn update_index(
    repo: &Repo,
    txn: &mut Txn<'_>,
    path: &Path,
    committed: Option<Oid>,
    mode: i32,
    (new_bytes, blob): (&[u8], Oid),
    op: &Op,
) -> Result<()> {
    let mode = u32::try_from(mode).unwrap_or(0o100_644);
    let file = repo.work_tree().map(|r| r.join(path));
    match txn.staged(path)? {
        staged if staged.map(|(id, _)| id) == committed => {
            // The same bytes as the new blob (compared, rather than hashed again).
            let same = file
                .as_deref()
                .and_then(|f| std::fs::read(f).ok())
                .is_some_and(|b| b == new_bytes);
            txn.stage(path, blob, mode, file.as_deref().filter(|_| same))
        }
        Some((id, staged_mode)) => {
            let edited = repo
                .blob_bytes(id)
                .and_then(Changelog::from_utf8)
                .map(|mut log| {
                    op.apply(&mut log);
                    log.render()
                });
            match edited {
                Some(text) => {
                    let id = repo.write_blob(text.as_bytes())?;
                    txn.stage(path, id, staged_mode, None)
                }
                None => Ok(()),
            }
        }
        None => Ok(()),
    }
}

/// The entry a commit's message calls for.
fn entry_of(repo: &Repo, commit: Oid, config: &Config, forge: Option<&Forge>) -> Option<NewEntry> {
    let message = repo.commit_message(commit)?;
    entry_for_message(&String::from_utf8_lossy(&message), &config.changelog, forge)
}

/// One edit of Unreleased.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Op {
    Add(NewEntry),
    Replace(NewEntry, NewEntry),
    Remove(NewEntry),
}

impl Op {
    fn apply(&self, log: &mut Changelog) {
        match self {
            // Idempotent: a copy that already has the entry (a concurrent sync) keeps one.
            Op::Add(e) if in_unreleased(log, e) => {}
            Op::Add(e) => {
                log.ensure_unreleased();
                log.add_entry(&e.section, &e.text, e.breaking);
            }
            Op::Replace(old, new) if old.section == new.section && old.breaking == new.breaking => {
                log.replace_entry(&old.section, &old.text, &new.text);
            }
            Op::Replace(old, new) => {
                log.remove_entry(&old.section, &old.text);
                log.add_entry(&new.section, &new.text, new.breaking);
            }
            Op::Remove(old) => {
                log.remove_entry(&old.section, &old.text);
            }
        }
    }

    fn describe(&self) -> String {
        match self {
            Op::Add(e) => format!("added `- {}` under {}", e.text, e.section),
            Op::Replace(_, e) => format!(
                "replaced the amended commit's entry with `- {}` under {}",
                e.text, e.section
            ),
            Op::Remove(e) => format!(
                "removed `- {}`: the amended commit no longer calls for it",
                e.text
            ),
        }
    }
}

/// Whether an entry with this text is anywhere in the file (released sections included).
fn present(log: &Changelog, text: &str) -> bool {
    log.contains_entry(text, false)
}

fn in_unreleased(log: &Changelog, e: &NewEntry) -> bool {
    log.contains_entry(&e.text, true)
}

/// What to do. An amend replaces the entry its previous version wrote, unless a person has
/// edited that entry since (then their text wins and nothing is added).
fn decide(
    log: &Changelog,
    old: Option<&NewEntry>,
    new: Option<&NewEntry>,
    old_changed_file: bool,
) -> Option<Op> {
    match (old, new) {
        (Some(o), Some(n)) if o == n => {
            (!present(log, &n.text) && !old_changed_file).then(|| Op::Add(n.clone()))
        }
        (Some(o), Some(n)) if in_unreleased(log, o) => Some(Op::Replace(o.clone(), n.clone())),
        (Some(o), None) if in_unreleased(log, o) => Some(Op::Remove(o.clone())),
        (Some(_), _) if old_changed_file => None,
        (_, Some(n)) if !present(log, &n.text) => Some(Op::Add(n.clone())),
        _ => None,
    }
}

/// Brings the work tree file along: created when the commit created it, replaced when it was
/// the committed version, edited the same way when it has unstaged changes of its own (which
/// are kept).
fn update_work_tree(
    repo: &Repo,
    txn: &mut Txn<'_>,
    path: &Path,
    committed: Option<(&[u8], Oid)>,
    (new_text, new_blob): (&str, Oid),
    op: &Op,
) -> Result<Option<String>> {
    let Some(root) = repo.work_tree() else {
        return Ok(None);
    };
    let file: PathBuf = crate::fsx::confine(&root, path)?;
    let Some(committed) = committed else {
        if file.symlink_metadata().is_ok() {
            return Ok(Some(format!(
                "{} appeared in the work tree meanwhile and was left alone; the commit has relhook's version",
                path.display()
            )));
        }
        txn.write_file_known(path, new_text.as_bytes(), Some(new_blob), None)?;
        return Ok(None);
    };
    let Some(current) = crate::fsx::read_regular_optional(&file)? else {
        return Ok(Some(format!(
            "{} is missing from the work tree; `git checkout -- {}` restores it",
            path.display(),
            path.display()
        )));
    };
    if current == committed.0 {
        txn.write_file_known(path, new_text.as_bytes(), Some(new_blob), Some(committed))?;
        return Ok(None);
    }
    let edited = Changelog::from_utf8(current).map(|mut log| {
        op.apply(&mut log);
        log.render()
    });
    match edited {
        Some(text) => {
            txn.write_file(path, text.as_bytes())?;
            Ok(None)
        }
        None => Ok(Some(format!(
            "{} has uncommitted changes relhook cannot parse; the entry is in the commit but not in your copy",
            path.display()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(text: &str) -> NewEntry {
        NewEntry {
            section: "Added".into(),
            text: text.into(),
            breaking: false,
        }
    }

    fn log(entries: &[&str]) -> Changelog {
        let mut t = String::from("# Changelog\n\n## [Unreleased]\n\n### Added\n\n");
        for x in entries {
            t.push_str(&format!("- {x}\n"));
        }
        t.push_str("\n## [1.0.0] - 2026-01-01\n\n### Added\n\n- released one\n");
        Changelog::parse(&t).unwrap()
    }

    #[test]
    fn adds_once() {
        assert_eq!(
            decide(&log(&[]), None, Some(&e("x")), false),
            Some(Op::Add(e("x")))
        );
        assert_eq!(decide(&log(&["x"]), None, Some(&e("x")), false), None);
        assert_eq!(
            decide(&log(&[]), None, Some(&e("released one")), false),
            None
        );
    }

    #[test]
    fn amend_replaces_or_respects_hand_edits() {
        assert_eq!(
            decide(&log(&["old"]), Some(&e("old")), Some(&e("new")), true),
            Some(Op::Replace(e("old"), e("new")))
        );
        assert_eq!(
            decide(&log(&["old"]), Some(&e("old")), None, true),
            Some(Op::Remove(e("old")))
        );
        assert_eq!(
            decide(
                &log(&["reworded by hand"]),
                Some(&e("old")),
                Some(&e("new")),
                true
            ),
            None
        );
        assert_eq!(
            decide(&log(&[]), Some(&e("old")), Some(&e("new")), false),
            Some(Op::Add(e("new")))
        );
        assert_eq!(
            decide(&log(&["same"]), Some(&e("same")), Some(&e("same")), true),
            None
        );
        assert_eq!(
            decide(&log(&[]), Some(&e("same")), Some(&e("same")), true),
            None,
            "deleted by hand stays deleted"
        );
    }

    #[test]
    fn ops_edit_the_model() {
        let mut l = log(&["old"]);
        Op::Replace(e("old"), e("new")).apply(&mut l);
        assert!(l.render().contains("- new\n") && !l.render().contains("- old\n"));
    }
}
