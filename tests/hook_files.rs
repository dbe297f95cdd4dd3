//! Hook files relhook shares with others: relhook's call in a husky file that ends with
//! `exit` or `exec`, doctor under `core.hooksPath=.husky` (git runs those files itself), and
//! doctor's advice when another tool rewrote a hook beside relhook's backup of the first one.

use std::process::Output;

use crate::support::{Repo, chmod, ok, path_with, relhook_bin, stderr, stdout, text};

/// git with relhook on PATH, as after `cargo install` (husky's calls find it there).
pub(crate) fn git(repo: &Repo, args: &[&str]) -> Output {
    repo.command_in("git", &repo.path())
        .env("PATH", path_with(&[relhook_bin().parent().unwrap()]))
        .args(args)
        .output()
        .expect("run git")
}

/// A repository whose git runs `.husky/*` itself (`core.hooksPath=.husky`, no husky runner),
/// with the team's `.husky/<hook>` files committed.
fn husky_dir_repo(files: &[(&str, &str)]) -> Repo {
    let repo = Repo::new();
    for (hook, body) in files {
        let rel = format!(".husky/{hook}");
        repo.write(&rel, body);
        chmod(&repo.path().join(rel), 0o755);
    }
    repo.git(&["config", "core.hooksPath", ".husky"]);
    repo.git(&["add", ".husky"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: husky"]);
    repo
}

#[test]
fn doctor_judges_the_husky_files_git_runs_itself() {
    let team = "#!/bin/sh\necho TEAM-COMMIT-MSG >&2\n";
    let repo = husky_dir_repo(&[("commit-msg", team)]);
    let install = ok(repo.relhook(&["install"]));
    assert!(
        !stdout(&install).contains("npx husky"),
        "{}",
        text(&install)
    );
    let bad = git(
        &repo,
        &["commit", "-q", "--allow-empty", "-m", "bad message"],
    );
    assert!(!bad.status.success(), "{}", text(&bad));
    assert!(stderr(&bad).contains("TEAM-COMMIT-MSG"), "{}", text(&bad));
    repo.write("x.txt", "x\n");
    repo.git(&["add", "x.txt"]);
    ok(git(&repo, &["commit", "-q", "-m", "feat: add x"]));
    assert_eq!(
        repo.git(&["show", "--format=", "--name-only", "HEAD"]),
        "CHANGELOG.md\nx.txt",
        "git ran .husky/post-commit"
    );

    // No husky runner here, and none needed: git runs `.husky/*` itself.
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(0), "{}", text(&doctor));
    assert!(!stdout(&doctor).contains("npx husky"), "{}", text(&doctor));
    assert_eq!(
        stdout(&doctor).matches("husky runs relhook for it").count(),
        5,
        "{}",
        text(&doctor)
    );

    // A file git runs itself must be executable; doctor says so and install sets the bit.
    chmod(&repo.path().join(".husky/pre-push"), 0o644);
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(1), "{}", text(&doctor));
    assert!(
        stdout(&doctor).contains(
            "SHADOWED  hook pre-push (via husky): .husky/pre-push calls relhook, but git skips it: it is not executable"
        ),
        "{}",
        text(&doctor)
    );
    assert!(
        stdout(&doctor).contains("fix: relhook install (makes it executable)"),
        "{}",
        text(&doctor)
    );
    ok(repo.relhook(&["install"]));
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(0), "{}", text(&doctor));
}

const TEAM_COMMIT_MSG: &str = "#!/bin/sh\necho HUSKY >&2\nif grep -q WIP \"$1\"; then\n  echo 'team: no WIP commits' >&2\n  exit 1\nfi\nexit 0\n";

