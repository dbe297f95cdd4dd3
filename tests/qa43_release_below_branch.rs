//! QA43: `v1.0.0` released on branch `side` (not merged), then `relhook release` on main made
//! v0.1.0, "first release", without a word of the greater release beside it. It is said in
//! one line naming the branch and the merge, as a note: a maintenance release goes below a
//! greater release on purpose.

use crate::support::{ok, stderr, text, untested_installed};

#[test]
fn a_release_below_a_greater_one_on_an_unmerged_branch_names_that_branch() {
    let repo = untested_installed();
    repo.commit_hooked("feat: a");
    repo.git(&["switch", "-q", "-c", "side"]);
    repo.commit_hooked("feat: b");
    ok(repo.relhook(&["release", "1.0.0", "--allow-branch"]));
    repo.git(&["switch", "-q", "main"]);
    repo.commit_hooked("fix: c");
    let out = ok(repo.relhook(&["release"]));
    let err = stderr(&out);
    let note = err
        .lines()
        .find(|l| l.contains("v1.0.0 is on branch `side`"))
        .unwrap_or_else(|| panic!("{}", text(&out)));
    assert!(note.starts_with("relhook: note: "), "{note}");
    assert!(note.contains("`git merge side`"), "{note}");
    // Above every release tag, nothing is said.
    repo.git(&["merge", "-q", "--no-edit", "side"]);
    repo.commit_hooked("fix: d");
    let out = repo.relhook(&["release", "2.0.0"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("is on branch"), "{}", text(&out));
}
