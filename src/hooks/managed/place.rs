//! Where relhook's block goes in a shell hook file it shares (husky's): above the first line
//! that ends the hook (`exit`, `exec prog`) or may end it on some runs (`[ -n "$CI" ] && exit
//! 0`: relhook's check is not the team's to skip), or above a top-level `exec` that sends the hook's
//! error output elsewhere (`exec >>log 2>&1`), and, in a hook git hands input to (pre-push's
//! refs), above the first command: that input can be read once, and a command above relhook's
//! call that reads it (`git lfs pre-push "$@"`, a `while read` loop) would leave relhook
//! nothing to check. The block there reads a copy and hands the input on.

use super::reads_input;
use crate::hooks::script::{self, Stop, Unclear};

/// Why relhook's block must come above a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Why {
    /// The line ends the hook: below it relhook never runs.
    Ends,
    /// The line may end the hook on some runs (`[ -n "$CI" ] && exit 0`, an `exit` in an
    /// `if`): below it relhook runs only on the others.
    MayEnd,
    /// The line sends the hook's error output here for the rest of it.
    Mutes(String),
    /// The first command of a hook that reads git's input.
    Input,
    /// The first command of post-commit: relhook's part amends the commit, and the lines
    /// below it must act on the commit that stays.
    Amends,
}

/// A line relhook's block must come above, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Barrier {
    pub(super) stop: Stop,
    pub(super) why: Why,
}

impl Barrier {
    /// Said after "above `<line>`," when relhook's call went there.
    pub(super) fn because(&self) -> String {
        match &self.why {
            Why::Ends => "which ends the hook (below it, relhook would never run)".into(),
            Why::MayEnd => "which may end the hook (below it, relhook would not run when it does)".into(),
            Why::Mutes(to) => format!(
                "which sends the hook's error output to {to} (below it, relhook's errors would go there too)"
            ),
            Why::Input => "the first command: git's list of refs can be read only once, and relhook's call reads a copy and hands it on".into(),
            Why::Amends => "the first command: relhook's part amends the commit to carry its changelog entry, so the lines below it act on the commit that stays".into(),
        }
    }
}

/// The first line that ends the hook (on every run or some), or mutes it, above line `call`
/// (anywhere, without one).
fn barrier(text: &str, call: Option<usize>) -> Result<Option<Barrier>, Unclear> {
    let scan = script::scan(text)?;
    let above = |s: &Stop| call.is_none_or(|c| s.line < c);
    // The stop on some runs comes first when there is one: at or above the stop on all.
    let may = scan.may_stop.clone().filter(above);
    let (stop, why) = match may {
        Some(may) if scan.stop.as_ref().is_none_or(|s| may.line < s.line) => {
            (Some(may), Why::MayEnd)
        }
        _ => (scan.stop.clone().filter(above), Why::Ends),
    };
    let end = stop.as_ref().map(|s| s.line).or(call).unwrap_or(usize::MAX);
    if let Some((r, to)) = scan.muted_at(end) {
        let stop = Stop {
            line: r.line,
            text: r.text.clone(),
            starts_line: r.starts_line,
        };
        let why = Why::Mutes(to.to_owned());
        return Ok(Some(Barrier { stop, why }));
    }
    Ok(stop.map(|stop| Barrier { stop, why }))
}

/// The first line of a hook file that runs a command: below its `#!` line and comments, and
/// below husky 8's `. "$(dirname -- "$0")/_/husky.sh"`, which runs the file again under `sh -e`.
fn first_command(text: &str) -> Option<Stop> {
    text.lines()
        .enumerate()
        .find(|(_, l)| {
            let t = l.trim();
            let husky_sh = t.starts_with(". ") && t.contains("husky.sh");
            !(t.is_empty() || t.starts_with('#') || husky_sh)
        })
        .map(|(i, l)| Stop {
            line: i + 1,
            text: l.trim().to_owned(),
            starts_line: true,
        })
}

/// Where relhook's block for `hook` goes: above a barrier, or at the end when there is none
/// (`None`); `Err` says why neither is safe.
pub(super) fn placement(text: &str, hook: &str) -> Result<Option<Barrier>, String> {
    let found = match barrier(text, None) {
        Ok(None) => None,
        Ok(Some(b)) if b.stop.starts_line => Some(b),
        Ok(Some(Barrier { stop, why })) => {
            return Err(match why {
                Why::MayEnd => format!(
                    "may end on line {} (`{}`) after other commands on that line; relhook's call must run before it",
                    stop.line, stop.text
                ),
                Why::Mutes(to) => format!(
                    "sends the hook's error output to {to} on line {} (`{}`), after other commands on that line; relhook's call must come before it, or its errors go there too",
                    stop.line, stop.text
                ),
                _ => format!(
                    "ends on line {} (`{}`) after other commands on that line; relhook's call must run before it",
                    stop.line, stop.text
                ),
            });
        }
        Err(u) => {
            return Err(format!(
                "cannot be followed as shell on line {} ({}), so relhook cannot tell where its call would run",
                u.line, u.why
            ));
        }
    };
    if let Some(why) = goes_first(hook) {
        if let Some(stop) = first_command(text) {
            return Ok(Some(Barrier { stop, why }));
        }
    }
    Ok(found)
}

