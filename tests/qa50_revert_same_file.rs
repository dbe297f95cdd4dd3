//! QA50: `git revert -n` of several unreleased fixes that change the same file, committed as
//! one commit: git's revert took every entry out with no conflict, but post-commit read the
//! file of a fix a later reverted fix changed again as not reverted, and "put back" its entry
//! as one a conflict's resolution dropped, so the reverted fix shipped. Now a fix counts as
//! reverted when the commit puts its files back as they were before it or before an earlier
//! fix it builds on; a later commit that is not reverted keeps its entry.

use crate::support::{Repo, installed_repo, ok, stderr, stdout, text};

/// `fix: parse dates` makes `c`, `fix: parse times` and `fix: parse zones` change it, then
/// `feat: other` adds a file of its own.
fn same_file_fixes() -> Repo {
    let repo = installed_repo();
    for (content, message) in [
        ("x", "fix: parse dates"),
        ("y", "fix: parse times"),
        ("z", "fix: parse zones"),
    ] {
        repo.write("c", content);
        repo.git(&["add", "c"]);
        let out = repo.git_output(&["commit", "-q", "-m", message]);
        assert!(out.status.success(), "{}", text(&out));
    }
    repo.commit_hooked("feat: other");
    repo
}

/// Commits what `git revert -n` left with git's message; nothing is put back, and `kept`
/// stay listed while `gone` are not.
fn committed_without_put_back(repo: &Repo, kept: &[&str], gone: &[&str]) {
    let out = repo.git_output(&["commit", "-q", "--no-edit"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("put back"), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    for entry in kept {
        assert!(log.contains(&format!("- {entry}\n")), "{entry}: {log}");
    }
    for entry in gone {
        assert!(!log.contains(&format!("- {entry}\n")), "{entry}: {log}");
    }
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    let out = ok(repo.relhook(&["changelog", "--sync", "--stdout"]));
    assert_eq!(stdout(&out), log, "--sync agrees");
}

#[test]
fn a_revert_of_two_fixes_of_one_file_puts_neither_back() {
    let repo = same_file_fixes();
    ok(repo.git_output(&["revert", "-n", "HEAD~1", "HEAD~2"]));
    committed_without_put_back(
        &repo,
        &["parse dates", "other"],
        &["parse times", "parse zones"],
    );
}

#[test]
fn a_revert_of_a_range_of_fixes_of_one_file_puts_none_back() {
    let repo = same_file_fixes();
    ok(repo.git_output(&["revert", "-n", "HEAD~4..HEAD~1"]));
    committed_without_put_back(
        &repo,
        &["other"],
        &["parse dates", "parse times", "parse zones"],
    );
}
