//! `install`: writing shims into the hooks directory git uses (`uninstall` takes them out
//! again). Both return what they did as data; `cli` words it.
//!
//! Nothing is ever lost. A hook relhook did not write is renamed to `<hook>.relhook-orig`
//! (a rename: bytes, permissions and symlinks kept) and, by default, *chained*: the shim runs
//! it first with the same arguments and standard input, and stops if it fails. `--force` keeps
//! the same backup but does not run it. `uninstall` removes only files carrying relhook's
//! marker and renames the backups back.

use std::path::{Path, PathBuf};

use serde::Serialize;

pub use super::detect::{Detected, Manager, detect_managers};
use super::local::direct_allowed;
use super::{BACKUP_SUFFIX, Hook, Shim, recognise};
use crate::git::HooksLocation;
use crate::{Error, Result};

/// What `install` is asked to do.
#[derive(Debug)]
pub struct Options<'a> {
    /// The hooks to install.
    pub hooks: Vec<&'static Hook>,
    /// Replace foreign hooks without chaining them (a backup is still kept), and install even
    /// when another hook manager is present.
    pub force: bool,
    /// The absolute path of the relhook binary to record in the shims.
    pub binary: &'a Path,
}

/// What happened to one hook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "action", rename_all = "kebab-case")]
pub enum Action {
    /// A new shim where there was no hook.
    Installed,
    /// The shim was already there, identical: nothing was written.
    AlreadyInstalled,
    /// An earlier relhook shim was rewritten (new binary path or version, or made executable).
    Updated {
        /// Why it was rewritten.
        reason: String,
    },
    /// A foreign hook was renamed to the backup and the shim runs it ([`super::kept_runs`]).
    Chained {
        /// Where the foreign hook is now.
        backup: PathBuf,
    },
    /// `--force`: a foreign hook was renamed to the backup and is not run.
    Replaced {
        /// Where the foreign hook is now.
        backup: PathBuf,
    },
    /// pre-commit moved relhook's shim aside (`<hook>.legacy`) and runs it from there: it stays
    /// there, brought up to date when it had to be.
    RunByPreCommit {
        /// Where relhook's shim is.
        file: PathBuf,
        /// Why it was rewritten; `None`: it was current.
        #[serde(skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// pre-commit's script runs a hook of the user's from `<hook>.legacy`: relhook's shim took
    /// that place, and the user's hook is kept as the backup and runs ([`super::kept_runs`]). A
    /// later `pre-commit install` leaves this as it is (a shim at `<hook>` it would move over the
    /// user's hook).
    UnderPreCommit {
        /// Where relhook's shim is (`<hook>.legacy`).
        file: PathBuf,
        /// Where the user's hook is now.
        backup: PathBuf,
        /// The shim was at `<hook>` and pre-commit's script the backup (an earlier install).
        moved: bool,
    },
    /// The hook there was the same as the backup (another tool had written it over relhook's
    /// shim again): the shim is back, and the backup runs first (not with --force), whether or
    /// not an earlier `--force` had kept it from running: the tool that wrote it back wants it.
    Rechained {
        /// The backup, which holds the same bytes.
        backup: PathBuf,
    },
    /// Lines were added below relhook's shim by hand: it was left alone, since writing it
    /// again would drop them (and they never run there).
    HandEdited {
        /// The shim.
        file: PathBuf,
        /// The first added command's line, from 1.
        line: usize,
        /// Its text.
        text: String,
    },
    /// Lines of relhook's shim were changed by hand inside it ([`super::edited`]): it was left
    /// alone, since writing it again would drop them.
    ChangedInside {
        /// The shim.
        file: PathBuf,
        /// The first line that is not relhook's, from 1.
        line: usize,
        /// Its text.
        text: String,
    },
    /// A foreign hook *and* a backup exist: both were left alone.
    Conflict {
        /// The backup that is in the way.
        backup: PathBuf,
    },
}

/// One hook's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change<A> {
    /// The hook's name.
    pub hook: &'static str,
    /// The hook file.
    pub path: PathBuf,
    /// What was done.
    #[serde(flatten)]
    pub action: A,
}

