//! The index and the work tree follow the amended commit, inside the transaction.

use std::path::{Path, PathBuf};

use git2::Oid;

use super::carry_over::{Carried, carry, whose};
use super::op::Op;
use crate::Result;
use crate::git::{Repo, Txn};
use crate::history::changelog::entry::NewEntry;
use crate::history::changelog::{Changelog, one_line};

/// The index follows the commit: the entry becomes the new blob when it held the committed
/// one; when the user has other changes of the file staged, the same edit is made to their
/// staged version (so the next commit neither loses the entry nor their change). `Some`: the
/// staged version left as it was, and why. `order`: the configured order of sub-sections,
/// which places a new one in the staged version as in the commit.
pub(super) fn update_index(
    repo: &Repo,
    txn: &mut Txn<'_>,
    path: &Path,
    committed: Option<(&[u8], Oid)>,
    mode: i32,
    (new, blob): ([&[u8]; 2], Oid),
    (op, order): (&Op, &[String]),
) -> Result<Option<String>> {
    let mode = u32::try_from(mode).unwrap_or(0o100_644);
    let file = repo.work_tree().map(|r| r.join(path));
    match txn.staged(path)? {
        staged if staged.map(|(id, _)| id) == committed.map(|(_, id)| id) => {
            // The same bytes as the new blob: the file this transaction wrote (not replaced
            // since), or else compared rather than hashed again.
            let same = file.as_deref().is_some_and(|f| {
                txn.holds_written(f, blob) || std::fs::read(f).is_ok_and(|b| holds(&b, new))
            });
            txn.stage(path, blob, mode, file.as_deref().filter(|_| same))?;
            Ok(None)
        }
        Some((id, staged_mode)) => {
            let bytes = repo.blob_bytes(id);
            // The work tree's copy of the same bytes was left and said already.
            let as_copy = file.as_deref().and_then(|f| std::fs::read(f).ok()) == bytes;
            let edited = bytes.and_then(Changelog::from_utf8).map(|mut log| {
                log.set_order(order);
                carried(op, committed, log, whose(path, true))
            });
            match edited {
                Some(Carried::Text(text)) => {
                    let id = repo.write_blob(text.as_bytes())?;
                    txn.stage(path, id, staged_mode, None)?;
                    Ok(None)
                }
                Some(Carried::Left(said)) => Ok((!as_copy).then_some(said)),
                None => Ok(None),
            }
        }
        None => Ok(None),
    }
}

/// [`carry`] against the committed file (`None`: the commit creates it, so the copy's
/// entries are all its own).
fn carried(
    op: &Op,
    committed: Option<(&[u8], Oid)>,
    copy: Changelog,
    (whose, diff): (String, String),
) -> Carried {
    let committed = committed
        .and_then(|(bytes, _)| std::str::from_utf8(bytes).ok())
        .and_then(|text| Changelog::parse(text).ok())
        .unwrap_or_else(|| copy.clone());
    carry(op, &committed, copy, (&whose, &diff))
}

/// Brings the work tree file along: created when the commit created it, replaced when it was
/// the committed version, edited the same way when it has unstaged changes of its own (which
/// are kept: see `carry_over`), a new sub-section placed by the configured `order` as in the
/// commit.
pub(super) fn update_work_tree(
    repo: &Repo,
    txn: &mut Txn<'_>,
    path: &Path,
    committed: Option<(&[u8], Oid)>,
    (new, new_blob): ([&[u8]; 2], Oid),
    (op, leftovers, order): (&Op, &[NewEntry], &[String]),
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
        txn.write_file_known(path, &new.concat(), Some(new_blob), None)?;
        return Ok(None);
    };
    // Outside a sparse checkout the file is absent on purpose: the commit and the index
    // have the entry, and git keeps no copy to update.
    if file.symlink_metadata().is_err() && txn.is_skip_worktree(path)? {
        return Ok(None);
    }
    let missing = || {
        Ok(Some(format!(
            "{} is missing from the work tree; `git checkout -- {}` restores it",
            path.display(),
            crate::shellword::from_top(path)
        )))
    };
    // Compared under the lock, so an edit made since post-commit read the file is kept.
    match crate::fsx::regular_file_holds(&file, committed.0)? {
        None => return missing(),
        Some(true) => {
            txn.replace_file_read(path, &new, new_blob, committed.1)?;
            return Ok(None);
        }
        Some(false) => {}
    }
    let Some(current) = crate::fsx::read_regular_optional(&file)? else {
        return missing();
    };
    let mut gone = Vec::new();
    let edited = Changelog::from_utf8(current).map(|mut log| {
        log.set_order(order);
        for e in leftovers {
            if log.remove_entry(&e.section, &e.text) {
                gone.push(format!("`{} {}`", log.marker(), one_line(&e.text)));
            }
        }
        // Nothing but leftovers was unstaged: the copy becomes the commit's, byte for byte.
        let rest = log.render();
        if !gone.is_empty()
            && super::reset_leftovers::same_but_blank_lines(
                &rest,
                &String::from_utf8_lossy(committed.0),
            )
        {
            return Carried::Text(String::from_utf8_lossy(&new.concat()).into_owned());
        }
        carried(op, Some(committed), log, whose(path, false))
    });
    match edited {
        Some(Carried::Left(said)) => Ok(Some(said)),
        Some(Carried::Text(text)) => {
            txn.write_file(path, text.as_bytes())?;
            Ok((!gone.is_empty()).then(|| {
                format!(
                    "took {} out of your copy of {}: the entry of a commit `git reset` took out of history (its changes stay in the work tree; committed again, they get their own entry)",
                    gone.join(", "),
                    path.display()
                )
            }))
        }
        None => Ok(Some(format!(
            "{} has uncommitted changes relhook cannot parse; the entry is in the commit but not in your copy",
            path.display()
        ))),
    }
}

/// Whether `bytes` are the two `parts`, one after the other.
fn holds(bytes: &[u8], [head, rest]: [&[u8]; 2]) -> bool {
    bytes.len() == head.len() + rest.len() && bytes.starts_with(head) && bytes.ends_with(rest)
}

#[cfg(test)]
mod tests {
    use super::holds;

    #[test]
    fn holds_compares_with_both_parts_in_order() {
        assert!(holds(b"head\nrest\n", [b"head\n", b"rest\n"]));
        assert!(holds(b"all", [b"all", b""]));
        assert!(!holds(b"head\nrest\n", [b"rest\n", b"head\n"]));
        assert!(!holds(b"head\nrest\nmore", [b"head\n", b"rest\n"]));
        assert!(!holds(b"hea", [b"head", b""]));
        // Same length, same ends, other middle.
        assert!(!holds(b"abXcd", [b"abY", b"cd"]));
    }
}
