//! One hook in a hook manager's home (husky, lefthook, pre-commit): relhook's call in the
//! manager's file, judged exactly as `install` judges it.

use super::hooks::lost;
use super::{Check, Status, check};
use crate::hooks::managed::where_to_add;

/// One hook in a manager's home, judged exactly as `install` judges it.
pub(super) fn wiring_check(
    manager: &str,
    w: &crate::hooks::managed::HookWiring,
    top: &std::path::Path,
) -> Check {
    use crate::hooks::managed::Wiring;
    let subject = format!("hook {} (via {manager})", w.hook);
    let file = w.file.display();
    let unchecked = if w.hook == "reference-transaction" {
        "; hand tags (`git tag -a vX.Y.Z`) are not checked or turned into releases"
    } else {
        ""
    };
    match &w.wiring {
        Wiring::Wired
            if manager == "lefthook"
                && !crate::hooks::managed::lefthook_runs(&top.join(&w.file)) =>
        {
            check(
                &subject,
                Status::Missing,
                format!(
                    "{file} calls relhook, and lefthook's runner is installed, {}",
                    crate::hooks::managed::lefthook_runner_finds_none(top)
                ),
                None,
            )
        }
        Wiring::Wired | Wiring::Shim { .. } => check(
            &subject,
            Status::Ok,
            format!("{manager} runs relhook for it ({file})"),
            None,
        ),
        Wiring::Forced { runner } => check(
            &subject,
            Status::Shadowed,
            format!(
                "git runs {}, relhook's own shim since `relhook install --force`: relhook's checks run, but {file} (husky's part of the hook, and anything else in it) never does",
                runner.display()
            ),
            Some(
                "relhook install (puts husky's runner back; relhook runs from {file} then)"
                    .replace("{file}", &file.to_string()),
            ),
        ),
        Wiring::Inactive { command } => check(
            &subject,
            Status::Missing,
            format!(
                "{file} calls relhook, but {manager} has not installed {} in this clone{unchecked}{}",
                w.hook,
                crate::hooks::managed::lefthook_missing(command, top)
                    .map_or(String::new(), |why| format!("; {why}"))
            ),
            Some(command.clone()),
        ),
        Wiring::Missing => check(
            &subject,
            Status::Missing,
            format!(
                "nothing in {manager}'s files calls relhook for {}{unchecked}",
                w.hook
            ),
            Some("relhook install".into()),
        ),
        Wiring::Noisy => check(
            &subject,
            Status::Stale,
            format!(
                "{file} runs relhook for {} through {manager}, which prints its banner on each of git's ref updates (several a commit); relhook's own hook belongs in the hooks directory",
                w.hook
            ),
            Some(format!("relhook install (takes the section out of {file})")),
        ),
        Wiring::Unreachable { line, text } => check(
            &subject,
            Status::Shadowed,
            format!(
                "{file} calls relhook below line {line} (`{text}`), which ends the hook: relhook never runs{unchecked}"
            ),
            Some(format!(
                "relhook install (moves the call above line {line})"
            )),
        ),
        Wiring::Skipped { line, text } => check(
            &subject,
            Status::Shadowed,
            format!(
                "{file} calls relhook below line {line} (`{text}`), which may end the hook: relhook does not run when it does{unchecked}"
            ),
            Some(format!(
                "relhook install (moves the call above line {line})"
            )),
        ),
        Wiring::Muted { line, text, to } => check(
            &subject,
            Status::Shadowed,
            format!(
                "{file} calls relhook below line {line} (`{text}`), which sends the hook's error output to {to}, so relhook's messages (why it refused a commit, a push or a tag) never reach you{unchecked}"
            ),
            Some(format!(
                "relhook install (moves the call above line {line})"
            )),
        ),
        Wiring::Starved { line, text } => check(
            &subject,
            Status::Shadowed,
            format!(
                "{file} calls relhook below line {line} (`{text}`), and git's refs can be read only once: a command above the call that reads them (git-lfs's does) leaves relhook none to check, and the push goes out unchecked"
            ),
            Some("relhook install (moves the call to the top, where it hands the refs on)".into()),
        ),
        Wiring::Late { line, text } => check(
            &subject,
            Status::Warning,
            format!(
                "{file} calls relhook below line {line} (`{text}`): relhook's part amends the commit to carry its changelog entry, so the lines above the call act on the commit before it (a note, a log or a push of HEAD misses the entry)"
            ),
            Some("relhook install (moves the call to the top)".into()),
        ),
        Wiring::Hoarded { line, text } => check(
            &subject,
            Status::Shadowed,
            format!(
                "relhook's call in {file} reads git's refs without handing them on, so line {line} below it (`{text}`) gets none (git-lfs's pre-push then uploads nothing)"
            ),
            Some("relhook install (writes the call again at the top, handing the refs on)".into()),
        ),
        Wiring::NoRunner { runner } => check(
            &subject,
            Status::Missing,
            format!(
                "{file} calls relhook, but husky has no {} runner, so git never runs {file}: husky writes runners only for its own list of hooks, which lacks {}{unchecked}",
                runner.display(),
                w.hook
            ),
            Some(format!(
                "relhook install (adds {} beside husky's runners; husky's `prepare` keeps it, a fresh clone needs it again)",
                runner.display()
            )),
        ),
        Wiring::RunnerReplaced { runner, owner } => check(
            &subject,
            Status::Shadowed,
            format!(
                "git runs {}, which is {owner} now, not husky's runner: {file}, and relhook's call in it, never run ({}){unchecked}",
                runner.display(),
                lost(w.hook)
            ),
            Some(format!(
                "npx husky (writes husky's runner back){}",
                if owner.starts_with("git-lfs") {
                    format!(
                        "; git-lfs's line, `git lfs {} \"$@\"`, then goes into {file}",
                        w.hook
                    )
                } else {
                    String::new()
                }
            )),
        ),
        Wiring::NotExecutable => check(
            &subject,
            Status::Shadowed,
            format!("{file} calls relhook, but git skips it: it is not executable{unchecked}"),
            Some("relhook install (makes it executable)".into()),
        ),
        Wiring::Crlf { crlf: c, fix, .. } => check(
            &subject,
            Status::Broken,
            format!("{}: {}", c.describe(&file.to_string()), c.costs(w.hook)),
            Some(fix.clone()),
        ),
        Wiring::Manual { why, snippet } => check(
            &subject,
            Status::Missing,
            format!("{why}{unchecked}"),
            Some(format!("add to {file}{}:\n{snippet}", where_to_add(w.hook))),
        ),
    }
}

