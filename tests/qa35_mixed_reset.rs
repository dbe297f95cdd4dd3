//! QA35: `git reset HEAD~1` (git's default, mixed) and the commit made again in other words
//! left the undone commit's entry in the work tree, unstaged (`git status` dirty after the
//! commit); the next `commit -a` took it in and the release listed a commit that no longer
//! exists beside the one that replaced it. It now goes from the work tree copy with the new
//! commit's entry, and one line says so.

use crate::support::{Repo, installed_repo, stderr, text};

/// A repository where `first` was committed with `file`, undone by `git reset HEAD~1` (mixed),
/// and `file` committed again as `again`: the outcome of that last commit, which succeeded.
fn undone_and_made_again(file: &str, first: &str, again: &str) -> (Repo, std::process::Output) {
    let repo = installed_repo();
    repo.write(file, "x\n");
    repo.git(&["add", file]);
    repo.git(&["commit", "-q", "-m", first]);
    repo.git(&["reset", "-q", "HEAD~1"]);
    repo.git(&["add", file]);
    let out = repo.git_output(&["commit", "-q", "-m", again]);
    assert!(out.status.success(), "{}", text(&out));
    (repo, out)
}

#[test]
fn a_mixed_reset_and_a_new_commit_leave_no_entry_of_the_undone_one() {
    let (repo, out) = undone_and_made_again("g.txt", "feat: add gee", "feat: add g properly");
    assert!(
        stderr(&out).contains("took `- add gee` out of your copy"),
        "{}",
        text(&out)
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    let log = repo.read("CHANGELOG.md");
    assert!(!log.contains("add gee"), "{log}");
    assert!(log.contains("- add g properly\n"), "{log}");
}

/// An unstaged entry of the person's own (not an undone commit's) stays where it is.
#[test]
fn an_unstaged_hand_entry_stays_after_a_reset() {
    let repo = installed_repo();
    repo.git(&["commit", "-q", "--allow-empty", "-m", "chore: x"]);
    repo.git(&["reset", "-q", "HEAD~1"]);
    let log = repo.read("CHANGELOG.md");
    repo.write(
        "CHANGELOG.md",
        log.replace("- init\n", "- init\n- a note of mine\n"),
    );
    repo.write("h.txt", "h\n");
    repo.git(&["add", "h.txt"]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat: h"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- a note of mine\n"), "{log}");
    assert!(log.contains("- h\n"), "{log}");
}

/// Made again with the same message, the commit's entry is its own, not a leftover: the work
/// tree keeps it (QA35 second round: it was taken out, and the next `commit -a` dropped it).
#[test]
fn a_reset_and_the_same_commit_again_keeps_its_entry() {
    let (repo, out) = undone_and_made_again("x.txt", "feat: add x", "feat: add x");
    assert!(!stderr(&out).contains("took"), "{}", text(&out));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    assert!(repo.read("CHANGELOG.md").contains("- add x\n"));
}

/// A leftover that was the only entry of its sub-section: the heading goes with it and the
/// work tree is the commit's, byte for byte (a stray blank line kept it dirty, and a hand tag
/// refused the dirty tree).
#[test]
fn a_leftover_alone_in_its_section_leaves_the_tree_clean() {
    let (repo, _) = undone_and_made_again("x.txt", "fix: x", "feat: add x");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    assert!(!repo.read("CHANGELOG.md").contains("### Fixed"));
}
