//! QA65: `git revert -n HEAD HEAD~2`, where `HEAD~1` changed the same file, stops on that
//! file; resolved and committed with git's message (which names `HEAD~2` alone), post-commit
//! "put back" HEAD's entry as one the conflict's resolution dropped, though git's merge of
//! CHANGELOG.md took it out cleanly. Only a changelog resolved to the reverted side whole
//! (`git checkout --theirs`) has entries put back now.

use crate::support::{installed_repo, stderr, text};

#[test]
fn a_revert_skipping_a_commit_between_puts_no_entry_back() {
    let repo = installed_repo();
    repo.write("f", "0\n");
    repo.git(&["add", "f"]);
    repo.git(&["commit", "-q", "-m", "chore: add f"]);
    for (content, message) in [
        ("0\n1\n", "fix: add a"),
        ("0\n1\n2\n", "fix: add b"),
        ("0\n1\n2\n3\n", "fix: add c"),
    ] {
        repo.write("f", content);
        let out = repo.git_output(&["commit", "-q", "-am", message]);
        assert!(out.status.success(), "{}", text(&out));
    }
    let out = repo.git_output(&["revert", "-n", "HEAD", "HEAD~2"]);
    assert!(!out.status.success(), "a conflict in f: {}", text(&out));
    assert!(
        repo.git(&["diff", "--name-only", "--diff-filter=U"]) == "f",
        "{}",
        text(&out)
    );
    repo.write("f", "0\n2\n");
    repo.git(&["add", "f"]);
    let out = repo.git_output(&["commit", "-q", "--no-edit"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("put back"), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- add b\n"), "{log}");
    assert!(
        !log.contains("- add a\n") && !log.contains("- add c\n"),
        "{log}"
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}
