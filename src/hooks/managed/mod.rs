//! relhook inside another hook manager's home. When husky, lefthook or the pre-commit framework
//! runs the hooks, relhook's calls go into the manager's own files, where the manager runs
//! them and where the team shares them:
//!
//! - husky: a marked block in `.husky/<hook>` for every hook; husky's runner has no
//!   reference-transaction, so install adds one beside husky's own in `.husky/_` (a per-clone
//!   directory husky never versions and does not clean);
//! - lefthook: a marked top-level section per hook appended to `lefthook.yml` (a hook the file
//!   already has a section for is left to the user, with the exact lines to add), except
//!   reference-transaction and post-applypatch, which stay relhook's own shims (see [`own_shim`]);
//! - pre-commit: hooks its configuration already runs relhook for stay with it; relhook's own
//!   shims take the others in `.git/hooks`, chaining pre-commit's scripts (install reports this
//!   as ordinary shims, not here).
//!
//! Every call is guarded with `command -v relhook`, so a teammate without relhook commits and
//! pushes as before. [`survey`] is the one reading of this state: `install` acts on what it
//! finds missing and `doctor` reports the same findings, so the two always agree.

use std::path::{Path, PathBuf};

use serde::Serialize;

mod husky;
mod lefthook;
mod marker;
mod place;
mod pre_commit;

pub use husky::unset_fix as husky_unset_fix;
use husky::{added_runner, husky_runner_dir, husky_state, wire_husky};
pub use lefthook::{
    Format as LefthookFormat, HandCall, hand_calls, missing as lefthook_missing,
    runner_finds as lefthook_runs, runner_finds_none as lefthook_runner_finds_none,
};
use lefthook::{lefthook_section, lefthook_state};
pub(super) use marker::{BEGIN, END};
use marker::{block_of, strip_blocks};
use pre_commit::pre_commit_state;
pub use pre_commit::{
    PreCommitCalls, Unreadable as PreCommitUnreadable, left_behind as pre_commit_left_behind,
    pre_commit_entries,
};

use super::install::{Detected, Manager};
use crate::git::HooksLocation;
use crate::{Error, Result, fsx};

