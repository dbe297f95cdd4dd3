//! A `git revert -n`, a `git cherry-pick` and a `git cherry-pick -n` stopped on a
//! modify/delete conflict of CHANGELOG.md: relhook names the command that goes on from there
//! as git stops (where git tells the hook), and `relhook doctor` names it while git is stopped.

use crate::support::{Repo, ok, stderr, stdout, text};

/// From `git init`: `feat: add A` creates CHANGELOG.md (post-commit), `fix: add B` adds to it.
fn changelog_made_by_add_a() -> Repo {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.git(&["commit", "-q", "--allow-empty", "-m", "chore: start"]);
    repo.commit_hooked("feat: add A");
    repo.commit_hooked("fix: add B");
    repo
}

/// The relhook line about CHANGELOG.md in `out`'s stderr.
fn relhook_line(out: &std::process::Output) -> String {
    stderr(out)
        .lines()
        .find(|l| l.starts_with("relhook: CHANGELOG.md:"))
        .unwrap_or_else(|| panic!("no relhook line for CHANGELOG.md:\n{}", text(out)))
        .to_owned()
}

/// The first command in backquotes of `line`.
fn first_command(line: &str) -> String {
    line.split('`').nth(1).expect("a command").to_owned()
}

/// `relhook doctor` while git is stopped: its row for `subject` and the fix under it.
fn doctor_row(repo: &Repo, subject: &str) -> (String, String) {
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    let mut lines = said.lines();
    let row = lines
        .find(|l| l.trim_start().starts_with(&format!("INVALID  {subject}: ")))
        .unwrap_or_else(|| panic!("no {subject} row:\n{}", text(&out)))
        .trim_start()
        .to_owned();
    let fix = lines
        .next()
        .and_then(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("no fix under the {subject} row:\n{}", text(&out)))
        .to_owned();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    (row, fix)
}

/// Runs `line` through sh with an editor that keeps the message git prepared.
fn run(repo: &Repo, line: &str) {
    let out = repo.sh(&format!("GIT_EDITOR=true; export GIT_EDITOR; {line}"));
    assert!(out.status.success(), "{line}: {}", text(&out));
}

/// `git revert -n` of the commit that created CHANGELOG.md stops on the same conflict as the
/// revert without `-n`, and leaves the same files in .git (REVERT_HEAD, MERGE_MSG, no
/// sequencer/): `git revert --continue` would commit, which `-n` asked git not to do. The line
/// keeps the file and leaves the commit to the user; `git commit` then gives the revert its
/// change of the file. doctor says the same while git is stopped.
#[test]
fn a_no_commit_revert_keeps_the_file_and_leaves_the_commit_to_you() {
    let repo = changelog_made_by_add_a();
    let before = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = repo.git_output(&["revert", "-n", ":/feat: add A"]);
    assert!(!out.status.success(), "{}", text(&out));
    let line = relhook_line(&out);
    assert!(!line.contains("--continue"), "{line}");
    assert!(line.contains("`git commit`"), "{line}");
    let keep = first_command(&line);
    assert_eq!(
        keep,
        "git checkout --ours CHANGELOG.md && git add CHANGELOG.md"
    );
    let (row, fix) = doctor_row(&repo, "revert");
    assert_eq!(fix, keep, "{row}");
    assert!(
        row.contains("`git commit`") && !row.contains("--continue"),
        "{row}"
    );
    run(&repo, &keep);
    // What `-n` asked for: the revert staged, nothing committed.
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert!(!repo.git(&["diff", "--cached", "--name-only"]).is_empty());
    run(&repo, "git commit");
    assert_eq!(repo.head_subject(), "Revert \"feat: add A\"");
    assert_eq!(
        repo.git(&["show", "HEAD:CHANGELOG.md"]),
        before.replacen("### Added\n\n- add A\n\n", "", 1)
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}

/// Reverting several commits with `-n` is a sequence (sequencer/opts names `no-commit`), and
/// git's `git revert --continue` there commits the stopped revert all the same: the way on
/// gives the sequence up, keeping the index, and reverts the commits left with `-n` again.
#[test]
fn a_no_commit_revert_of_several_commits_commits_nothing_either() {
    let repo = changelog_made_by_add_a();
    repo.commit_hooked("fix: add C");
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = repo.git_output(&["revert", "-n", ":/feat: add A", "HEAD"]);
    assert!(!out.status.success(), "{}", text(&out));
    let line = relhook_line(&out);
    let fix = first_command(&line);
    assert_eq!(
        fix,
        format!(
            "git checkout --ours CHANGELOG.md && git add CHANGELOG.md && git revert --quit && git revert -n {head}"
        )
    );
    assert!(
        line.ends_with(
            ", then `git commit` when the change is ready (`git revert -n` commits nothing itself)"
        ),
        "{line}"
    );
    assert_eq!(doctor_row(&repo, "revert").1, fix);
    run(&repo, &fix);
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert!(!repo.path().join(".git/sequencer").exists());
    let staged = repo.git(&["diff", "--cached", "--name-status"]);
    assert_eq!(
        staged.lines().filter(|l| l.starts_with('D')).count(),
        2,
        "{staged}"
    );
    // The file kept, less the entry of `fix: add C`, which is reverted too.
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("- add B\n") && !log.contains("- add C"),
        "{log}"
    );
}

