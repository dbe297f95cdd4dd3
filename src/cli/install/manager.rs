//! What `relhook install` did in a hook manager's home (husky, lefthook), or beside one
//! (pre-commit), in words.

use std::io::Write;

use crate::git::HooksLocation;
use crate::hooks::install::{Action, Change, Detected};
use crate::hooks::managed::{self, Wiring};

/// The note for pre-commit, which shares the hooks directory with relhook's shims, and what
/// relhook could not tell from its configuration.
pub(super) fn write_pre_commit_note(
    out: &mut dyn Write,
    m: &Detected,
    managers: &[Detected],
    loc: &HooksLocation,
    dir: &str,
) -> std::io::Result<()> {
    writeln!(
        out,
        "note: pre-commit ({}) shares {dir}: relhook's shims run its scripts (first; post-commit's after relhook's part), and a later `pre-commit install` keeps relhook's as <hook>.legacy and still runs it",
        super::shown(&m.evidence)
    )?;
    // Read as pre-commit reads it: a file it refuses runs relhook nowhere.
    let calls = managed::pre_commit_entries(loc, managers);
    if let Some(why) = calls.as_ref().and_then(|c| c.unreadable.as_ref()) {
        writeln!(
            out,
            "note: {} {why}, so relhook cannot tell which hooks it runs relhook for: relhook's shims took them all, and pre-commit refuses the file until it is fixed",
            super::shown(&m.evidence)
        )?;
    }
    if let Some(hidden) = calls.as_ref().and_then(managed::PreCommitCalls::hidden) {
        writeln!(out, "note: {}: {}", hidden.detail, hidden.fix)?;
    }
    Ok(())
}

/// What install left for the user in a manager's home.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Left {
    /// Nothing: every hook runs relhook.
    Nothing,
    /// Hooks wired where the manager does not run them until its set-up command has run
    /// (husky before its `prepare`): `pending` names the first such command.
    Pending,
    /// A hook not wired.
    NotWired,
}

