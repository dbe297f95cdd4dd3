//! `relhook install` and `uninstall`: the library decides and reports what it
//! did as data; this words it.

use std::path::PathBuf;

use super::args::InstallArgs;
use super::{Context, Outcome, write_shown};
use crate::hooks::install::{self as inst, Action, Installed, Options};
use crate::hooks::managed::Wiring;
use crate::hooks::{self, driver, select};
use crate::{Error, Result};

mod beyond;
mod hooks_path;
mod manager;
mod merge_driver;
mod names;
mod uninstall;
mod warnings;
mod wired;

use hooks_path::{
    refuse_config_lock, refuse_shared, refuse_stranded, refuse_tracked, refuse_turned_off,
    refuse_worktree_alone, write_hooks_path_note, write_manager_worktree_note,
    write_work_tree_note, write_worktree_note,
};
use manager::{Left, write_via_manager};
use merge_driver::write_driver;
pub(super) use merge_driver::{changelog_paths, configured_changelogs, kept_changelogs};
pub(super) use names::{file_name, name_of, rel, rel_path, shown};
pub(super) use uninstall::uninstall;

/// `relhook install [--force] [--hooks LIST]`.
pub(super) fn install(ctx: &Context, args: &InstallArgs) -> Result<Outcome> {
    let hooks = if args.hooks.is_empty() {
        hooks::available().collect()
    } else {
        select(&args.hooks)?
    };
    let loc = ctx.hooks()?;
    refuse_turned_off(&loc)?;
    refuse_stranded(&loc)?;
    refuse_config_lock(&loc)?;
    refuse_shared(&loc, args.shared)?;
    let via_manager =
        !args.force && hooks::managed::in_charge(&loc, &inst::detect_managers(&loc)).is_some();
    let team_as_is = refuse_tracked(&loc, (args.shared, via_manager), &hooks, args.force)?;
    refuse_worktree_alone(&loc, via_manager)?;
    hooks::kept::sweep_killed_writes(&loc, &inst::detect_managers(&loc));
    // A repository relhook cannot open (reftable refs, SHA-256 objects): hooks that fail on
    // every commit are not installed.
    let repo = match crate::git::Repo::open(&loc.work_tree) {
        Err(e @ crate::Error::Usage(_)) => return Err(e),
        r => r.ok(),
    };
    let binary = current_exe()?;
    // A team's hooks directory in the work tree (`--shared`, or its shims as committed) is
    // committed: its shims name relhook alone, found on PATH, so that every developer's
    // install writes the same files and none names a home directory.
    let named = if (args.shared || team_as_is) && loc.hooks_in_work_tree().is_some() {
        PathBuf::from(hooks::ON_PATH)
    } else {
        binary.clone()
    };
    let opts = Options {
        hooks,
        force: args.force,
        binary: &named,
    };
    // Read before the install writes: relhook's hooks may already run here.
    let fresh = !relhook_present(&loc);
    // All or nothing, as uninstall: a hook that cannot be written (an immutable hook of the
    // user's in the way) puts back those written before it, and the merge driver's lines.
    let kept = uninstall::keep(&loc, &inst::detect_managers(&loc))?;
    let undo = |e: Error| uninstall::put_back(&kept, e, uninstall::Step::Install, &again(args));
    let result = inst::install(&loc, &opts)
        .and_then(|r| hooks::chosen::remember(&loc, &opts.hooks).map(|()| r))
        .map_err(undo)?;
    // Before any commit nothing came before relhook, however its hooks are taken (relhook's
    // shims, or a manager's configuration that names it): noted, for doctor and the rest.
    let unborn = repo.as_ref().is_some_and(|r| r.head().is_none());
    if fresh || unborn {
        note_adoption(&loc, repo.as_ref());
    } else if let Some(repo) = &repo {
        wired::note_team_adoption(&loc, repo);
    }
    let changelog = kept_changelogs(ctx, &loc);
    let wants_driver = opts.hooks.iter().any(|h| h.name == "post-commit");
    let driver = match &result {
        Installed::Done { .. } | Installed::ViaManager { .. } if wants_driver => {
            let mut all = driver::Registered::default();
            for path in &changelog {
                let one = driver::register(&loc, &binary, path).map_err(undo)?;
                all.config |= one.config;
                all.attributes |= one.attributes;
                all.am_three_way |= one.am_three_way;
                all.by_hand |= one.by_hand;
                all.upgraded |= one.upgraded;
            }
            Some(all)
        }
        _ => None,
    };
    let mut failed = false;
    write_shown(|out| {
        match &result {
            Installed::ViaManager {
                manager,
                wired,
                survey,
                shims,
                cleared,
            } => {
                let (left, pending) = write_via_manager(out, manager, wired, survey, shims, &loc)?;
                write_manager_worktree_note(out, &loc, manager.manager)?;
                for c in cleared {
                    let line = uninstall::removal_line(c, &loc);
                    writeln!(
                        out,
                        "{line}: git no longer runs it there (core.hooksPath = {})",
                        rel(&loc.hooks_dir, &loc.work_tree)
                    )?;
                }
                write_driver(out, driver.as_ref(), &changelog, &loc)?;
                failed = match (left, package_script()) {
                    (Left::NotWired, _) | (Left::Pending, None) => true,
                    // Run by `npm install` (`"postinstall": "relhook install"`), which comes
                    // before the manager's own set-up (husky's `prepare`): a failure would stop
                    // that install, and the set-up it waits for with it.
                    (Left::Pending, Some(event)) => {
                        writeln!(
                            out,
                            "note: exit 0 as the package manager's `{event}` script, so that the install goes on; the hooks wait for `{}`, then `relhook doctor` checks them",
                            pending.as_deref().unwrap_or("the hook manager's set-up")
                        )?;
                        false
                    }
                    (Left::Nothing, _) => false,
                };
            }
            Installed::Done {
                changes,
                created_dir,
                managers,
                via_pre_commit,
            } => {
                let dir = rel(&loc.hooks_dir, &loc.work_tree);
                if *created_dir {
                    writeln!(out, "created {dir}")?;
                }
                for c in changes {
                    let name = c.hook;
                    let when = hooks::kept_runs(name);
                    match &c.action {
                        Action::Installed => writeln!(out, "installed {name} in {dir}")?,
                        Action::AlreadyInstalled => {
                            // A plain install keeps what `--force` chose: said, with the way back.
                            let kept = hooks::left_out(&c.path).map_or(String::new(), |k| format!("; the hook it replaced, kept as {}, does not run (left out when relhook's shim replaced it, as `relhook install --force` does): `relhook uninstall && relhook install` runs it {when} again", file_name(&k)));
                            writeln!(
                                out,
                                "{name}: already installed in {dir}, nothing changed{kept}"
                            )?
                        }
                        Action::Updated { reason } => {
                            writeln!(out, "updated {name} in {dir} ({reason})")?
                        }
                        Action::RunByPreCommit { file, reason } => {
                            let file = file_name(file);
                            match reason {
                                None => writeln!(
                                    out,
                                    "{name}: pre-commit's hook runs relhook's shim, kept as {file}; nothing changed"
                                )?,
                                Some(reason) => writeln!(
                                    out,
                                    "updated {name}: relhook's shim, kept as {file}, which pre-commit's hook runs ({reason})"
                                )?,
                            }
                        }
                        // git skipped a hook not executable, and so does the shim's chain.
                        Action::Chained { backup } if !inst::is_executable(backup) => writeln!(
                            out,
                            "installed {name} in {dir}; the {name} hook that was there is kept as {}, and does not run, as before: it is not executable (`chmod +x {}` runs it {when})",
                            file_name(backup),
                            crate::shellword::quote(&backup.to_string_lossy())
                        )?,
                        Action::Chained { backup } => writeln!(
                            out,
                            "installed {name} in {dir}; the {name} hook that was there is kept as {} and runs {}",
                            file_name(backup),
                            if name == "post-commit" {
                                "after relhook's part, on the commit that carries its changelog entry (git ignores either's exit)"
                            } else if hooks::exit_ignored(name) {
                                "first (git ignores either's exit)"
                            } else {
                                "first (it can still veto)"
                            }
                        )?,
                        Action::UnderPreCommit {
                            file,
                            backup,
                            moved,
                        } => writeln!(
                            out,
                            "{} {name} as {}, which pre-commit's hook runs; the hook that was there is kept as {} and runs {when} (a later `pre-commit install` would have moved relhook's shim over it)",
                            if *moved { "moved" } else { "installed" },
                            file_name(file),
                            file_name(backup)
                        )?,
                        Action::Rechained { backup } => writeln!(
                            out,
                            "installed {name} in {dir} again: the hook there was the same as {} (another tool had written it over relhook's shim), which {}",
                            file_name(backup),
                            if args.force {
                                "is kept, not run (--force)".to_owned()
                            } else {
                                // `--force` may have kept it from running before: that is not
                                // known once the shim is gone, so the line says how to again.
                                format!(
                                    "runs {when} now (`relhook install --force` keeps it from running)"
                                )
                            }
                        )?,
                        Action::Replaced { backup } => writeln!(
                            out,
                            "installed {name} in {dir}, replacing the hook that was there (--force); it is kept, not run, as {}",
                            file_name(backup)
                        )?,
                        Action::HandEdited { file, line, text } => {
                            failed = true;
                            writeln!(
                                out,
                                "{name}: NOT updated: {} has {}, {} To keep them: {}",
                                rel(file, &loc.work_tree),
                                hooks::added_below(file, *line, text),
                                hooks::APPENDED_WHY,
                                hooks::edited::appended_fix(&c.path, |p| rel(p, &loc.work_tree))
                            )?
                        }
                        Action::ChangedInside { file, line, text } => {
                            failed = true;
                            let file = rel(file, &loc.work_tree);
                            writeln!(out, "{}", manager::not_updated(name, &file, *line, text))?
                        }
                        Action::Conflict { backup } => {
                            failed = true;
                            writeln!(
                                out,
                                "{name}: NOT installed: {dir}/{name} is not relhook's and {backup} exists too (relhook keeps a hook it replaces under that name, and loses neither): either merge {name} into {backup} and delete {name}, or move {backup} out of the way; then run `relhook install` again",
                                backup = file_name(backup)
                            )?
                        }
                    }
                    if let Some(crlf) = hooks::crlf::chained(&c.path) {
                        // Chained as it was (a rename keeps every byte): it failed before too.
                        failed = true;
                        let backup = inst::backup_path(&c.path);
                        let first =
                            format!("warning: {dir}/{}, which runs {when},", file_name(&backup));
                        writeln!(
                            out,
                            "{}: {} until it is converted: `{}`",
                            crlf.describe(&first),
                            crlf.costs(name),
                            hooks::crlf::convert_command(&backup)
                        )?;
                    }
                }
                for w in via_pre_commit {
                    match &w.wiring {
                        // Run by nothing until pre-commit sets it up: exit 1, as under
                        // husky and lefthook.
                        Wiring::Inactive { command } => {
                            failed = true;
                            writeln!(
                                out,
                                "{}: {} runs relhook for it, once you run `{command}`",
                                w.hook,
                                w.file.display()
                            )?
                        }
                        _ => writeln!(
                            out,
                            "{}: {} runs relhook for it; no shim needed",
                            w.hook,
                            w.file.display()
                        )?,
                    }
                }
                for m in managers {
                    if hooks::managed::sidelined(&loc, m) {
                        let setting = loc.hooks_path.as_ref().map_or(String::new(), |s| {
                            format!("core.hooksPath = {} ({} config)", s.value, s.scope)
                        });
                        writeln!(
                            out,
                            "note: husky's hooks ({}) do not run in this clone: {setting} sends git to {dir}, so relhook's shims went there and husky's files were left alone",
                            shown(&m.evidence)
                        )?;
                    } else if m.manager == inst::Manager::PreCommit {
                        manager::write_pre_commit_note(out, m, managers, &loc, &dir)?;
                    } else {
                        writeln!(
                            out,
                            "warning: {} manages hooks here ({}); --force wrote relhook's shims into {dir} anyway, and {} may replace them (without --force, relhook's calls go into {}'s own files)",
                            m.manager.name(),
                            shown(&m.evidence),
                            m.manager.name(),
                            m.manager.name()
                        )?;
                    }
                }
                write_driver(out, driver.as_ref(), &changelog, &loc)?;
                write_hooks_path_note(out, &loc)?;
                write_work_tree_note(out, &loc)?;
                write_worktree_note(out, &loc)?;
                if named == binary {
                    writeln!(
                        out,
                        "the hooks run {}; `relhook doctor` checks the set-up",
                        binary.display()
                    )?;
                } else {
                    writeln!(
                        out,
                        "the hooks run relhook from PATH (here {}), and name no path of this machine's, so every clone's install writes the same files; `relhook doctor` checks the set-up",
                        binary.display()
                    )?;
                }
            }
        }
        Ok(())
    })?;
    warnings::after_install(ctx);
    Ok(if failed { Outcome::Failed } else { Outcome::Ok })
}

