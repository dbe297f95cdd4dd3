//! A `git revert` or `git cherry-pick` stopped on a modify/delete conflict of the changelog,
//! which no merge driver sees. Reverting the commit that created the file (post-commit made it
//! in that commit) would delete it while later commits changed it ("deleted by them"); a pick
//! onto a branch without the file (made before it, or that deleted it) would bring the picked
//! commit's whole copy ("deleted by us"). git makes REVERT_HEAD or CHERRY_PICK_HEAD as it
//! stops, and the reference-transaction hook sees that: relhook says in one line how to go on
//! (post-commit then gives the commit its own edit of the file). `relhook doctor` says the same
//! while git is stopped, for `git cherry-pick -n` too, which makes no ref a hook would see.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::Context;
use crate::config::Config;
use crate::git::{Conflict, Repo, Stopped};
use crate::hooks::doctor::{Check, Status};

/// The note in the git dir that the revert stopped now was `git revert -n` of one commit,
/// which leaves the same files as a revert that commits (REVERT_HEAD, MERGE_MSG): the hook
/// reads it from git's command line, doctor from this note (REVERT_HEAD's commit). The note
/// counts only while it is not older than REVERT_HEAD.
pub(in crate::cli) const NO_COMMIT_REVERT: &str = "relhook-revert-no-commit";

/// The command git stopped in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    Revert,
    CherryPick,
}

/// What finishes it once the conflicts are resolved: `--continue` (commits that commit), or,
/// with `-n`, nothing but the user's own `git commit` when the change is ready: git's
/// `--continue` would commit the stopped step all the same. A `-n` sequence with commits left
/// after the stopped one is given up (`--quit`, which keeps the index) and run again on them.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Finish {
    Continue,
    Commit,
    Redo(Vec<String>),
}

/// The finish of a stop: a sequence's from its `sequencer/`, one commit's by `no_commit`.
fn finish_of(state: &Stopped, no_commit: bool) -> Finish {
    match &state.sequence {
        Some(s) if s.no_commit && s.rest.is_empty() => Finish::Commit,
        Some(s) if s.no_commit => Finish::Redo(s.rest.clone()),
        Some(_) => Finish::Continue,
        None if no_commit => Finish::Commit,
        None => Finish::Continue,
    }
}

impl Stop {
    fn git(self) -> &'static str {
        match self {
            Stop::Revert => "revert",
            Stop::CherryPick => "cherry-pick",
        }
    }
}

/// The way on: what relhook says of the changelogs, the command, and what follows it.
#[derive(Debug, PartialEq, Eq)]
struct WayOn {
    what: String,
    command: String,
    then: String,
}

/// The changelogs relhook keeps: the root's and each package's.
fn changelogs(config: Config) -> Vec<PathBuf> {
    std::iter::once(config.changelog.path)
        .chain(config.packages.into_iter().map(|p| p.changelog))
        .collect()
}

/// Says how to go on when the revert or cherry-pick that just stopped (`head`: the ref git
/// made, REVERT_HEAD or CHERRY_PICK_HEAD) left a changelog in the conflict it cannot resolve;
/// silent otherwise (another file's conflict, a clean pick, a rebase's pick), and on any doubt
/// (git goes on whatever this hook does).
pub(in crate::cli) fn stopped_pick(ctx: &Context, head: &str) {
    let Ok(repo) = ctx.repo() else { return };
    let conflicts = repo.conflicts();
    if conflicts.is_empty() {
        return;
    }
    let state = repo.stopped();
    let stop = match head {
        "REVERT_HEAD" => Stop::Revert,
        "CHERRY_PICK_HEAD" if !state.rebase_pick => Stop::CherryPick,
        _ => return,
    };
    let Ok((_, config)) = ctx.history_config(&repo) else {
        return;
    };
    let changelogs = changelogs(config);
    if kept(&conflicts, &changelogs, stop).is_empty() {
        return;
    }
    let finish = match stop {
        Stop::Revert => finish_of(&state, revert_no_commit_now(&repo, &state)),
        Stop::CherryPick => Finish::Continue,
    };
    let prefix = std::env::var_os("GIT_PREFIX").is_some_and(|p| !p.is_empty());
    let place = Place {
        in_subfolder: prefix,
        in_rebase: state.rebase,
    };
    if let Some(w) = way_on(&conflicts, &changelogs, place, stop, &finish) {
        let _ = writeln!(
            crate::cli::stream::stderr(),
            "relhook: {}: `{}`{}",
            w.what,
            w.command,
            w.then
        );
    }
}