#[test]
fn a_husky_hook_ending_with_exit_still_runs_relhook_and_keeps_its_own_veto() {
    let repo = husky_dir_repo(&[("commit-msg", TEAM_COMMIT_MSG)]);
    let install = ok(repo.relhook(&["install"]));
    assert!(
        stdout(&install).contains("commit-msg: wired in .husky/commit-msg, above `exit 0`"),
        "{}",
        text(&install)
    );
    assert!(
        !stdout(&install).contains("npx husky"),
        "{}",
        text(&install)
    );
    let file = repo.read(".husky/commit-msg");
    let (call, exit) = (
        file.find("relhook hook commit-msg").unwrap(),
        file.rfind("exit 0").unwrap(),
    );
    assert!(call < exit, "relhook's call comes before `exit 0`:\n{file}");

    let bad = git(
        &repo,
        &["commit", "-q", "--allow-empty", "-m", "bad message"],
    );
    assert!(!bad.status.success(), "linted: {}", text(&bad));
    assert!(stderr(&bad).contains("header-format"), "{}", text(&bad));
    assert!(stderr(&bad).contains("HUSKY"), "the team's lines run too");
    let wip = git(&repo, &["commit", "-q", "--allow-empty", "-m", "feat: WIP"]);
    assert!(!wip.status.success(), "the team's veto: {}", text(&wip));
    assert!(stderr(&wip).contains("team: no WIP commits"));
    repo.write("x.txt", "x\n");
    repo.git(&["add", "x.txt"]);
    let good = ok(git(&repo, &["commit", "-q", "-m", "feat: add x"]));
    assert!(stderr(&good).contains("HUSKY"), "{}", text(&good));
    assert_eq!(
        repo.git(&["show", "--format=", "--name-only", "HEAD"]),
        "CHANGELOG.md\nx.txt",
        "post-commit ran from .husky"
    );

    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(0), "{}", text(&doctor));

    ok(repo.relhook(&["uninstall"]));
    assert_eq!(repo.read(".husky/commit-msg"), TEAM_COMMIT_MSG);
}

#[test]
fn doctor_finds_relhooks_call_below_an_exit_and_install_moves_it() {
    // What an earlier relhook wrote: its block appended after the team's `exit 0`.
    let old = format!(
        "{}# >>> relhook: `relhook uninstall` removes this block\nif command -v relhook >/dev/null 2>&1; then\n  relhook hook commit-msg \"$@\"\nfi\n# <<< relhook\n",
        "#!/bin/sh\necho HUSKY >&2\nexit 0\n"
    );
    let repo = husky_dir_repo(&[("commit-msg", &old)]);
    ok(repo.relhook(&["install"]));
    // Put the old text back, as a clone of the team's repository would have it.
    repo.write(".husky/commit-msg", &old);
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(1), "{}", text(&doctor));
    let said = stdout(&doctor);
    assert!(
        said.contains(
            "SHADOWED  hook commit-msg (via husky): .husky/commit-msg calls relhook below line 3 (`exit 0`), which ends the hook: relhook never runs"
        ),
        "{said}"
    );
    assert!(
        said.contains("fix: relhook install (moves the call above line 3)"),
        "{said}"
    );
    let bad = git(
        &repo,
        &["commit", "-q", "--allow-empty", "-m", "bad message"],
    );
    assert!(bad.status.success(), "the old text never lints");

    // The fix doctor names works.
    let install = ok(repo.relhook(&["install"]));
    assert!(
        stdout(&install).contains("above `exit 0`"),
        "{}",
        text(&install)
    );
    assert_eq!(
        repo.read(".husky/commit-msg")
            .matches(">>> relhook")
            .count(),
        1
    );
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(0), "{}", text(&doctor));
    let bad = git(
        &repo,
        &["commit", "-q", "--allow-empty", "-m", "bad message 2"],
    );
    assert!(!bad.status.success(), "{}", text(&bad));

    // A call the team wrote below the exit is theirs: install and doctor say where it must go.
    let theirs = "#!/bin/sh\nexit 0\nrelhook hook commit-msg \"$1\"\n";
    repo.write(".husky/commit-msg", theirs);
    let install = repo.relhook(&["install"]);
    assert_eq!(install.status.code(), Some(1), "{}", text(&install));
    assert!(
        stdout(&install).contains("below line 2 (`exit 0`), which ends the hook"),
        "{}",
        text(&install)
    );
    assert_eq!(repo.read(".husky/commit-msg"), theirs, "left as it was");
    let doctor = repo.relhook(&["doctor"]);
    assert!(
        stdout(&doctor).contains("below line 2 (`exit 0`)"),
        "{}",
        text(&doctor)
    );
}

