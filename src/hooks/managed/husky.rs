//! husky's files: relhook's marked block in `.husky/<hook>` (above the first line that ends
//! the hook, or at the end), the runner husky lacks (`.husky/_/reference-transaction`), and how
//! each hook stands there.

use std::path::{Path, PathBuf};

use super::{BEGIN, END};
use super::{HookWiring, Wiring, calls, read_text, reads_input, strip_blocks, write_creating_dir};
use crate::git::HooksLocation;
use crate::hooks::crlf;
use crate::hooks::script::{self, Stop, Unclear};
use crate::{Result, fsx};

/// husky's per-hook runner, as husky 9 writes it into `.husky/_/<hook>`.
pub(super) const HUSKY_RUNNER: &str = "#!/usr/bin/env sh\n. \"$(dirname \"$0\")/h\"";

/// husky's runner directory: `core.hooksPath` when it points into `.husky`, else `.husky/_`.
pub(super) fn husky_runner_dir(loc: &HooksLocation) -> PathBuf {
    match &loc.hooks_path {
        Some(s) if s.value.replace('\\', "/").contains(".husky") => loc.hooks_dir.clone(),
        _ => loc.work_tree.join(".husky/_"),
    }
}

pub(super) fn husky_state(loc: &HooksLocation, hook: &'static str) -> (PathBuf, Wiring) {
    let rel = PathBuf::from(".husky").join(hook);
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
    if !calls(&text, hook) {
        return match placement(&text) {
            Ok(_) => (rel, Wiring::Missing),
            Err(why) => (rel.clone(), manual(format!("{} {why}", rel.display()))),
        };
    }
    if let Some(Barrier { stop, mutes }) = stop_above_call(&text, hook) {
        // Only relhook's own block is relhook's to move; a call the team wrote stays theirs.
        let movable =
            strip_blocks(&text).is_some_and(|rest| !calls(&rest, hook) && placement(&rest).is_ok());
        let (line, text) = (stop.line, stop.text);
        if !movable {
            let what = match &mutes {
                None => "which ends the hook, so relhook never runs".to_owned(),
                Some(to) => format!(
                    "which sends the hook's error output to {to}, so relhook's errors never reach you"
                ),
            };
            let why = format!(
                "{} calls relhook below line {line} (`{text}`), {what}: the call must come above that line, as in the lines below",
                rel.display(),
            );
            return (rel, manual(why));
        }
        return match mutes {
            None => (rel, Wiring::Unreachable { line, text }),
            Some(to) => (rel, Wiring::Muted { line, text, to }),
        };
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
        return (
            rel,
            Wiring::Inactive {
                command: "npx husky".into(),
            },
        );
    }
    if !runners.join(hook).is_file() {
        // husky's runner lacks this hook (reference-transaction): relhook install adds it.
        return (rel, Wiring::Missing);
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
                _ => "npx husky (writes husky's runners again)".into(),
            };
            let (ours, file) = (false, shown.to_owned());
            return (file, Wiring::Crlf { crlf, ours, fix });
        }
    }
    (rel, Wiring::Wired)
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
    loc.hooks_path.is_some() && real(&loc.hooks_dir) == real(&loc.work_tree.join(".husky"))
}

/// A line relhook's block must come above: one that ends the hook, or a top-level `exec`
/// that sends the hook's error output elsewhere for the rest of it (`exec >>log 2>&1`), where
/// relhook's errors would go too (a refused commit that says nothing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Barrier {
    pub(super) stop: Stop,
    /// Where that `exec` sends standard error; `None`: the line ends the hook.
    pub(super) mutes: Option<String>,
}

/// The first barrier above line `call` (anywhere, without one).
fn barrier(text: &str, call: Option<usize>) -> Result<Option<Barrier>, Unclear> {
    let scan = script::scan(text)?;
    let stop = scan
        .stop
        .clone()
        .filter(|s| call.is_none_or(|c| s.line < c));
    let end = stop.as_ref().map(|s| s.line).or(call).unwrap_or(usize::MAX);
    if let Some((r, to)) = scan.muted_at(end) {
        let stop = Stop {
            line: r.line,
            text: r.text.clone(),
            starts_line: r.starts_line,
        };
        let mutes = Some(to.to_owned());
        return Ok(Some(Barrier { stop, mutes }));
    }
    Ok(stop.map(|stop| Barrier { stop, mutes: None }))
}

/// Where relhook's block goes in a husky file: above the first barrier, or at the end when
/// there is none (`None`); `Err` says why neither is safe.
fn placement(text: &str) -> std::result::Result<Option<Barrier>, String> {
    match barrier(text, None) {
        Ok(None) => Ok(None),
        Ok(Some(b)) if b.stop.starts_line => Ok(Some(b)),
        Ok(Some(Barrier { stop, mutes })) => Err(match mutes {
            None => format!(
                "ends on line {} (`{}`) after other commands on that line; relhook's call must run before it",
                stop.line, stop.text
            ),
            Some(to) => format!(
                "sends the hook's error output to {to} on line {} (`{}`), after other commands on that line; relhook's call must come before it, or its errors go there too",
                stop.line, stop.text
            ),
        }),
        Err(u) => Err(format!(
            "cannot be followed as shell on line {} ({}), so relhook cannot tell where its call would run",
            u.line, u.why
        )),
    }
}