/// This install's command again, its options as given.
fn again(args: &InstallArgs) -> String {
    let mut again = String::from("relhook install");
    if args.shared {
        again.push_str(" --shared");
    }
    if args.force {
        again.push_str(" --force");
    }
    if !args.hooks.is_empty() {
        let list = crate::shellword::quote(&args.hooks.join(","));
        again.push_str(&format!(" --hooks {list}"));
    }
    again
}

/// The lifecycle script of npm (yarn, pnpm and bun alike) this install runs as
/// (`postinstall`), from `npm_lifecycle_event`; `None` when run otherwise.
fn package_script() -> Option<String> {
    std::env::var("npm_lifecycle_event")
        .ok()
        .filter(|e| !e.is_empty())
}

/// The absolute path of the running binary, recorded in the shims: the link on PATH that
/// leads to it when there is one (a package manager's `bin/relhook`, which an upgrade points
/// at the new version), else the binary itself.
pub(super) fn current_exe() -> Result<PathBuf> {
    let exe = std::env::current_exe().map_err(|e| Error::io("locate", "the relhook binary", e))?;
    let exe = exe.canonicalize().unwrap_or(exe);
    let name = exe.file_name().map(std::ffi::OsStr::to_owned);
    let link = name.zip(std::env::var_os("PATH")).and_then(|(name, path)| {
        std::env::split_paths(&path)
            .filter(|dir| dir.is_absolute())
            .map(|dir| dir.join(&name))
            .find(|p| {
                p.symlink_metadata()
                    .is_ok_and(|m| m.file_type().is_symlink())
                    && p.canonicalize().is_ok_and(|c| c == exe)
            })
    });
    Ok(link.unwrap_or(exe))
}