/// How one hook stands in a manager's files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum Wiring {
    /// The manager runs relhook for this hook.
    Wired,
    /// The manager's file calls relhook, but the manager has not installed this hook in this
    /// clone yet: the command that does it.
    Inactive {
        /// e.g. `lefthook install`.
        command: String,
    },
    /// git runs relhook's own shim for this hook, from the hooks directory: lefthook writes
    /// only the hooks its configuration has a section for, so a shim installed before it
    /// stays (lefthook keeps a hook it replaces as `<hook>.old`, and never runs that).
    Shim {
        /// The configuration calls relhook too: `lefthook install` puts lefthook's own hook
        /// here, which runs relhook in the shim's place.
        shared: bool,
    },
    /// Nothing calls relhook for this hook; `relhook install` writes it.
    Missing,
    /// The manager's configuration runs relhook for a hook relhook keeps as its own shim (see
    /// [`own_shim`]): an earlier relhook's section; `relhook install` takes it out and puts
    /// relhook's own hook in the hooks directory.
    Noisy,
    /// relhook's block sits below a line that ends the hook (`exit 0`, `exec …`), so it never
    /// runs; `relhook install` moves it above that line.
    Unreachable {
        /// The line that ends the hook, from 1.
        line: usize,
        /// Its text.
        text: String,
    },
    /// relhook's block sits below a line that may end the hook on some runs (`[ -n "$CI" ] &&
    /// exit 0`, an `exit` in an `if`), so it does not run on those; `relhook install` moves it
    /// above that line.
    Skipped {
        /// The line that may end the hook, from 1.
        line: usize,
        /// Its text.
        text: String,
    },
    /// relhook's block sits below a top-level `exec` that sends the hook's error output
    /// elsewhere (`exec >>log 2>&1`), so a refused commit says nothing; `relhook install`
    /// moves it above that line.
    Muted {
        /// The `exec` line, from 1.
        line: usize,
        /// Its text.
        text: String,
        /// Where it sends standard error.
        to: String,
    },
    /// relhook's block sits below other commands in a hook git hands input to (pre-push's
    /// refs, read once): one that reads it leaves relhook nothing to check; `relhook install`
    /// moves the block to the top, where it hands the input on.
    Starved {
        /// The first command above it, from 1.
        line: usize,
        /// Its text.
        text: String,
    },
    /// relhook's block sits below other commands in post-commit, whose part amends the commit
    /// to carry its changelog entry: those commands act on the commit before it (a note, a
    /// log or a push of HEAD misses the entry); `relhook install` moves the block to the top.
    Late {
        /// The first command above it, from 1.
        line: usize,
        /// Its text.
        text: String,
    },
    /// relhook's block reads git's input without handing it on (an earlier relhook's, at the
    /// end of the file), and a command was added below it, which gets none; `relhook install`
    /// writes the block again at the top, handing the input on.
    Hoarded {
        /// That command's line, from 1.
        line: usize,
        /// Its text.
        text: String,
    },
    /// `.husky/<hook>` calls relhook, but husky's runner directory has no runner for the hook
    /// (husky 9 writes runners only for its own list, without reference-transaction, and a
    /// fresh clone's `prepare` writes that list alone): git never runs the file;
    /// `relhook install` adds the runner.
    NoRunner {
        /// The missing runner, e.g. `.husky/_/reference-transaction`.
        runner: PathBuf,
    },
    /// Another tool wrote over husky's runner for this hook (`git lfs install --force`): git
    /// runs that file, never `.husky/<hook>`; `npx husky` writes the runner back.
    RunnerReplaced {
        /// The runner, e.g. `.husky/_/pre-push`.
        runner: PathBuf,
        /// Whose hook it is now, as far as its text tells.
        owner: String,
    },
    /// `relhook install --force` wrote relhook's own shim over husky's runner: relhook's checks
    /// run, `.husky/<hook>` (and whatever else the team put there) never; `relhook install`
    /// puts husky's runner back.
    Forced {
        /// The runner, e.g. `.husky/_/commit-msg`.
        runner: PathBuf,
    },
    /// The file has Windows (CRLF) line endings where they break it: git cannot start it, or
    /// sh fails on its lines (see [`crate::hooks::crlf`]).
    Crlf {
        /// The first line they break.
        #[serde(flatten)]
        crlf: crate::hooks::crlf::Crlf,
        /// Only relhook's own block has them: `relhook install` writes it again.
        ours: bool,
        /// The command that fixes it.
        fix: String,
    },
    /// git runs this file itself (`core.hooksPath` names its directory), and it is not
    /// executable, so git skips it; `relhook install` sets the bit.
    NotExecutable,
    /// relhook cannot write it safely; the user adds these lines.
    Manual {
        /// Why, in one sentence.
        why: String,
        /// The exact text to add.
        snippet: String,
    },
}

/// One hook in a manager's home.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HookWiring {
    /// git's name for the hook.
    pub hook: &'static str,
    /// The manager's file that calls relhook for it.
    pub file: PathBuf,
    /// Its state.
    #[serde(flatten)]
    pub wiring: Wiring,
}

/// Whether relhook keeps `hook` as its own shim in the hooks directory under `manager`, out of
/// the manager's configuration. lefthook prints its banner on every run, and git runs
/// reference-transaction for every ref update (up to five times a commit, twice a `git
/// branch`): as a lefthook section it would print five banners a commit and start lefthook
/// each time. lefthook leaves alone a hook its configuration has no section for. The same for
/// post-applypatch, which git runs once per patch of a `git am`.
pub fn own_shim(manager: Manager, hook: &str) -> bool {
    manager == Manager::Lefthook && matches!(hook, "reference-transaction" | "post-applypatch")
}

