//! QA44: on a branch whose upstream has another name (`git switch -c rel origin/main`), the
//! release's `next: git push --follow-tags` failed under git's default push.default=simple
//! ("the upstream branch of your current branch does not match the name of your current
//! branch"). The push names the upstream's branch now: `git push --follow-tags origin
//! HEAD:main`, after `relhook release` and after a hand tag.

use crate::support::{Repo, hand_tag, next_command, ok, stderr, text};

/// `rel`, tracking origin's `main`, with a feature on it and relhook installed.
fn on_rel_tracking_main() -> Repo {
    let repo = Repo::new();
    repo.with_origin();
    repo.write(
        ".relconfig.toml",
        "[release]\nbranches = [\"main\", \"rel\"]\n[checks]\ntest = [\"true\"]\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["push", "-q", "origin", "main"]);
    repo.git(&["switch", "-q", "-c", "rel", "origin/main"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: one");
    repo
}

/// Runs `push` and checks that origin's `main` got the release and its tag.
fn pushes_to_main(repo: &Repo, push: &str, tag: &str) {
    assert!(push.ends_with("origin HEAD:main"), "{push}");
    let out = repo.sh(push);
    assert!(out.status.success(), "{push}: {}", text(&out));
    let head = repo.git(&["rev-parse", "HEAD"]);
    assert_eq!(repo.git(&["rev-parse", "origin/main"]), head);
    let remote = repo.git(&["ls-remote", "--tags", "origin", tag]);
    assert!(remote.contains(tag), "{remote}");
}

#[test]
fn the_release_push_names_the_upstream_of_another_name() {
    let repo = on_rel_tracking_main();
    let err = stderr(&ok(repo.relhook(&["release"])));
    assert!(
        err.contains("or: git push origin HEAD:main v0.1.0"),
        "{err}"
    );
    pushes_to_main(&repo, &next_command(&err), "v0.1.0");
}

#[test]
fn the_hand_tag_push_names_the_upstream_of_another_name() {
    let repo = on_rel_tracking_main();
    let err = stderr(&ok(hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"])));
    // Untested (a hand tag runs no tests): `relhook test` first, then the push.
    ok(repo.sh(&next_command(&err)));
    let push = err
        .lines()
        .find_map(|l| l.strip_prefix("next: "))
        .and_then(|l| l.split(", then ").nth(1))
        .map(|l| l.split("   ").next().unwrap_or(l).to_owned())
        .unwrap_or_else(|| panic!("{err}"));
    pushes_to_main(&repo, &push, "v0.1.0");
}

/// Whatever push.default says, the named push lands on origin's `main`: under `upstream` a
/// plain push would too, but its "or:" form (`HEAD v0.1.0`) made a branch `rel`; under
/// `matching` a plain push sent nothing, under `nothing` it failed.
#[test]
fn the_named_push_lands_on_main_under_every_push_default() {
    for setting in ["upstream", "current", "matching", "nothing"] {
        let repo = on_rel_tracking_main();
        repo.git(&["config", "push.default", setting]);
        let err = stderr(&ok(repo.relhook(&["release"])));
        assert!(
            err.contains("or: git push origin HEAD:main v0.1.0"),
            "{setting}: {err}"
        );
        pushes_to_main(&repo, &next_command(&err), "v0.1.0");
    }
}

/// On a branch of the upstream's own name, `matching` and `nothing` still send nothing with a
/// plain push: the push names the branch.
#[test]
fn a_plain_push_is_named_where_push_default_sends_nothing() {
    for setting in ["matching", "nothing"] {
        let repo = Repo::new();
        repo.with_origin();
        repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
        repo.git(&["add", "."]);
        repo.git(&["commit", "-q", "-m", "chore: start"]);
        repo.git(&["push", "-q", "-u", "origin", "main"]);
        ok(repo.relhook(&["install"]));
        repo.commit_hooked("feat: one");
        repo.git(&["config", "push.default", setting]);
        let err = stderr(&ok(repo.relhook(&["release"])));
        let push = next_command(&err);
        assert_eq!(
            push, "git push --follow-tags origin main",
            "{setting}: {err}"
        );
        let out = repo.sh(&push);
        assert!(out.status.success(), "{}", text(&out));
        let remote = repo.git(&["ls-remote", "--tags", "origin", "v0.1.0"]);
        assert!(remote.contains("v0.1.0"), "{setting}: {remote}");
    }
}
