//! QA51: during `git merge --squash main` on a feature branch, main carrying release v0.1.0,
//! doctor called the tag INVALID ("HEAD's history no longer holds" it, as if its release
//! commit were rewritten) and `version --next` said to release 0.1.1, which the staged
//! squash then made a dirty tree for. Both now say a squash merge is staged and that a merge
//! in its place keeps the tag (`git reset --merge && git merge main`), or to drop it.

use crate::support::{Repo, installed_repo, ok, stderr, stdout, text};

/// `feature` off main, main released as v0.1.0, then main squash-merged into `feature`.
fn squashing_a_release() -> Repo {
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
    ok(repo.git_output(&["merge", "-q", "--squash", "main"]));
    repo
}

const STAGED: &str = "a squash merge is staged (`git merge --squash`: SQUASH_MSG, no MERGE_HEAD) that brings tag v0.1.0";
const WAY: &str =
    "(`git reset --merge && git merge main`), or drop the squash (`git reset --merge`)";

#[test]
fn doctor_says_a_squash_is_staged_not_that_the_tag_is_invalid() {
    let repo = squashing_a_release();
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(!said.contains("INVALID"), "{}", text(&out));
    assert!(!said.contains("release a version above"), "{}", text(&out));
    let rows: Vec<&str> = said.lines().filter(|l| l.contains("v0.1.0")).collect();
    assert_eq!(rows.len(), 1, "{said}");
    assert!(rows[0].contains(STAGED), "{said}");
    assert!(said.contains(WAY), "{said}");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

#[test]
fn version_next_says_to_merge_in_its_place_and_the_advice_works() {
    let repo = squashing_a_release();
    let out = repo.relhook(&["version", "--next"]);
    let said = stderr(&out);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(!said.contains("relhook release 0.1.1"), "{said}");
    assert!(said.contains(STAGED) && said.contains(WAY), "{said}");
    assert_eq!(said.lines().count(), 1, "{said}");
    // Pasted: the merge holds the tag, and the next version is above it.
    ok(repo.git_output(&["reset", "--merge"]));
    ok(repo.git_output(&["merge", "-q", "--no-edit", "main"]));
    let out = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(stdout(&out).trim(), "0.1.1", "{}", text(&out));
}

#[test]
fn dropping_the_squash_leaves_nothing_to_say() {
    let repo = squashing_a_release();
    ok(repo.git_output(&["reset", "--merge"]));
    assert_eq!(repo.git(&["status", "--porcelain"]).trim(), "");
    let out = ok(repo.relhook(&["doctor"]));
    assert!(!stdout(&out).contains("v0.1.0"), "{}", text(&out));
    ok(repo.relhook(&["version", "--next"]));
}
