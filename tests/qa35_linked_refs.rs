//! QA35: an entry written while the clone had no forge remote reads `(#12)`; once `origin`
//! is GitHub the same commit's entry reads `([#12](…/issues/12))`, and the two were taken for
//! different entries: `--sync` and the release notes listed the change twice, and a revert of
//! it left its entry in Unreleased.

use crate::support::{Repo, installed_repo, stderr, text};

const ORIGIN: &str = "https://github.com/acme/app.git";

fn count(log: &str, needle: &str) -> usize {
    log.lines().filter(|l| l.contains(needle)).count()
}

#[test]
fn an_entry_synced_before_the_forge_remote_is_not_added_again_linked() {
    let repo = Repo::new();
    repo.git(&["commit", "-q", "--allow-empty", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    repo.git(&["commit", "-q", "-m", "feat: add a (#12)"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.git(&["add", "CHANGELOG.md"]);
    repo.git(&["commit", "-q", "-m", "docs(changelog): sync with history"]);
    repo.git(&["remote", "add", "origin", ORIGIN]);

    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert_eq!(count(&log, "add a"), 1, "{log}");
    let out = repo.relhook(&["doctor"]);
    assert!(!stderr(&out).contains("no entry for"), "{}", text(&out));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("no entry for"));
    let out = repo.relhook(&["release", "--dry-run", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(!text(&out).contains("issues/12"), "{}", text(&out));
}

#[test]
fn reverting_an_unreleased_change_with_an_issue_link_takes_its_entry_out() {
    let repo = installed_repo();
    repo.git(&["remote", "add", "origin", ORIGIN]);
    repo.commit_hooked("feat(api): add search (#5)");
    assert!(repo.read("CHANGELOG.md").contains("issues/5"));
    repo.write("README", "x\n");
    repo.git(&["add", "README"]);
    let out = repo.git_output(&[
        "commit",
        "-q",
        "-m",
        "Revert \"feat(api): add search (#5)\" (#8)",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert_eq!(count(&log, "add search"), 0, "{}\n{log}", text(&out));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}
