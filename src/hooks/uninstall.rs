//! `relhook uninstall`: removes exactly the shims `install` wrote and puts back the hooks they
//! replaced.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::aside::is_pre_commit_script;
use super::install::{Change, backup_path};
use super::{HOOKS, recognise};
use crate::git::HooksLocation;
use crate::{Error, Result};

/// What happened to one hook on uninstall.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "action", rename_all = "kebab-case")]
pub enum Removal {
    /// The shim was removed; there was nothing to restore.
    Removed,
    /// The shim was removed and the backup renamed back.
    Restored {
        /// The backup that was renamed back.
        backup: PathBuf,
    },
    /// The backup was lefthook's runner for a hook lefthook's configuration does not have
    /// (left over from a section relhook once wrote): removed, not restored.
    Discarded {
        /// The backup that was removed.
        backup: PathBuf,
    },
    /// The backup was pre-commit's own script, and pre-commit's script is the hook again (a
    /// later `pre-commit install` moved relhook's shim to `<hook>.legacy`): put back as
    /// `<hook>.legacy`, pre-commit would run itself there and refuse every commit, so it was
    /// removed, not restored.
    PreCommitOwn {
        /// The backup that was removed.
        backup: PathBuf,
    },
    /// relhook's shim with lines added below it by hand: left in place (with the hook kept
    /// beside it), since removing it would lose them.
    HandEdited {
        /// The first added command's line, from 1.
        line: usize,
        /// That line (shortened).
        text: String,
    },
    /// relhook's shim with lines changed by hand inside it ([`super::edited`]): left in place
    /// (with the hook kept beside it), since removing it would lose them.
    ChangedInside {
        /// The first line that is not relhook's, from 1.
        line: usize,
        /// That line (shortened).
        text: String,
    },
    /// relhook's shim, kept aside by lefthook as `<hook>.old` when it wrote its own runner
    /// (`lefthook uninstall` puts that file back, which would bring relhook back): removed, or
    /// replaced by the hook relhook had kept, for lefthook to give back.
    LefthookOld {
        /// The hook relhook had kept, now at `<hook>.old`.
        backup: Option<PathBuf>,
    },
    /// The shim was gone already (removed by hand) while relhook's other shims are there:
    /// nothing to remove, and the hook it had replaced, if kept, is put back.
    Gone {
        /// The backup that was renamed back.
        restored: Option<PathBuf>,
    },
    /// A foreign hook sits where the shim was, and a backup exists too: both left alone.
    LeftBoth {
        /// The backup.
        backup: PathBuf,
    },
}

/// What `uninstall` came to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Uninstalled {
    /// Per hook that had anything of relhook's, in every directory relhook writes shims into.
    pub changes: Vec<Change<Removal>>,
    /// The hooks directories relhook had created, removed because they were empty.
    pub removed_dirs: Vec<PathBuf>,
}

/// Removes exactly what `install` wrote and restores what it replaced: in the hooks directory
/// git uses and, when `core.hooksPath` points elsewhere, in `.git/hooks` too (shims an earlier
/// install wrote there before the setting, e.g. before husky was set up).
pub fn uninstall(loc: &HooksLocation) -> Result<Uninstalled> {
    let mut out = remove_shims(loc, &loc.hooks_dir)?;
    let default = loc.default_hooks_dir();
    if !super::doctor::same_file(&default, &loc.hooks_dir) {
        let more = remove_shims(loc, &default)?;
        out.changes.extend(more.changes);
        out.removed_dirs.extend(more.removed_dirs);
    }
    Ok(out)
}

/// Every file [`uninstall`] may change, in each directory it removes shims from: each hook,
/// the hook kept aside beside it, and the `<hook>.legacy` pre-commit runs relhook's shim from.
pub fn may_change(loc: &HooksLocation) -> Vec<PathBuf> {
    let mut dirs = vec![loc.hooks_dir.clone()];
    let default = loc.default_hooks_dir();
    if !super::doctor::same_file(&default, &loc.hooks_dir) {
        dirs.push(default);
    }
    let mut files = Vec::new();
    for dir in dirs {
        for hook in HOOKS {
            let path = dir.join(hook.name);
            files.push(backup_path(&path));
            files.push(dir.join(format!("{}.legacy", hook.name)));
            files.push(dir.join(format!("{}.old", hook.name)));
            files.push(path);
        }
    }
    files
}

