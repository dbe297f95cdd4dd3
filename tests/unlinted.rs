//! A release over a commit that dodged the lint (`git commit --no-verify`) and is not pushed
//! yet: pre-push would refuse that commit, and rewording it then would leave the release tag
//! on the old history. So `relhook release` and a hand tag refuse first, before anything is
//! written; history the remote already has never blocks a release.

use crate::support::{Repo, hand_tag, installed_repo, ok, stderr, text};

/// An installed repository pushed to `origin`, then a `--no-verify` commit that fails the
/// lint and a feature on top, neither pushed.
fn dodged_after_push() -> Repo {
    let repo = installed_repo();
    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "-u", "origin", "main"]));
    repo.write("wip.txt", "1\n");
    repo.git(&["add", "wip.txt"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "wip stuff"]);
    repo.commit_hooked("feat: two");
    repo
}

fn untouched(repo: &Repo, head: &str) {
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head, "no release commit");
    assert_eq!(repo.git(&["tag", "-l"]), "", "no tag");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

#[test]
fn release_refuses_a_commit_pre_push_would_refuse_before_writing_anything() {
    let repo = dodged_after_push();
    let head = repo.git(&["rev-parse", "HEAD"]);
    let bad = repo.git(&["rev-parse", "--short=9", "HEAD~1"]);
    for args in [&["release", "--dry-run"][..], &["release"][..]] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
        let err = stderr(&out);
        assert!(err.contains(&bad), "names the commit: {err}");
        assert!(err.contains("wip stuff"), "names its header: {err}");
        assert!(err.contains("pre-push"), "says why it matters: {err}");
        assert!(
            err.contains("git rebase -i") && err.contains("reword"),
            "says how to fix it: {err}"
        );
        assert!(err.contains("--allow-unlinted"), "and the way past: {err}");
        untouched(&repo, &head);
    }
    let json = repo.relhook(&["release", "--format", "json"]);
    assert_eq!(json.status.code(), Some(1), "{}", text(&json));
    assert!(
        String::from_utf8_lossy(&json.stdout).contains("\"unlinted\""),
        "{}",
        text(&json)
    );
    untouched(&repo, &head);
}

#[test]
fn the_printed_fix_then_the_release_goes_and_the_push_too() {
    let repo = dodged_after_push();
    // The reword the refusal names, done as a script would.
    let editor = "sed -i 's/^pick \\(.*\\) wip stuff/reword \\1 wip stuff/'";
    let msg = repo.scratch("reword").join("msg");
    std::fs::write(&msg, "chore: work in progress\n").unwrap();
    let out = repo
        .command_in("git", &repo.path())
        .env("GIT_SEQUENCE_EDITOR", editor)
        .env("GIT_EDITOR", format!("cp {}", msg.display()))
        .args(["rebase", "-q", "-i", "origin/main"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    ok(repo.relhook(&["release", "--no-test"]));
    let out = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    assert!(
        !stderr(&out).contains("fails the lint") && !stderr(&out).contains("wip stuff"),
        "{}",
        text(&out)
    );
}

#[test]
fn allow_unlinted_releases_them_on_purpose() {
    let repo = dodged_after_push();
    let out = repo.relhook(&["release", "--no-test", "--allow-unlinted"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l"]), "v0.1.0");
    // QA45: its `next:` push skips pre-push on purpose, as the note before it says: pasted,
    // it goes through (a plain push was refused for the commit the release took).
    let err = stderr(&out);
    let next = err.lines().find(|l| l.starts_with("next: ")).unwrap();
    let at = next
        .find("git push --no-verify ")
        .expect("the push skips pre-push");
    let push = next[at..].split("   ").next().unwrap();
    assert!(
        err.contains("so the push below skips it (`--no-verify`), on purpose"),
        "{err}"
    );
    ok(repo.sh(push));
    let remote = repo.git(&["ls-remote", "--tags", "origin"]);
    assert!(remote.contains("refs/tags/v0.1.0"), "{remote}");
}

#[test]
fn a_hand_tag_over_it_is_refused_before_it_exists() {
    let repo = dodged_after_push();
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "x"]);
    assert_eq!(out.status.code(), Some(128), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("wip stuff") && err.contains("reword"), "{err}");
    untouched(&repo, &head);
    // The way past the hook on purpose still works (no release commit, as RELHOOK_SKIP says).
    let out = repo.git_skipping_relhook(&["tag", "-a", "v0.1.0", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn history_the_remote_has_never_blocks_a_release() {
    let repo = installed_repo();
    repo.with_origin();
    repo.write("old.txt", "1\n");
    repo.git(&["add", "old.txt"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "Old style message"]);
    // Published before relhook guarded the push.
    ok(repo.git_output(&["push", "-q", "--no-verify", "-u", "origin", "main"]));
    repo.commit_hooked("feat: two");
    let out = repo.relhook(&["release", "--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.commit_hooked("fix: three");
    let out = hand_tag(&repo, &["-a", "v0.1.1", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn without_a_remote_released_history_never_blocks_the_next_release() {
    // Released before relhook came (a tag made past its hooks since is judged).
    let repo = Repo::new();
    repo.write("old.txt", "1\n");
    repo.git(&["add", "old.txt"]);
    repo.git(&["commit", "-q", "-m", "Old style message"]);
    repo.git(&["tag", "-a", "v0.1.0", "-m", "old"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: two");
    let out = repo.relhook(&["release", "--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l"]), "v0.1.0\nv0.1.1", "{}", text(&out));
}