#[test]
fn a_husky_pre_push_ending_with_exec_gets_the_refs_and_so_does_relhook() {
    let team = "#!/bin/sh\necho TEAM-PRE-PUSH >&2\nexec cat >.git/team-saw\n";
    let repo = husky_dir_repo(&[("pre-push", team)]);
    ok(repo.relhook(&["install"]));
    ok(git(&repo, &["add", ".husky"]));
    ok(git(
        &repo,
        &["commit", "-q", "-m", "chore: relhook in husky"],
    ));
    ok(git(
        &repo,
        &["commit", "-q", "--allow-empty", "-m", "feat: one"],
    ));
    ok(repo.relhook(&["release", "--no-test"]));
    let remote = repo.scratch("remote.git");
    ok(git(
        &repo,
        &["init", "-q", "--bare", remote.to_str().unwrap()],
    ));
    // relhook reads the refs: an untested release tag is refused.
    let push = git(
        &repo,
        &["push", "--follow-tags", remote.to_str().unwrap(), "main"],
    );
    assert!(!push.status.success(), "{}", text(&push));
    assert!(stderr(&push).contains("untested"), "{}", text(&push));
    // The team's `exec` still gets them too.
    let push = ok(git(&repo, &["push", remote.to_str().unwrap(), "main"]));
    assert!(stderr(&push).contains("TEAM-PRE-PUSH"), "{}", text(&push));
    let saw = repo.read(".git/team-saw");
    assert!(saw.starts_with("refs/heads/main "), "{saw:?}");
}

#[test]
fn doctors_fix_for_a_rewritten_hook_beside_relhooks_backup_works() {
    for keep in ["backup", "new"] {
        let repo = Repo::new();
        let hook = repo.hooks_dir().join("commit-msg");
        let backup = repo.hooks_dir().join("commit-msg.relhook-orig");
        std::fs::write(&hook, "#!/bin/sh\necho FIRST >&2\n").unwrap();
        chmod(&hook, 0o755);
        ok(repo.relhook(&["install"]));
        // Another tool rewrites the hook.
        std::fs::write(&hook, "#!/bin/sh\necho SECOND >&2\n").unwrap();
        chmod(&hook, 0o755);

        let doctor = repo.relhook(&["doctor"]);
        assert_eq!(doctor.status.code(), Some(1), "{}", text(&doctor));
        let said = stdout(&doctor);
        assert!(
            !said.contains("keeps it as"),
            "install would refuse: {said}"
        );
        let fix = said
            .lines()
            .find(|l| l.contains("fix:") && l.contains("commit-msg"))
            .unwrap_or_else(|| panic!("{said}"));
        assert!(
            fix.contains(&hook.display().to_string())
                && fix.contains(&backup.display().to_string()),
            "names both files: {fix}"
        );
        assert!(fix.contains("then relhook install"), "{fix}");

        // Either way doctor offers, install then succeeds and nothing kept is lost.
        let expected = if keep == "backup" {
            std::fs::remove_file(&hook).unwrap();
            "FIRST"
        } else {
            std::fs::rename(&backup, repo.scratch("away").join("commit-msg")).unwrap();
            "SECOND"
        };
        let install = repo.relhook(&["install"]);
        assert_eq!(install.status.code(), Some(0), "{}", text(&install));
        let doctor = repo.relhook(&["doctor"]);
        assert_eq!(doctor.status.code(), Some(0), "{}", text(&doctor));
        let bad = repo.try_commit("bad message");
        assert!(!bad.status.success(), "{}", text(&bad));
        assert!(stderr(&bad).contains(expected), "{keep}: {}", text(&bad));
    }
}

