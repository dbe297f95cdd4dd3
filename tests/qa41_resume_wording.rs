//! QA41: `relhook release --resume` after a hand tag killed while its release commit was being
//! made said "undid an interrupted release (nothing of it remains)", then made the release: it
//! said it undid what it went on to finish. It now says it finishes it, and only that.

use crate::support::{installed_repo, ok, stderr, text};

#[test]
fn a_resume_after_a_killed_hand_tag_says_it_finishes_the_release_not_that_it_undid_it() {
    for step in ["locked", "files-written", "index-staged"] {
        let repo = installed_repo();
        repo.commit_hooked("feat: a");
        repo.git_killed_at(step, &["tag", "-a", "v0.1.0", "-m", "v0.1.0"], &[]);
        let out = ok(repo.relhook(&["release", "--resume", "--no-test"]));
        let err = stderr(&out);
        assert!(!err.contains("undid"), "{step}: {}", text(&out));
        assert!(
            err.contains("relhook: finishing the interrupted release of v0.1.0"),
            "{step}: {}",
            text(&out)
        );
        assert!(err.contains("v0.1.0 now points at release commit"), "{err}");
        assert!(repo.is_clean(), "{step}");
        let tagged = repo.git(&["show", "v0.1.0^{commit}:CHANGELOG.md"]);
        assert!(tagged.contains("## [0.1.0]"), "{step}: {tagged}");
    }
}

/// A release killed before its commit, resumed: undone, and said so (nothing is finished).
#[test]
fn a_resume_after_a_release_killed_before_its_commit_still_says_it_undid_it() {
    let repo = installed_repo();
    repo.commit_hooked("feat: a");
    repo.relhook_killed_at("locked", &["release", "--no-test"]);
    let out = repo.relhook(&["release", "--resume", "--no-test"]);
    let err = stderr(&out);
    assert!(
        err.contains("undid an interrupted release"),
        "{}",
        text(&out)
    );
    assert!(!err.contains("finishing"), "{}", text(&out));
}