/// pre-commit's configuration when pre-commit cannot read it: which hooks it runs relhook for
/// cannot be told (install and uninstall say the same), and pre-commit refuses it too.
pub(super) fn pre_commit_unreadable(
    loc: &crate::git::HooksLocation,
    managers: &[crate::hooks::install::Detected],
) -> Option<Check> {
    let calls = crate::hooks::managed::pre_commit_entries(loc, managers)?;
    let why = calls.unreadable?;
    Some(check(
        "pre-commit",
        Status::Warning,
        format!(
            "{} {why}, so relhook cannot tell which hooks it runs relhook for and judges its own shims for all of them; pre-commit refuses the file until it is fixed",
            calls.file.display()
        ),
        None,
    ))
}

/// The entries of pre-commit's configuration that call relhook for a hook pre-commit never
/// runs them for, one line each: relhook's own shim takes that hook (and is judged as such).
pub(super) fn pre_commit_idle(
    loc: &crate::git::HooksLocation,
    managers: &[crate::hooks::install::Detected],
) -> Vec<Check> {
    let Some(calls) = crate::hooks::managed::pre_commit_entries(loc, managers) else {
        return Vec::new();
    };
    let file = calls.file.display();
    let mut checks = Vec::new();
    for e in &calls.idle {
        let at = match e.lines {
            (first, last) if first == last => format!("line {first}"),
            (first, last) => format!("lines {first}-{last}"),
        };
        let entry = match e.id.as_str() {
            "" => format!("an entry with no id ({at})"),
            id => format!("entry `{id}` ({at})"),
        };
        for (hook, why) in &e.idle {
            checks.push(check(
                "pre-commit",
                Status::Warning,
                format!(
                    "{file}'s {entry} does not run relhook for {hook}: {}; relhook's own shim runs {hook}",
                    why.why(hook)
                ),
                None,
            ));
        }
    }
    checks
}

/// The entries of pre-commit's configuration that run relhook without `verbose: true`, in one
/// warning: pre-commit hides everything relhook prints when they pass.
pub(super) fn pre_commit_hidden(
    loc: &crate::git::HooksLocation,
    managers: &[crate::hooks::install::Detected],
) -> Option<Check> {
    let hidden = crate::hooks::managed::pre_commit_entries(loc, managers)?.hidden()?;
    Some(check(
        "pre-commit",
        Status::Warning,
        hidden.detail,
        Some(hidden.fix),
    ))
}