/// The barrier above relhook's call, when there is one: the call never runs, its errors never
/// reach the terminal, or a command above it may have read git's input already.
pub(super) fn above_call(text: &str, hook: &str) -> Option<Barrier> {
    let needle = format!("relhook hook {hook}");
    let call = text.lines().position(|l| l.contains(&needle))? + 1;
    // The call's own lines (relhook's block, or a guard such as `if command -v relhook`) start
    // where the first of them mentions relhook; the block's own `|| exit $?` is not a barrier.
    let start = text
        .lines()
        .position(|l| super::marker::opening(l).is_some())
        .map_or(call, |i| i + 1);
    // Read without relhook's own block (line for line): its `|| exit $?` inside a team's
    // `if` around it would make that `if` a line that may end the hook.
    if let Some(b) = barrier(&without_block(text), Some(start.min(call))).ok()? {
        return Some(b);
    }
    let why = goes_first(hook)?;
    let first =
        first_command(text).filter(|s| s.line < start.min(call) && !s.text.contains("relhook"))?;
    Some(Barrier { stop: first, why })
}

/// `text` with each line of relhook's marked block made `:` (a command that does nothing),
/// so that line numbers stay.
fn without_block(text: &str) -> String {
    let mut inside = false;
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let opens = super::marker::opening(line.trim_end()).is_some();
        inside |= opens;
        if inside {
            out.push(':');
            out.push_str(if line.ends_with('\n') { "\n" } else { "" });
        } else {
            out.push_str(line);
        }
        if line.trim() == super::END {
            inside = false;
        }
    }
    out
}

/// Why relhook's block goes above a hook's first command, for the hooks where it must: one
/// git hands input to (the block reads a copy and hands it on), and post-commit, whose
/// amend the team's lines must see (a note, a log or a push of HEAD).
fn goes_first(hook: &str) -> Option<Why> {
    if reads_input(hook) {
        Some(Why::Input)
    } else {
        (hook == "post-commit").then_some(Why::Amends)
    }
}

/// The first command below relhook's block in a hook with input, when the block reads that
/// input without handing it on (as an earlier relhook wrote it at the end of the file): that
/// command gets none (git-lfs's pre-push then uploads nothing).
pub(super) fn hoarded(text: &str, hook: &str) -> Option<Stop> {
    if !reads_input(hook) {
        return None;
    }
    let lines: Vec<&str> = text.lines().collect();
    let begin = lines
        .iter()
        .position(|l| super::marker::opening(l).is_some())?;
    let end = begin + lines[begin..].iter().position(|l| l.trim() == super::END)?;
    if lines[begin..end]
        .iter()
        .any(|l| l.contains("relhook_input"))
    {
        return None;
    }
    let below = lines[end + 1..].join("\n");
    first_command(&below).map(|s| Stop {
        line: s.line + end + 1,
        ..s
    })
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

#[cfg(test)]
mod tests {
    use super::super::husky::husky_block;
    use super::super::strip_blocks;
    use super::*;

    #[test]
    fn the_block_goes_above_the_line_that_ends_the_hook() {
        let block = husky_block("commit-msg", false);
        let text = "#!/bin/sh\necho a\nexit 0\n";
        let stop = placement(text, "commit-msg").unwrap().map(|b| b.stop);
        assert_eq!(stop.as_ref().map(|s| s.line), Some(3));
        let wired = insert_block(text, &block, stop.as_ref());
        assert_eq!(wired, format!("#!/bin/sh\necho a\n{block}exit 0\n"));
        assert_eq!(above_call(&wired, "commit-msg"), None);
        assert_eq!(strip_blocks(&wired).as_deref(), Some(text));
        let appended = insert_block("echo a", &block, None);
        assert_eq!(appended, format!("echo a\n{block}"));
        let below = format!("{text}{block}");
        assert_eq!(above_call(&below, "commit-msg").unwrap().stop.line, 3);
        assert!(placement("echo a; exit 0\n", "commit-msg").is_err());
        assert!(placement("echo 'open\n", "commit-msg").is_err());
        assert!(husky_block("pre-push", true).contains("exec <\"$relhook_input\""));
    }

    #[test]
    fn in_a_hook_with_input_the_block_comes_first() {
        let text = "#!/bin/sh\n# git-lfs\n\ngit lfs pre-push \"$@\"\nnpm test\n";
        let b = placement(text, "pre-push").unwrap().unwrap();
        assert_eq!((b.stop.line, b.why), (4, Why::Input));
        assert_eq!(placement(text, "commit-msg").unwrap(), None, "at the end");
        let amends = placement(text, "post-commit").unwrap().unwrap();
        assert_eq!((amends.stop.line, amends.why), (4, Why::Amends));
        let late = format!("{text}{}", husky_block("post-commit", false));
        assert_eq!(above_call(&late, "post-commit").unwrap().why, Why::Amends);
        let first = insert_block(text, &husky_block("post-commit", false), Some(&amends.stop));
        assert_eq!(above_call(&first, "post-commit"), None);
        let husky8 = "#!/usr/bin/env sh\n. \"$(dirname -- \"$0\")/_/husky.sh\"\n\nnpx lint\n";
        assert_eq!(placement(husky8, "pre-push").unwrap().unwrap().stop.line, 4);
        assert_eq!(placement("#!/bin/sh\n", "pre-push").unwrap(), None);
        let below = format!("{text}{}", husky_block("pre-push", false));
        assert_eq!(above_call(&below, "pre-push").unwrap().why, Why::Input);
        let first = insert_block(text, &husky_block("pre-push", true), Some(&b.stop));
        assert_eq!(above_call(&first, "pre-push"), None);
        assert_eq!(hoarded(&first, "pre-push"), None);
        // A block that reads the input itself, with a line added below it later.
        let old = format!(
            "{}git lfs pre-push \"$@\"\n",
            husky_block("pre-push", false)
        );
        let below = hoarded(&old, "pre-push").unwrap();
        assert_eq!(
            old.lines().nth(below.line - 1),
            Some("git lfs pre-push \"$@\"")
        );
        assert_eq!(hoarded(&husky_block("pre-push", false), "pre-push"), None);
        assert_eq!(
            hoarded(&old.replace("pre-push", "commit-msg"), "commit-msg"),
            None
        );
    }
}
