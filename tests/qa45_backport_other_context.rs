//! QA45: a fix main released in 1.1.1, backported with a plain `git cherry-pick` (no `-x`) to
//! release/1.0, released there as 1.0.1 and merged forward: main wanted to release it again as
//! 1.1.2. Each copy carries its own CHANGELOG.md hunk, whose context differs between the lines,
//! so whole-diff patch ids never matched; the change is compared with the changelogs aside.

use crate::support::{ok, stderr, text, untested_installed};

#[test]
fn a_plain_backport_merged_forward_is_not_released_again() {
    let repo = untested_installed();
    repo.write("src.txt", "line1\nline2\nline3\n");
    ok(repo.git_output(&["add", "src.txt"]));
    repo.commit_hooked("feat: start");
    ok(repo.relhook(&["release", "1.0.0", "--no-test"]));
    ok(repo.git_output(&["branch", "release/1.0"]));
    repo.write("feat.txt", "f\n");
    ok(repo.git_output(&["add", "feat.txt"]));
    repo.commit_hooked("feat: new feature");
    ok(repo.relhook(&["release", "--no-test"]));
    repo.write("src.txt", "line1\nline2\nline3 fixed\n");
    ok(repo.git_output(&["add", "src.txt"]));
    repo.commit_hooked("fix: line three");
    ok(repo.relhook(&["release", "--no-test"]));
    assert_eq!(repo.git(&["describe", "--tags"]), "v1.1.1");
    ok(repo.git_output(&["checkout", "-q", "release/1.0"]));
    ok(repo.git_output(&["cherry-pick", "main~1"]));
    ok(repo.relhook(&["release", "--no-test", "--allow-branch"]));
    ok(repo.git_output(&["checkout", "-q", "main"]));
    ok(repo.git_output(&["merge", "-q", "--no-edit", "release/1.0"]));
    let out = repo.relhook(&["version", "--next"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("nothing to release: no new commits since v1.1.1"),
        "{}",
        text(&out)
    );
}
