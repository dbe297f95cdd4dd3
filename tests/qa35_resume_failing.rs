//! QA35: a killed release resumed with failing tests said "nothing was released; the release
//! commit stays" and "fix them, then `relhook release --resume`", but a fix committed above
//! the release commit never reaches its tree, so every resume failed the same way. It now says
//! how to take the release commit out first, and following that releases the fixed code.

use crate::support::{Repo, configured_with_a_feature, ok, stderr, text};

#[test]
fn a_resume_whose_tests_fail_says_how_a_fix_reaches_the_release() {
    let repo: Repo = configured_with_a_feature(|_| {
        "[checks]\ntest = [\"sh\", \"-c\", \"test -e fixed.txt\"]\n".into()
    });
    repo.relhook_killed_at("release-committed", &["release"]);
    let out = repo.relhook(&["release", "--resume"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(!err.contains("nothing was released"), "{err}");
    assert!(err.contains("the release commit stays, untagged"), "{err}");
    let next = err
        .lines()
        .find(|l| l.starts_with("next: "))
        .unwrap_or_default();
    assert!(next.contains("`git reset --keep HEAD~1`"), "{err}");
    assert!(next.contains("`relhook release --resume`"), "{err}");
    let version = repo.git(&["log", "-1", "--format=%s"]);
    let version = version.trim().rsplit(' ').next().unwrap().to_owned();
    assert!(
        next.contains(&format!("`relhook release {version}`")),
        "{err}"
    );
    // Followed: the release commit out, the fix in, the release made again, tested.
    repo.git(&["reset", "-q", "--keep", "HEAD~1"]);
    repo.write("fixed.txt", "ok\n");
    repo.git(&["add", "fixed.txt"]);
    ok(repo.git_output(&["commit", "-q", "-m", "fix: make the tests pass"]));
    ok(repo.relhook(&["release", &version]));
    let tags = repo.git(&["tag", "--points-at", "HEAD"]);
    assert!(tags.contains(&version), "{tags}");
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- make the tests pass\n"), "{log}");
}
