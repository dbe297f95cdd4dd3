//! QA34: with the test program not installed, `next:` after a hand tag named "install it, or
//! set another" again before each tag's `relhook test`, inside the `&&` chain.

use crate::support::{Repo, hand_tag, text};

#[test]
fn a_missing_test_program_is_named_once_before_the_commands_that_need_it() {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        "[checks]\ntest = [\"relhook-qa34-no-such-test-program\"]\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.commit_hooked("feat: a");
    assert!(
        hand_tag(&repo, &["-a", "v0.1.0", "-m", "r"])
            .status
            .success()
    );
    repo.commit_hooked("fix: b");
    let out = hand_tag(&repo, &["-a", "v0.1.1", "-m", "r"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    let next = err
        .lines()
        .find(|l| l.starts_with("next: "))
        .expect("a next line");
    assert_eq!(
        next.matches("install `relhook-qa34-no-such-test-program`")
            .count(),
        1,
        "{next}"
    );
    assert!(
        next.contains(
            "runs here, then relhook test --tag v0.1.0 && relhook test --tag v0.1.1, then"
        ),
        "{next}"
    );
}