/// What `install` came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Installed {
    /// husky or lefthook owns the hooks here: relhook's calls went into its files (see
    /// [`super::managed`]); nothing was written into its hooks directory.
    ViaManager {
        /// The manager.
        manager: Detected,
        /// The hooks whose calls were written now.
        wired: Vec<super::managed::Wired>,
        /// How every requested hook stands afterwards.
        survey: Vec<super::managed::HookWiring>,
        /// relhook's own shims the manager leaves in the hooks directory, brought up to date.
        shims: Vec<Change<Action>>,
        /// relhook's shims taken out of `.git/hooks`, which git no longer runs
        /// (`core.hooksPath` points at the manager's directory), and what they had replaced
        /// put back there.
        cleared: Vec<Change<super::uninstall::Removal>>,
    },
    /// The shims were written (or already there).
    Done {
        /// Per hook.
        changes: Vec<Change<Action>>,
        /// Whether the hooks directory had to be created.
        created_dir: bool,
        /// Managers present: installed past with `--force` (husky, lefthook), or sharing the
        /// hooks directory (pre-commit).
        managers: Vec<Detected>,
        /// Hooks that pre-commit's configuration already runs relhook for (no shim written).
        via_pre_commit: Vec<super::managed::HookWiring>,
    },
}

/// Writes the shims into the hooks directory git uses, or relhook's calls into the files of
/// the hook manager that owns it.
pub fn install(loc: &HooksLocation, opts: &Options<'_>) -> Result<Installed> {
    let managers = detect_managers(loc);
    let names: Vec<&'static str> = opts.hooks.iter().map(|h| h.name).collect();
    if !opts.force {
        if let Some(owner) = super::managed::in_charge(loc, &managers) {
            let wired = super::managed::wire(loc, owner, &names)?;
            let before = super::managed::survey(loc, owner, &names);
            let mut shims = Vec::new();
            for hook in &opts.hooks {
                use super::managed::Wiring;
                let state = before
                    .iter()
                    .find(|w| w.hook == hook.name)
                    .map(|w| &w.wiring);
                let own = super::managed::own_shim(owner.manager, hook.name);
                if matches!(state, Some(Wiring::Shim { .. }))
                    || (own && state == Some(&Wiring::Missing))
                {
                    // lefthook's runner, left for a hook its configuration no longer has,
                    // prints its banner and runs nothing: replaced (kept aside), not chained.
                    let runner = own
                        && super::managed::read_text(&loc.hooks_dir.join(hook.name))
                            .contains("lefthook");
                    let replace = Options {
                        hooks: Vec::new(),
                        force: true,
                        binary: opts.binary,
                    };
                    let with = if runner { &replace } else { opts };
                    let created = !loc.hooks_dir.exists();
                    if created {
                        std::fs::create_dir_all(&loc.hooks_dir)
                            .map_err(|e| Error::io("create", &loc.hooks_dir, e))?;
                    }
                    let action =
                        install_one(hook, &loc.hooks_dir, with, created, direct_allowed(loc))?;
                    let path = loc.hooks_dir.join(hook.name);
                    shims.push(Change {
                        hook: hook.name,
                        path,
                        action,
                    });
                }
            }
            let default = loc.default_hooks_dir();
            let cleared = if super::doctor::same_file(&default, &loc.hooks_dir) {
                Vec::new()
            } else {
                super::uninstall::remove_shims(loc, &default)?.changes
            };
            // Read again: a shim written just now is how its hook stands.
            let survey = super::managed::survey(loc, owner, &names);
            return Ok(Installed::ViaManager {
                manager: owner.clone(),
                wired,
                survey,
                shims,
                cleared,
            });
        }
    }
    let via_pre_commit: Vec<super::managed::HookWiring> = managers
        .iter()
        .filter(|m| m.manager == Manager::PreCommit)
        .flat_map(|m| super::managed::survey(loc, m, &names))
        .collect();
    let dir = &loc.hooks_dir;
    let created_dir = !dir.exists();
    if created_dir {
        std::fs::create_dir_all(dir).map_err(|e| Error::io("create", dir, e))?;
    }
    let mut changes = Vec::new();
    for hook in &opts.hooks {
        if via_pre_commit.iter().any(|w| w.hook == hook.name) {
            continue;
        }
        let action = install_one(hook, dir, opts, created_dir, direct_allowed(loc))?;
        changes.push(Change {
            hook: hook.name,
            path: dir.join(hook.name),
            action,
        });
    }
    Ok(Installed::Done {
        changes,
        created_dir,
        managers,
        via_pre_commit,
    })
}