/// The barrier above relhook's call, when there is one: the call never runs, or its errors
/// never reach the terminal.
fn stop_above_call(text: &str, hook: &str) -> Option<Barrier> {
    let needle = format!("relhook hook {hook}");
    let call = text.lines().position(|l| l.contains(&needle))? + 1;
    barrier(text, Some(call)).ok()?
}

/// `text` with `block` above line `stop` (from 1), or at the end.
pub(super) fn insert_block(text: &str, block: &str, stop: Option<&Stop>) -> String {
    let mut out = String::with_capacity(text.len() + block.len() + 1);
    let Some(stop) = stop else {
        out.push_str(text);
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(block);
        return out;
    };
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if i + 1 == stop.line {
            out.push_str(block);
        }
        out.push_str(line);
    }
    out
}

/// The guarded call for a shell file (husky). A teammate without relhook is not blocked; the
/// commit-msg check says once per commit that it was skipped. A failing relhook ends the hook
/// where it stands (as husky's `sh -e` does, and as git needs when it runs the file itself).
/// `keep_input`: lines below the block may read git's standard input too (pre-push's refs),
/// so relhook reads a copy and they read the input again.
pub(super) fn husky_block(hook: &str, keep_input: bool) -> String {
    let otherwise = if hook == "commit-msg" {
        "else\n  echo \"relhook is not on PATH: commit message not checked\" >&2\n"
    } else {
        ""
    };
    let call = if keep_input {
        format!(
            "  relhook_input=$(mktemp \"${{TMPDIR:-/tmp}}/relhook.XXXXXX\") && cat >\"$relhook_input\" || exit 1\n  relhook hook {hook} \"$@\" <\"$relhook_input\" || {{ relhook_status=$?; rm -f \"$relhook_input\"; exit $relhook_status; }}\n  exec <\"$relhook_input\"\n  rm -f \"$relhook_input\"\n"
        )
    } else {
        format!("  relhook hook {hook} \"$@\" || exit $?\n")
    };
    format!("{BEGIN}\nif command -v relhook >/dev/null 2>&1; then\n{call}{otherwise}fi\n{END}\n")
}

/// One husky hook; returns the barrier relhook's call went above, if any.
pub(super) fn wire_husky(loc: &HooksLocation, w: &HookWiring) -> Result<Option<Barrier>> {
    let file = loc.work_tree.join(&w.file);
    let mut text = read_text(&file);
    if matches!(
        w.wiring,
        Wiring::Unreachable { .. } | Wiring::Muted { .. } | Wiring::Crlf { .. }
    ) {
        // relhook's own block, below a barrier or with CRLF endings: it comes out to go back in.
        text = strip_blocks(&text).unwrap_or(text);
    }
    let mut above = None;
    if !calls(&text, w.hook) {
        // survey found a place for it, or it would have said Manual.
        let barrier = placement(&text).ok().flatten();
        let block = husky_block(w.hook, barrier.is_some() && reads_input(w.hook));
        let stop = barrier.as_ref().map(|b| &b.stop);
        write_creating_dir(&file, &insert_block(&text, &block, stop), Some(0o755))?;
        above = barrier;
    } else if w.wiring == Wiring::NotExecutable {
        crate::hooks::install::set_executable(&file)?;
    }
    let runners = husky_runner_dir(loc);
    let runner = runners.join(w.hook);
    if runners.join("h").is_file() && !runner.exists() {
        fsx::write_atomic_with_mode(&runner, HUSKY_RUNNER.as_bytes(), Some(0o755))?;
    }
    Ok(above)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_block_goes_above_the_line_that_ends_the_hook() {
        let block = husky_block("commit-msg", false);
        let text = "#!/bin/sh\necho a\nexit 0\n";
        let stop = placement(text).unwrap().map(|b| b.stop);
        assert_eq!(stop.as_ref().map(|s| s.line), Some(3));
        let wired = insert_block(text, &block, stop.as_ref());
        assert_eq!(wired, format!("#!/bin/sh\necho a\n{block}exit 0\n"));
        assert_eq!(stop_above_call(&wired, "commit-msg"), None);
        assert_eq!(strip_blocks(&wired).as_deref(), Some(text));
        let appended = insert_block("echo a", &block, None);
        assert_eq!(appended, format!("echo a\n{block}"));
        let below = format!("{text}{block}");
        assert_eq!(stop_above_call(&below, "commit-msg").unwrap().stop.line, 3);
        assert!(placement("echo a; exit 0\n").is_err());
        assert!(placement("echo 'open\n").is_err());
        assert!(husky_block("pre-push", true).contains("exec <\"$relhook_input\""));
    }
}