/// Whether `backup`, a hook relhook set aside, is lefthook's runner for `hook` while no
/// lefthook configuration has that hook (relhook's own blocks left out): such a runner was
/// left over from a section relhook once wrote, and put back it would only print lefthook's
/// banner. A TOML or JSON configuration that does not parse counts as having the hook.
pub fn leftover_lefthook_runner(loc: &HooksLocation, hook: &str, backup: &Path) -> bool {
    let Some(config) = super::install::detect_managers(loc)
        .into_iter()
        .find(|m| m.manager == Manager::Lefthook)
    else {
        return false;
    };
    if !read_text(backup).contains("lefthook") {
        return false;
    }
    // lefthook merges a local file over the shared one: a section there runs too.
    let local = lefthook::LOCAL_FILES;
    let files = std::iter::once(config.evidence.as_path()).chain(local.iter().map(Path::new));
    !files.filter(|f| loc.work_tree.join(f).exists()).any(|f| {
        let text = read_text(&loc.work_tree.join(f));
        let own_left_out = strip_blocks(&text).unwrap_or(text);
        lefthook::has_hook(f, &own_left_out, hook)
    })
}

/// Whether this manager owns the hooks directory outright (husky, lefthook): relhook then
/// writes only into the manager's files. pre-commit shares `.git/hooks` with relhook's shims.
pub fn owns_hooks(manager: Manager) -> bool {
    matches!(manager, Manager::Husky | Manager::Lefthook)
}

/// Whether `m` is husky while git runs this clone's hooks from elsewhere: `core.hooksPath`
/// is set and names no directory of husky's (a developer's own `git config core.hooksPath
/// .git/hooks`, set over husky's `.husky/_` to opt out of the team's hooks). husky's files
/// then never run here, and relhook installs where git does run hooks, leaving them alone.
pub fn sidelined(loc: &HooksLocation, m: &Detected) -> bool {
    m.manager == Manager::Husky
        && loc
            .hooks_path
            .as_ref()
            .is_some_and(|s| !s.value.replace('\\', "/").contains(".husky"))
}

/// The manager detected here that owns the hooks directory and runs this clone's hooks (see
/// [`owns_hooks`], [`sidelined`]): relhook's calls go into its files.
pub fn in_charge<'a>(loc: &HooksLocation, managers: &'a [Detected]) -> Option<&'a Detected> {
    managers
        .iter()
        .find(|m| owns_hooks(m.manager) && !sidelined(loc, m))
}

/// The managers whose files git runs relhook through here, which doctor judges: the one in
/// charge (the one `install` wires) and pre-commit, which shares the hooks directory. A second
/// manager that would own the hooks (a `lefthook.yml` beside husky's `.husky/_`) runs nothing
/// while the other does, and `install` never writes into its files: judged, its hooks would be
/// missing with a `relhook install` that never fixes them.
pub fn consulted<'a>(loc: &HooksLocation, managers: &'a [Detected]) -> Vec<&'a Detected> {
    let owner = in_charge(loc, managers);
    managers
        .iter()
        .filter(|m| !sidelined(loc, m))
        .filter(|m| !owns_hooks(m.manager) || owner.is_some_and(|o| std::ptr::eq(o, *m)))
        .collect()
}

/// Reads how each of `hooks` stands under `m`. For pre-commit only the hooks its
/// configuration runs relhook for are listed: the others belong to relhook's own shims.
pub fn survey(loc: &HooksLocation, m: &Detected, hooks: &[&'static str]) -> Vec<HookWiring> {
    hooks
        .iter()
        .filter_map(|&hook| {
            let (file, wiring) = match m.manager {
                Manager::Husky => husky_state(loc, hook),
                Manager::Lefthook => lefthook_state(loc, &m.evidence, hook),
                // pre-commit hands its pre-push hooks only the first pushed branch, so release
                // tags stay with relhook's own pre-push shim (which chains pre-commit's).
                Manager::PreCommit if hook == "pre-push" => return None,
                Manager::PreCommit => pre_commit_state(loc, &m.evidence, hook)?,
            };
            Some(HookWiring { hook, file, wiring })
        })
        .collect()
}

pub(super) fn read_text(path: &Path) -> String {
    crate::hooks::link::read_optional(path)
        .ok()
        .flatten()
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default()
}

pub(super) fn calls(text: &str, hook: &str) -> bool {
    text.contains(&format!("relhook hook {hook}"))
}

pub(super) fn is_yaml(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("yml") || e.eq_ignore_ascii_case("yaml"))
}

