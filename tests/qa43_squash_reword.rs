//! QA43: `git merge --squash` of a PR, with another Unreleased entry reworded in the same
//! commit (by hand, or as the resolution of a changelog conflict): post-commit took the
//! reworded line for the squash's own entry and replaced the PR's entry with it, so the
//! feature's entry was gone, and `--sync` saw nothing missing. A reworded entry is a hand
//! edit of that entry; the squash gets its own.

use crate::support::{installed_repo, ok, stderr, text};

#[test]
fn an_entry_reworded_while_squashing_is_no_entry_of_the_squash() {
    let repo = installed_repo();
    repo.commit_hooked("feat: one");
    repo.git(&["switch", "-q", "-c", "pr"]);
    repo.commit_hooked("feat: two");
    repo.git(&["switch", "-q", "main"]);
    ok(repo.git_output(&["merge", "--squash", "-q", "pr"]));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- one\n"), "{log}");
    repo.write(
        "CHANGELOG.md",
        log.replace("- one\n", "- one, reworded while squashing\n"),
    );
    repo.git(&["add", "CHANGELOG.md"]);
    let out = ok(repo.git_output(&["commit", "-q", "-m", "feat: two (#12)"]));
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("- one, reworded while squashing\n"),
        "{}\n{log}",
        text(&out)
    );
    assert!(log.contains("- two (#12)"), "{}\n{log}", text(&out));
    assert!(!log.contains("- two\n"), "{log}");
    assert!(
        !stderr(&out).contains("with its own `- one"),
        "{}",
        text(&out)
    );
    let sync = repo.relhook(&["changelog", "--sync", "--stdout"]);
    assert_eq!(crate::support::stdout(&sync), log, "{}", text(&sync));
}

/// The PR reworded its own entry on its branch (`- two, with better wording`): the squash
/// listed that wording and its own generated entry beside it. The branch's wording of the
/// squashed commit's entry stands for the squash.
#[test]
fn an_entry_reworded_on_the_squashed_branch_stands_for_the_squash() {
    let repo = installed_repo();
    repo.commit_hooked("feat: one");
    repo.git(&["switch", "-q", "-c", "pr"]);
    repo.commit_hooked("feat: two");
    let log = repo.read("CHANGELOG.md");
    repo.write(
        "CHANGELOG.md",
        log.replace("- two\n", "- two, with better wording\n"),
    );
    ok(repo.git_output(&["commit", "-q", "-a", "-m", "chore: reword"]));
    repo.git(&["switch", "-q", "main"]);
    ok(repo.git_output(&["merge", "--squash", "-q", "pr"]));
    let out = ok(repo.git_output(&["commit", "-q", "-m", "feat: two (#12)"]));
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("- two, with better wording\n"),
        "{}\n{log}",
        text(&out)
    );
    assert!(!log.contains("- two (#12)"), "{}\n{log}", text(&out));
    assert!(repo.is_clean());
}