/// Removes relhook's shims from `dir` and restores the hooks they replaced there; a hook
/// relhook did not write is never removed.
pub fn remove_shims(loc: &HooksLocation, dir: &Path) -> Result<Uninstalled> {
    let mut out = Uninstalled::default();
    let mut created_dir = false;
    // Where relhook's shims are (and no manager's hooks), one missing was removed by hand.
    let installed_here = HOOKS.iter().any(|h| is_relhooks(&dir.join(h.name)))
        && super::detect::detect_managers(loc).is_empty();
    for hook in HOOKS {
        let path = dir.join(hook.name);
        let backup = backup_path(&path);
        if let Some(change) = lefthook_old(hook.name, &path, &backup)? {
            out.changes.push(change);
        }
        // relhook's shim where pre-commit runs it from (`<hook>.legacy`): the hook relhook had
        // replaced goes back there, where pre-commit runs it as it ran relhook's.
        let path = super::aside::moved_shim(&path).unwrap_or(path);
        let has_backup = backup.symlink_metadata().is_ok();
        let bytes = if path.symlink_metadata().is_ok() {
            super::link::read_optional(&path)?
        } else {
            None
        };
        let shim = bytes.as_deref().and_then(recognise);
        let present = path.symlink_metadata().is_ok();
        // Commands added below the shim stay with it; comments alone go (`appended` names the
        // first command, else the first comment).
        let added = shim
            .as_ref()
            .and(bytes.as_deref())
            .and_then(super::appended)
            .filter(|(_, text)| !text.starts_with('#'));
        let inside = shim
            .as_ref()
            .and(bytes.as_deref())
            .and_then(super::edited::changed_inside);
        let removal = match shim {
            Some(_) if let Some((line, text)) = added => Removal::HandEdited { line, text },
            Some(_) if let Some((line, text)) = inside => Removal::ChangedInside { line, text },
            Some(shim) => {
                created_dir |= shim.created_dir;
                // The kept hook is renamed over the shim in one step: at no moment does git
                // find neither (a Ctrl-C between a removal and a rename left the hook unrun).
                let removal = match has_backup {
                    true => restore(loc, hook.name, backup, &path)?,
                    false => Removal::Removed,
                };
                if !matches!(removal, Removal::Restored { .. }) {
                    std::fs::remove_file(&path).map_err(|e| Error::io("remove", &path, e))?;
                }
                removal
            }
            None if has_backup && !present => match restore(loc, hook.name, backup, &path)? {
                Removal::Restored { backup } => Removal::Gone {
                    restored: Some(backup),
                },
                other => other,
            },
            None if has_backup => Removal::LeftBoth { backup },
            None if !present && hook.available && installed_here => {
                Removal::Gone { restored: None }
            }
            None => continue,
        };
        out.changes.push(Change {
            hook: hook.name,
            path,
            action: removal,
        });
    }
    if created_dir && std::fs::remove_dir(dir).is_ok() {
        // remove_dir fails on a directory that is not empty: then it stays, as it should.
        out.removed_dirs.push(dir.to_owned());
    }
    Ok(out)
}

/// `<hook>.old`, where lefthook keeps the hook it replaced, when it is relhook's shim: removed,
/// or replaced by the hook relhook had kept (`backup`) when the hook itself is another's.
fn lefthook_old(name: &'static str, path: &Path, backup: &Path) -> Result<Option<Change<Removal>>> {
    let old = lefthook_old_path(path);
    if !is_relhooks(&old) {
        return Ok(None);
    }
    // Commands added below the shim by hand stay, as with the shim itself.
    let bytes = super::link::read_optional(&old).ok().flatten();
    if let Some((line, text)) = bytes
        .as_deref()
        .and_then(super::appended)
        .filter(|(_, text)| !text.starts_with('#'))
    {
        return Ok(Some(Change {
            hook: name,
            path: old,
            action: Removal::HandEdited { line, text },
        }));
    }
    // The kept hook goes to `.old` only where lefthook's runner stands at the hook (lefthook
    // gives `.old` back on uninstall); with no hook there, it goes back to the hook itself.
    let runner_there = path.symlink_metadata().is_ok() && !is_relhooks(path);
    let restore = backup.symlink_metadata().is_ok() && runner_there;
    let action = if restore {
        std::fs::rename(backup, &old).map_err(|e| Error::io("restore", backup, e))?;
        Removal::LefthookOld {
            backup: Some(backup.to_owned()),
        }
    } else {
        std::fs::remove_file(&old).map_err(|e| Error::io("remove", &old, e))?;
        Removal::LefthookOld { backup: None }
    };
    Ok(Some(Change {
        hook: name,
        path: old,
        action,
    }))
}

fn lefthook_old_path(hook: &Path) -> PathBuf {
    let mut name = hook.as_os_str().to_owned();
    name.push(".old");
    PathBuf::from(name)
}

/// Whether the file at `path` is relhook's shim or launcher.
fn is_relhooks(path: &Path) -> bool {
    path.symlink_metadata().is_ok()
        && super::link::read_optional(path)
            .ok()
            .flatten()
            .as_deref()
            .and_then(recognise)
            .is_some()
}

/// The files in `dir` that [`remove_shims`] would remove or rename: relhook's shims, and the
/// hooks it keeps beside them that go back in their place.
pub fn touched(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for hook in HOOKS {
        let path = dir.join(hook.name);
        let backup = backup_path(&path);
        let path = super::aside::moved_shim(&path).unwrap_or(path);
        let present = path.symlink_metadata().is_ok();
        let ours = present
            && super::link::read_optional(&path)
                .ok()
                .flatten()
                .as_deref()
                .and_then(recognise)
                .is_some();
        if ours {
            files.push(path);
        }
        if (ours || !present) && backup.symlink_metadata().is_ok() {
            files.push(backup.clone());
        }
        let old = lefthook_old_path(&dir.join(hook.name));
        if is_relhooks(&old) {
            files.push(old);
            if present && !ours && backup.symlink_metadata().is_ok() {
                files.push(backup.clone());
            }
        }
    }
    files
}

/// Puts `backup` back at `path`, unless it is a lefthook runner nothing needs, or pre-commit's
/// own script while pre-commit's script is the hook (`path` is then `<hook>.legacy`).
fn restore(loc: &HooksLocation, hook: &str, backup: PathBuf, path: &Path) -> Result<Removal> {
    if super::managed::leftover_lefthook_runner(loc, hook, &backup) {
        std::fs::remove_file(&backup).map_err(|e| Error::io("remove", &backup, e))?;
        return Ok(Removal::Discarded { backup });
    }
    let live = path.with_file_name(hook);
    if live != path && is_pre_commit_script(&live) && is_pre_commit_script(&backup) {
        std::fs::remove_file(&backup).map_err(|e| Error::io("remove", &backup, e))?;
        return Ok(Removal::PreCommitOwn { backup });
    }
    std::fs::rename(&backup, path).map_err(|e| Error::io("restore", &backup, e))?;
    Ok(Removal::Restored { backup })
}
