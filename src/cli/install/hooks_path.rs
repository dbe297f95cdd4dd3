//! `core.hooksPath` and install: a hooks directory set in the global or system git config is
//! every repository's on this machine, so relhook's hooks there would lint the commits of all
//! of them and add changelog entries to each; install writes there only when told `--shared`.
//! A directory outside the repository set in its own config may be other repositories' too:
//! install says so. A directory inside the work tree shows what install writes in `git status`,
//! and releases and hand tags refuse that tree: one the repository tracks (a team's
//! `.githooks`) holds the team's files, so install writes there only when told `--shared`, and
//! says to commit the change; one it does not ignore, install says how to keep it out.

use std::io::Write;
use std::path::Path;

use crate::git::HooksLocation;
use crate::shellword::{below_top, from_top, quote};
use crate::{Error, Result};

/// Refuses to install where a `core.hooksPath` setting turns every hook off: nothing written
/// there would run (and an empty setting would have had the hooks written into the work tree).
pub(super) fn refuse_turned_off(loc: &HooksLocation) -> Result<()> {
    match crate::hooks::doctor::hooks_turned_off(loc) {
        Some((why, fix)) => Err(Error::Usage(format!(
            "not installed: {why}; fix: {fix}, then `relhook install`"
        ))),
        None => Ok(()),
    }
}

/// Refuses to install where this repository's own `core.hooksPath` names a folder outside it
/// that is missing (the repository moved) or another repository's: install would create the
/// old folder, or write into the other repository. The fix re-points it here.
pub(super) fn refuse_stranded(loc: &HooksLocation) -> Result<()> {
    match crate::hooks::doctor::stranded_hooks_path(loc) {
        Some((why, fix)) => Err(Error::Usage(format!("not installed: {why}; fix: {fix}"))),
        None => Ok(()),
    }
}

/// Refuses to write into a hooks directory every repository shares, unless `shared`.
pub(super) fn refuse_shared(loc: &HooksLocation, shared: bool) -> Result<()> {
    let Some(setting) = &loc.hooks_path else {
        return Ok(());
    };
    if shared || !matches!(setting.scope.as_str(), "global" | "system") {
        return Ok(());
    }
    let own = loc.default_hooks_dir();
    Err(Error::Usage(format!(
        "not installed: core.hooksPath = {} in your {} git config makes git run hooks from {} for every repository on this machine, so relhook's hooks there would lint the commits of all of them and add changelog entries to each. For this repository only: `git config core.hooksPath {}` (the hooks in {} then no longer run here), then `relhook install`; for every repository, on purpose: `relhook install --shared`",
        setting.value,
        setting.scope,
        loc.hooks_dir.display(),
        quote(&own.display().to_string()),
        loc.hooks_dir.display(),
    )))
}

/// Refuses to write relhook's hooks into the directory a relative `core.hooksPath` gives this
/// linked worktree alone: they would check its commits only, and go with it, while the main
/// worktree's directory is the one every worktree can name. Under a hook manager its files
/// get relhook's calls instead (husky's own advice for worktrees is said after).
pub(super) fn refuse_worktree_alone(loc: &HooksLocation, via_manager: bool) -> Result<()> {
    let Some(shared) = loc.hooks_of_main_worktree().filter(|_| !via_manager) else {
        return Ok(());
    };
    let value = loc.hooks_path.as_ref().map_or("", |s| s.value.as_str());
    Err(Error::Usage(format!(
        "not installed: core.hooksPath = {value} is relative, so git runs this linked worktree's hooks from {}, a directory of its own that no other worktree runs: relhook's hooks there would check this worktree's commits alone. For every worktree: `git config core.hooksPath {}` (the main worktree's hooks directory, by its absolute path), then `relhook install`",
        loc.hooks_dir.display(),
        quote(&shared.display().to_string()),
    )))
}