/// A pre-push install cannot place (it ends on a line with other commands): the block it
/// prints to paste hands git's refs on, and says to go above what reads them; pasted there,
/// the hook's own loop still gets every ref.
#[test]
fn the_block_to_paste_into_a_pre_push_hands_its_input_on() {
    let hook = "#!/bin/sh\nmain() {\n  while read -r l r ls rs; do echo \"push $l\"; done\n}\nmain \"$@\"; exit $?\n";
    let repo = husky_dir_repo(&[("pre-push", hook)]);
    // Exit 1: something is left for the user to do.
    let said = text(&repo.relhook(&["install"]));
    assert!(
        said.contains("pre-push: NOT wired")
            && said.contains("above anything that reads standard input"),
        "{said}"
    );
    let block: String = said
        .lines()
        .skip_while(|l| !l.starts_with("pre-push: NOT wired"))
        .skip(1)
        .skip_while(|l| l.trim().is_empty())
        .take_while(|l| !l.trim().is_empty())
        .map(|l| format!("{}\n", l.strip_prefix("    ").unwrap_or(l)))
        .collect();
    assert!(block.contains("exec <\"$relhook_input\""), "{block}");
    let pasted = hook.replacen("#!/bin/sh\n", &format!("#!/bin/sh\n{block}"), 1);
    let file = repo.path().join(".husky/pre-push");
    std::fs::write(&file, pasted).unwrap();
    let head = git(&repo, &["rev-parse", "HEAD"]);
    let line = format!(
        "refs/heads/x {} refs/heads/x {}\n",
        String::from_utf8_lossy(&head.stdout).trim(),
        "0".repeat(40)
    );
    let mut sh = repo.command_in("sh", &repo.path());
    sh.args([file.to_str().unwrap(), "origin", "url"]);
    let out = crate::support::output_with_stdin(&mut sh, line.as_bytes());
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("push refs/heads/x"),
        "{}",
        text(&out)
    );
}

/// The command a `fix:` line starts with, up to the parenthesis that explains it; run with sh
/// in the repository, as the user would paste it.
fn run_fix(repo: &Repo, doctor: &Output, subject: &str) {
    let said = stdout(doctor);
    let fix = said
        .lines()
        .skip_while(|l| !l.contains(subject))
        .find_map(|l| l.trim().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("no fix for {subject}: {said}"));
    let command = fix.split(" (").next().unwrap();
    ok(repo
        .command_in("sh", &repo.path())
        .args(["-c", command])
        .output()
        .unwrap());
}

/// A hook file saved with Windows line endings cannot start (`#!/bin/sh\r`): git refuses every
/// commit with "cannot exec". Doctor says so instead of "ok", install leaves the team's bytes
/// alone and says what to run, and that command fixes it.
#[test]
fn a_crlf_husky_file_git_runs_itself_is_reported_and_the_fix_works() {
    let team = "#!/bin/sh\r\necho TEAM-CRLF >&2\r\n";
    let repo = husky_dir_repo(&[("commit-msg", team)]);
    let install = repo.relhook(&["install"]);
    assert_eq!(install.status.code(), Some(1), "{}", text(&install));
    assert!(
        stdout(&install).contains(
            "commit-msg: NOT wired: .husky/commit-msg has Windows (CRLF) line endings: its first line (`#!/bin/sh`) ends in a carriage return"
        ),
        "{}",
        text(&install)
    );
    assert!(stdout(&install).contains("post-commit: wired in .husky/post-commit"));
    assert_eq!(
        repo.read(".husky/commit-msg"),
        team,
        "the team's bytes, untouched"
    );
    let refused = git(&repo, &["commit", "-q", "--allow-empty", "-m", "feat: x"]);
    assert!(!refused.status.success(), "{}", text(&refused));
    assert!(
        stderr(&refused).contains("cannot exec"),
        "{}",
        text(&refused)
    );

    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(1), "{}", text(&doctor));
    let said = stdout(&doctor);
    assert!(
        said.contains(
            "BROKEN  hook commit-msg (via husky): .husky/commit-msg has Windows (CRLF) line endings"
        ) && said.contains("every commit is refused"),
        "{said}"
    );
    assert!(
        said.contains(r"fix: perl -pi -e 's/\r$//' .husky/commit-msg (converts it to LF line endings), then relhook install"),
        "{said}"
    );
    run_fix(&repo, &doctor, "hook commit-msg");
    assert_eq!(repo.read(".husky/commit-msg"), team.replace('\r', ""));
    ok(repo.relhook(&["install"]));
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(0), "{}", text(&doctor));
    let bad = git(
        &repo,
        &["commit", "-q", "--allow-empty", "-m", "bad message"],
    );
    assert!(stderr(&bad).contains("header-format"), "{}", text(&bad));
    assert!(stderr(&bad).contains("TEAM-CRLF"), "{}", text(&bad));
}

