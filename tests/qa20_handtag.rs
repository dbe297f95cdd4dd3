//! Hand tags (`git tag -a vX.Y.Z` through the reference-transaction hook), found by QA.

use crate::support::{
    Repo, configured_with_a_feature, dated_release, hand_tag, hand_tag_refused, ok, stderr, text,
};

/// A release made with `relhook release`, then `fix: c` committed through the hooks (its
/// entry under Unreleased), and the release tag deleted: returns the release commit.
fn released_then_fixed() -> (Repo, String) {
    let repo = configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".to_owned());
    ok(dated_release(&repo, &[]));
    let release = repo.git(&["rev-parse", "HEAD"]);
    repo.commit_hooked("fix: c");
    repo.git(&["tag", "-d", "v0.1.0"]);
    (repo, release)
}

/// The first command quoted in `err` that starts with `start`.
fn quoted_command(err: &str, start: &str) -> String {
    let at = err
        .find(&format!("`{start}"))
        .unwrap_or_else(|| panic!("no `{start}…` in:\n{err}"));
    let rest = &err[at + 1..];
    rest[..rest.find('`').unwrap()].to_owned()
}

/// F2: the release tag made again by hand on a later commit whose changes the changelog lists
/// under Unreleased would release them too (and the next release would announce them again):
/// refused before git writes it, naming the release commit to tag; done as said, the tag is
/// there, the push takes it, and the fix is still to release.
#[test]
fn a_release_tag_made_again_on_a_later_commit_is_refused_for_its_release_commit() {
    let (repo, release) = released_then_fixed();
    let err = hand_tag_refused(&repo, "v0.1.0");
    let short = &release[..9];
    assert!(err.contains(short), "{err}");
    assert!(err.contains("Unreleased"), "{err}");
    let command = quoted_command(&err, "git tag -a v0.1.0");
    assert!(command.ends_with(short), "{err}");
    let out = repo.sh(&command);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["rev-parse", "v0.1.0^{commit}"]), release);
    let next = repo.relhook(&["version", "--next"]);
    assert!(text(&next).contains("0.1.1"), "{}", text(&next));
    repo.with_origin();
    let out = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
}

/// Commits after the release commit with no changelog entry (a `chore:`) release nothing new:
/// the tag made again on HEAD is still accepted where it is.
#[test]
fn a_release_tag_made_again_above_entryless_commits_stays_accepted() {
    let repo = configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".to_owned());
    ok(dated_release(&repo, &[]));
    repo.commit_hooked("chore: tidy");
    repo.git(&["tag", "-d", "v0.1.0"]);
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("already has its `## [0.1.0]` section"),
        "{}",
        text(&out)
    );
}

/// F2, made with the hooks off: pre-push refuses to publish it, naming the release commit;
/// done as said, the push goes through.
#[test]
fn pre_push_refuses_a_release_tag_on_a_later_commit_made_with_the_hooks_off() {
    let (repo, release) = released_then_fixed();
    ok(repo.git_skipping_relhook(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]));
    repo.with_origin();
    let out = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    let err = stderr(&out);
    assert!(!out.status.success(), "{err}");
    let command = quoted_command(&err, "git tag -d v0.1.0 && git tag -a v0.1.0");
    assert!(command.ends_with(&release[..9]), "{err}");
    ok(repo.sh(&command));
    let out = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["rev-parse", "v0.1.0^{commit}"]), release);
}

/// F8: a hand tag never runs tests, whatever is configured: the reason says so (not that a
/// key is unset, which would not have helped), and the next step tests it with the test
/// command evident from package.json.
#[test]
fn a_hand_tag_says_why_it_is_untested_and_tests_with_the_evident_command() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\"name\": \"x\", \"version\": \"1.0.0\", \"scripts\": {\"test\": \"true\"}}\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: one");
    let out = hand_tag(&repo, &["-a", "v1.1.0", "-m", "v1.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("relhook: v1.1.0 was not tested (a release tagged by hand runs no tests)"),
        "{err}"
    );
    let next = crate::support::next_command(&err);
    ok(repo.sh(&next));
    repo.with_origin();
    let out = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    // No test command set or evident: said as well, and the next step sets one.
    let repo = crate::support::installed_repo();
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]);
    let err = stderr(&out);
    assert!(
        err.contains(
            "v0.1.0 was not tested (a release tagged by hand runs no tests, and no test command is set or evident)"
        ),
        "{err}"
    );
}

/// With `[release] sign = true` the hand tag must be signed: the command named for the
/// release commit signs it (`git tag -s`), and is accepted as it is.
#[test]
fn a_signed_release_tag_made_again_above_its_release_commit_is_named_signed() {
    let repo = configured_with_a_feature(|_| {
        "[checks]\ntest = [\"true\"]\n\n[release]\nsign = true\n".to_owned()
    });
    let key = repo.scratch("keys").join("k1");
    let out = std::process::Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "k1", "-f"])
        .arg(&key)
        .output()
        .expect("ssh-keygen");
    assert!(out.status.success(), "{}", text(&out));
    repo.git(&["config", "gpg.format", "ssh"]);
    repo.git(&["config", "user.signingkey", key.to_str().unwrap()]);
    ok(dated_release(&repo, &[]));
    let release = repo.git(&["rev-parse", "HEAD"]);
    repo.commit_hooked("fix: c");
    repo.git(&["tag", "-d", "v0.1.0"]);
    let out = hand_tag(&repo, &["-s", "v0.1.0", "-m", "v0.1.0"]);
    assert_eq!(out.status.code(), Some(128), "{}", text(&out));
    let command = quoted_command(&stderr(&out), "git tag -s v0.1.0");
    ok(repo.sh(&command));
    assert_eq!(repo.git(&["rev-parse", "v0.1.0^{commit}"]), release);
}
