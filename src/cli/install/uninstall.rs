//! `relhook uninstall` in words: every place relhook wrote (shims, calls in a manager's
//! files, the merge driver) taken out again.

use super::{changelog_paths, configured_changelogs, file_name, rel, rel_path};
use crate::cli::args::UninstallArgs;
use crate::cli::{Context, Outcome, write_shown};
use crate::git::HooksLocation;
use crate::hooks::driver;
use crate::hooks::install::{self as inst, Change};
use crate::hooks::kept::Kept;
use crate::hooks::managed;
use crate::hooks::uninstall::Removal;
use crate::{Error, Result};

/// `relhook uninstall [--shared]`.
pub(in crate::cli) fn uninstall(ctx: &Context, args: &UninstallArgs) -> Result<Outcome> {
    let loc = ctx.hooks()?;
    let managers = inst::detect_managers(&loc);
    // Checked before anything is removed: refused, nothing changes.
    let beyond = super::beyond::beyond(&loc, &managers);
    if let Some(b) = &beyond
        && !args.shared
    {
        return Err(b.refusal(&loc));
    }
    crate::hooks::kept::sweep_killed_writes(&loc, &managers);
    // All or nothing: every file a step below may change is kept as it is now, and put back
    // when a later step fails (git's config among them: the merge driver is a section there).
    // The line install wrote for either name comes out (the project's other name, and
    // CHANGELOG.md from an install before it was told apart).
    let mut changelogs = changelog_paths(ctx, &loc);
    for configured in configured_changelogs(ctx, &loc) {
        if !changelogs.contains(&configured) {
            changelogs.push(configured);
        }
    }
    let kept = keep(&loc, &managers)?;
    let removed = (|| {
        let result = crate::hooks::uninstall::uninstall(&loc)?;
        let unwired = managed::unwire(&loc, &managers)?;
        let mut unregistered = driver::Registered::default();
        for path in &changelogs {
            let one = driver::unregister(&loc, path)?;
            unregistered.config |= one.config;
            unregistered.attributes |= one.attributes;
            unregistered.am_three_way |= one.am_three_way;
            unregistered.left = unregistered.left.or(one.left);
        }
        crate::hooks::chosen::forget(&loc)?;
        crate::git::txn::failpoint("uninstall-unregistered")?;
        Ok((result, unwired, unregistered))
    })();
    let (result, unwired, unregistered) = match removed {
        Ok(done) => done,
        Err(e) => {
            let again = match args.shared {
                true => "relhook uninstall --shared",
                false => "relhook uninstall",
            };
            return Err(put_back(&kept, e, Step::Uninstall, again));
        }
    };
    let info_removed = driver::forget_info_dir(&loc);
    // Only the sections relhook wrote come out; a call added by hand is named.
    let by_hand = managed::hand_calls(&loc, &managers);
    // pre-commit's configuration is never relhook's to edit: its entries that run relhook
    // are named (one pre-commit never runs runs nothing).
    let pre_commit = managed::pre_commit_entries(&loc, &managers)
        .filter(|c| !c.entries.is_empty() || c.unreadable.is_some());
    // The notes the reference-transaction hook leaves in each worktree's git dir go with the
    // hooks, and post-commit's kept walk for a deleted changelog, its held locks and the lines
    // said once. A killed release's flags stay: `relhook release --resume` still reads them.
    let worktrees = std::fs::read_dir(loc.common_dir.join("worktrees"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path());
    for git_dir in std::iter::once(loc.common_dir.clone()).chain(worktrees) {
        // `git::ADOPTED` stays (and uninstall says so): installed again, relhook must not
        // take what was committed in between for history from before it.
        for note in [
            crate::tag::hand::SETTLED,
            crate::tag::hand::FETCHING,
            crate::cli::changelog::NO_COMMIT_REVERT,
            crate::git::DELETED_WALK,
            crate::history::accumulate::lock_met::LOCK_MET,
        ] {
            let _ = std::fs::remove_file(git_dir.join(note));
        }
    }
    crate::git::forget_told(&loc.common_dir);
    let dir = rel(&loc.hooks_dir, &loc.work_tree);
    let took_out = !result.changes.is_empty()
        || !unwired.is_empty()
        || unregistered.config
        || unregistered.attributes
        || unregistered.am_three_way;
    let nothing =
        !took_out && by_hand.is_empty() && pre_commit.is_none() && unregistered.left.is_none();
    let adopted = loc.common_dir.join(crate::git::ADOPTED);
    write_shown(|out| {
        if nothing {
            writeln!(out, "relhook is not installed in {dir}; nothing to do")?;
        }
        for file in &unwired {
            writeln!(out, "removed relhook's calls from {}", file.display())?;
        }
        for h in &by_hand {
            let (first, last) = h.lines;
            let (at, runs, it) = if first == last {
                (format!("line {first}"), "runs", "it")
            } else {
                (format!("lines {first}-{last}"), "run", "them")
            };
            writeln!(
                out,
                "{} {at} still {runs} relhook (`{}`): remove {it} by hand",
                h.file.display(),
                h.call
            )?;
        }
        if let Some(calls) = &pre_commit {
            writeln!(out, "{}", pre_commit_line(calls))?;
        }
        for c in &result.changes {
            writeln!(out, "{}", removal_line(c, &loc))?;
        }
        if unregistered.config {
            writeln!(
                out,
                "removed the {} merge driver from git's config",
                driver::DRIVER
            )?;
        }
        if let Some(left) = unregistered.left {
            writeln!(out, "{}", left_line(left))?;
        }
        if unregistered.am_three_way {
            writeln!(out, "removed am.threeWay, which relhook had set")?;
        }
        if unregistered.attributes {
            writeln!(
                out,
                "removed relhook's line from {}",
                rel(&driver::info_attributes(&loc), &loc.work_tree)
            )?;
        }
        for d in &result.removed_dirs {
            writeln!(out, "removed {} (relhook had created it)", super::shown(d))?;
        }
        if info_removed {
            let info = driver::info_attributes(&loc);
            let info = info.parent().unwrap_or(&loc.common_dir);
            writeln!(
                out,
                "removed {} (relhook had created it, and it is empty)",
                rel(info, &loc.work_tree)
            )?;
        }
        // Said with what uninstall took out, not again with the calls left to remove by hand.
        if took_out && adopted.exists() {
            writeln!(
                out,
                "kept {}, which notes the commits made before relhook's first install here: installed again, relhook still checks every commit made since (without it, a later install would take them for ones from before relhook)",
                rel(&adopted, &loc.work_tree)
            )?;
        }
        if let Some(b) = &beyond {
            writeln!(out, "{}", b.note(&loc))?;
        }
        if let Some(line) = shadowing_line(&loc) {
            writeln!(out, "{line}")?;
        }
        Ok(())
    })?;
    // A shim left in place for the lines added to it: uninstall is not done.
    let kept = result.changes.iter().any(|c| {
        matches!(
            c.action,
            Removal::HandEdited { .. } | Removal::ChangedInside { .. }
        )
    });
    Ok(if kept { Outcome::Failed } else { Outcome::Ok })
}

/// What uninstall left of the merge driver's config, set by hand, in one line: why, and the
/// command that takes it out.
fn left_line(left: driver::LeftByHand) -> String {
    let d = driver::DRIVER;
    match left {
        driver::LeftByHand::Driver => format!(
            "left merge.{d}.driver in git's config: set by hand, not a line relhook writes, so it stays (with the section's other keys); `git config --remove-section merge.{d}` removes it"
        ),
        driver::LeftByHand::Name => format!(
            "left merge.{d}.name in git's config: set by hand, not the name relhook writes, so it stays; `git config --unset merge.{d}.name` removes it"
        ),
    }
}

/// This repository's own core.hooksPath, naming its default hooks directory (as install
/// advises where a global one is set), left in place: it keeps the machine's hooks from
/// running here. Never unset by relhook, which did not set it; said, with the command.
/// Not when those hooks are relhook's own.
fn shadowing_line(loc: &HooksLocation) -> Option<String> {
    let own = loc.hooks_path.as_ref()?;
    let hidden = loc.shadowed_hooks_path()?;
    // relhook's hooks there (`install --shared`): the setting is what keeps them out of this
    // repository, as uninstall's refusal advised.
    let dir = loc.work_tree.join(&hidden.value);
    if !crate::hooks::uninstall::touched(&dir).is_empty() {
        return None;
    }
    let unset = match own.scope.as_str() {
        "worktree" => "git config --worktree --unset core.hooksPath",
        _ => "git config --unset core.hooksPath",
    };
    Some(format!(
        "core.hooksPath = {} is still set in this repository's git config, so git does not run the hooks in {} here (core.hooksPath in your {} git config): `{unset}` runs them here again",
        own.value, hidden.value, hidden.scope
    ))
}

/// The files an install or uninstall may change (the hooks, a hook manager's files, the
/// merge driver's line and git's config), as they are now: put back when a later step fails.
pub(super) fn keep(loc: &HooksLocation, managers: &[inst::Detected]) -> Result<Kept> {
    Kept::take(
        crate::hooks::uninstall::may_change(loc)
            .into_iter()
            .chain(managed::may_change(loc, managers))
            .chain([driver::info_attributes(loc), loc.common_dir.join("config")]),
    )
}

/// Which of the two failed, for [`put_back`]'s words.
#[derive(Clone, Copy)]
pub(super) enum Step {
    Install,
    Uninstall,
}

/// An install or uninstall that failed at `error`: everything it had changed put back, said
/// in one line (nothing changed, why, and `again`, the command to run once that is fixed);
/// or, where a file could not be put back, what is left and how to finish.
pub(super) fn put_back(kept: &Kept, error: Error, step: Step, again: &str) -> Error {
    let (not_done, had, name) = match step {
        Step::Install => ("not installed", "written", "install"),
        Step::Uninstall => ("not uninstalled", "taken out", "uninstall"),
    };
    let failed = kept.put_back();
    if failed.is_empty() {
        return Error::Usage(format!(
            "{not_done}, nothing changed: {error}; what {name} had {had} is back as it was: fix that, then run `{again}` again"
        ));
    }
    let finish = match step {
        Step::Install => format!(
            "fix that, then `{again}` finishes the install, or `relhook uninstall` takes out what it wrote"
        ),
        Step::Uninstall => format!(
            "`relhook install` writes relhook's hooks again, or fix that and `{again}` takes out the rest"
        ),
    };
    Error::Unfinished {
        error: Box::new(error),
        left: format!(
            "{name} could not put back {} as they were",
            failed.join(", ")
        ),
        finish,
    }
}

/// The entries of pre-commit's configuration still running relhook, in one line: where they
/// are, their ids, and that they go by hand.
fn pre_commit_line(calls: &managed::PreCommitCalls) -> String {
    let file = calls.file.display();
    if let Some(why) = &calls.unreadable {
        return format!(
            "{file} {why}, so relhook cannot tell whether it still runs relhook: look for its entries (`grep -n relhook {}`) and remove them by hand (uninstall never edits it)",
            crate::shellword::below_top(&calls.file)
        );
    }
    // Entries written in flow style may share a line: it is named once.
    let mut ranges: Vec<(usize, usize)> = calls.entries.iter().map(|e| e.lines).collect();
    ranges.dedup();
    let at = ranges
        .iter()
        .map(|&(first, last)| match first == last {
            true => first.to_string(),
            false => format!("{first}-{last}"),
        })
        .collect::<Vec<_>>()
        .join(", ");
    let ids = calls
        .entries
        .iter()
        .map(|e| match e.id.as_str() {
            "" => "(no id)".to_owned(),
            id => format!("`{id}`"),
        })
        .collect::<Vec<_>>()
        .join(", ");
    let lines = match ranges.as_slice() {
        [(first, last)] if first == last => "line",
        _ => "lines",
    };
    let runs = if ranges.len() == 1 { "runs" } else { "run" };
    let (hooks, it) = match calls.entries.len() {
        1 => ("hook", "it"),
        _ => ("hooks", "them"),
    };
    format!(
        "{file} {lines} {at} still {runs} relhook ({hooks} {ids}): remove {it} from {file} by hand (uninstall never edits it)"
    )
}

/// What uninstall did to one hook, in one line (install says the same of the shims it takes
/// out of a directory git no longer runs).
pub(super) fn removal_line(c: &Change<Removal>, loc: &HooksLocation) -> String {
    let name = c.hook;
    let parent = c.path.parent().unwrap_or(&loc.hooks_dir);
    let dir = rel(parent, &loc.work_tree);
    match &c.action {
        // relhook's shim where pre-commit had moved it (`commit-msg.legacy`): that file.
        Removal::Removed => match file_name(&c.path) {
            file if file != name => format!(
                "removed {file} from {dir} (relhook's {name} shim, which pre-commit's hook ran)"
            ),
            _ => format!("removed {name} from {dir}"),
        },
        Removal::Restored { backup } => {
            // Where pre-commit runs relhook's shim from, the hook goes back there.
            let aside = match file_name(&c.path) {
                file if file != name => format!(" as {file}, which pre-commit's hook runs"),
                _ => String::new(),
            };
            format!(
                "removed {name} from {dir} and restored the hook it had replaced{aside} (from {})",
                file_name(backup)
            )
        }
        Removal::Discarded { backup } => format!(
            "removed {name} from {dir}; removed {} too, not restored: lefthook's runner for a hook lefthook's configuration does not have, which would only print its banner",
            file_name(backup)
        ),
        Removal::PreCommitOwn { backup } => format!(
            "removed {name} from {dir} (relhook's shim, kept as {}); removed {} too, not restored: it was pre-commit's own {name} script, which {dir}/{name} is again (restored as {name}.legacy, pre-commit would run itself and refuse every commit)",
            file_name(&c.path),
            file_name(backup)
        ),
        Removal::HandEdited { line, text } => format!(
            "{name}: NOT removed: {dir}/{} has {}, which removing it would lose; move them into a hook of your own (or delete them), then run `relhook uninstall` again",
            file_name(&c.path),
            crate::hooks::added_below(&c.path, *line, text)
        ),
        Removal::ChangedInside { line, text } => {
            let file = rel(&c.path, &loc.work_tree);
            format!(
                "{name}: NOT removed: {file} has {}, which removing it would lose; keep what you need of it elsewhere and remove it (`rm {}`), then run `relhook uninstall` again",
                crate::hooks::edited::changed_note(*line, text),
                crate::shellword::below_top(std::path::Path::new(&rel_path(
                    &c.path,
                    &loc.work_tree
                )))
            )
        }
        Removal::LefthookOld { backup } => format!(
            "removed {} from {dir}: relhook's shim, which lefthook had kept aside and would put back on `lefthook uninstall`{}",
            file_name(&c.path),
            match backup {
                Some(b) => format!(
                    "; the hook relhook had replaced is there instead (from {}), for lefthook to give back",
                    file_name(b)
                ),
                None => String::new(),
            }
        ),
        Removal::Gone { restored } => match restored {
            Some(b) => format!(
                "{name}: already gone from {dir} (removed by hand); restored the hook it had replaced (from {})",
                file_name(b)
            ),
            None => format!("{name}: already gone from {dir} (removed by hand), nothing to remove"),
        },
        Removal::LeftBoth { backup } => {
            let word = |p: &std::path::Path| {
                crate::shellword::below_top(std::path::Path::new(&super::rel_path(
                    p,
                    &loc.work_tree,
                )))
            };
            format!(
                "left {dir}/{name} alone: it is not relhook's; {} is still there too, the hook relhook had replaced: `mv {kept} {hook}` puts it back in place of this one, `rm {kept}` drops it",
                file_name(backup),
                kept = word(backup),
                hook = word(&c.path)
            )
        }
    }
}