/// relhook's own block with CRLF endings (an editor saved it so) in a file whose team lines
/// are fine: sh stops on `then\r`. The block is relhook's: install writes it again.
#[test]
fn relhooks_own_block_with_crlf_endings_is_written_again() {
    let repo = husky_dir_repo(&[("commit-msg", "#!/bin/sh\necho TEAM >&2\n")]);
    ok(repo.relhook(&["install"]));
    let file = repo.read(".husky/commit-msg");
    let (team, block) = file.split_at(file.find("# >>> relhook").unwrap());
    repo.write(
        ".husky/commit-msg",
        format!("{team}{}", block.replace('\n', "\r\n")),
    );
    let bad = git(
        &repo,
        &["commit", "-q", "--allow-empty", "-m", "bad message"],
    );
    assert!(!stderr(&bad).contains("header-format"), "{}", text(&bad));

    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(1), "{}", text(&doctor));
    assert!(
        stdout(&doctor)
            .contains("(line 4: `if command -v relhook >/dev/null 2>&1; then`): a command that takes it in fails or misbehaves")
            && stdout(&doctor).contains(
                "fix: relhook install (writes relhook's block again, with LF line endings)"
            ),
        "{}",
        text(&doctor)
    );
    ok(repo.relhook(&["install"]));
    assert_eq!(repo.read(".husky/commit-msg"), file);
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(0), "{}", text(&doctor));
    let bad = git(
        &repo,
        &["commit", "-q", "--allow-empty", "-m", "bad message"],
    );
    assert!(stderr(&bad).contains("header-format"), "{}", text(&bad));
}

/// In `.git/hooks`: a CRLF hook relhook chains (renamed, every byte kept) and relhook's own
/// shim saved with CRLF endings.
#[test]
fn a_crlf_hook_in_the_hooks_directory_is_reported_and_the_fix_works() {
    let repo = Repo::new();
    let hook = repo.hooks_dir().join("commit-msg");
    let team = "#!/bin/sh\r\necho TEAM-CRLF >&2\r\n";
    std::fs::write(&hook, team).unwrap();
    chmod(&hook, 0o755);
    let install = repo.relhook(&["install"]);
    assert_eq!(install.status.code(), Some(1), "{}", text(&install));
    assert!(
        stdout(&install).contains(
            "warning: .git/hooks/commit-msg.relhook-orig, which runs first, has Windows (CRLF) line endings"
        ) && stdout(&install).contains("every commit is refused until it is converted"),
        "{}",
        text(&install)
    );
    let backup = repo.hooks_dir().join("commit-msg.relhook-orig");
    assert_eq!(std::fs::read_to_string(&backup).unwrap(), team);
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(1), "{}", text(&doctor));
    assert!(
        stdout(&doctor).contains(&format!(
            "BROKEN  hook commit-msg: {}, the hook relhook runs first, has Windows (CRLF) line endings",
            backup.display()
        )),
        "{}",
        text(&doctor)
    );
    run_fix(&repo, &doctor, "BROKEN  hook commit-msg");
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(0), "{}", text(&doctor));
    let bad = repo.try_commit("bad message");
    assert!(stderr(&bad).contains("TEAM-CRLF"), "{}", text(&bad));
    assert!(stderr(&bad).contains("header-format"), "{}", text(&bad));

    // relhook's own shim with CRLF endings: git cannot start it; install writes it again.
    let shim = repo.hooks_dir().join("pre-push");
    let crlf = std::fs::read_to_string(&shim)
        .unwrap()
        .replace('\n', "\r\n");
    std::fs::write(&shim, crlf).unwrap();
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(1), "{}", text(&doctor));
    assert!(
        stdout(&doctor).contains("BROKEN  hook pre-push:")
            && stdout(&doctor).contains("every push is refused")
            && stdout(&doctor).contains(
                "fix: relhook install (writes relhook's shim again, with LF line endings)"
            ),
        "{}",
        text(&doctor)
    );
    let install = ok(repo.relhook(&["install"]));
    assert!(
        stdout(&install)
            .contains("updated pre-push in .git/hooks (it had Windows (CRLF) line endings"),
        "{}",
        text(&install)
    );
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(0), "{}", text(&doctor));
}

