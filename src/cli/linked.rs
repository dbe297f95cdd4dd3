//! git starting relhook through a link (`hooks::link`), or the launcher starting it
//! (`hooks::launcher`, which keeps git's arguments): `.git/hooks/reference-transaction` is
//! relhook itself, so the program name says which hook runs. What the sh shim does before it
//! starts relhook is done here, in the same order and as cheaply: the hook relhook replaced
//! runs first, RELHOOK_SKIP bypasses, and every ref update that is not relhook's business ends
//! here, before any file of the repository is read (this runs several times per commit).

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

use super::Cli;
use super::args::{ColorChoice, Command, HookCommand};

/// The command a link started: `None` when the program name is not a linked hook's (then the
/// arguments are relhook's own), `Err` with the hook's exit code when it ends here.
pub(super) fn gate(args: &[OsString]) -> Option<Result<Cli, ExitCode>> {
    let program = Path::new(args.first()?);
    let name = crate::hooks::link::linked_hook(program.file_name()?.to_str()?)?;
    let state = args.get(1).and_then(|s| s.to_str()).unwrap_or_default();
    if state == "committed" {
        // git has made the tag and ignores this hook's exit, and relhook may be making the
        // release commit: a Ctrl-C is left to relhook (`interrupt`), which ends the release
        // whole or withdraws the tag. Ignored from the start, as the shim's `trap ''` did.
        ignore_stop_signals();
    }
    let mut raw = Vec::new();
    let _ = std::io::stdin().read_to_end(&mut raw);
    // The hook relhook replaced, by name beside the link: a hook manager that moves the link
    // aside and still runs it (pre-commit's `reference-transaction.legacy`) must not lose it.
    let chained = program.with_file_name(format!("{name}{}", crate::hooks::BACKUP_SUFFIX));
    // Run by pre-commit as that `.legacy`, a chained pre-commit script would run pre-commit's
    // hooks a second time (pre-commit stops with "bug: ... migration mode"): they run already.
    let again = std::env::var_os("PRE_COMMIT_RUNNING_LEGACY").is_some_and(|v| !v.is_empty())
        && crate::hooks::aside::is_pre_commit_script(&chained);
    if !again {
        if let Err(code) = super::direct::run_chained(&chained, &args[1..], Some(&raw)) {
            return Some(Err(code));
        }
    }
    if super::lint::skip_requested() || !(state == "prepared" || state == "committed") {
        return Some(Err(ExitCode::SUCCESS));
    }
    let git_dir = std::env::var_os("GIT_DIR").unwrap_or_else(|| ".git".into());
    let git_dir = Path::new(&git_dir);
    if fetch_noted(git_dir) {
        return Some(Err(ExitCode::SUCCESS));
    }
    let input = String::from_utf8_lossy(&raw);
    let Some(lines) = relhooks_lines(&input, state, git_dir) else {
        return Some(Err(ExitCode::SUCCESS));
    };
    note_for_tests();
    Some(Ok(Cli {
        color: ColorChoice::Auto,
        config: None,
        command: Command::Hook(HookCommand::ReferenceTransaction {
            state: state.to_owned(),
            input: Some(lines),
        }),
    }))
}

/// Whether relhook has found that the git running this hook is a fetch (a note in the git dir
/// naming the parent process, newer than that process's /proc entry: a later process given
/// the same pid is not taken for it). git 2.46 and later fetch each ref in a transaction of
/// its own, and a fetch's tags are not relhook's to judge.
fn fetch_noted(git_dir: &Path) -> bool {
    let note = git_dir.join("relhook-tag-fetch");
    let Ok(said) = std::fs::read_to_string(&note) else {
        return false;
    };
    #[cfg(unix)]
    let parent = std::os::unix::process::parent_id();
    #[cfg(not(unix))]
    let parent = 0;
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    said.lines().next() == Some(parent.to_string().as_str())
        && matches!(
            (modified(&note), modified(&Path::new("/proc").join(parent.to_string()))),
            (Some(noted), Some(started)) if noted > started
        )
}

