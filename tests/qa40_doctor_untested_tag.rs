//! QA40: `relhook doctor` said "all is well" beside a local release tag no remote has and no
//! test record covers, which pre-push refuses as untested (`[checks] require_tested_tags` is on
//! by default). doctor warns, with pre-push's fix; tested, or with the requirement off, or
//! with a pre-push hook that is not relhook's, it says nothing of it.

use crate::support::{installed_repo, ok, stderr, stdout, text};

#[test]
fn doctor_warns_of_a_local_release_tag_pre_push_refuses_untested() {
    let repo = installed_repo();
    ok(repo.relhook(&["release", "--no-test"]));
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(
        said.contains(" WARNING  untested release tags: release tag v0.1.0 is on no remote yet")
            && said.contains("pre-push refuses it untested"),
        "{}",
        text(&out)
    );
    // pre-push's own fix: no test command here, so the one to set, then `relhook test --tag`.
    assert!(
        said.contains("fix: commit `[checks] test = ")
            && said.contains("`relhook test --tag v0.1.0`"),
        "{}",
        text(&out)
    );
    assert!(!said.contains("all is well"), "{}", text(&out));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));

    // As pre-push judges it.
    repo.with_origin();
    let push = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(
        stderr(&push).contains("release tag v0.1.0, untested"),
        "{}",
        text(&push)
    );

    // Without the requirement, nothing to say.
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    let out = ok(repo.relhook(&["doctor"]));
    assert!(
        !stdout(&out).contains("untested release tags"),
        "{}",
        text(&out)
    );
}

#[test]
fn doctor_gives_the_test_command_for_an_untested_tag_and_is_quiet_once_tested() {
    let repo = installed_repo();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", ".relconfig.toml"]);
    repo.commit_hooked("chore: config");
    repo.git(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(
        said.contains(" WARNING  untested release tags: release tag v0.1.0 is on no remote yet")
            && said.contains("fix: test it: `relhook test`"),
        "{}",
        text(&out)
    );
    ok(repo.relhook(&["test"]));
    let out = ok(repo.relhook(&["doctor"]));
    assert!(
        !stdout(&out).contains("untested release tags"),
        "{}",
        text(&out)
    );
}

#[test]
fn doctor_says_nothing_of_untested_tags_a_remote_has() {
    let repo = installed_repo();
    ok(repo.relhook(&["release", "--no-test"]));
    repo.with_origin();
    ok(repo.git_output(&[
        "push",
        "-q",
        "--no-verify",
        "--follow-tags",
        "origin",
        "main",
    ]));
    let out = ok(repo.relhook(&["doctor"]));
    assert!(
        !stdout(&out).contains("untested release tags"),
        "{}",
        text(&out)
    );
    assert!(stdout(&out).contains("all is well"), "{}", text(&out));
}

#[test]
fn doctor_says_nothing_of_untested_tags_when_pre_push_is_not_relhooks() {
    let repo = installed_repo();
    ok(repo.relhook(&["release", "--no-test"]));
    let hook = repo.hooks_dir().join("pre-push");
    std::fs::write(&hook, "#!/bin/sh\nexit 0\n").unwrap();
    crate::support::make_executable(&hook);
    let out = repo.relhook(&["doctor"]);
    assert!(stdout(&out).contains("FOREIGN"), "{}", text(&out));
    assert!(
        !stdout(&out).contains("untested release tags"),
        "{}",
        text(&out)
    );
}
