//! husky's files: relhook's marked block in `.husky/<hook>` (above the first line that ends
//! the hook, or at the end), the runner husky lacks (`.husky/_/reference-transaction`), and how
//! each hook stands there.

use std::path::{Path, PathBuf};

use super::marker;
use super::place::{Barrier, Why, above_call, hoarded, placement};
use super::{BEGIN, END};
use super::{HookWiring, Wiring, calls, read_text, reads_input, strip_blocks, write_creating_dir};
use crate::git::HooksLocation;
use crate::hooks::crlf;
use crate::hooks::script::Stop;
use crate::{Result, fsx};

/// husky's per-hook runner, as husky 9 writes it into `.husky/_/<hook>`.
pub(super) const HUSKY_RUNNER: &str = "#!/usr/bin/env sh\n. \"$(dirname \"$0\")/h\"";

/// The runner relhook adds for a hook on husky's list whose runner husky did not write (an
/// older husky 9): marked, so that `uninstall` takes out this one and never husky's own.
pub(super) const ADDED_RUNNER: &str =
    "#!/usr/bin/env sh\n. \"$(dirname \"$0\")/h\"\n# added by relhook install\n";

/// The runner relhook writes for `hook` where husky wrote none: husky's own text for
/// reference-transaction, which no husky writes; else [`ADDED_RUNNER`].
pub(super) fn added_runner(hook: &str) -> &'static str {
    if hook == "reference-transaction" {
        HUSKY_RUNNER
    } else {
        ADDED_RUNNER
    }
}

/// husky's runner directory: `core.hooksPath` when it points into `.husky`, else `.husky/_`.
pub(super) fn husky_runner_dir(loc: &HooksLocation) -> PathBuf {
    match &loc.hooks_path {
        Some(s) if s.value.replace('\\', "/").contains(".husky") => loc.hooks_dir.clone(),
        _ => loc.work_tree.join(loc.husky_dir()).join("_"),
    }
}