/// The lines relhook acts on, as the sh shim hands them over; `None` when there are none.
/// Each line is `<old> <new> <ref>`: a tag created or moved (only a name with a digit can be a
/// release tag), in `prepared` and `committed`; the REVERT_HEAD or CHERRY_PICK_HEAD a revert or
/// cherry-pick that stopped on a conflict makes (`committed`); the REBASE_HEAD an am ending
/// without its last patch removes (`committed`). `git tag` creates one ref per
/// transaction, so one whose first line is not relhook's is not read further. After 100
/// lines (a fetch, pack-refs), the rest goes to relhook as it is.
fn relhooks_lines(input: &str, state: &str, git_dir: &Path) -> Option<String> {
    let mut lines = input.lines();
    let first = fields(lines.next()?)?;
    let created = |new: &str| new.bytes().any(|b| b != b'0');
    let tag = |r: &str| {
        r.strip_prefix("refs/tags/")
            .is_some_and(|t| t.bytes().any(|b| b.is_ascii_digit() || !b.is_ascii()))
    };
    match first.2 {
        "REVERT_HEAD" | "CHERRY_PICK_HEAD" => {
            return (state == "committed"
                && created(first.1)
                && !rebase_pick(first.2, git_dir)
                && stopped_on_conflicts(git_dir))
            .then(|| format!("{} {} {}\n", first.0, first.1, first.2));
        }
        // An am that ends without committing its last patch runs no post-applypatch.
        "REBASE_HEAD" => {
            return (state == "committed" && crate::git::am_ends_unapplied(git_dir))
                .then(|| format!("{} {} {}\n", first.0, first.1, first.2));
        }
        r if tag(r) => {}
        _ => return None,
    }
    if !created(first.1) || first.0 == first.1 {
        return None;
    }
    let mut tags = vec![first];
    let mut n = 1;
    let mut rest = String::new();
    for line in lines.by_ref() {
        if n >= 100 {
            rest.push_str(line);
            rest.push('\n');
            continue;
        }
        n += 1;
        match fields(line) {
            Some(f) if tag(f.2) && f.0 != f.1 && created(f.1) => tags.push(f),
            _ => {}
        }
    }
    let mut out: String = tags
        .iter()
        .map(|(old, new, r)| format!("{old} {new} {r}\n"))
        .collect();
    if n < 100 && state == "committed" && settled(git_dir, &out) {
        return None;
    }
    out.push_str(&rest);
    Some(out)
}

/// `<old> <new> <ref>`, as sh's `read -r old new ref rest` splits a line.
fn fields(line: &str) -> Option<(&str, &str, &str)> {
    let mut words = line.split_whitespace();
    Some((
        words.next()?,
        words.next()?,
        words.next().unwrap_or_default(),
    ))
}

/// A rebase makes CHERRY_PICK_HEAD for each commit it picks, stopped or not: no cherry-pick.
/// Its pick under way has the author it writes (rebase-merge/author-script) and no
/// REBASE_HEAD (a stop writes that); a cherry-pick the user runs while the rebase is stopped
/// goes on to relhook, which tells it from the rebase's step.
fn rebase_pick(head: &str, git_dir: &Path) -> bool {
    head == "CHERRY_PICK_HEAD"
        && git_dir.join("rebase-merge/author-script").is_file()
        && !git_dir.join("REBASE_HEAD").is_file()
}

/// git makes REVERT_HEAD and CHERRY_PICK_HEAD for a clean pick or revert too, with MERGE_MSG
/// already written: it lists the conflicts (`# Conflicts:`) only when git stops on them.
/// Unreadable, relhook decides.
fn stopped_on_conflicts(git_dir: &Path) -> bool {
    std::fs::read(git_dir.join("MERGE_MSG"))
        .map_or(true, |m| memchr::memmem::find(&m, b"Conflicts:").is_some())
}

/// Whether `prepared` noted these very lines as needing nothing more from relhook (not a
/// release tag, or its commit already has its changelog section; see `tag::hand::SETTLED`).
fn settled(git_dir: &Path, lines: &str) -> bool {
    std::fs::read_to_string(git_dir.join(crate::tag::hand::SETTLED)).is_ok_and(|said| {
        said.lines().next() == Some(lines.trim_end()) && !lines.trim_end().contains('\n')
    })
}

/// With `RELHOOK_TEST_GATE_LOG` set, each run that gets past this gate adds a line to that
/// file: a test bounds how often a fetch's transactions get that far (a timed test would be
/// flaky).
fn note_for_tests() {
    if let Some(log) = std::env::var_os("RELHOOK_TEST_GATE_LOG") {
        let _ = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .and_then(|mut f| f.write_all(b"passed\n"));
    }
}

#[cfg(unix)]
fn ignore_stop_signals() {
    for signal in [libc::SIGHUP, libc::SIGINT, libc::SIGTERM] {
        // SAFETY: setting a signal's disposition to SIG_IGN has no other effect.
        unsafe {
            libc::signal(signal, libc::SIG_IGN);
        }
    }
}

#[cfg(not(unix))]
fn ignore_stop_signals() {}

#[cfg(test)]
mod tests {
    use super::*;

    const Z: &str = "0000000000000000000000000000000000000000";
    const A: &str = "1111111111111111111111111111111111111111";
    const B: &str = "2222222222222222222222222222222222222222";

