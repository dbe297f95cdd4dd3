//! `relhook release --resume` of a release killed after its commit, once more commits sit on
//! top of it: the tests run on a clean checkout of the release commit (not on the work tree,
//! which is not the release), and an untested tag gets the command pre-push accepts.

use crate::support::{Repo, next_command, stderr, text};

/// A repository with relhook installed whose tests fail once `later.txt` exists: they pass on
/// the release commit only. The release of `feat: one` is killed after its commit, and
/// `fix: later` is committed on top.
/// A repository whose `[checks] test` is `test` (a TOML array), with relhook installed and
/// one feature, where `relhook release` was killed right after its release commit.
fn killed_after_the_release_commit(test: &str) -> Repo {
    let repo = crate::support::configured_with_a_feature(|_| format!("[checks]\ntest = {test}\n"));
    repo.relhook_killed_at("release-committed", &["release"]);
    repo
}

fn killed_release_below_head() -> Repo {
    let repo = killed_after_the_release_commit(r#"["sh", "-c", "test ! -e later.txt"]"#);
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
    repo.write("later.txt", "later\n");
    repo.git(&["add", "later.txt"]);
    repo.git(&["commit", "-q", "-m", "fix: later"]);
    repo
}

#[test]
fn resume_below_head_tests_a_clean_checkout_of_the_release_commit() {
    let repo = killed_release_below_head();
    repo.with_origin();
    let out = repo.relhook(&["release", "--resume"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("(tested, release finished)"), "{err}");
    // `with_origin` sets no upstream: the push names remote and branch, and sets it.
    assert_eq!(
        next_command(&err),
        "git push --follow-tags -u origin main",
        "{err}"
    );
    assert!(
        repo.git(&["notes", "--ref=relhook-tests", "show", "v0.1.0^{commit}"])
            .contains("relhook-test-record: pass")
    );
    assert_eq!(
        repo.git(&["worktree", "list", "--porcelain"])
            .matches("worktree ")
            .count(),
        1
    );
    let out = repo.git_output(&["push", "-q", "origin", "main", "v0.1.0"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "pre-push takes it:\n{}",
        text(&out)
    );
}

#[test]
fn resume_below_head_that_fails_its_tests_tags_nothing() {
    let repo = killed_release_below_head();
    repo.write(
        ".relconfig.toml",
        "[checks]\ntest = [\"sh\", \"-c\", \"test -e later.txt\"]\n",
    );
    repo.git(&["commit", "-q", "-am", "chore: tests want later.txt"]);
    let out = repo.relhook(&["release", "--resume"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stderr(&out).contains("tests failed"), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "--list"]), "");
}

#[test]
fn resume_below_head_without_tests_names_the_command_pre_push_accepts() {
    let repo = killed_release_below_head();
    repo.with_origin();
    let out = repo.relhook(&["release", "--resume", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("v0.1.0 was not tested (--no-test)"), "{err}");
    let next = next_command(&err);
    assert_eq!(next, "relhook test --tag v0.1.0", "{err}");
    let out = repo.git_output(&["push", "-q", "origin", "main", "v0.1.0"]);
    assert_eq!(out.status.code(), Some(1), "untested: {}", text(&out));
    // What it names works: the tag's tree gets its record, the branch is back, the push goes.
    let out = repo.sh(&next);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["branch", "--show-current"]), "main");
    let out = repo.git_output(&["push", "-q", "origin", "main", "v0.1.0"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

/// A resume whose tag step fails (git cannot sign the tag: the key stops working after
/// relhook checked that git can sign) leaves nothing it added, like a release undone at that
/// step: no test record on the release commit, no TAG_EDITMSG; one line says what happened
/// and which command finishes the release, and that command does.
#[test]
fn resume_refused_at_the_tag_step_leaves_no_record_and_no_tag_message() {
    let repo = killed_after_the_release_commit(r#"["true"]"#);
    let head = repo.git(&["rev-parse", "HEAD"]);
    repo.git(&["config", "tag.gpgSign", "true"]);
    crate::support::Signer::failing_after(&repo, 1).configure(&repo);
    let out = repo.relhook(&["release", "--resume"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    let last = err.lines().last().unwrap_or("");
    assert!(
        last.contains("v0.1.0 was not released")
            && last.contains("nothing else was left behind (no tag, no test record)")
            && last.contains("`relhook release --resume`"),
        "{err}"
    );
    assert!(!err.contains("has been left in"), "{err}");
    assert_eq!(repo.git(&["notes", "--ref=relhook-tests", "list"]), "");
    assert!(!repo.path().join(".git/TAG_EDITMSG").exists());
    assert_eq!(repo.git(&["tag", "--list"]), "");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    // The command it names finishes the release once git can sign.
    repo.git(&["config", "--unset", "tag.gpgSign"]);
    let out = repo.relhook(&["release", "--resume"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "--list"]), "v0.1.0");
    assert!(
        repo.git(&["notes", "--ref=relhook-tests", "show", "v0.1.0^{commit}"])
            .contains("relhook-test-record: pass")
    );
}

/// An interrupted release over a dirty tree (`release --allow-dirty`, QA12): `--resume`'s
/// refusal names the option that lets it finish, as every refusal names its way past.
#[test]
fn resume_refused_on_a_dirty_tree_names_allow_dirty() {
    let repo = killed_after_the_release_commit(r#"["true"]"#);
    repo.write("one.txt", "changed\n");
    let out = repo.relhook(&["release", "--resume"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        text(&out).contains("`relhook release --resume --allow-dirty`"),
        "{}",
        text(&out)
    );
    let out = repo.relhook(&["release", "--resume", "--allow-dirty"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "--list"]), "v0.1.0");
}