fn install_one(
    hook: &Hook,
    dir: &Path,
    opts: &Options<'_>,
    created_dir: bool,
    direct: bool,
) -> Result<Action> {
    let path = dir.join(hook.name);
    let backup = backup_path(&path);
    // pre-commit moved relhook's shim to `<hook>.legacy` and runs it from there: it stays there.
    let aside = super::aside::moved_shim(&path);
    let at = aside.clone().unwrap_or_else(|| path.clone());
    let present = at.symlink_metadata().is_ok();
    let existing = if present {
        super::link::read_optional(&at)?
    } else {
        None
    };
    if let Some(shim) = existing.as_deref().and_then(recognise) {
        if let Some((line, text)) = existing.as_deref().and_then(super::appended) {
            return Ok(Action::HandEdited {
                file: at,
                line,
                text,
            });
        }
        if let Some((line, text)) = existing.as_deref().and_then(super::edited::changed_inside) {
            return Ok(Action::ChangedInside {
                file: at,
                line,
                text,
            });
        }
        if let Some(legacy) = aside
            .is_none()
            .then(|| super::aside::fragile(&path, &backup))
            .flatten()
            .filter(|_| !opts.force)
        {
            let text = hook.render_as(opts.binary, true, shim.created_dir, direct)?;
            super::aside::make_safe(&path, &backup, &legacy, &text)?;
            return Ok(Action::UnderPreCommit {
                file: legacy,
                backup,
                moved: true,
            });
        }
        let (text, chain) = rewritten(hook, &shim, &backup, opts, created_dir, direct)?;
        let reason = if existing.as_deref() == Some(text.as_bytes()) {
            // A link has no permission bits of its own: git runs what it leads to.
            if shim.linked || is_executable(&at) {
                None
            } else {
                set_executable(&at)?;
                Some("it was not executable, so git skipped it".to_owned())
            }
        } else {
            write_shim(&at, &text)?;
            let bytes = existing.as_deref().unwrap_or_default();
            Some(
                if chain && !shim.chain && shim.version == super::SHIM_VERSION {
                    "the hook `--force` kept from running is gone, so no shim needs to leave it out"
                        .into()
                } else {
                    update_reason(&shim, bytes, opts.binary)
                },
            )
        };
        return Ok(match (aside, reason) {
            (Some(file), reason) => Action::RunByPreCommit { file, reason },
            (None, None) => Action::AlreadyInstalled,
            (None, Some(reason)) => Action::Updated { reason },
        });
    }
    let under_pre_commit = super::aside::users_hook_under_pre_commit(&path);
    if let Some(legacy) = under_pre_commit.filter(|_| !opts.force && !backup.exists()) {
        std::fs::rename(&legacy, &backup).map_err(|e| Error::io("rename", &legacy, e))?;
        let text = hook.render_as(opts.binary, true, created_dir, direct)?;
        if let Err(e) = write_shim(&legacy, &text) {
            let _ = std::fs::rename(&backup, &legacy);
            return Err(e);
        }
        return Ok(Action::UnderPreCommit {
            file: legacy,
            backup,
            moved: false,
        });
    }
    if let Some(legacy) = super::aside::legacy_freed(&path, &backup).filter(|_| !opts.force) {
        let text = hook.render_as(opts.binary, true, created_dir, direct)?;
        write_shim(&legacy, &text)?;
        return Ok(Action::UnderPreCommit {
            file: legacy,
            backup,
            moved: false,
        });
    }
    if present && backup.symlink_metadata().is_ok() {
        // Another tool put back the very hook relhook keeps (`git lfs install --force` after
        // relhook chained git-lfs's hook): the copy holds nothing the backup does not.
        if !super::aside::same_bytes(&path, &backup) {
            return Ok(Action::Conflict { backup });
        }
        // Written over it in one rename (as below).
        let text = hook.render_as(opts.binary, !opts.force, created_dir, direct)?;
        write_shim(&path, &text)?;
        return Ok(Action::Rechained { backup });
    }
    // The hook stays where git runs it until the shim replaces it in one rename: a second
    // name for it (a hard link, of a symlink the link itself) is its backup first, so that a
    // Ctrl-C at any moment leaves one of the two in place. A rename where no link can be made.
    if present && std::fs::hard_link(&path, &backup).is_err() {
        std::fs::rename(&path, &backup).map_err(|e| Error::io("rename", &path, e))?;
    }
    // `--force` keeps the hook it replaces, or one it replaced before, out of the chain; with
    // neither, there is nothing to keep out.
    let nothing_kept = !present && backup.symlink_metadata().is_err();
    let text = hook.render_as(
        opts.binary,
        !opts.force || nothing_kept,
        created_dir,
        direct,
    )?;
    write_shim(&path, &text)?;
    Ok(match (present, opts.force) {
        (false, _) => Action::Installed,
        (true, false) => Action::Chained { backup },
        (true, true) => Action::Replaced { backup },
    })
}