pub(super) fn has_top_level_key(text: &str, key: &str) -> bool {
    text.lines().any(|l| {
        l.strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    })
}

/// Where in a hook file relhook's block goes: above what reads git's input, for a hook that
/// gets some (the block hands it on).
pub fn where_to_add(hook: &str) -> &'static str {
    if reads_input(hook) {
        ", above anything that reads standard input"
    } else {
        ""
    }
}

/// Whether git hands this hook input on standard input.
pub(super) fn reads_input(hook: &str) -> bool {
    matches!(hook, "pre-push" | "reference-transaction")
}

/// What wiring one hook did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Wired {
    /// The hook.
    pub hook: &'static str,
    /// The file written.
    pub file: PathBuf,
    /// The line that ends the hook, which relhook's call went above (else it went at the end).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub above: Option<String>,
    /// Why the call went above that line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub because: Option<String>,
    /// husky's missing runner for the hook, which relhook added (the file already called it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub runner: Option<PathBuf>,
    /// That runner was husky's, put back over the shim `relhook install --force` had written.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub restored: bool,
}

/// Writes relhook's call into the manager's files for every hook [`survey`] finds missing,
/// moves relhook's block above a line that would end the hook before it, and makes a file
/// git runs itself executable.
pub fn wire(loc: &HooksLocation, m: &Detected, hooks: &[&'static str]) -> Result<Vec<Wired>> {
    let mut done = Vec::new();
    for w in survey(loc, m, hooks) {
        let wired = match (m.manager, &w.wiring) {
            (Manager::Husky, wiring) if husky_wires(wiring) => wire_husky(loc, &w)?,
            (Manager::Husky, Wiring::Forced { runner }) => {
                husky::restore_runner(&loc.work_tree.join(runner))?;
                // With husky's runner back, `.husky/<hook>` is judged as any other time.
                let (_, now) = husky_state(loc, w.hook);
                if husky_wires(&now) {
                    let again = HookWiring {
                        wiring: now,
                        ..w.clone()
                    };
                    wire_husky(loc, &again)?
                } else {
                    None
                }
            }
            // Its own shim: written by `install` beside the manager's (see `own_shim`).
            (Manager::Lefthook, Wiring::Missing) if own_shim(m.manager, w.hook) => continue,
            (Manager::Lefthook, Wiring::Noisy) => {
                let path = loc.work_tree.join(&w.file);
                let text = read_text(&path);
                if let Some(block) = block_of(&text, w.hook) {
                    let rest = format!("{}{}", &text[..block.start], &text[block.end..]);
                    fsx::write_atomic(&path, rest.as_bytes())?;
                }
                continue;
            }
            (Manager::Lefthook, Wiring::Missing) => {
                let block = format!("{BEGIN}\n{}{END}\n", lefthook_section(w.hook));
                append_block(&loc.work_tree.join(&w.file), &block, None)?;
                None
            }
            _ => continue,
        };
        let (above, because) = match wired {
            Some(b) => (Some(b.stop.text.clone()), Some(b.because())),
            None => (None, None),
        };
        let (runner, restored) = match w.wiring {
            Wiring::NoRunner { runner } => (Some(runner), false),
            Wiring::Forced { runner } => (Some(runner), true),
            _ => (None, false),
        };
        done.push(Wired {
            hook: w.hook,
            file: w.file,
            above,
            because,
            runner,
            restored,
        });
    }
    Ok(done)
}

/// Whether `install` writes (or moves) relhook's call in `.husky/<hook>` for this state.
fn husky_wires(wiring: &Wiring) -> bool {
    matches!(
        wiring,
        Wiring::Missing
            | Wiring::NoRunner { .. }
            | Wiring::Unreachable { .. }
            | Wiring::Skipped { .. }
            | Wiring::Muted { .. }
            | Wiring::Starved { .. }
            | Wiring::Late { .. }
            | Wiring::Hoarded { .. }
            | Wiring::NotExecutable
            | Wiring::Crlf { ours: true, .. }
    )
}

fn append_block(path: &Path, block: &str, mode: Option<u32>) -> Result<()> {
    let text = marker::add_block(&read_text(path), path.exists(), block, None, None);
    write_creating_dir(path, &text, mode)
}

pub(super) fn write_creating_dir(path: &Path, text: &str, mode: Option<u32>) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::io("create", dir, e))?;
    }
    fsx::write_atomic_with_mode(path, text.as_bytes(), mode)
}

