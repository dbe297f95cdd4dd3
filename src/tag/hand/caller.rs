//! Which git command runs the hook: git gives reference-transaction no sign of it, so the
//! parent processes tell (`/proc`, Linux only) a `git tag` from a fetch or an `update-ref`.

use std::path::Path;

/// The subcommand of the git process that runs the hook (`tag`, `update-ref`, `fetch`): the
/// hook's parent, or an ancestor, is the git process that runs the transaction. `None` where
/// its command line cannot be read (no /proc: nothing is then a hand tag, and pre-push remains
/// the guard), or where that git is gone.
pub fn git_subcommand() -> Option<String> {
    parent_subcommand()
}

/// Whether this platform lets relhook tell `git tag` from `git fetch`: git gives the hook no
/// other sign of the command that runs it, and only Linux's `/proc` shows the parent
/// processes. Elsewhere (macOS, Windows) hand tags are left as they are, and the hook says so
/// once per clone (`cli`), with the command that makes the release instead.
pub fn can_tell_git_tag() -> bool {
    cfg!(unix) && Path::new("/proc/self/stat").is_file()
}

/// The subcommand of the git process that runs the hook and the arguments after it (`revert`,
/// `["-n", "HEAD~2"]`), where they can be read (see [`git_subcommand`]).
pub fn git_arguments() -> Option<(String, Vec<String>)> {
    git_ancestor().map(|(_, sub, rest)| (sub, rest))
}

/// The pid of the git process that runs the hook, when it is `git fetch`. Read after
/// relhook has looked the process up in /proc (its entry there is made then, if it was not
/// before): a note written now is newer than that entry, and the shim compares the two.
pub fn fetch_process() -> Option<String> {
    let (pid, sub, _) = git_ancestor()?;
    (sub == "fetch").then(|| pid.to_string())
}

/// The git command the user ran, for a message naming its bypass: the outermost git process
/// above the hook, which is the nearest one unless a git command runs git in turn (the script
/// of `git filter-branch` runs the `git update-ref` whose transaction this is; an alias that
/// runs a shell). `None` as for [`git_subcommand`].
pub fn git_command_run() -> Option<String> {
    outermost_git()
}

/// The nearest ancestor process that is git, and its subcommand. relhook may sit several
/// processes below it: the shim's shell when it chains another hook, or a hook manager's chain
/// (lefthook: hook script, the npm wrapper's node, lefthook, its `sh -c`).
fn parent_subcommand() -> Option<String> {
    git_ancestor().map(|(_, sub, _)| sub)
}

#[cfg(unix)]
fn git_ancestor() -> Option<(u32, String, Vec<String>)> {
    let mut pid = std::os::unix::process::parent_id();
    for _ in 0..8 {
        if let Some((sub, rest)) = as_git(command_line(pid)?) {
            return Some((pid, sub, rest));
        }
        pid = parent_of(pid)?;
    }
    None
}

/// [`git_ancestor`]'s git, or the git above it when only shells lie between the two (the
/// script of a git command, and its subshells): a program that is neither (a test runner a
/// hook started, the user's terminal) ends the walk, so a git that merely runs it is not named.
#[cfg(unix)]
fn outermost_git() -> Option<String> {
    let mut pid = std::os::unix::process::parent_id();
    let mut found = None;
    for _ in 0..16 {
        let Some(args) = command_line(pid) else {
            break;
        };
        let shell = is_shell(&args);
        match as_git(args) {
            Some((sub, _)) => found = Some(sub),
            None if found.is_some() && !shell => break,
            None => {}
        }
        match parent_of(pid) {
            Some(parent) if parent > 1 => pid = parent,
            _ => break,
        }
    }
    found
}

/// Whether a command line runs a POSIX shell (the script of a git command such as
/// `git-filter-branch` runs under one).
#[cfg(unix)]
fn is_shell(args: &[String]) -> bool {
    let program = args
        .first()
        .map_or("", |a| a.rsplit('/').next().unwrap_or(a));
    matches!(program, "sh" | "bash" | "dash" | "ash" | "ksh" | "zsh")
}

#[cfg(not(unix))]
fn outermost_git() -> Option<String> {
    None
}

/// A process's arguments, from `/proc/<pid>/cmdline`.
#[cfg(unix)]
fn command_line(pid: u32) -> Option<Vec<String>> {
    let raw = std::fs::read(format!("/proc/{pid}/cmdline")).ok()?;
    // Each argument ends with a NUL: the last one's is no empty argument after it.
    let raw = raw.strip_suffix(&[0]).unwrap_or(&raw);
    Some(
        raw.split(|b| *b == 0)
            .map(|a| String::from_utf8_lossy(a).into_owned())
            .collect(),
    )
}

/// The subcommand of a command line that runs git, and the arguments after it.
#[cfg(unix)]
fn as_git(args: Vec<String>) -> Option<(String, Vec<String>)> {
    let program = args
        .first()
        .map(|a| a.rsplit('/').next().unwrap_or(a).to_owned())
        .unwrap_or_default();
    // `git-receive-pack <dir>` (a push into this repository): the dashed form names the
    // subcommand itself, and what follows is its argument.
    if let Some(dashed) = program.strip_prefix("git-") {
        return Some((dashed.to_owned(), args.into_iter().skip(1).collect()));
    }
    if program == "git" {
        let mut args = args.into_iter();
        return subcommand(&mut args).map(|s| (s, args.collect()));
    }
    None
}

/// The parent of `pid`, from `/proc/<pid>/stat` (the field after the parenthesised name).
#[cfg(unix)]
fn parent_of(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit_once(')')?
        .1
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

#[cfg(not(unix))]
fn git_ancestor() -> Option<(u32, String, Vec<String>)> {
    None
}

/// The subcommand of a git command line, skipping git's own options; `args` is left at the
/// subcommand's own arguments.
fn subcommand(args: &mut impl Iterator<Item = String>) -> Option<String> {
    args.next()?;
    while let Some(a) = args.next() {
        match a.as_str() {
            "-c" | "-C" | "--git-dir" | "--work-tree" | "--namespace" | "--config-env" => {
                args.next();
            }
            s if s.starts_with('-') => {}
            s => return Some(s.to_owned()),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subcommand_skips_git_options() {
        let args = |v: &[&str]| {
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .into_iter()
        };
        assert_eq!(
            subcommand(&mut args(&[
                "git",
                "-c",
                "a=b",
                "-C",
                "dir",
                "--no-pager",
                "tag",
                "-a",
                "v1"
            ]))
            .as_deref(),
            Some("tag")
        );
        assert_eq!(
            subcommand(&mut args(&["/usr/bin/git", "fetch", "--tags"])).as_deref(),
            Some("fetch")
        );
        assert_eq!(subcommand(&mut args(&["git"])), None);
    }
}