/// Words what install did in a manager's home, and what it left for the user.
pub(super) fn write_via_manager(
    out: &mut dyn Write,
    manager: &Detected,
    wired: &[managed::Wired],
    survey: &[managed::HookWiring],
    shims: &[Change<Action>],
    loc: &HooksLocation,
) -> std::io::Result<(Left, Option<String>)> {
    let name = manager.manager.name();
    writeln!(
        out,
        "{name} runs the hooks here ({}): relhook's calls go into {name}'s own files",
        super::shown(&manager.evidence)
    )?;
    let mut left = false;
    let mut pending = false;
    let mut commands: Vec<&str> = Vec::new();
    for w in survey {
        let file = w.file.display();
        let now = wired.iter().any(|x| x.hook == w.hook);
        match &w.wiring {
            Wiring::Wired if now => {
                let done = wired.iter().find(|x| x.hook == w.hook);
                if let Some(x) = done.filter(|x| x.restored) {
                    let runner = x.runner.as_deref().unwrap_or(std::path::Path::new(""));
                    writeln!(
                        out,
                        "{}: put husky's runner back in {} (`relhook install --force` had written relhook's shim there), so git runs {file}",
                        w.hook,
                        runner.display()
                    )?;
                    continue;
                }
                if let Some(runner) = done.and_then(|x| x.runner.as_ref()) {
                    writeln!(
                        out,
                        "{}: added husky's missing runner {}, so git runs {file}",
                        w.hook,
                        runner.display()
                    )?;
                    continue;
                }
                match done.map(|x| (&x.above, &x.because)) {
                    Some((Some(line), Some(because))) => writeln!(
                        out,
                        "{}: wired in {file}, above `{line}`, {because}",
                        w.hook
                    )?,
                    _ => writeln!(out, "{}: wired in {file}", w.hook)?,
                }
            }
            Wiring::Wired => writeln!(out, "{}: {file} already calls relhook", w.hook)?,
            Wiring::Forced { runner } if now => writeln!(
                out,
                "{}: put husky's runner back in {} (`relhook install --force` had written relhook's shim there), so git runs {file}, which calls relhook",
                w.hook,
                runner.display()
            )?,
            Wiring::Forced { runner } => {
                left = true;
                writeln!(
                    out,
                    "{}: NOT wired: git runs {}, relhook's own shim (`relhook install --force`), so {file} never runs",
                    w.hook,
                    runner.display()
                )?;
            }
            Wiring::Shim { shared } => {
                let dir = super::rel(&loc.hooks_dir, &loc.work_tree);
                let whose = if *shared {
                    format!(
                        "{file} calls relhook too, and {name} runs that once `{name} install` puts its own hook here"
                    )
                } else {
                    format!(
                        "{name} leaves it alone ({file} has no {} section)",
                        managed::LefthookFormat::of(&w.file).section_name(w.hook)
                    )
                };
                match shims.iter().find(|c| c.hook == w.hook).map(|c| &c.action) {
                    Some(Action::Updated { reason }) => writeln!(
                        out,
                        "updated {} in {dir} ({reason}): relhook's own hook runs it; {whose}",
                        w.hook
                    )?,
                    Some(Action::HandEdited { file, line, text }) => {
                        left = true;
                        writeln!(
                            out,
                            "{}: NOT updated: {dir}/{} has {}, {}",
                            w.hook,
                            w.hook,
                            crate::hooks::added_below(file, *line, text),
                            crate::hooks::APPENDED_WHY
                        )?
                    }
                    Some(Action::ChangedInside { file, line, text }) => {
                        left = true;
                        let file = super::rel(file, &loc.work_tree);
                        writeln!(out, "{}", not_updated(w.hook, &file, *line, text))?
                    }
                    _ => writeln!(
                        out,
                        "{}: relhook's own hook in {dir} runs it; {whose}",
                        w.hook
                    )?,
                }
            }
            // Not run until the manager sets the hook up: nothing checks commits yet, so the
            // exit says so (as doctor's MISSING does), for `relhook install && …`.
            Wiring::Inactive { command } => {
                pending = true;
                let verb = if now { "wired in" } else { "already in" };
                writeln!(
                    out,
                    "{} {verb} {file}; {name} runs it once you run `{command}`",
                    w.hook
                )?;
                if !commands.contains(&command.as_str()) {
                    commands.push(command);
                }
            }
            Wiring::Missing
            | Wiring::Noisy
            | Wiring::NoRunner { .. }
            | Wiring::NotExecutable
            | Wiring::Unreachable { .. }
            | Wiring::Skipped { .. }
            | Wiring::Muted { .. }
            | Wiring::Starved { .. }
            | Wiring::Late { .. }
            | Wiring::Hoarded { .. } => {
                left = true;
                writeln!(out, "{}: NOT wired in {file}", w.hook)?;
            }
            Wiring::RunnerReplaced { runner, owner } => {
                left = true;
                writeln!(
                    out,
                    "{}: NOT wired: git runs {}, which is {owner} now, not husky's runner, so {file} never runs; `npx husky` writes the runner back (move what that file did into {file}, e.g. git-lfs's `git lfs {} \"$@\"`)",
                    w.hook,
                    runner.display(),
                    w.hook
                )?;
            }
            Wiring::Crlf { crlf, fix, .. } => {
                left = true;
                writeln!(
                    out,
                    "{}: NOT wired: {}: {}. Fix: {fix}",
                    w.hook,
                    crlf.describe(&file.to_string()),
                    crlf.costs(w.hook)
                )?;
            }
            Wiring::Manual { why, snippet } => {
                left = true;
                let at = crate::hooks::managed::where_to_add(w.hook);
                // As they are: pasted, their indentation is the file's (doctor prints the same).
                writeln!(out, "{}: NOT wired: {why}. Add to {file}{at}:\n", w.hook)?;
                writeln!(out, "{snippet}")?;
            }
        }
    }
    let hand_tags = survey.iter().any(|w| {
        w.hook == "reference-transaction"
            && matches!(
                w.wiring,
                Wiring::Wired | Wiring::Inactive { .. } | Wiring::Shim { .. }
            )
    });
    if !hand_tags {
        writeln!(
            out,
            "note: hand tags (`git tag -a vX.Y.Z`) are not checked or turned into releases here: reference-transaction is not wired; use `relhook release`, and pre-push still refuses a bad release tag"
        )?;
    }
    // Only files the team would see change: a runner put back or added in husky's ignored
    // `.husky/_` is this clone's, and a file already committed as it is needs no commit.
    // (`git status`, as the user sees it: line-ending conversion and filters applied.)
    // Each file once: lefthook.yml carries several hooks' blocks.
    let mut files: Vec<String> = Vec::new();
    for x in wired {
        let file = x.file.to_string_lossy().replace('\\', "/");
        if !files.contains(&file) {
            files.push(file);
        }
    }
    let mut status = vec!["--literal-pathspecs", "status", "--porcelain", "--"];
    status.extend(files.iter().map(String::as_str));
    let to_commit = !files.is_empty() && loc.git(&status).map_or(true, |o| !o.trim().is_empty());
    if to_commit {
        writeln!(
            out,
            "commit these files so the team runs relhook too (`{}`); each call is guarded with `command -v relhook`, so a teammate without relhook is not blocked",
            commit_command(loc, &files)
        )?;
    }
    // `npx husky && relhook install` runs `npx husky` too: one line, not both.
    let run_by_another = |c: &str| {
        commands.iter().any(|o| {
            o.strip_prefix(c)
                .is_some_and(|rest| rest.starts_with(" && "))
        })
    };
    // Until the manager is set up, git runs none of relhook's hooks here: said, with the way
    // to have them now (a fresh clone before `npm install`, trying relhook out).
    // (Only the hooks the manager runs: relhook's reference-transaction stays its own.)
    let force = "`relhook install --force` puts them in .git/hooks meanwhile";
    for c in commands.iter().filter(|c| !run_by_another(c)) {
        match crate::hooks::managed::lefthook_missing(c, &loc.work_tree) {
            Some(why) => writeln!(out, "then run `{c}`; {why} ({force})")?,
            None => writeln!(
                out,
                "then run `{c}`; until then the hooks it sets up for relhook do not run in this clone ({force})"
            )?,
        }
    }
    let left = match (left, pending) {
        (true, _) => Left::NotWired,
        (false, true) => Left::Pending,
        (false, false) => Left::Nothing,
    };
    let first = commands
        .iter()
        .find(|c| !run_by_another(c))
        .map(|c| (*c).to_owned());
    Ok((left, first))
}