/// The manager's files relhook may write its blocks into, from the top of the work tree (the
/// pre-commit framework's configuration is never written: relhook's shims chain its scripts).
fn shared_files(loc: &HooksLocation, m: &Detected) -> Vec<PathBuf> {
    match m.manager {
        Manager::Husky => super::HOOKS
            .iter()
            .map(|h| loc.husky_dir().join(h.name))
            .collect(),
        Manager::Lefthook => vec![m.evidence.clone()],
        Manager::PreCommit => Vec::new(),
    }
}

/// The files [`unwire`] would change whose committed version (HEAD) holds a block of
/// relhook's too, edited in this clone or not (the one rule, `HooksLocation::committed_holds`):
/// the team's, which `git status` then shows for someone to commit, and which, committed, take
/// relhook out of every clone. From the top of the work tree, with `/`.
pub fn committed_calls(loc: &HooksLocation, managers: &[Detected]) -> Vec<String> {
    let mut files = Vec::new();
    for m in managers {
        for rel in shared_files(loc, m) {
            let unwired = |text: &str| unwire_text(m.manager, &rel, text).is_some();
            if !unwired(&read_text(&loc.work_tree.join(&rel))) {
                continue;
            }
            let name = rel.to_string_lossy().replace('\\', "/");
            if loc.committed_holds(&name, unwired) {
                files.push(name);
            }
        }
    }
    files
}

/// The manager's file `rel` as uninstall leaves it: without relhook's marked blocks and, in
/// lefthook's configuration (YAML, TOML or JSON), without the commands pasted exactly as
/// install printed them; `None` when it has neither.
fn unwire_text(manager: Manager, rel: &Path, text: &str) -> Option<marker::Unwired> {
    let marked = marker::unwire_text(text);
    if manager != Manager::Lefthook {
        return marked;
    }
    if !is_yaml(rel) {
        let text = lefthook::strip_printed(lefthook::Format::of(rel), text)?;
        return Some(marker::Unwired {
            text,
            blank: false,
            mode: None,
        });
    }
    let rest = marked.as_ref().map_or(text, |u| u.text.as_str());
    match (lefthook::strip_pasted(rest), marked) {
        (Some(text), Some(u)) => Some(marker::Unwired { text, ..u }),
        (Some(text), None) => Some(marker::Unwired {
            text,
            blank: false,
            mode: None,
        }),
        (None, marked) => marked,
    }
}

/// husky's runners that `relhook install --force` wrote relhook's own shim over (from the
/// top): this clone's alone, and put back by a plain `relhook install`.
pub fn forced_runners(loc: &HooksLocation, managers: &[Detected]) -> Vec<PathBuf> {
    if !managers.iter().any(|m| m.manager == Manager::Husky) {
        return Vec::new();
    }
    super::HOOKS
        .iter()
        .filter(|h| h.available)
        .filter_map(|h| match husky_state(loc, h.name).1 {
            Wiring::Forced { runner } => Some(runner),
            _ => None,
        })
        .collect()
}

