//! QA: `git revert -m 1` of an unreleased merge took the branch's entries out of Unreleased
//! (git's revert of the file did it) and post-commit said nothing, while a plain revert of
//! an unreleased change says its entry left with it. Now said in one line.

use crate::support::{Repo, ok, stderr};

#[test]
fn reverting_an_unreleased_merge_says_its_entries_left() {
    let repo = Repo::new();
    repo.commit("chore: init");
    ok(repo.relhook(&["install"]));
    repo.git(&["checkout", "-q", "-b", "side"]);
    repo.write("a", "a\n");
    repo.git(&["add", "a"]);
    repo.git(&["commit", "-q", "-m", "feat: side a"]);
    repo.write("b", "b\n");
    repo.git(&["add", "b"]);
    repo.git(&["commit", "-q", "-m", "fix: side b"]);
    repo.git(&["checkout", "-q", "main"]);
    repo.write("m", "m\n");
    repo.git(&["add", "m"]);
    repo.git(&["commit", "-q", "-m", "feat: main m"]);
    repo.git(&[
        "merge",
        "-q",
        "--no-ff",
        "side",
        "-m",
        "Merge branch 'side'",
    ]);
    let merge = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    let out = repo.git_output(&["revert", "-m", "1", "--no-edit", "HEAD"]);
    assert!(out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains(&format!("relhook: no entry added: this commit reverts the unreleased merge {merge}, and git's revert took its entries out of CHANGELOG.md (`- side a` and 1 more), so none of them ships")),
        "{err}"
    );
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- main m") && !log.contains("side"), "{log}");
    assert!(repo.is_clean());
}
