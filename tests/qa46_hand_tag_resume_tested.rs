//! QA46: `relhook release --resume` of a hand tag whose hook was killed before its release
//! commit made that commit and moved the tag, and said nothing more: no tests ran, though a
//! resumed release tests, and the push it implied was refused as untested. It now tests
//! with the configured command and records the pass; without one it says, as the hand tag
//! does, that the tag is untested and what comes next.

use crate::support::{Repo, ok, stderr, text};

/// A repository with `config` and relhook's hooks, `feat: a` committed and the hand tag
/// v0.1.0 killed before its release commit.
fn interrupted_hand_tag(config: &str) -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", config);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    repo.git_killed_at("hand-started", &["tag", "-a", "v0.1.0", "-m", "x"], &[]);
    assert_eq!(repo.git(&["tag", "-l", "v0.1.0"]).trim(), "v0.1.0");
    repo
}

#[test]
fn resume_of_a_hand_tag_tests_its_release_commit_and_the_push_goes_through() {
    let repo = interrupted_hand_tag("[checks]\ntest = [\"true\"]\n");
    repo.with_origin();
    let out = repo.relhook(&["release", "--resume"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("v0.1.0 now points at release commit") && err.contains("updated, tested)"),
        "{err}"
    );
    assert!(!err.contains("not tested"), "{err}");
    assert_eq!(
        repo.git(&["rev-parse", "v0.1.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD"])
    );
    // The pass is recorded: pre-push lets the tag go.
    let push = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    assert!(push.status.success(), "{}", text(&push));
}

#[test]
fn resume_of_a_hand_tag_without_a_test_command_says_it_is_untested_and_what_is_next() {
    let repo = interrupted_hand_tag("");
    let out = repo.relhook(&["release", "--resume"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("relhook: v0.1.0 was not tested"), "{err}");
    assert!(err.contains("\nnext: "), "{err}");
}

/// QA107: failing, the tag stays on the commit before the release commit (moved onto it,
/// untested, it looked released), as for a hook killed after that commit.
#[test]
fn resume_of_a_hand_tag_whose_tests_fail_leaves_the_tag_where_it_was() {
    let repo = interrupted_hand_tag("[checks]\ntest = [\"false\"]\n");
    let out = repo.relhook(&["release", "--resume"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("relhook: release refused: the tests failed on its release commit"),
        "{err}"
    );
    assert!(err.contains("then `relhook release --resume`"), "{err}");
    assert_eq!(
        repo.git(&["rev-parse", "v0.1.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD~1"])
    );
    assert_eq!(
        repo.git(&["notes", "--ref=refs/notes/relhook-tests", "list"]),
        ""
    );
}