/// The text install writes for `hook` where relhook's shim `shim` is (the hook it replaced
/// kept at `backup`, or none), and whether that text chains the kept hook.
pub(super) fn rewritten(
    hook: &Hook,
    shim: &Shim,
    backup: &Path,
    opts: &Options<'_>,
    created_dir: bool,
    direct: bool,
) -> Result<(String, bool)> {
    // Not running a kept hook matters only where there is one: with none, the shim that
    // would chain (the launcher, where it can be written) is the same hook, and faster.
    let kept = backup.symlink_metadata().is_ok();
    let chain = !kept || (!opts.force && shim.chain);
    let created = shim.created_dir || created_dir;
    Ok((hook.render_as(opts.binary, chain, created, direct)?, chain))
}

fn update_reason(old: &Shim, bytes: &[u8], binary: &Path) -> String {
    if super::crlf::find(bytes, true).is_some() {
        "it had Windows (CRLF) line endings, so git could not start it".into()
    } else if old.version != super::SHIM_VERSION {
        format!("shim v{} → v{}", old.version, super::SHIM_VERSION)
    } else if old.binary.as_deref() != Some(binary) {
        match &old.binary {
            Some(b) => format!("it called `{}`", b.display()),
            None => "it named no binary".into(),
        }
    } else if let Some(why) = super::link::rewrite_reason(bytes) {
        why.into()
    } else {
        "its text differed".into()
    }
}

/// `<hook>.relhook-orig` beside the hook.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(BACKUP_SUFFIX);
    path.with_file_name(name)
}

fn write_shim(path: &Path, text: &str) -> Result<()> {
    super::link::write(path, text)
}

/// Whether git would run this file (on Windows every file counts).
pub fn is_executable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        path.is_file()
    }
}