/// Whether the revert of one commit that stops now was run with `-n`: its command line,
/// where /proc shows it (a sequence says it in `sequencer/opts`). Noted for doctor.
fn revert_no_commit_now(repo: &Repo, state: &Stopped) -> bool {
    let note = repo.git_dir().join(NO_COMMIT_REVERT);
    let no_commit = state.sequence.is_none()
        && crate::tag::hand::git_arguments().is_some_and(|(_, args)| asks_no_commit(&args));
    match (no_commit, state.revert_head) {
        (true, Some(oid)) => {
            let _ = std::fs::write(&note, format!("{oid}\n"));
            true
        }
        _ => {
            let _ = std::fs::remove_file(&note);
            false
        }
    }
}

/// Whether the arguments after git's subcommand ask for no commit (`-n`, `--no-commit`, or
/// `n` in a group of short options); the last of those and `--commit` wins.
fn asks_no_commit(args: &[String]) -> bool {
    let mut no = false;
    for a in args {
        match a.as_str() {
            "--" => break,
            "--no-commit" => no = true,
            "--commit" => no = false,
            s if s.starts_with("--") => {}
            s if s.starts_with('-') => {
                for c in s.chars().skip(1) {
                    match c {
                        'n' => no = true,
                        // The rest of the word is the option's value (`-m1`, `-Xpatience`).
                        'm' | 'X' | 'S' => break,
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    no
}

/// doctor's row while git is stopped in a revert or cherry-pick with a changelog in the
/// conflict it cannot resolve: the same way on as the hook's line (`cwd` below the top of the
/// work tree: the paths from the top). A rebase's own pick is not one (a rebase makes
/// CHERRY_PICK_HEAD for each of its picks); a cherry-pick or revert the user runs while a
/// rebase is stopped is.
pub(in crate::cli) fn stopped_check(repo: &Repo, config: &Config, cwd: &Path) -> Option<Check> {
    let conflicts = repo.conflicts();
    if conflicts.is_empty() {
        return None;
    }
    let state = repo.stopped();
    if state.rebase_pick {
        return None;
    }
    let (stop, finish) = if let Some(oid) = state.revert_head {
        let noted = std::fs::read_to_string(repo.git_dir().join(NO_COMMIT_REVERT))
            .ok()
            .filter(|n| n.trim() == oid.to_string())
            .and_then(|_| std::fs::metadata(repo.git_dir().join(NO_COMMIT_REVERT)).ok())
            .and_then(|m| m.modified().ok())
            .is_some_and(|at| state.revert_head_written.is_some_and(|head| at >= head));
        (Stop::Revert, finish_of(&state, noted))
    } else if state.cherry_pick_head {
        (Stop::CherryPick, Finish::Continue)
    } else if state.sequence.as_ref().is_some_and(|s| s.command == "pick") {
        // `git cherry-pick -n` of several commits: no CHERRY_PICK_HEAD.
        (Stop::CherryPick, finish_of(&state, false))
    } else if state.sequence.is_none() && state.message_alone && !state.rebase {
        // `git cherry-pick -n` of one commit leaves MERGE_MSG alone.
        (Stop::CherryPick, Finish::Commit)
    } else {
        return None;
    };
    let top = repo.work_tree()?;
    let below = match (std::fs::canonicalize(cwd), std::fs::canonicalize(&top)) {
        (Ok(cwd), Ok(top)) => cwd != top && cwd.starts_with(&top),
        _ => false,
    };
    let place = Place {
        in_subfolder: below,
        in_rebase: state.rebase,
    };
    let w = way_on(
        &conflicts,
        &changelogs(config.clone()),
        place,
        stop,
        &finish,
    )?;
    Some(Check {
        subject: stop.git().into(),
        status: Status::Invalid,
        detail: format!("stopped on {}{}", w.what, w.then),
        fix: Some(w.command),
    })
}

/// The changelogs in `conflicts` that `stop` would lose: a revert's "deleted by them" (base
/// and ours, no theirs), a pick's "deleted by us" (base and theirs, no ours).
fn kept<'a>(conflicts: &'a [Conflict], changelogs: &[PathBuf], stop: Stop) -> Vec<&'a Path> {
    let stages = match stop {
        Stop::Revert => [true, true, false],
        Stop::CherryPick => [true, false, true],
    };
    conflicts
        .iter()
        .filter(|c| c.stages == stages && changelogs.contains(&c.path))
        .map(|c| c.path.as_path())
        .collect()
}

/// Where the user stands when git stops.
#[derive(Debug, Clone, Copy, Default)]
struct Place {
    /// git runs below the top of the work tree, so the paths are given from the top.
    in_subfolder: bool,
    /// A rebase is stopped under the revert or pick: post-commit leaves HEAD to it, so the
    /// commit's own change to the changelog waits for `relhook changelog --sync`.
    in_rebase: bool,
}

/// The way on for `conflicts` (the index after the stop): the changelogs among them that
/// `stop` would lose, the command that keeps them as this branch has them, with what finishes
/// `stop` when nothing else is in conflict.
fn way_on(
    conflicts: &[Conflict],
    changelogs: &[PathBuf],
    place: Place,
    stop: Stop,
    finish: &Finish,
) -> Option<WayOn> {
    let in_subfolder = place.in_subfolder;
    let kept = kept(conflicts, changelogs, stop);
    if kept.is_empty() {
        return None;
    }
    let shown: Vec<String> = kept.iter().map(|p| p.display().to_string()).collect();
    // Taken literally by git: a changelog named `CHANGE*.md` names no other file.
    let words: Vec<String> = kept
        .iter()
        .map(|p| crate::shellword::pathspec(p, in_subfolder))
        .collect();
    let words = words.join(" ");
    let (keep, why, then) = match stop {
        Stop::Revert => (
            format!("git checkout --ours {words} && git add {words}"),
            "the reverted commit created it, so the revert would delete it with every entry added since; keep it",
            [
                "writes the revert's own change to it",
                "the revert's own change to it",
            ],
        ),
        Stop::CherryPick => (
            format!("git rm {words}"),
            "this branch does not have it, and the picked commit's copy would bring every entry of its own branch; leave it out",
            [
                "writes the pick's own entry to a new one",
                "the pick's own entry",
            ],
        ),
    };
    // In a stopped rebase post-commit leaves HEAD to the rebase: said after the command, which
    // stays the first one the line names.
    let (why, waits) = if place.in_rebase {
        let waits = format!(
            "; a rebase is stopped, and relhook leaves HEAD to it: it then names {}, which `relhook changelog --sync` writes once the rebase is done",
            then[1]
        );
        (why.to_owned(), waits)
    } else {
        (format!("{why} (relhook then {})", then[0]), String::new())
    };
    let git = stop.git();
    let others = if conflicts.len() > kept.len() {
        "resolve the other conflicts and "
    } else {
        ""
    };
    let commit =
        format!("`git commit` when the change is ready (`git {git} -n` commits nothing itself)");
    let (command, then) = match (finish, others.is_empty()) {
        (Finish::Continue, true) => (format!("{keep} && git {git} --continue"), String::new()),
        (Finish::Continue, false) => (keep, format!(", then {others}`git {git} --continue`")),
        (Finish::Commit, _) => (keep, format!(", then {others}{commit}")),
        (Finish::Redo(rest), others_none) => {
            let rest: Vec<String> = rest.iter().map(|c| crate::shellword::quote(c)).collect();
            let redo = format!("git {git} --quit && git {git} -n {}", rest.join(" "));
            if others_none {
                (format!("{keep} && {redo}"), format!(", then {commit}"))
            } else {
                (keep, format!(", then {others}`{redo}`, then {commit}"))
            }
        }
    };
    Some(WayOn {
        what: format!("{}: {why}", shown.join(", ")),
        command,
        then: then + &waits,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conflict(path: &str, stages: [bool; 3]) -> Conflict {
        Conflict {
            path: PathBuf::from(path),
            stages,
        }
    }

    /// The hook's line for `conflicts`.
    fn line(conflicts: &[Conflict], logs: &[PathBuf], sub: bool, stop: Stop, f: Finish) -> String {
        let place = Place {
            in_subfolder: sub,
            in_rebase: false,
        };
        let w = way_on(conflicts, logs, place, stop, &f).unwrap();
        format!("{}: `{}`{}", w.what, w.command, w.then)
    }

    #[test]
    fn only_a_changelog_the_revert_deletes_is_spoken_of() {
        let logs = [PathBuf::from("CHANGELOG.md"), PathBuf::from("pkg/a b.md")];
        let r = Stop::Revert;
        let go = || Finish::Continue;
        let deleted = conflict("CHANGELOG.md", [true, true, false]);
        let l = line(std::slice::from_ref(&deleted), &logs, false, r, go());
        assert!(
            l.ends_with(": `git checkout --ours CHANGELOG.md && git add CHANGELOG.md && git revert --continue`"),
            "{l}"
        );
        // Run below the top of the work tree: the paths from the top; a blank quoted.
        let both = [deleted.clone(), conflict("pkg/a b.md", [true, true, false])];
        let l = line(&both, &logs, true, r, go());
        assert!(l.starts_with("CHANGELOG.md, pkg/a b.md: "), "{l}");
        assert!(
            l.contains("`git checkout --ours :/CHANGELOG.md ':/pkg/a b.md' && git add"),
            "{l}"
        );
        // Another file in conflict: the user resolves it before going on.
        let more = [deleted.clone(), conflict("src/a.rs", [true, true, true])];
        let l = line(&more, &logs, false, r, go());
        assert!(
            l.ends_with("`git checkout --ours CHANGELOG.md && git add CHANGELOG.md`, then resolve the other conflicts and `git revert --continue`"),
            "{l}"
        );
        // `git revert -n` of one commit: nothing to continue, the commit is the user's.
        let l = line(&more, &logs, false, r, Finish::Commit);
        assert!(
            l.ends_with("`git checkout --ours CHANGELOG.md && git add CHANGELOG.md`, then resolve the other conflicts and `git commit` when the change is ready (`git revert -n` commits nothing itself)"),
            "{l}"
        );
        // Not relhook's: a changelog deleted on HEAD's side, in a content conflict, another file.
        for other in [
            conflict("CHANGELOG.md", [true, false, true]),
            conflict("CHANGELOG.md", [true, true, true]),
            conflict("NEWS.md", [true, true, false]),
        ] {
            let nowhere = Place::default();
            assert_eq!(way_on(&[other], &logs, nowhere, r, &Finish::Continue), None);
        }
    }

    #[test]
    fn a_pick_leaves_out_the_changelog_this_branch_does_not_have() {
        let logs = [PathBuf::from("CHANGELOG.md")];
        let p = Stop::CherryPick;
        let gone = conflict("CHANGELOG.md", [true, false, true]);
        let l = line(
            std::slice::from_ref(&gone),
            &logs,
            false,
            p,
            Finish::Continue,
        );
        assert!(
            l.ends_with("`git rm CHANGELOG.md && git cherry-pick --continue`"),
            "{l}"
        );
        let l = line(std::slice::from_ref(&gone), &logs, false, p, Finish::Commit);
        assert!(
            l.ends_with("`git rm CHANGELOG.md`, then `git commit` when the change is ready (`git cherry-pick -n` commits nothing itself)"),
            "{l}"
        );
        // `-n` of several commits: given up, and run again on the commits left.
        let rest = Finish::Redo(vec!["c1".into(), "c2".into()]);
        let l = line(std::slice::from_ref(&gone), &logs, false, p, rest);
        assert!(
            l.ends_with("`git rm CHANGELOG.md && git cherry-pick --quit && git cherry-pick -n c1 c2`, then `git commit` when the change is ready (`git cherry-pick -n` commits nothing itself)"),
            "{l}"
        );
        let theirs_gone = conflict("CHANGELOG.md", [true, true, false]);
        assert_eq!(
            way_on(
                &[theirs_gone],
                &logs,
                Place::default(),
                p,
                &Finish::Continue
            ),
            None
        );
    }

    /// While a rebase is stopped, post-commit leaves HEAD to it: the line says the commit's own
    /// change to the changelog waits for `--sync`, and the command is the same.
    #[test]
    fn in_a_stopped_rebase_the_commits_own_change_waits_for_sync() {
        let logs = [PathBuf::from("CHANGELOG.md")];
        let gone = [conflict("CHANGELOG.md", [true, false, true])];
        let place = Place {
            in_subfolder: false,
            in_rebase: true,
        };
        let w = way_on(&gone, &logs, place, Stop::CherryPick, &Finish::Continue).unwrap();
        assert_eq!(
            w.command,
            "git rm CHANGELOG.md && git cherry-pick --continue"
        );
        assert!(w.what.ends_with("; leave it out"), "{}", w.what);
        assert_eq!(
            w.then,
            "; a rebase is stopped, and relhook leaves HEAD to it: it then names the pick's own entry, which `relhook changelog --sync` writes once the rebase is done"
        );
        let kept = [conflict("CHANGELOG.md", [true, true, false])];
        let w = way_on(&kept, &logs, place, Stop::Revert, &Finish::Continue).unwrap();
        assert!(
            w.then
                .contains("it then names the revert's own change to it"),
            "{}",
            w.then
        );
    }

    #[test]
    fn no_commit_is_read_from_the_command_line() {
        let args = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        for yes in [
            &["-n", "HEAD"][..],
            &["--no-commit", "HEAD"],
            &["-sn", "HEAD"],
            &["--commit", "-n", "HEAD"],
        ] {
            assert!(asks_no_commit(&args(yes)), "{yes:?}");
        }
        for no in [
            &["HEAD"][..],
            &["--no-edit", "HEAD"],
            &["-Xignore-space-change", "HEAD"],
            &["-m1", "HEAD"],
            &["-n", "--commit", "HEAD"],
            &["--", "-n"],
        ] {
            assert!(!asks_no_commit(&args(no)), "{no:?}");
        }
    }
}
