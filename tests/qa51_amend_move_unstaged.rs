//! QA51: an entry deleted by hand in the work tree (not staged) came back there when
//! `git commit --amend` changed the commit's type, as post-commit moved the entry to the new
//! type's heading in the commit and made the same move in the work tree's copy. The copy's
//! own edits are kept (README): the commit gets the move, the copy keeps the deletion; a copy
//! where relhook cannot tell a deletion from a rewording is left as it is, and said.

use crate::support::{Repo, installed_repo, ok, stderr};

/// `fix: four` committed, then `edit` made to its entry in the work tree, unstaged.
fn four_edited(edit: impl FnOnce(String) -> String) -> Repo {
    let repo = installed_repo();
    repo.commit_hooked("fix: four");
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("### Fixed\n\n- four\n"), "{log}");
    repo.write("CHANGELOG.md", edit(log));
    repo
}

/// The changelog as HEAD has it (`Repo::git` trims the last newline).
fn committed(repo: &Repo) -> String {
    repo.git(&["show", "HEAD:CHANGELOG.md"]) + "\n"
}

#[test]
fn an_unstaged_deletion_stays_when_the_amend_moves_the_entry() {
    let repo = four_edited(|log| log.replace("- four\n", ""));
    let out = ok(repo.git_output(&["commit", "-q", "--amend", "-m", "feat: four"]));
    let said = stderr(&out);
    assert!(
        said.contains("moved `- four` from Fixed to Added"),
        "{said}"
    );
    assert!(!said.contains("warning"), "{said}");
    let log = committed(&repo);
    assert!(
        log.contains("- init\n- four\n") && !log.contains("### Fixed"),
        "{log}"
    );
    let copy = repo.read("CHANGELOG.md");
    assert!(!copy.contains("four"), "the deletion came back:\n{copy}");
    // What is left to commit takes the entry out, and puts nothing back.
    let diff = repo.git(&["diff"]);
    assert!(
        diff.contains("\n-- four\n") && !diff.contains("+- "),
        "{diff}"
    );
}

#[test]
fn an_unstaged_deletion_stays_when_the_amend_rewords_and_moves_the_entry() {
    let repo = four_edited(|log| log.replace("- four\n", ""));
    ok(repo.git_output(&["commit", "-q", "--amend", "-m", "feat: four again"]));
    assert!(
        committed(&repo).contains("- four again\n"),
        "{}",
        committed(&repo)
    );
    let copy = repo.read("CHANGELOG.md");
    assert!(!copy.contains("four"), "the deletion came back:\n{copy}");
}

#[test]
fn an_unstaged_hand_line_moves_along_with_the_entry() {
    let repo = four_edited(|log| log.replace("- four\n", "- four\n- by hand\n"));
    ok(repo.git_output(&["commit", "-q", "--amend", "-m", "feat: four"]));
    let copy = repo.read("CHANGELOG.md");
    assert!(
        copy.contains("- init\n- four\n\n### Fixed\n\n- by hand\n"),
        "{copy}"
    );
    assert_eq!(copy.matches("- four").count(), 1, "{copy}");
}

#[test]
fn an_unstaged_rewording_of_the_moved_entry_is_left_and_said() {
    let repo = four_edited(|log| log.replace("- four\n", "- four, said better\n"));
    let before = repo.read("CHANGELOG.md");
    let out = ok(repo.git_output(&["commit", "-q", "--amend", "-m", "feat: four"]));
    let said = stderr(&out);
    assert!(
        said.contains("relhook: warning: your copy of CHANGELOG.md has uncommitted edits under Fixed where `- four` was, which the commit now lists under Added; left as it was, so as not to lose them (`git diff HEAD -- :/CHANGELOG.md` shows them against the commit)"),
        "{said}"
    );
    assert!(
        committed(&repo).contains("- init\n- four\n"),
        "{}",
        committed(&repo)
    );
    assert_eq!(
        repo.read("CHANGELOG.md"),
        before,
        "the copy is left as it was"
    );
}

/// A staged version the commit left out (`git commit --amend <path>`) keeps its deletion too.
#[test]
fn a_staged_deletion_left_out_of_the_amend_stays() {
    let repo = four_edited(|log| log.replace("- four\n", ""));
    repo.git(&["add", "CHANGELOG.md"]);
    repo.write("f4.txt", "4\n");
    repo.git(&["add", "f4.txt"]);
    ok(repo.git_output(&["commit", "-q", "--amend", "-m", "feat: four", "f4.txt"]));
    assert!(
        committed(&repo).contains("- init\n- four\n"),
        "{}",
        committed(&repo)
    );
    let staged = repo.git(&["show", ":CHANGELOG.md"]);
    assert!(
        !staged.contains("four"),
        "the staged deletion came back:\n{staged}"
    );
    assert!(!repo.read("CHANGELOG.md").contains("four"));
}