    #[test]
    fn only_created_or_moved_tags_with_a_digit_reach_relhook() {
        let dir = tempfile::tempdir().unwrap();
        let git = dir.path();
        let run = |input: &str, state| relhooks_lines(input, state, git);
        assert_eq!(run(&format!("{Z} {A} refs/heads/main\n"), "prepared"), None);
        assert_eq!(
            run(&format!("{Z} {A} refs/tags/latest\n"), "prepared"),
            None
        );
        assert_eq!(
            run(&format!("{A} {Z} refs/tags/v1.0.0\n"), "prepared"),
            None
        );
        assert_eq!(
            run(&format!("{A} {A} refs/tags/v1.0.0\n"), "prepared"),
            None
        );
        let made = format!("{Z} {A} refs/tags/v1.0.0\n");
        assert_eq!(run(&made, "prepared").as_deref(), Some(made.as_str()));
        // Another script's digits: relhook refuses the tag with its ASCII spelling.
        let fullwidth = format!("{Z} {A} refs/tags/v１.０.０\n");
        assert!(run(&fullwidth, "prepared").is_some());
        let moved = format!("{A} {B} refs/tags/v1.0.0\n");
        assert_eq!(run(&moved, "committed").as_deref(), Some(moved.as_str()));
        // Later lines: only tags; a branch among them is dropped.
        let many = format!("{Z} {A} refs/tags/v1\n{Z} {A} refs/heads/x\n{Z} {B} refs/tags/v2\n");
        assert_eq!(
            run(&many, "prepared").unwrap(),
            format!("{Z} {A} refs/tags/v1\n{Z} {B} refs/tags/v2\n")
        );
        // After 100 lines the rest goes unread to relhook.
        let mut long = made.clone();
        for _ in 0..120 {
            long.push_str(&format!("{Z} {A} refs/heads/b\n"));
        }
        let out = run(&long, "prepared").unwrap();
        assert_eq!(out.lines().count(), 1 + 21);
        // A tag `prepared` noted as settled: `committed` ends here.
        std::fs::write(git.join(crate::tag::hand::SETTLED), made.trim_end()).unwrap();
        assert_eq!(run(&made, "committed"), None);
        assert!(run(&made, "prepared").is_some());
    }

    #[test]
    fn a_stopped_revert_reaches_relhook_and_a_clean_one_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let git = dir.path();
        let line = format!("{Z} {A} REVERT_HEAD\n");
        assert_eq!(relhooks_lines(&line, "prepared", git), None);
        // No MERGE_MSG to read: relhook decides.
        assert!(relhooks_lines(&line, "committed", git).is_some());
        std::fs::write(git.join("MERGE_MSG"), "Revert \"x\"\n").unwrap();
        assert_eq!(relhooks_lines(&line, "committed", git), None);
        std::fs::write(git.join("MERGE_MSG"), "Revert \"x\"\n# Conflicts:\n#\ta\n").unwrap();
        assert!(relhooks_lines(&line, "committed", git).is_some());
        // A rebase's own pick is not a cherry-pick.
        let pick = format!("{Z} {A} CHERRY_PICK_HEAD\n");
        std::fs::create_dir_all(git.join("rebase-merge")).unwrap();
        std::fs::write(git.join("rebase-merge/author-script"), "").unwrap();
        assert_eq!(relhooks_lines(&pick, "committed", git), None);
        std::fs::write(git.join("REBASE_HEAD"), A).unwrap();
        assert!(relhooks_lines(&pick, "committed", git).is_some());
    }

    #[test]
    fn an_am_going_past_its_last_patch_reaches_relhook_while_commits_are_noted() {
        let dir = tempfile::tempdir().unwrap();
        let git = dir.path();
        let line = format!("{Z} {Z} REBASE_HEAD\n");
        assert_eq!(relhooks_lines(&line, "committed", git), None, "no am");
        let am = git.join("rebase-apply");
        std::fs::create_dir_all(&am).unwrap();
        std::fs::write(am.join("next"), "2\n").unwrap();
        std::fs::write(am.join("last"), "2\n").unwrap();
        assert_eq!(relhooks_lines(&line, "committed", git), None, "none noted");
        std::fs::write(am.join("relhook-applied"), format!("{A}\n")).unwrap();
        assert_eq!(relhooks_lines(&line, "committed", git), Some(line.clone()));
        assert_eq!(relhooks_lines(&line, "prepared", git), None);
        std::fs::write(am.join("next"), "1\n").unwrap();
        assert_eq!(
            relhooks_lines(&line, "committed", git),
            None,
            "a patch is left"
        );
    }
}