pub(super) fn set_executable(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mut perms = std::fs::metadata(path)
            .map_err(|e| Error::io("read permissions of", path, e))?
            .permissions();
        perms.set_mode(perms.mode() | 0o111);
        std::fs::set_permissions(path, perms).map_err(|e| Error::io("set permissions of", path, e))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hooks::uninstall::{Removal, uninstall};

    fn location(dir: &Path) -> HooksLocation {
        HooksLocation {
            work_tree: dir.to_owned(),
            common_dir: dir.join(".git"),
            hooks_dir: dir.join(".git/hooks"),
            hooks_path: None,
        }
    }

    fn options(force: bool) -> Options<'static> {
        Options {
            hooks: super::super::available().collect(),
            force,
            binary: Path::new("/usr/local/bin/relhook"),
        }
    }

    fn done(i: Installed) -> Vec<Action> {
        match i {
            Installed::Done { changes, .. } => changes.into_iter().map(|c| c.action).collect(),
            other => panic!("expected Done, got {other:?}"),
        }
    }

    #[test]
    fn install_chains_a_foreign_hook_and_uninstall_restores_it() {
        let tmp = tempfile::tempdir().unwrap();
        let loc = location(tmp.path());
        std::fs::create_dir_all(&loc.hooks_dir).unwrap();
        let hook = loc.hooks_dir.join("commit-msg");
        std::fs::write(&hook, b"#!/bin/sh\nexit 0\n").unwrap();
        let actions = done(install(&loc, &options(false)).unwrap());
        assert!(matches!(actions[0], Action::Chained { .. }), "{actions:?}");
        assert_eq!(
            std::fs::read(backup_path(&hook)).unwrap(),
            b"#!/bin/sh\nexit 0\n"
        );
        assert!(recognise(&std::fs::read(&hook).unwrap()).unwrap().chain);
        let again = done(install(&loc, &options(false)).unwrap());
        assert!(
            again.iter().all(|a| *a == Action::AlreadyInstalled),
            "{again:?}"
        );
        let un = uninstall(&loc).unwrap();
        assert!(matches!(un.changes[0].action, Removal::Restored { .. }));
        assert_eq!(std::fs::read(&hook).unwrap(), b"#!/bin/sh\nexit 0\n");
        assert!(!backup_path(&hook).exists());
        assert!(uninstall(&loc).unwrap().changes.is_empty());
    }

    #[test]
    fn created_directory_is_removed_again() {
        let tmp = tempfile::tempdir().unwrap();
        let loc = location(tmp.path());
        match install(&loc, &options(true)).unwrap() {
            Installed::Done { created_dir, .. } => assert!(created_dir),
            other => panic!("{other:?}"),
        }
        let un = uninstall(&loc).unwrap();
        assert_eq!(un.removed_dirs, vec![loc.hooks_dir.clone()]);
        assert!(!loc.hooks_dir.exists());
    }

    #[test]
    fn conflict_when_foreign_hook_and_backup_both_exist() {
        let tmp = tempfile::tempdir().unwrap();
        let loc = location(tmp.path());
        std::fs::create_dir_all(&loc.hooks_dir).unwrap();
        std::fs::write(loc.hooks_dir.join("commit-msg"), "a").unwrap();
        std::fs::write(loc.hooks_dir.join("commit-msg.relhook-orig"), "b").unwrap();
        let actions = done(install(&loc, &options(true)).unwrap());
        assert!(matches!(actions[0], Action::Conflict { .. }));
        assert_eq!(
            std::fs::read(loc.hooks_dir.join("commit-msg")).unwrap(),
            b"a"
        );
    }

    #[test]
    fn a_manager_that_owns_the_hooks_gets_the_calls_in_its_files() {
        let tmp = tempfile::tempdir().unwrap();
        let loc = location(tmp.path());
        std::fs::write(tmp.path().join("lefthook.yml"), "pre-commit: {}\n").unwrap();
        match install(&loc, &options(false)).unwrap() {
            Installed::ViaManager { wired, survey, .. } => {
                assert_eq!(wired.len(), 3, "{wired:?}");
                for w in survey {
                    // reference-transaction and post-applypatch stay relhook's own shims
                    // (`managed::own_shim`).
                    let own = super::super::managed::own_shim(Manager::Lefthook, w.hook);
                    assert_eq!(
                        matches!(
                            w.wiring,
                            super::super::managed::Wiring::Shim { shared: false }
                        ),
                        own,
                        "{w:?}"
                    );
                    assert_eq!(
                        matches!(w.wiring, super::super::managed::Wiring::Inactive { .. }),
                        !own,
                        "{w:?}"
                    );
                }
            }
            other => panic!("{other:?}"),
        }
        let files = std::fs::read_dir(&loc.hooks_dir).unwrap().count();
        assert_eq!(
            files, 2,
            "only relhook's reference-transaction and post-applypatch"
        );
        let text = std::fs::read_to_string(tmp.path().join("lefthook.yml")).unwrap();
        assert!(text.starts_with("pre-commit: {}\n# >>> relhook"), "{text}");
        match install(&loc, &options(false)).unwrap() {
            Installed::ViaManager { wired, .. } => assert!(wired.is_empty()),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            install(&loc, &options(true)).unwrap(),
            Installed::Done { .. }
        ));
    }
}