/// A team hook that sends its output to a log (`exec >>log 2>&1`) would take relhook's errors
/// along: a refused commit would say nothing. relhook's call goes above that line, the team's
/// lines still log, and doctor finds a call left below one.
#[test]
fn relhooks_call_goes_above_an_exec_that_sends_the_hooks_errors_to_a_log() {
    let team = "#!/bin/sh\nexec >>.git/team.log 2>&1\necho TEAM-LOGGED\n";
    let repo = husky_dir_repo(&[("commit-msg", team)]);
    let install = ok(repo.relhook(&["install"]));
    assert!(
        stdout(&install).contains(
            "commit-msg: wired in .husky/commit-msg, above `exec >>.git/team.log 2>&1`, which sends the hook's error output to .git/team.log"
        ),
        "{}",
        text(&install)
    );
    let bad = git(
        &repo,
        &["commit", "-q", "--allow-empty", "-m", "bad message"],
    );
    assert!(!bad.status.success(), "{}", text(&bad));
    assert!(
        stderr(&bad).contains("header-format"),
        "seen: {}",
        text(&bad)
    );
    ok(git(
        &repo,
        &["commit", "-q", "--allow-empty", "-m", "feat: logged"],
    ));
    assert!(repo.read(".git/team.log").contains("TEAM-LOGGED"));
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(0), "{}", text(&doctor));
    ok(repo.relhook(&["uninstall"]));
    assert_eq!(repo.read(".husky/commit-msg"), team);

    // relhook's block below the `exec` (as an earlier relhook appended it): doctor says where
    // its errors go, and install moves it.
    let old = "#!/bin/sh\nexec 2>/dev/null\n# >>> relhook: `relhook uninstall` removes this block\nif command -v relhook >/dev/null 2>&1; then\n  relhook hook commit-msg \"$@\" || exit $?\nfi\n# <<< relhook\n";
    repo.write(".husky/commit-msg", old);
    let silent = git(
        &repo,
        &["commit", "-q", "--allow-empty", "-m", "bad message"],
    );
    assert!(!silent.status.success(), "{}", text(&silent));
    assert!(
        !stderr(&silent).contains("header-format"),
        "{}",
        text(&silent)
    );
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(1), "{}", text(&doctor));
    assert!(
        stdout(&doctor).contains(
            "SHADOWED  hook commit-msg (via husky): .husky/commit-msg calls relhook below line 2 (`exec 2>/dev/null`), which sends the hook's error output to /dev/null"
        ) && stdout(&doctor).contains("fix: relhook install (moves the call above line 2)"),
        "{}",
        text(&doctor)
    );
    ok(repo.relhook(&["install"]));
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(0), "{}", text(&doctor));
    let bad = git(
        &repo,
        &["commit", "-q", "--allow-empty", "-m", "bad message"],
    );
    assert!(stderr(&bad).contains("header-format"), "{}", text(&bad));

    // A call the team wrote below it is theirs: install and doctor say where it must go.
    let theirs = "#!/bin/sh\nexec 2>/dev/null\nrelhook hook commit-msg \"$1\"\n";
    repo.write(".husky/commit-msg", theirs);
    let install = repo.relhook(&["install"]);
    assert_eq!(install.status.code(), Some(1), "{}", text(&install));
    assert!(
        stdout(&install).contains(
            "below line 2 (`exec 2>/dev/null`), which sends the hook's error output to /dev/null"
        ),
        "{}",
        text(&install)
    );
    assert_eq!(repo.read(".husky/commit-msg"), theirs, "left as it was");
}

