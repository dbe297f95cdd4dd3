//! QA37: a husky hook whose team line may end it on some runs (`[ -n "$CI" ] && exit 0`, an
//! `exit` in an `if`): relhook's block went below it, so on those runs no message was checked.

use crate::hook_files::husky_9_runners_in;
use crate::support::{Repo, ok, stderr, stdout, text};

/// The team's commit-msg: its own lint, skipped when the team asks.
const TEAM: &str = "[ -n \"$SKIP_TEAM_LINT\" ] && exit 0\necho TEAM-LINT >&2\n";

fn husky_repo(commit_msg: &str) -> Repo {
    let repo = Repo::new();
    husky_9_runners_in(&repo, ".husky");
    repo.write(".husky/commit-msg", commit_msg);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: husky"]);
    repo
}

/// A bad message with the team's lint skipped: relhook's check must still refuse it.
fn refused_when_the_team_skips(repo: &Repo) {
    let bad = repo
        .command_in("git", &repo.path())
        .env("SKIP_TEAM_LINT", "1")
        .args(["commit", "-q", "--allow-empty", "-m", "bad message"])
        .output()
        .unwrap();
    assert!(!bad.status.success(), "{}", text(&bad));
    assert!(stderr(&bad).contains("header-format"), "{}", text(&bad));
    let good = ok(repo.git_output(&["commit", "-q", "--allow-empty", "-m", "feat: x"]));
    assert!(stderr(&good).contains("TEAM-LINT"), "{}", text(&good));
}

#[test]
fn relhooks_block_goes_above_a_line_that_may_end_the_hook() {
    let repo = husky_repo(TEAM);
    let out = ok(repo.relhook(&["install"]));
    assert!(
        stdout(&out).contains(
            "above `[ -n \"$SKIP_TEAM_LINT\" ] && exit 0`, which may end the hook (below it, relhook would not run when it does)"
        ),
        "{}",
        text(&out)
    );
    let file = repo.read(".husky/commit-msg");
    assert!(file.starts_with("# >>> relhook"), "{file}");
    assert!(file.ends_with(TEAM), "{file}");
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(0), "{}", text(&doctor));
    refused_when_the_team_skips(&repo);
    ok(repo.relhook(&["uninstall"]));
    assert_eq!(repo.read(".husky/commit-msg"), TEAM);
}

#[test]
fn a_block_below_a_conditional_exit_is_named_by_doctor_and_moved_by_install() {
    // As an earlier relhook wrote it: at the end, below the team's `if … exit … fi`.
    let team = "if [ -n \"$SKIP_TEAM_LINT\" ]; then\n  exit 0\nfi\necho TEAM-LINT >&2\n";
    let repo = husky_repo(team);
    ok(repo.relhook(&["install"]));
    let file = repo.read(".husky/commit-msg");
    let block = file.strip_suffix(team).unwrap().to_owned();
    repo.write(".husky/commit-msg", format!("{team}{block}"));
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(1), "{}", text(&doctor));
    let said = stdout(&doctor);
    assert!(
        said.contains(
            "SHADOWED  hook commit-msg (via husky): .husky/commit-msg calls relhook below line 1 (`if [ -n \"$SKIP_TEAM_LINT\" ]; then`), which may end the hook: relhook does not run when it does"
        ),
        "{said}"
    );
    assert!(
        said.contains("fix: relhook install (moves the call above line 1)"),
        "{said}"
    );
    ok(repo.relhook(&["install"]));
    let file = repo.read(".husky/commit-msg");
    assert!(
        file.ends_with(team) && file.matches(">>> relhook").count() == 1,
        "{file}"
    );
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(0), "{}", text(&doctor));
    refused_when_the_team_skips(&repo);
}

#[test]
fn an_exit_in_a_function_or_subshell_leaves_the_block_at_the_end() {
    let team = "die() { echo \"$1\" >&2; exit 1; }\n( [ -f x ] || exit 0 )\necho TEAM-LINT >&2\n";
    let repo = husky_repo(team);
    ok(repo.relhook(&["install"]));
    let file = repo.read(".husky/commit-msg");
    assert!(file.starts_with(team), "{file}");
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(0), "{}", text(&doctor));
}

/// QA37 (second round): a team that wraps relhook's block in an `if` of its own: the block's
/// own `|| exit $?` made that `if` a line that may end the hook, and install moved the block
/// out of it, leaving an empty `if … fi` that broke every commit.
#[test]
fn a_team_if_around_relhooks_block_is_left_as_it_is() {
    let repo = husky_repo("echo lint\n");
    ok(repo.relhook(&["install"]));
    let file = repo.read(".husky/commit-msg");
    let block = file.strip_prefix("echo lint\n").unwrap();
    let wrapped = format!("echo lint\nif [ -z \"$SKIP_RELHOOK\" ]; then\n{block}fi\n");
    repo.write(".husky/commit-msg", &wrapped);
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(0), "{}", text(&doctor));
    ok(repo.relhook(&["install"]));
    assert_eq!(repo.read(".husky/commit-msg"), wrapped);
    let bad = repo.try_commit("bad message");
    assert!(!bad.status.success(), "{}", text(&bad));
    assert!(stderr(&bad).contains("header-format"), "{}", text(&bad));
    // Uninstall leaves the team's `if` a command, so that the file still runs.
    ok(repo.relhook(&["uninstall"]));
    assert_eq!(
        repo.read(".husky/commit-msg"),
        "echo lint\nif [ -z \"$SKIP_RELHOOK\" ]; then\n:\nfi\n"
    );
    let out = repo.git_output(&["commit", "-q", "--allow-empty", "-m", "any message"]);
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn failing_exits_stay_above_and_a_function_that_exits_counts_where_it_is_called() {
    // `test || exit` carries a failure: relhook's block can go at the end.
    let repo = husky_repo("true || exit\ntrue || exit $?\n");
    ok(repo.relhook(&["install"]));
    assert!(
        repo.read(".husky/commit-msg")
            .starts_with("true || exit\ntrue || exit $?\n# >>> relhook")
    );
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(0), "{}", text(&doctor));

    let team = "skip() { exit 0; }\n[ -n \"$SKIP_TEAM_LINT\" ] && skip\necho TEAM-LINT >&2\n";
    let repo = husky_repo(team);
    ok(repo.relhook(&["install"]));
    let file = repo.read(".husky/commit-msg");
    let (above, below) = file.split_once("# >>> relhook").unwrap();
    assert_eq!(above, "skip() { exit 0; }\n", "{file}");
    assert!(
        below.ends_with("[ -n \"$SKIP_TEAM_LINT\" ] && skip\necho TEAM-LINT >&2\n"),
        "{file}"
    );
    refused_when_the_team_skips(&repo);
}

#[test]
fn a_line_that_may_end_the_hook_after_other_commands_is_left_to_the_team() {
    let team = "echo start; [ -n \"$SKIP_TEAM_LINT\" ] && exit 0; echo mid\n";
    let repo = husky_repo(team);
    let out = repo.relhook(&["install"]);
    assert!(
        stdout(&out).contains("commit-msg: NOT wired"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.read(".husky/commit-msg"), team);
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(
        doctor.contains("may end on line 1 (`echo start; [ -n \"$SKIP_TEAM_LINT\" ] && exit 0; echo mid`) after other commands on that line"),
        "{doctor}"
    );
}