/// The command that commits the manager's files install wired (`files` from the top) and
/// nothing else staged, pasted in whichever folder install ran (`:/` below the top).
fn commit_command(loc: &crate::git::HooksLocation, files: &[String]) -> String {
    let real = |p: &std::path::Path| p.canonicalize().unwrap_or_else(|_| p.to_owned());
    let below = std::env::current_dir().is_ok_and(|cwd| real(&cwd) != real(&loc.work_tree));
    let paths: Vec<String> = files
        .iter()
        .map(|f| crate::shellword::pathspec(std::path::Path::new(f), below))
        .collect();
    let paths = paths.join(" ");
    let config = crate::config::Config::load(&loc.work_tree).unwrap_or_default();
    let commit =
        crate::commit::advised::commit(&config.commit, "chore", None, "run relhook from the hooks");
    format!("git add {paths} && {commit} -- {paths}")
}

/// Install's line for a shim with lines changed by hand inside it (`file` from the top).
pub(super) fn not_updated(name: &str, file: &str, line: usize, text: &str) -> String {
    format!(
        "{name}: NOT updated: {file} has {}, which writing relhook's shim again would lose; keep what you need of it elsewhere and remove it (`rm {}`), then run `relhook install` again",
        crate::hooks::edited::changed_note(line, text),
        crate::shellword::below_top(std::path::Path::new(file))
    )
}