/// Every file [`unwire`] may change: the managers' files relhook writes its blocks into, and
/// the husky runner it adds.
pub fn may_change(loc: &HooksLocation, managers: &[Detected]) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = managers
        .iter()
        .flat_map(|m| shared_files(loc, m))
        .map(|rel| loc.work_tree.join(rel))
        .collect();
    if managers.iter().any(|m| m.manager == Manager::Husky) {
        let runners = husky_runner_dir(loc);
        files.extend(super::HOOKS.iter().map(|h| runners.join(h.name)));
        files.push(runners.join(".gitignore"));
    }
    files
}

/// Removes every block relhook wrote (and husky runners it added); returns the files changed.
/// A file that held nothing but relhook's block is removed.
pub fn unwire(loc: &HooksLocation, managers: &[Detected]) -> Result<Vec<PathBuf>> {
    let mut changed = Vec::new();
    for m in managers {
        for rel in shared_files(loc, m) {
            let path = loc.work_tree.join(&rel);
            let text = read_text(&path);
            let Some(rest) = unwire_text(m.manager, &rel, &text) else {
                continue;
            };
            if rest.text.trim().is_empty() && !rest.blank {
                // relhook made the file: it goes.
                std::fs::remove_file(&path).map_err(|e| Error::io("remove", &path, e))?;
            } else {
                // Only the executable bits were install's to change.
                let mode = rest.mode.and_then(|before| {
                    let now = fsx::mode_of(&path)?;
                    Some(now & !0o111 | before & 0o111)
                });
                fsx::write_atomic_with_mode(&path, rest.text.as_bytes(), mode)?;
            }
            changed.push(rel);
        }
        if m.manager == Manager::Husky {
            // The runners relhook added: husky writes none for reference-transaction, and one
            // relhook added for a hook on husky's list (any of relhook's, where `.husky/_`
            // lacked it) is marked as its own.
            for hook in super::HOOKS.iter().map(|h| h.name) {
                let runner = husky_runner_dir(loc).join(hook);
                if read_text(&runner) == added_runner(hook) {
                    std::fs::remove_file(&runner).map_err(|e| Error::io("remove", &runner, e))?;
                }
            }
            unwrite_ahead_ignore(&husky_runner_dir(loc))?;
        }
    }
    Ok(changed)
}

