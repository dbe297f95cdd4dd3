//! QA40: one words for two changes, a released `fix: typo` and a later one. A `git revert`
//! of the released one took the later one's entry out of Unreleased too (the merge driver and
//! post-commit matched by words), silently; one of the later, unreleased one added a
//! `revert "typo"` entry under Removed for a change that never shipped. The revert names its
//! commit: whether a release has it decides, as `--sync` and `--rebuild` do.

use crate::support::{Repo, installed_repo, ok, stderr, text};

/// `fix(deps): bump lodash` released as 0.1.0, then a second commit of the same words.
fn twice_worded() -> Repo {
    let repo = installed_repo();
    repo.write("a.txt", "1\n");
    repo.git(&["add", "a.txt"]);
    repo.commit_hooked("fix(deps): bump lodash");
    ok(repo.relhook(&["release", "--no-test"]));
    repo.write("b.txt", "2\n");
    repo.git(&["add", "b.txt"]);
    repo.commit_hooked("fix(deps): bump lodash");
    repo
}

fn unreleased(repo: &Repo) -> String {
    let log = repo.read("CHANGELOG.md");
    let start = log.find("## [Unreleased]").unwrap();
    let end = log.find("## [0.1.0]").unwrap();
    log[start..end].to_owned()
}

#[test]
fn a_revert_of_the_released_change_leaves_the_later_entry() {
    let repo = twice_worded();
    let out = repo.git_output(&["revert", "--no-edit", "HEAD~2"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("added `- **deps:** revert \"bump lodash\"` under Removed"),
        "{}",
        text(&out)
    );
    let un = unreleased(&repo);
    assert!(
        un.contains("### Fixed\n\n- **deps:** bump lodash\n"),
        "{un}"
    );
    assert!(repo.is_clean());
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(stderr(&out).contains("up to date"), "{}", text(&out));
}

#[test]
fn a_revert_of_the_unreleased_change_adds_no_entry_and_says_so() {
    let repo = twice_worded();
    let out = repo.git_output(&["revert", "--no-edit", "HEAD"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains(
            "no entry added: this commit reverts `- **deps:** bump lodash`, which no release has, and git's revert took that entry out of CHANGELOG.md, so neither ships"
        ),
        "{}",
        text(&out)
    );
    let un = unreleased(&repo);
    assert!(!un.contains("- "), "{un}");
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(stderr(&out).contains("up to date"), "{}", text(&out));
}

/// A revert naming the change by header only (no `This reverts commit` line) is paired with
/// the nearest older commit of that header, as `--sync` pairs it: the unreleased one here.
#[test]
fn a_revert_by_header_only_pairs_with_the_nearest_commit_of_it() {
    let repo = twice_worded();
    repo.git(&["revert", "-n", "HEAD"]);
    let out = repo.git_output(&["commit", "-m", "revert: fix(deps): bump lodash"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains(
            "no entry added: this commit reverts `- **deps:** bump lodash`, which no release has"
        ),
        "{}",
        text(&out)
    );
    assert!(!unreleased(&repo).contains("- "), "{}", unreleased(&repo));
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(stderr(&out).contains("up to date"), "{}", text(&out));
}
