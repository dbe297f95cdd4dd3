//! QA pass 7: commit variants whose entry post-commit used to get wrong or drop without a
//! word (trailers hiding a reference, amends it could not rewrite, autosquash and squash
//! rewordings, commits the reflog does not name, entries already there).

use crate::support::hooked_changelog_repo as setup;
use crate::support::{Repo, ok, relhook_bin, stderr, text};

/// Stages a change to `a.txt` (a new line each time).
fn touch(repo: &Repo) {
    let path = repo.path().join("a.txt");
    let mut a = std::fs::read_to_string(&path).unwrap_or_default();
    a.push_str("x\n");
    std::fs::write(&path, a).unwrap();
    repo.git(&["add", "a.txt"]);
}

/// `git commit -s` (and `--trailer`) puts the trailer in a paragraph of its own after
/// `Fixes #9`: the reference still reaches the entry.
#[test]
fn a_signed_off_commit_keeps_its_issue_reference() {
    let repo = setup();
    touch(&repo);
    ok(repo.git_output(&["commit", "-q", "-s", "-m", "fix: y", "-m", "Fixes #9"]));
    touch(&repo);
    ok(repo.git_output(&[
        "commit",
        "-q",
        "--trailer",
        "Co-authored-by: B <b@example.com>",
        "-m",
        "feat: z",
        "-m",
        "Closes #10",
    ]));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- y (#9)\n"), "{log}");
    assert!(log.contains("- z (#10)\n"), "{log}");
    assert!(repo.is_clean(), "{}", text(&repo.git_output(&["status"])));
}

/// post-commit run by hand (after a commit made with `RELHOOK_SKIP=1`) with the index locked
/// by someone else for longer than it waits.
fn post_commit_locked_out(repo: &Repo) -> std::process::Output {
    let lock = repo.path().join(".git/index.lock");
    std::fs::write(&lock, "").unwrap();
    let out = repo
        .command_in(relhook_bin(), &repo.path())
        .args(["hook", "post-commit"])
        .env("RELHOOK_LOCK_WAIT_MS", "200")
        .output()
        .unwrap();
    std::fs::remove_file(&lock).unwrap();
    out
}

/// An `--amend` post-commit cannot rewrite (the index stays locked): the file still has the
/// old entry, and `--sync` would answer "up to date" (the amended commit's own change to the
/// file stands for its entry); the line names what it reads and the hand edit, not `--sync`.
#[test]
fn an_amend_left_unrewritten_names_the_hand_edit_not_sync() {
    let repo = setup();
    touch(&repo);
    repo.commit_hooked("feat: will be amended");
    ok(repo.git_skipping_relhook(&["commit", "-q", "--amend", "-m", "fix: amended while locked"]));
    let said = stderr(&post_commit_locked_out(&repo));
    assert_eq!(said.lines().count(), 1, "one line:\n{said}");
    assert!(
        said.contains("CHANGELOG.md still reads `- will be amended` for amended commit")
            && said.contains("change it by hand to `- amended while locked` under Fixed")
            && !said.contains("--sync"),
        "{said}"
    );
    assert!(repo.is_clean(), "{}", text(&repo.git_output(&["status"])));
    // A plain commit locked out the same way still names `--sync`, which adds its entry.
    touch(&repo);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "feat: plain"]));
    let said = stderr(&post_commit_locked_out(&repo));
    assert!(
        said.contains("`relhook changelog --sync` writes it"),
        "{said}"
    );
    ok(repo.relhook(&["changelog", "--sync"]));
    assert!(repo.read("CHANGELOG.md").contains("- plain\n"));
}