/// husky 9's runner directory as `npx husky` writes it: `h`, and one runner per hook on
/// husky's own list, which has no reference-transaction; `core.hooksPath=.husky/_`.
pub(crate) fn husky_9_runners(repo: &Repo) {
    husky_9_runners_in(repo, ".husky");
}

/// [`husky_9_runners`] for husky set up in directory `husky` (`husky frontend/.husky`).
pub(crate) fn husky_9_runners_in(repo: &Repo, husky: &str) {
    const H: &str = "#!/usr/bin/env sh\nn=$(basename \"$0\")\ns=$(dirname \"$(dirname \"$0\")\")/$n\n[ ! -f \"$s\" ] && exit 0\n[ \"${HUSKY-}\" = \"0\" ] && exit 0\nexport PATH=\"node_modules/.bin:$PATH\"\nsh -e \"$s\" \"$@\"\nc=$?\n[ $c != 0 ] && echo \"husky - $n script failed (code $c)\"\nexit $c\n";
    let dir = repo.path().join(husky).join("_");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(".gitignore"), "*").unwrap();
    std::fs::write(dir.join("h"), H).unwrap();
    for hook in [
        "pre-commit",
        "prepare-commit-msg",
        "commit-msg",
        "post-commit",
        "post-rewrite",
        "post-checkout",
        "post-merge",
        "pre-push",
    ] {
        std::fs::write(
            dir.join(hook),
            "#!/usr/bin/env sh\n. \"$(dirname \"$0\")/h\"",
        )
        .unwrap();
        chmod(&dir.join(hook), 0o755);
    }
    repo.git(&["config", "core.hooksPath", &format!("{husky}/_")]);
}

/// A clone whose husky runners lack reference-transaction (husky's `prepare` in a fresh clone
/// writes only its own list): `.husky/reference-transaction` calls relhook but git never runs
/// it. doctor names that missing runner, and the fix it prints makes a hand tag a release.
#[test]
fn doctor_names_husky_9s_missing_reference_transaction_runner_and_its_fix() {
    let repo = Repo::new();
    husky_9_runners(&repo);
    repo.commit("chore: init");
    ok(repo.relhook(&["install"]));
    ok(git(&repo, &["add", ".husky"]));
    ok(git(
        &repo,
        &["commit", "-q", "-m", "chore: relhook in husky"],
    ));
    std::fs::remove_file(repo.path().join(".husky/_/reference-transaction")).unwrap();

    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(1), "{}", text(&doctor));
    let said = stdout(&doctor);
    let line = said
        .lines()
        .find(|l| l.contains("hook reference-transaction (via husky)"))
        .unwrap_or_default();
    assert!(
        line.contains(".husky/reference-transaction calls relhook")
            && line.contains("no .husky/_/reference-transaction runner")
            && line.contains("hand tags"),
        "{said}"
    );
    assert!(said.contains("fix: relhook install"), "{said}");

    let fix = ok(repo.relhook(&["install"]));
    assert!(
        stdout(&fix).contains(".husky/_/reference-transaction"),
        "{}",
        text(&fix)
    );
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(0), "{}", text(&doctor));
    repo.write("x.txt", "x\n");
    ok(git(&repo, &["add", "x.txt"]));
    ok(git(&repo, &["commit", "-q", "-m", "feat: x"]));
    ok(git(&repo, &["tag", "-a", "v0.1.0", "-m", "x"]));
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
}