pub(super) fn husky_state(loc: &HooksLocation, hook: &'static str) -> (PathBuf, Wiring) {
    let rel = loc.husky_dir().join(hook);
    let path = loc.work_tree.join(&rel);
    let text = read_text(&path);
    // Pasted above the hook's own lines, a block that reads git's input must hand it on.
    let manual = |why: String| Wiring::Manual {
        why,
        snippet: husky_block(hook, reads_input(hook)),
    };
    if let Some(broken) = crlf_state(&rel, &text, runs_husky_dir_itself(loc)) {
        return (rel, broken);
    }
    // `relhook install --force` wrote relhook's shim over husky's runner: git runs it, and
    // `.husky/<hook>` never, whatever that file holds.
    if !runs_husky_dir_itself(loc) {
        let runner = husky_runner_dir(loc).join(hook);
        if crate::hooks::recognise(read_text(&runner).as_bytes()).is_some() {
            let shown = runner.strip_prefix(&loc.work_tree).unwrap_or(&runner);
            let runner = shown.to_owned();
            return (rel, Wiring::Forced { runner });
        }
    }
    if !calls(&text, hook) {
        return match placement(&text, hook) {
            Ok(_) => (rel, Wiring::Missing),
            Err(why) => (rel.clone(), manual(format!("{} {why}", rel.display()))),
        };
    }
    if let Some(Barrier { stop, why }) = above_call(&text, hook) {
        // Only relhook's own block is relhook's to move; a call the team wrote stays theirs.
        let movable = strip_blocks(&text)
            .is_some_and(|rest| !calls(&rest, hook) && placement(&rest, hook).is_ok());
        let (line, text) = (stop.line, stop.text);
        if !movable {
            let what = match &why {
                Why::Ends => "which ends the hook, so relhook never runs".to_owned(),
                Why::MayEnd => "which may end the hook, so relhook does not run when it does".to_owned(),
                Why::Mutes(to) => format!(
                    "which sends the hook's error output to {to}, so relhook's errors never reach you"
                ),
                Why::Input => "and git's refs can be read only once: a command above the call that reads them (git-lfs's does) leaves relhook none to check".to_owned(),
                Why::Amends => "and relhook's part amends the commit to carry its changelog entry: the lines above the call act on the commit before it (a note, a log or a push of HEAD misses the entry)".to_owned(),
            };
            let why = format!(
                "{} calls relhook below line {line} (`{text}`), {what}: the call must come above that line, as in the lines below",
                rel.display(),
            );
            return (rel, manual(why));
        }
        return match why {
            Why::Ends => (rel, Wiring::Unreachable { line, text }),
            Why::MayEnd => (rel, Wiring::Skipped { line, text }),
            Why::Mutes(to) => (rel, Wiring::Muted { line, text, to }),
            Why::Input => (rel, Wiring::Starved { line, text }),
            Why::Amends => (rel, Wiring::Late { line, text }),
        };
    }
    if let Some(Stop { line, text, .. }) = hoarded(&text, hook) {
        return (rel, Wiring::Hoarded { line, text });
    }
    if runs_husky_dir_itself(loc) {
        // No runner in between (husky 4-style or a team's own `.husky`): git runs this file.
        if !crate::hooks::install::is_executable(&path) {
            return (rel, Wiring::NotExecutable);
        }
        return (rel, Wiring::Wired);
    }
    let runners = husky_runner_dir(loc);
    if !runners.join("h").is_file() {
        // husky writes no runner for a hook off its own list (reference-transaction): the fix
        // names relhook's part too, or it leaves hand tags unchecked and names a second fix;
        // not where install wrote that runner ahead of husky (see [`runner_ahead`]).
        let command = match hook {
            "reference-transaction" if !runners.join(hook).is_file() => {
                format!("{} && relhook install", activation(loc))
            }
            _ => activation(loc).into(),
        };
        return (rel, Wiring::Inactive { command });
    }
    let runner = runners.join(hook);
    if !runner.is_file() {
        // husky's runners lack this hook (reference-transaction): relhook install adds it.
        let runner = runner.strip_prefix(&loc.work_tree).unwrap_or(&runner);
        let runner = runner.to_owned();
        return (rel, Wiring::NoRunner { runner });
    }
    // Another tool wrote over husky's runner (`git lfs install --force` writes into the hooks
    // directory, `.husky/_`): git runs that file, and `.husky/<hook>` never.
    let runner_text = read_text(&runner);
    if !runner_text.contains("/h\"") && !runner_text.contains("husky") {
        let shown = runner.strip_prefix(&loc.work_tree).unwrap_or(&runner);
        let owner = crate::hooks::aside::whose(runner_text.as_bytes()).to_owned();
        return (
            rel,
            Wiring::RunnerReplaced {
                runner: shown.to_owned(),
                owner,
            },
        );
    }
    // git starts the runner, which sources `h`: both are husky's, and `npx husky` writes them.
    for (name, started) in [(hook, true), ("h", false)] {
        let runner = runners.join(name);
        if let Some(crlf) = crlf::find(read_text(&runner).as_bytes(), started) {
            let shown = runner.strip_prefix(&loc.work_tree).unwrap_or(&runner);
            let fix = match hook {
                "reference-transaction" if name == hook => format!(
                    "rm {}; relhook install (writes it again)",
                    crate::hooks::doctor::shell_word(shown)
                ),
                _ => format!("{} (writes husky's runners again)", activation(loc)),
            };
            let (ours, file) = (false, shown.to_owned());
            return (file, Wiring::Crlf { crlf, ours, fix });
        }
    }
    (rel, Wiring::Wired)
}

/// The fix for a hook whose husky file does not call relhook yet, where husky is not set up
/// in this clone (`core.hooksPath` does not point into `.husky`): `relhook install` alone
/// writes the call and exits 1, since git runs none of husky's files until husky's own set-up
/// does (QA306). `None` where husky is set up (`relhook install` is the whole fix).
pub fn unset_fix(loc: &HooksLocation) -> Option<String> {
    let set_up = loc
        .hooks_path
        .as_ref()
        .is_some_and(|s| s.value.replace('\\', "/").contains(".husky"));
    (!set_up).then(|| format!("{} && relhook install", activation(loc)))
}

/// The command that makes husky run the hooks in a clone: `npx husky` from husky 9 on; before
/// that (husky 7 and 8, whose hooks source `.husky/_/husky.sh`), `npx husky install`, since
/// plain `npx husky` only prints husky's usage there.
fn activation(loc: &HooksLocation) -> &'static str {
    if husky_before_9(&loc.work_tree, &loc.husky_dir()) {
        "npx husky install"
    } else {
        "npx husky"
    }
}

/// Whether the project uses husky 7 or 8: a hook that sources `_/husky.sh`, or a husky
/// requirement in package.json whose major version is below 9.
fn husky_before_9(root: &Path, husky: &Path) -> bool {
    let sources_helper = std::fs::read_dir(root.join(husky)).is_ok_and(|dir| {
        dir.flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .any(|e| read_text(&e.path()).contains("/_/husky.sh"))
    });
    sources_helper || {
        let manifest = read_text(&root.join("package.json"));
        let required = manifest
            .split("\"husky\"")
            .skip(1)
            .find_map(|rest| rest.trim_start().strip_prefix(':'))
            .and_then(|rest| rest.trim_start().strip_prefix('"'))
            .map(|v| v.trim_start_matches(|c: char| !c.is_ascii_digit()));
        required
            .and_then(|v| v.split(|c: char| !c.is_ascii_digit()).next())
            .and_then(|major| major.parse::<u32>().ok())
            .is_some_and(|major| major < 9)
    }
}

