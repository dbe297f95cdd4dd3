//! QA47: README now says that the release commit, from `relhook release` and from a hand tag
//! alike, is built in-process and runs none of the user's commit hooks (a `pre-commit` among
//! them). This pins that statement.

use crate::support::{dated_release, hand_tag, make_executable, ok, text, untested_installed};

#[test]
fn the_release_commit_runs_no_pre_commit_hook_of_the_users() {
    let repo = untested_installed();
    let log = repo.scratch("m").join("ran");
    let hook = repo.hooks_dir().join("pre-commit");
    std::fs::write(&hook, format!("#!/bin/sh\necho x >> '{}'\n", log.display())).unwrap();
    make_executable(&hook);
    let ran = || {
        std::fs::read_to_string(&log)
            .unwrap_or_default()
            .lines()
            .count()
    };
    repo.commit_hooked("feat: one");
    assert_eq!(ran(), 1, "the user's own commit runs it");
    ok(dated_release(&repo, &["0.1.0"]));
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
    repo.commit_hooked("fix: two");
    let out = hand_tag(&repo, &["-a", "v0.1.1", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.head_subject(), "chore(release): 0.1.1");
    assert_eq!(ran(), 2, "only the user's two commits ran it");
}
