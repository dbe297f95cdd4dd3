//! QA64: `relhook changelog --sync` advised `git commit -m … -- :/CHANGELOG.md` after adding
//! entries, which commits the whole file: an edit of another line the user had not staged
//! went into the `docs(changelog)` commit with them. With such edits the advice now stages
//! the entries alone (`git add -p`) and says why; without, it is what it was.

use crate::support::{Repo, installed_repo, next_command, ok, output_with_stdin, path_with};
use crate::support::{stderr, text};

/// Hooks installed, `feat: init` logged, `fix: b` committed past post-commit (its entry
/// missing), and a `sub/` folder to paste the advice in.
fn entry_missing() -> Repo {
    let repo = installed_repo();
    ok(repo.git_skipping_relhook(&["commit", "-q", "--allow-empty", "-m", "fix: b"]));
    repo.write("sub/keep.txt", "x\n");
    repo.git(&["add", "sub/keep.txt"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "chore: sub"]));
    repo
}

/// `line` run by `sh` in `sub/`, `input` on its standard input.
fn paste_in_sub(repo: &Repo, line: &str, input: &str) -> std::process::Output {
    let mut cmd = repo.command_in("sh", &repo.path().join("sub"));
    cmd.env("PATH", path_with(&[&repo.relhook_on_path()]))
        .args(["-c", line]);
    output_with_stdin(&mut cmd, input.as_bytes())
}

#[test]
fn unstaged_hand_edits_are_named_and_the_advice_commits_the_entries_alone() {
    let repo = entry_missing();
    let log = repo.read("CHANGELOG.md");
    assert!(log.starts_with("# Changelog\n"), "{log}");
    repo.write(
        "CHANGELOG.md",
        log.replacen("# Changelog", "# Changelog (HAND EDIT)", 1),
    );
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    let err = stderr(&out);
    let line = next_command(&err);
    assert_eq!(
        line,
        "git add -p :/CHANGELOG.md && git commit -m \"docs(changelog): sync with history\" --trailer Relhook=bookkeeping",
        "{err}"
    );
    assert!(err.contains("CHANGELOG.md held edits not staged"), "{err}");
    // At `git add -p`: the hand edit's hunk first (no), then the new entry's (yes).
    let pasted = paste_in_sub(&repo, &line, "n\ny\n");
    assert!(pasted.status.success(), "{}", text(&pasted));
    let committed = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert!(committed.contains("- b"), "{committed}");
    assert!(!committed.contains("HAND EDIT"), "{committed}");
    assert_eq!(repo.head_subject(), "docs(changelog): sync with history");
    // The hand edit is still there, still not staged, and is all that is left.
    let left = repo.git(&["diff", "--numstat"]);
    assert_eq!(left, "1\t1\tCHANGELOG.md");
    assert!(repo.read("CHANGELOG.md").contains("HAND EDIT"));
}

#[test]
fn what_else_is_staged_is_named_as_the_commit_takes_it_too() {
    let repo = entry_missing();
    let log = repo.read("CHANGELOG.md");
    repo.write(
        "CHANGELOG.md",
        log.replacen("# Changelog", "# Changelog (HAND EDIT)", 1),
    );
    repo.write("other.txt", "staged\n");
    repo.git(&["add", "other.txt"]);
    let err = stderr(&ok(repo.relhook(&["changelog", "--sync"])));
    assert!(
        err.contains("the commit also takes what is already staged: other.txt"),
        "{err}"
    );
}

#[test]
fn without_edits_of_its_own_the_file_is_committed_whole_as_before() {
    let repo = entry_missing();
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    let err = stderr(&out);
    let line = next_command(&err);
    assert_eq!(
        line,
        "git commit -m \"docs(changelog): sync with history\" --trailer Relhook=bookkeeping -- :/CHANGELOG.md",
        "{err}"
    );
    assert!(!err.contains("not staged"), "{err}");
    let pasted = paste_in_sub(&repo, &line, "");
    assert!(pasted.status.success(), "{}", text(&pasted));
    assert!(repo.git(&["show", "HEAD:CHANGELOG.md"]).contains("- b"));
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
}