/// A branch without CHANGELOG.md (made before it, or that deleted it) picks a commit that
/// changed it: git stops on a modify/delete conflict ("deleted by us"). `git add` would bring
/// the picked commit's whole file, with every entry of its branch; the line leaves the file
/// out, and post-commit gives the pick its own entry in a new one.
#[test]
fn a_cherry_pick_onto_a_branch_without_the_changelog_names_the_way_on() {
    for deleted in [false, true] {
        let repo = changelog_made_by_add_a();
        if deleted {
            repo.git(&["checkout", "-q", "-b", "side", "HEAD~1"]);
            repo.git(&["rm", "-q", "CHANGELOG.md"]);
            repo.git(&["commit", "-q", "-m", "chore: drop the changelog"]);
        } else {
            repo.git(&["checkout", "-q", "-b", "side", "HEAD~2"]);
        }
        let out = repo.git_output(&["cherry-pick", "main"]);
        assert!(!out.status.success(), "{}", text(&out));
        assert!(
            text(&out).contains("CONFLICT (modify/delete)"),
            "{}",
            text(&out)
        );
        let fix = first_command(&relhook_line(&out));
        assert_eq!(fix, "git rm CHANGELOG.md && git cherry-pick --continue");
        assert_eq!(doctor_row(&repo, "cherry-pick").1, fix);
        run(&repo, &fix);
        assert_eq!(repo.head_subject(), "fix: add B");
        let log = repo.git(&["show", "HEAD:CHANGELOG.md"]);
        assert!(log.ends_with("### Fixed\n\n- add B"), "{log}");
        assert!(!log.contains("add A"), "{log}");
        assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    }
}

/// `git cherry-pick -n` makes no CHERRY_PICK_HEAD (git writes no ref once the index holds the
/// conflict, so no hook hears of it): doctor names the way on, and leaves the commit to you.
#[test]
fn doctor_names_the_way_on_for_a_no_commit_cherry_pick() {
    let repo = changelog_made_by_add_a();
    repo.git(&["checkout", "-q", "-b", "side", "HEAD~2"]);
    let out = repo.git_output(&["cherry-pick", "-n", "main"]);
    assert!(!out.status.success(), "{}", text(&out));
    let (row, fix) = doctor_row(&repo, "cherry-pick");
    assert_eq!(fix, "git rm CHANGELOG.md", "{row}");
    assert!(
        row.contains("`git commit`") && !row.contains("--continue"),
        "{row}"
    );
    run(&repo, &fix);
    run(&repo, "git commit");
    assert_eq!(repo.head_subject(), "fix: add B");
    let log = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert!(log.ends_with("- add B") && !log.contains("add A"), "{log}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}

/// doctor names the way on of a plain revert too, as the hook does; a rebase that stops on
/// the same conflict (git makes CHERRY_PICK_HEAD for each of its picks) is no cherry-pick.
#[test]
fn doctor_and_the_hook_leave_a_rebase_alone() {
    let repo = changelog_made_by_add_a();
    let out = repo.git_output(&["revert", "--no-edit", ":/feat: add A"]);
    let fix = first_command(&relhook_line(&out));
    assert_eq!(doctor_row(&repo, "revert").1, fix);
    repo.git(&["revert", "--abort"]);
    // Dropping `feat: add A` stops `fix: add B` on the file it created.
    let out = repo.git_in(
        &repo.path(),
        &["rebase", "-i", "HEAD~2"],
        &[("GIT_SEQUENCE_EDITOR", "sed -i 1d")],
    );
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("CONFLICT (modify/delete)"),
        "{}",
        text(&out)
    );
    assert!(
        !stderr(&out).contains("relhook: CHANGELOG.md"),
        "{}",
        text(&out)
    );
    let said = stdout(&repo.relhook(&["doctor"]));
    assert!(!said.contains("cherry-pick:"), "{said}");
}