/// A husky file whose line endings break it: relhook's own block is relhook's to write again
/// (with LF endings); the team's lines are theirs to convert.
fn crlf_state(rel: &Path, text: &str, started: bool) -> Option<Wiring> {
    let crlf = crlf::find(text.as_bytes(), started)?;
    let ours =
        strip_blocks(text).is_some_and(|rest| crlf::find(rest.as_bytes(), started).is_none());
    let fix = if ours {
        "relhook install (writes relhook's block again, with LF line endings)".to_owned()
    } else {
        format!(
            "{} (converts it to LF line endings), then relhook install; `.husky/* text eol=lf` in .gitattributes keeps a checkout from bringing CRLF back",
            crlf::convert_command(rel)
        )
    };
    Some(Wiring::Crlf { crlf, ours, fix })
}

/// Whether `core.hooksPath` names `.husky` itself, so that git runs `.husky/<hook>` directly
/// (husky 9 points it at `.husky/_`, whose runners source the files in `.husky`).
fn runs_husky_dir_itself(loc: &HooksLocation) -> bool {
    let real = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_owned());
    loc.hooks_path.is_some() && real(&loc.hooks_dir) == real(&loc.work_tree.join(loc.husky_dir()))
}

/// The guarded call for a shell file (husky). A teammate without relhook is not blocked; the
/// commit-msg check says once per commit that it was skipped. A failing relhook ends the hook
/// where it stands (as husky's `sh -e` does, and as git needs when it runs the file itself).
/// `keep_input`: lines below the block may read git's standard input too (pre-push's refs),
/// so relhook reads a copy and they read the input again. The copy goes where a file can be
/// made: `TMPDIR` (a stale one is common), else /tmp, else the git dir, which a ref update
/// writes anyway.
pub(super) fn husky_block(hook: &str, keep_input: bool) -> String {
    let otherwise = if hook == "commit-msg" {
        "else\n  echo \"relhook is not on PATH: commit message not checked\" >&2\n"
    } else {
        ""
    };
    let call = if keep_input {
        format!(
            "  relhook_input=$(mktemp \"${{TMPDIR:-/tmp}}/relhook.XXXXXX\" 2>/dev/null || mktemp /tmp/relhook.XXXXXX 2>/dev/null || mktemp \"$(git rev-parse --git-common-dir)/relhook-input.XXXXXX\") || {{ echo \"relhook: no folder takes a temporary copy of this hook's input (TMPDIR, /tmp, the git dir); set TMPDIR to a writable folder, or RELHOOK_SKIP=1 lets it through unchecked\" >&2; exit 1; }}\n  cat >\"$relhook_input\" || exit 1\n  relhook hook {hook} \"$@\" <\"$relhook_input\" || {{ relhook_status=$?; rm -f \"$relhook_input\"; exit $relhook_status; }}\n  exec <\"$relhook_input\"\n  rm -f \"$relhook_input\"\n"
        )
    } else {
        format!("  relhook hook {hook} \"$@\" || exit $?\n")
    };
    format!("{BEGIN}\nif command -v relhook >/dev/null 2>&1; then\n{call}{otherwise}fi\n{END}\n")
}

/// One husky hook; returns the barrier relhook's call went above, if any.
/// Puts husky's runner back at `runner`, where `relhook install --force` wrote relhook's shim:
/// the runner it kept (`<hook>.relhook-orig`) when that is husky's, else a new one (husky writes
/// none for reference-transaction: relhook's install did).
pub(super) fn restore_runner(runner: &Path) -> Result<()> {
    // Commands added below relhook's shim by hand would go with it: they stay, and say so.
    let ours = crate::hooks::link::read_optional(runner).ok().flatten();
    if let Some((line, text)) = ours.as_deref().and_then(crate::hooks::appended) {
        return Err(crate::Error::Usage(format!(
            "{} has {}, {} Move them into .husky/<hook>, then run `relhook install` again",
            runner.display(),
            crate::hooks::added_below(runner, line, &text),
            crate::hooks::APPENDED_WHY
        )));
    }
    let kept = crate::hooks::install::backup_path(runner);
    let text = read_text(&kept);
    if kept.is_file() && (text.contains("/h\"") || text.contains("husky")) {
        return std::fs::rename(&kept, runner).map_err(|e| crate::Error::io("rename", &kept, e));
    }
    fsx::write_atomic_with_mode(runner, HUSKY_RUNNER.as_bytes(), Some(0o755))
}