/// Notes HEAD and the local branches as the first install here finds them, and when
/// (`git::ADOPTED`): the commits up to them never met relhook's hooks, and the first release
/// and push do not ask to reword them. Only an install that finds no relhook hook (see
/// [`relhook_present`]) notes commits: over an install of an older relhook, the commits since
/// may have dodged its hooks (`--no-verify`), and they stay checked. In a repository with no
/// commit yet, any install notes that nothing came before (no tip). A later install keeps the
/// note, and so does `relhook uninstall`: an install after an uninstall, or over hooks another
/// tool wrote back, must not take the commits made under relhook's hooks since for ones from
/// before it.
fn note_adoption(loc: &crate::git::HooksLocation, repo: Option<&crate::git::Repo>) {
    let note = loc.common_dir.join(crate::git::ADOPTED);
    if note.exists() {
        return;
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()
        .and_then(|d| i64::try_from(d.as_secs()).ok());
    let Some((repo, now)) = repo.zip(now) else {
        return;
    };
    let adoption = repo.adoption_now(now).or_else(|| {
        repo.head().is_none().then(|| crate::git::Adoption {
            tips: vec![git2::Oid::zero()],
            when: Some(now),
            tags: Vec::new(),
        })
    });
    if let Some(adoption) = adoption {
        let _ = std::fs::write(&note, adoption.render());
    }
}

/// Whether relhook's hooks run here already: a file of the hooks directory, or a hook
/// manager's configuration (any of lefthook's names and formats, husky's hooks), that names
/// relhook. A hook of the user's that merely mentions it
/// counts too: the adoption is then not noted here, and every commit stays checked, unless
/// the team's committed files call relhook (noted where they began to, see [`wired`]).
pub(super) fn relhook_present(loc: &crate::git::HooksLocation) -> bool {
    use crate::hooks::wired::{HUSKY, names_relhook, team_files};
    let names =
        |path: &std::path::Path| crate::hooks::link::read(path).is_ok_and(|b| names_relhook(&b));
    let in_dir = std::fs::read_dir(&loc.hooks_dir)
        .into_iter()
        .flatten()
        .flatten()
        .any(|e| names(&e.path()));
    // husky's own hooks are the files of `.husky`.
    let husky = std::fs::read_dir(loc.work_tree.join(HUSKY))
        .into_iter()
        .flatten()
        .flatten()
        .any(|e| names(&e.path()));
    in_dir || husky || team_files().any(|c| names(&loc.work_tree.join(c)))
}
