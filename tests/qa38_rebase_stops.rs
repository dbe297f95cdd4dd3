//! QA38: a commit of one's own while a rebase is stopped for the user (a commit split in two at
//! an `edit` stop, a commit an `exec` step makes) is new to history. post-commit left it without
//! an entry and said `--sync` would add it; the split commit's entry, left in the work tree by
//! `git reset HEAD~1`, then stopped `git rebase --continue`. Now each piece gets its entry as
//! outside a rebase, the split commit's leaves the work tree, and the rebase goes on.

use crate::support::{Repo, installed_repo, ok, stderr, text};

/// `git rebase --continue`, which must go through.
fn continued(repo: &Repo) {
    let done = repo.git_in(
        &repo.path(),
        &["rebase", "--continue"],
        &[("GIT_EDITOR", "true")],
    );
    assert!(done.status.success(), "{}", text(&done));
}

fn rebased_clean(repo: &Repo) {
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    let stdout = ok(repo.relhook(&["changelog", "--stdout"]));
    assert_eq!(
        String::from_utf8_lossy(&stdout.stdout),
        repo.read("CHANGELOG.md")
    );
}

#[test]
fn a_commit_split_at_an_edit_stop_gets_one_entry_per_piece() {
    let repo = installed_repo();
    repo.write("x.txt", "x\n");
    repo.write("y.txt", "y\n");
    repo.git(&["add", "x.txt", "y.txt"]);
    repo.git(&["commit", "-q", "-m", "feat: add x and y"]);
    repo.commit_hooked("fix: z thing");
    let edit = repo.git_in(
        &repo.path(),
        &["rebase", "-q", "-i", "HEAD~2"],
        &[("GIT_SEQUENCE_EDITOR", "sed -i -e 1s/^pick/edit/")],
    );
    assert!(edit.status.success(), "{}", text(&edit));
    repo.git(&["reset", "-q", "HEAD~1"]);
    for (file, message) in [("x.txt", "feat: add x"), ("y.txt", "feat: add y")] {
        repo.git(&["add", file]);
        let out = repo.git_output(&["commit", "-q", "-m", message]);
        assert!(out.status.success(), "{}", text(&out));
        let what = message.trim_start_matches("feat: ");
        assert!(
            stderr(&out).contains(&format!("added `- {what}` under Added")),
            "{}",
            text(&out)
        );
    }
    continued(&repo);
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- init\n- add x\n- add y\n"), "{log}");
    assert!(!log.contains("add x and y"), "{log}");
    assert!(log.contains("### Fixed\n\n- z thing\n"), "{log}");
    rebased_clean(&repo);
}

#[test]
fn a_commit_an_exec_step_makes_gets_its_entry() {
    let repo = installed_repo();
    repo.commit_hooked("fix: z thing");
    let step = "echo e >e.txt && git add e.txt && git commit -q -m 'feat: made by exec'";
    let out = repo.git_in(
        &repo.path(),
        &["rebase", "-q", "-i", "--exec", step, "HEAD~1"],
        &[("GIT_SEQUENCE_EDITOR", "true")],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("added `- made by exec` under Added"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.head_subject(), "feat: made by exec");
    assert!(repo.read("CHANGELOG.md").contains("- made by exec\n"));
    rebased_clean(&repo);
}

/// A commit at a `break` stop too; an amend there is still the rebase's (its own line).
#[test]
fn a_commit_at_a_break_stop_gets_its_entry() {
    let repo = installed_repo();
    repo.commit_hooked("fix: z thing");
    let out = repo.git_in(
        &repo.path(),
        &["rebase", "-q", "-i", "HEAD~1"],
        &[("GIT_SEQUENCE_EDITOR", "sed -i 1ibreak")],
    );
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.try_commit("feat: at the break");
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("added `- at the break` under Added"),
        "{}",
        text(&out)
    );
    continued(&repo);
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- at the break\n"), "{log}");
    assert!(log.contains("- z thing\n"), "{log}");
    rebased_clean(&repo);
}

/// The same commit made by an `exec` step of `git pull --rebase=interactive`, whose exported
/// GIT_REFLOG_ACTION names the commit's reflog line (`pull --rebase=interactive: feat: …`).
#[test]
fn a_commit_an_exec_step_of_an_interactive_pull_makes_gets_its_entry() {
    let repo = installed_repo();
    let origin = repo.with_origin();
    repo.git(&["push", "-q", "origin", "main"]);
    let other = crate::support::clone_installed(&repo, &origin, "other");
    let out = repo.try_commit_in(&other, "feat: remote");
    assert!(out.status.success(), "{}", text(&out));
    ok_git(&repo, &other, &["push", "-q", "origin", "HEAD"]);
    repo.commit_hooked("feat: local");
    let step = "1aexec echo e >e.txt && git add e.txt && git commit -q -m 'feat: by exec in pull'";
    let out = repo.git_in(
        &repo.path(),
        &["pull", "--rebase=interactive", "origin", "main"],
        &[
            ("GIT_SEQUENCE_EDITOR", &format!("sed -i \"{step}\"")),
            ("GIT_EDITOR", "true"),
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("added `- by exec in pull` under Added"),
        "{}",
        text(&out)
    );
    rebased_clean(&repo);
}

fn ok_git(repo: &Repo, cwd: &std::path::Path, args: &[&str]) {
    let out = repo.git_in(cwd, args, &[]);
    assert!(out.status.success(), "{}", text(&out));
}