pub(super) fn wire_husky(loc: &HooksLocation, w: &HookWiring) -> Result<Option<Barrier>> {
    let file = loc.work_tree.join(&w.file);
    let mut text = read_text(&file);
    // Where git runs the file itself, install makes it executable, and its block records the
    // mode it had (the first install's, when the block is written again) for uninstall.
    let earlier = marker::record(&text).and_then(|found| found.mode);
    let made_executable =
        runs_husky_dir_itself(loc) && file.exists() && !crate::hooks::install::is_executable(&file);
    let mode_before = earlier.or(made_executable.then(|| fsx::mode_of(&file)).flatten());
    if matches!(
        w.wiring,
        Wiring::Unreachable { .. }
            | Wiring::Skipped { .. }
            | Wiring::Muted { .. }
            | Wiring::Starved { .. }
            | Wiring::Late { .. }
            | Wiring::Hoarded { .. }
            | Wiring::Crlf { .. }
    ) {
        // relhook's own block, below a barrier or with CRLF endings: it comes out to go back in.
        text = strip_blocks(&text).unwrap_or(text);
    }
    let mut above = None;
    if !calls(&text, w.hook) {
        // survey found a place for it, or it would have said Manual.
        let barrier = placement(&text, w.hook).ok().flatten();
        // Input is handed on even with nothing below yet: a line added there later (husky's
        // advice for git-lfs is to add `git lfs pre-push "$@"`) still gets it.
        let block = husky_block(w.hook, reads_input(w.hook));
        let stop = barrier.as_ref().map(|b| &b.stop);
        // husky 9's runner starts `.husky/<hook>` with `sh -e`, so a file of the team's keeps
        // its mode (a tracked file's mode is theirs: git would show the change). Only where
        // git runs the file itself (`core.hooksPath` naming `.husky`, husky 5-8) must it be
        // executable, and the block records the mode uninstall gives back. A new file is made
        // executable (uninstall removes it).
        let mode = (!file.exists()).then_some(0o755);
        let wired = marker::add_block(&text, file.exists(), &block, stop, mode_before);
        write_creating_dir(&file, &wired, mode)?;
        // A file git runs already is left as it is (`chmod +x` would add bits to 0750 too).
        if made_executable {
            crate::hooks::install::set_executable(&file)?;
        }
        above = barrier;
    } else if w.wiring == Wiring::NotExecutable {
        if let Some(marked) = mode_before.and_then(|m| marker::with_mode(&text, m)) {
            fsx::write_atomic(&file, marked.as_bytes())?;
        }
        crate::hooks::install::set_executable(&file)?;
    }
    let runners = husky_runner_dir(loc);
    let runner = runners.join(w.hook);
    let ahead = runner_ahead(loc, w.hook, &runners);
    if (runners.join("h").is_file() || ahead) && !runner.exists() {
        // husky's own ignore file, as `npx husky` writes it: the runner stays out of `git status`.
        let ignore = runners.join(".gitignore");
        if ahead && !ignore.exists() {
            write_creating_dir(&ignore, "*", None)?;
        }
        fsx::write_atomic_with_mode(&runner, added_runner(w.hook).as_bytes(), Some(0o755))?;
    }
    Ok(above)
}

/// Whether install writes the runner for `hook` before husky 9 set up its own (`.husky/_` not
/// written, `core.hooksPath` not set: a fresh clone before `npm install`'s `prepare`): the
/// hooks off husky's list, reference-transaction (hand tags) and post-applypatch, the runners
/// uninstall takes out. husky leaves other files in `.husky/_` alone, so once it points git
/// there they run relhook too: one install is enough.
fn runner_ahead(loc: &HooksLocation, hook: &str, runners: &Path) -> bool {
    matches!(hook, "reference-transaction" | "post-applypatch")
        && loc.hooks_path.is_none()
        && !runners.join("h").is_file()
        && !husky_before_9(&loc.work_tree, &loc.husky_dir())
}

#[cfg(test)]
mod tests {
    use super::husky_before_9;

    #[test]
    fn husky_7_and_8_are_told_from_9_by_their_requirement() {
        for (manifest, before) in [
            (r#"{"devDependencies":{"husky":"^7.0.4"}}"#, true),
            (r#"{"devDependencies": {"husky": "~8"}}"#, true),
            (r#"{"devDependencies":{"husky":"^9.1.7"}}"#, false),
            (r#"{"devDependencies":{"husky":"10.0.0"}}"#, false),
            (r#"{"name":"x"}"#, false),
        ] {
            let dir = tempfile::tempdir().unwrap();
            std::fs::write(dir.path().join("package.json"), manifest).unwrap();
            assert_eq!(
                husky_before_9(dir.path(), std::path::Path::new(".husky")),
                before,
                "{manifest}"
            );
        }
    }
}