/// QA: `relhook install --force` under husky 9 writes relhook's shims over husky's runners.
/// doctor called them "pre-commit's hook" (relhook's shim names pre-commit's mark) and said
/// no message was checked; a plain install then refused forever. doctor now says what --force
/// did, and a plain install puts husky's runners back, byte for byte.
#[test]
fn husky_runners_replaced_by_force_are_named_and_put_back() {
    let repo = Repo::new();
    husky_9_runners(&repo);
    let runner = repo.path().join(".husky/_/commit-msg");
    let before = std::fs::read(&runner).unwrap();
    ok(repo.relhook(&["install"]));
    ok(repo.relhook(&["install", "--force"]));
    let d = repo.relhook(&["doctor"]);
    assert_eq!(d.status.code(), Some(1), "{}", text(&d));
    assert!(
        stdout(&d).contains(
            "git runs .husky/_/commit-msg, relhook's own shim since `relhook install --force`: relhook's checks run, but .husky/commit-msg"
        ) && stdout(&d).contains("fix: relhook install (puts husky's runner back")
            && !text(&d).contains("pre-commit"),
        "{}",
        text(&d)
    );
    let out = ok(repo.relhook(&["install"]));
    assert!(
        stdout(&out).contains(
            "commit-msg: put husky's runner back in .husky/_/commit-msg (`relhook install --force` had written relhook's shim there)"
        ),
        "{}",
        text(&out)
    );
    assert_eq!(std::fs::read(&runner).unwrap(), before);
    let left: Vec<_> = std::fs::read_dir(repo.path().join(".husky/_"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".relhook-orig"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    let d = repo.relhook(&["doctor"]);
    assert_eq!(d.status.code(), Some(0), "{}", text(&d));
    let bad = repo.try_commit("not conventional");
    assert!(!bad.status.success(), "{}", text(&bad));
    repo.git(&["add", ".husky"]);
    repo.commit_hooked("feat: through husky again");
    let tag = crate::support::hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]);
    assert!(tag.status.success(), "{}", text(&tag));
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
}

/// Review: `--force` before relhook's call was ever in `.husky/<hook>` (the team's file runs
/// another linter only): doctor still names the shim over husky's runner, and one plain
/// install puts the runner back and wires the file, so the team's linter runs again.
#[test]
fn husky_runner_forced_before_any_call_is_named_and_put_back_in_one_install() {
    let repo = Repo::new();
    husky_9_runners(&repo);
    repo.write(".husky/commit-msg", "echo TEAM-LINTER >&2\n");
    ok(repo.relhook(&["install", "--force"]));
    let d = repo.relhook(&["doctor"]);
    assert!(
        stdout(&d).contains(
            "git runs .husky/_/commit-msg, relhook's own shim since `relhook install --force`"
        ),
        "{}",
        text(&d)
    );
    let out = ok(repo.relhook(&["install"]));
    assert!(
        stdout(&out).contains("commit-msg: put husky's runner back in .husky/_/commit-msg"),
        "{}",
        text(&out)
    );
    let d = repo.relhook(&["doctor"]);
    assert_eq!(d.status.code(), Some(0), "{}", text(&d));
    let ok_commit = repo.try_commit("feat: linted twice");
    assert!(
        stderr(&ok_commit).contains("TEAM-LINTER"),
        "{}",
        text(&ok_commit)
    );
    assert!(!repo.try_commit("not conventional").status.success());
}

/// QA: husky's relative `core.hooksPath` (`.husky/_`) seen from a folder outside the work
/// tree (GIT_DIR and GIT_WORK_TREE set): doctor looked for `.husky/_` there and told the user
/// to run `npx husky` (which would set husky up in the wrong place), and install would have
/// written there. Both now use the work tree's `.husky/_`, and doctor warns that commands
/// staying outside run no hook.
#[test]
fn a_relative_hooks_path_seen_from_outside_the_work_tree() {
    let repo = Repo::new();
    husky_9_runners(&repo);
    ok(repo.relhook(&["install"]));
    let outside = repo.scratch("out");
    let run = |args: &[&str]| {
        repo.command_in(relhook_bin(), &outside)
            .env("GIT_DIR", repo.path().join(".git"))
            .env("GIT_WORK_TREE", repo.path())
            .args(args)
            .output()
            .expect("run relhook")
    };
    let d = run(&["doctor"]);
    let said = stdout(&d);
    assert_eq!(d.status.code(), Some(0), "{}", text(&d));
    assert!(
        !said.contains("npx husky")
            && said.contains("core.hooksPath is relative (.husky/_)")
            && said.contains("fix: run git from inside the work tree"),
        "{said}"
    );
    let out = run(&["install"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!outside.join(".husky").exists(), "{}", text(&out));
}