/// Refuses to write relhook's hooks into a hooks directory the repository tracks, unless
/// `shared`: the team's files would change, and the tree stays dirty until that is committed.
/// `via_manager`: relhook's calls go into a hook manager's files instead. `Ok(true)`: the
/// directory holds the team's shims (`--shared`'s, which run relhook from PATH) just as
/// install would write them, so a clone's install goes on and leaves them as they are.
pub(super) fn refuse_tracked(
    loc: &HooksLocation,
    (shared, via_manager): (bool, bool),
    hooks: &[&'static crate::hooks::Hook],
    force: bool,
) -> Result<bool> {
    if shared || via_manager {
        return Ok(false);
    }
    let Some(dir) = loc.hooks_in_work_tree().filter(|d| d.tracked) else {
        return Ok(false);
    };
    let committed = crate::hooks::install::Options {
        hooks: hooks.to_vec(),
        force,
        binary: std::path::Path::new(crate::hooks::ON_PATH),
    };
    if crate::hooks::as_is::unchanged(loc, &committed) {
        return Ok(true);
    }
    let own = loc.default_hooks_dir();
    let Some(setting) = &loc.hooks_path else {
        // `.git/hooks` is a link into the work tree: said as it is shown, pasted from the top
        // (the command may run in a folder below it).
        let word = below_top(Path::new(&super::rel_path(&own, &loc.work_tree)));
        let own = super::rel(&own, &loc.work_tree);
        return Err(Error::Usage(format!(
            "not installed: {own} is a link to {dir}, which this repository tracks: relhook's hooks there would change the team's files, and `git status` shows them (so releases and hand tags are refused) until they are committed. For the whole team, on purpose: `relhook install --shared`, then commit {dir}; for this clone only: `rm {word} && mkdir {word}`, then `relhook install` (the hooks in {dir} then no longer run here; copy any you need into {own} first, and relhook runs it too: before its own, a post-commit hook after)",
            dir = dir.rel,
        )));
    };
    Err(Error::Usage(format!(
        "not installed: core.hooksPath = {} makes git run hooks from {dir}, which this repository tracks: relhook's hooks there would change the team's files, and `git status` shows them (so releases and hand tags are refused) until they are committed. For the whole team, on purpose: `relhook install --shared`, then commit {dir}; for this clone only: `git config core.hooksPath {}`, then `relhook install` (the hooks in {dir} then no longer run here; copy any you need into {} first, and relhook runs it too: before its own, a post-commit hook after)",
        setting.value,
        quote(&own.display().to_string()),
        super::rel(&own, &loc.work_tree),
        dir = dir.rel,
    )))
}

/// What writing into a hooks directory in the work tree means for `git status`, in one line.
pub(super) fn write_work_tree_note(
    out: &mut dyn Write,
    loc: &HooksLocation,
) -> std::io::Result<()> {
    let Some(dir) = loc.hooks_in_work_tree() else {
        return Ok(());
    };
    let rel = &dir.rel;
    let shown = crate::printable::visible(rel);
    // The directory as words of the commands in the notes (the prose says it as it is),
    // named from the top: they may be pasted in a folder below it.
    let (word, ignore) = (
        from_top(Path::new(rel)),
        crate::shellword::ignore_folder(rel),
    );
    // Nothing written, nothing to commit: the team's shims are relhook's already.
    if dir.tracked && !loc.shows_in_status(rel) {
        writeln!(
            out,
            "note: {shown}, which this repository tracks, holds relhook's hooks as the team committed them: left alone"
        )
    } else if dir.tracked && loc.shows_only_changes(rel) {
        writeln!(
            out,
            "note: relhook's hooks in {shown}, which this repository tracks (--shared), now differ from the ones committed: commit them (`git add {word}`, then `git commit`), and the team's clones run them too; until then `git status` shows them, and releases and hand tags are refused (`git checkout HEAD -- {word}` puts the committed ones back)"
        )
    } else if dir.tracked {
        writeln!(
            out,
            "note: relhook's hooks went into {shown}, which this repository tracks (--shared): commit them (`git add {word}`, then `git commit`), and the team's clones run them too; until then `git status` shows them, and releases and hand tags are refused (`relhook uninstall` puts the team's hooks back)"
        )
    } else {
        let exclude = loc.common_dir.join("info").join("exclude");
        writeln!(
            out,
            "note: {shown} is in the work tree and not ignored, so `git status` shows relhook's hooks there, and releases and hand tags are refused, until you ignore it in this clone (`{ignore} >> {}`) or commit it for the team",
            below_top(Path::new(&super::rel_path(&exclude, &loc.work_tree)))
        )
    }
}

/// Where the hooks went, when `core.hooksPath` chose it.
pub(super) fn write_hooks_path_note(
    out: &mut dyn Write,
    loc: &HooksLocation,
) -> std::io::Result<()> {
    let Some(setting) = &loc.hooks_path else {
        return Ok(());
    };
    // Names git took as they are (a line break, an ESC in them): shown, never obeyed.
    let shown = |s: &str| crate::printable::visible(s);
    let dir = shown(&loc.hooks_dir.display().to_string());
    let value = shown(&setting.value);
    match setting.scope.as_str() {
        "global" | "system" => writeln!(
            out,
            "note: core.hooksPath = {value} in your {} git config replaces {} (--shared): git runs hooks from {dir} for every repository on this machine, and relhook's hooks went there",
            setting.scope,
            shown(&loc.default_hooks_dir().display().to_string())
        ),
        scope => {
            writeln!(
                out,
                "note: core.hooksPath = {value} ({scope} config): git runs this repository's hooks from {dir}"
            )?;
            let real = |p: &std::path::Path| p.canonicalize().unwrap_or_else(|_| p.to_owned());
            let hooks = real(&loc.hooks_dir);
            if hooks.starts_with(real(&loc.work_tree)) || hooks.starts_with(real(&loc.common_dir)) {
                return Ok(());
            }
            let relative = if std::path::Path::new(&setting.value).is_relative()
                && !setting.value.starts_with('~')
            {
                "; and the path is relative, so a linked worktree finds it from its own top (where there is no such directory, git runs no hooks there and says nothing)"
            } else {
                ""
            };
            writeln!(
                out,
                "warning: {dir} is outside this repository: every repository whose core.hooksPath names it runs relhook's hooks too{relative}"
            )
        }
    }
}

/// A relative `core.hooksPath` other worktrees cannot find: one line, with the fix.
pub(super) fn write_worktree_note(out: &mut dyn Write, loc: &HooksLocation) -> std::io::Result<()> {
    match crate::hooks::doctor::lost_in_other_worktrees(loc) {
        // The setting as git took it (a line break in it) is shown, on one line.
        Some((why, fix)) => writeln!(
            out,
            "warning: {}; fix: {fix}",
            crate::printable::visible(&why)
        ),
        None => Ok(()),
    }
}

/// [`write_worktree_note`] where a hook manager runs the hooks. Under husky, whose `.husky/_`
/// is never committed: said only where linked worktrees exist, with husky's own fix (an
/// absolute `core.hooksPath` would not last: husky's `prepare` sets the relative one again on
/// the next `npm install`).
pub(super) fn write_manager_worktree_note(
    out: &mut dyn Write,
    loc: &HooksLocation,
    manager: crate::hooks::install::Manager,
) -> std::io::Result<()> {
    if manager != crate::hooks::install::Manager::Husky {
        return write_worktree_note(out, loc);
    }
    if loc.lost_in_other_worktrees().is_none() {
        return Ok(());
    }
    // Each linked worktree's top, from `<git dir>/worktrees/<name>/gitdir` (its `.git` file).
    let lacking: Vec<String> = std::fs::read_dir(loc.common_dir.join("worktrees"))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| std::fs::read_to_string(e.path().join("gitdir")).ok())
        .filter_map(|g| Some(std::path::Path::new(g.trim()).parent()?.to_owned()))
        .filter(|top| top.is_dir() && *top != loc.work_tree && !top.join(".husky/_").is_dir())
        .map(|top| top.display().to_string())
        .collect();
    if lacking.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "warning: husky's runners in .husky/_ are not committed, so a linked worktree has none until husky writes them there, and its commits run no hooks at all, relhook's included ({}); fix: `npx husky && relhook install` in each",
        lacking.join(", ")
    )
}

/// The config's lock, left by a killed git: the driver's registration would fail after the
/// hooks are written. Refused before anything is.
pub(super) fn refuse_config_lock(loc: &HooksLocation) -> Result<()> {
    let lock = loc.common_dir.join("config.lock");
    if lock.exists() {
        return Err(crate::Error::Usage(format!(
            "{} is there: a git is writing the repository's config, or one was killed while it did; if no git runs in this repository now, `rm {}` and run `relhook install` again",
            lock.display(),
            crate::shellword::quote(&lock.display().to_string())
        )));
    }
    Ok(())
}
