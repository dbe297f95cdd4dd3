//! QA31: "undo the last commit, commit again": `git reset --soft HEAD~1` left the undone
//! commit's entry staged, and the commit made again in other words added its own beside it:
//! both were released.

use crate::support::{Repo, stderr, text};

fn unreleased(repo: &Repo) -> String {
    let log = repo.read("CHANGELOG.md");
    let start = log.find("## [Unreleased]").expect("Unreleased");
    log[start..].to_owned()
}

#[test]
fn a_commit_made_again_after_a_soft_reset_replaces_the_undone_commits_entry() {
    let repo = Repo::new();
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.commit_hooked("feat: one");
    repo.commit_hooked("feat: four");
    repo.git(&["reset", "-q", "--soft", "HEAD~1"]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat: four, better worded"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("replaced the 1 entry of the commits it squashes (`- four`)"),
        "{}",
        text(&out)
    );
    let log = unreleased(&repo);
    assert!(log.contains("- four, better worded"), "{log}");
    assert!(!log.contains("- four\n"), "{log}");
    let out = repo.relhook(&["changelog", "--sync"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!unreleased(&repo).contains("- four\n"));

    // The same message again: one entry, as before.
    repo.git(&["reset", "-q", "--soft", "HEAD~1"]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat: four, better worded"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = unreleased(&repo);
    assert_eq!(log.matches("- four, better worded").count(), 1, "{log}");
    // A hand-written entry the undone commit carried stays.
    repo.write(
        "CHANGELOG.md",
        repo.read("CHANGELOG.md")
            .replace("- four, better worded", "- four, in my words"),
    );
    repo.git(&["commit", "-q", "-am", "docs: reword the entry"]);
    repo.git(&["reset", "-q", "--soft", "HEAD~1"]);
    let out = repo.git_output(&["commit", "-q", "-m", "docs: reword it again"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(unreleased(&repo).contains("- four, in my words"));
}
