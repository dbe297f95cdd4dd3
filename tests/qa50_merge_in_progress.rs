//! QA50: during `git merge --no-commit` (or a conflicted merge) of a branch carrying release
//! v0.1.0, doctor called the tag INVALID ("HEAD's history no longer holds" it, as if its
//! release commit were rewritten) and `version --next` said to release 0.1.1. The merge in
//! progress brings the tag: both now say to finish the merge first, in one line.

use crate::support::{Repo, installed_repo, ok, stderr, stdout, text};

/// `feature` off main, main released as v0.1.0, then `feature` merging main, not committed.
fn merging_a_release() -> Repo {
    let repo = installed_repo();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", ".relconfig.toml"]);
    repo.commit_hooked("chore: cfg");
    repo.commit_hooked("feat: add one");
    repo.git(&["switch", "-qc", "feature"]);
    repo.commit_hooked("feat: add three");
    repo.git(&["switch", "-q", "main"]);
    ok(repo.relhook(&["release", "--no-test"]));
    repo.git(&["switch", "-q", "feature"]);
    ok(repo.git_output(&["merge", "-q", "--no-commit", "--no-ff", "main"]));
    repo
}

const FINISH: &str = "finish it (`git merge --continue`) or abort it (`git merge --abort`)";

#[test]
fn doctor_says_to_finish_the_merge_not_that_the_tag_is_invalid() {
    let repo = merging_a_release();
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(!said.contains("INVALID"), "{}", text(&out));
    assert!(!said.contains("no longer holds"), "{}", text(&out));
    let rows: Vec<&str> = said.lines().filter(|l| l.contains("v0.1.0")).collect();
    assert_eq!(rows.len(), 1, "{said}");
    assert!(
        rows[0].contains("a merge is in progress that brings tag v0.1.0"),
        "{said}"
    );
    assert!(said.contains(FINISH), "{said}");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

#[test]
fn version_next_says_to_finish_the_merge() {
    let repo = merging_a_release();
    let out = repo.relhook(&["version", "--next"]);
    let said = stderr(&out);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(!said.contains("relhook release 0.1.1"), "{said}");
    assert!(
        said.contains("a merge is in progress that brings tag v0.1.0") && said.contains(FINISH),
        "{said}"
    );
    assert_eq!(said.lines().count(), 1, "{said}");
    // Committed, the merge holds the tag: the next version is above it.
    repo.git(&["commit", "-q", "--no-edit"]);
    let out = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(stdout(&out).trim(), "0.1.1", "{}", text(&out));
}