/// The `.gitignore` install wrote ahead of husky (husky's text, before husky ever ran: no `h`
/// beside it), and the directory, when nothing else is left there; one husky or anyone else
/// wrote, or a directory holding anything more, stays.
fn unwrite_ahead_ignore(runners: &Path) -> Result<()> {
    let ignore = runners.join(".gitignore");
    if runners.join("h").exists() || read_text(&ignore) != "*" {
        return Ok(());
    }
    let Ok(entries) = std::fs::read_dir(runners) else {
        return Ok(());
    };
    if entries.count() != 1 {
        return Ok(());
    }
    std::fs::remove_file(&ignore).map_err(|e| Error::io("remove", &ignore, e))?;
    std::fs::remove_dir(runners).map_err(|e| Error::io("remove", runners, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Only a runner for a hook no lefthook configuration has (relhook's blocks aside) is a
    /// leftover; a section in the shared or the local file, a backup that is not lefthook's,
    /// or a configuration relhook does not read keeps it.
    #[test]
    fn a_lefthook_runner_is_leftover_only_without_its_section() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let loc = HooksLocation {
            work_tree: dir.to_owned(),
            common_dir: dir.join(".git"),
            hooks_dir: dir.join(".git/hooks"),
            hooks_path: None,
        };
        let backup = dir.join("reference-transaction.relhook-orig");
        let hook = "reference-transaction";
        let ours = format!("{BEGIN}\n{}{END}\n", lefthook_section(hook));
        let yml = dir.join("lefthook.yml");
        std::fs::write(&backup, "#!/bin/sh\ncall_lefthook run \"$HOOK\"\n").unwrap();
        assert!(
            !leftover_lefthook_runner(&loc, hook, &backup),
            "no lefthook"
        );
        std::fs::write(&yml, format!("pre-commit:\n  jobs: []\n{ours}")).unwrap();
        assert!(leftover_lefthook_runner(&loc, hook, &backup));
        std::fs::write(
            dir.join("lefthook-local.yml"),
            format!("{hook}:\n  jobs: []\n"),
        )
        .unwrap();
        assert!(
            !leftover_lefthook_runner(&loc, hook, &backup),
            "local section"
        );
        std::fs::remove_file(dir.join("lefthook-local.yml")).unwrap();
        std::fs::write(&yml, format!("{hook}:\n  jobs: []\n")).unwrap();
        assert!(
            !leftover_lefthook_runner(&loc, hook, &backup),
            "its section"
        );
        std::fs::write(&yml, "pre-commit:\n  jobs: []\n").unwrap();
        std::fs::write(&backup, "#!/bin/sh\nexit 0\n").unwrap();
        assert!(
            !leftover_lefthook_runner(&loc, hook, &backup),
            "not lefthook's"
        );
        std::fs::remove_file(&yml).unwrap();
        std::fs::write(dir.join("lefthook.toml"), "[pre-commit]\n").unwrap();
        std::fs::write(&backup, "#!/bin/sh\nlefthook run\n").unwrap();
        assert!(
            leftover_lefthook_runner(&loc, hook, &backup),
            "TOML without it"
        );
        std::fs::write(dir.join("lefthook.toml"), format!("[{hook}.commands.x]\n")).unwrap();
        assert!(
            !leftover_lefthook_runner(&loc, hook, &backup),
            "TOML with it"
        );
        std::fs::write(dir.join("lefthook.toml"), "[unclosed\n").unwrap();
        assert!(
            !leftover_lefthook_runner(&loc, hook, &backup),
            "unreadable TOML"
        );
    }

    #[test]
    fn a_hooks_block_is_found_by_its_key() {
        let section = |hook| format!("{BEGIN}\n{}{END}\n", lefthook_section(hook));
        let text = format!(
            "pre-commit:\n  commands: {{}}\n{}{}",
            section("post-commit"),
            section("reference-transaction")
        );
        let found = block_of(&text, "reference-transaction").unwrap();
        assert_eq!(&text[found.clone()], section("reference-transaction"));
        assert_eq!(found.end, text.len());
        assert_eq!(
            block_of(&text, "post-commit").map(|r| r.start),
            text.find(BEGIN)
        );
        assert_eq!(block_of(&text, "pre-push"), None);
        assert_eq!(
            block_of("reference-transaction:\n", "reference-transaction"),
            None
        );
    }

    #[test]
    fn blocks_strip_back_to_the_users_text() {
        let user = "npx commitlint --edit \"$1\"\n";
        let with = format!("{user}{}", husky::husky_block("commit-msg", false));
        assert_eq!(strip_blocks(&with).as_deref(), Some(user));
        assert_eq!(strip_blocks(user), None);
        assert!(calls(&with, "commit-msg"));
    }

    #[test]
    fn lefthook_sections_pass_arguments_and_stdin() {
        let s = lefthook_section("pre-push");
        assert!(
            s.starts_with("pre-push:\n  commands:\n    relhook:\n"),
            "{s}"
        );
        assert!(s.contains("relhook hook pre-push {1} {2}; fi\n      use_stdin: true\n"));
        assert!(!lefthook_section("post-commit").contains("use_stdin"));
        assert!(has_top_level_key("pre-push:\n  x: 1\n", "pre-push"));
        assert!(!has_top_level_key("  pre-push:\n", "pre-push"));
        assert!(!has_top_level_key("pre-push-x: 1\n", "pre-push"));
    }
}
