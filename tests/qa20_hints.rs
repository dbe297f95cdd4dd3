//! One-line hints that must name the way that works, found by QA.

use crate::qa19_revmsg::{behind_line, lightweight_tag_after_a_push};
use crate::support::{dated_release, ok, stderr, text};

/// With `allow_lightweight_tags`, a lightweight tag left behind on a commit with no release
/// section is refused for the section, not for being lightweight: the hint must not make it
/// again annotated on the same commit (still refused), but release it again; done as said,
/// the push takes the release.
#[test]
fn an_allowed_lightweight_tag_with_another_problem_gets_that_problems_fix() {
    let repo = lightweight_tag_after_a_push("[release]\nallow_lightweight_tags = true\n");
    let out = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    let line = behind_line(&out);
    assert!(!line.contains("make it again annotated"), "{line}");
    assert!(
        line.contains("`git tag -d v0.1.1`") && line.contains("`relhook release 0.1.1`"),
        "{line}"
    );
    ok(repo.git_output(&["tag", "-d", "v0.1.1"]));
    let out = dated_release(&repo, &["0.1.1"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("stays behind"), "{}", text(&out));
}

/// `relhook test` names the remote the branch pushes to when it says how to publish the
/// record, not `origin` whatever the remote is called; run as said, the record is there.
#[test]
fn the_test_records_publish_line_names_the_branchs_remote() {
    let repo =
        crate::support::configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".into());
    let remote = repo.scratch("bare.git");
    repo.git(&["init", "-q", "--bare", remote.to_str().unwrap()]);
    repo.git(&["remote", "add", "bare", remote.to_str().unwrap()]);
    ok(repo.git_output(&["push", "-q", "-u", "bare", "main"]));
    let out = ok(repo.relhook(&["test"]));
    let err = stderr(&out);
    let publish = err
        .split('`')
        .find(|c| c.starts_with("{ git ls-remote "))
        .unwrap_or_else(|| panic!("no publish command:\n{err}"));
    assert!(
        publish.starts_with("{ git ls-remote --exit-code bare "),
        "{err}"
    );
    assert!(publish.contains("&& git fetch bare "), "{err}");
    assert!(
        publish.ends_with("; git push bare refs/notes/relhook-tests"),
        "{err}"
    );
    ok(repo.sh(publish));
    let notes = repo.git(&["ls-remote", "bare", "refs/notes/relhook-tests"]);
    assert!(notes.contains("refs/notes/relhook-tests"), "{notes}");
}

/// With no identity git can use, a release is refused before it says "releasing", in one line
/// with the commands that set one; done as said, it releases.
#[test]
fn a_release_without_an_identity_is_refused_before_it_starts() {
    let repo = crate::support::configured_with_a_feature(|_| {
        "[checks]\nrequire_tested_tags = false\n".into()
    });
    // Certain on any machine: git would otherwise make an address up from the host name.
    repo.git(&["config", "user.useConfigOnly", "true"]);
    let release = |repo: &crate::support::Repo| {
        let mut cmd = repo.command_in(crate::support::relhook_bin(), &repo.path());
        for var in [
            "GIT_AUTHOR_NAME",
            "GIT_AUTHOR_EMAIL",
            "GIT_COMMITTER_NAME",
            "GIT_COMMITTER_EMAIL",
        ] {
            cmd.env_remove(var);
        }
        cmd.arg("release").output().expect("run relhook")
    };
    let out = release(&repo);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(!err.contains("releasing"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.contains("git does not know who makes the release commit"),
        "{err}"
    );
    assert!(repo.git(&["tag"]).is_empty());
    repo.git(&["config", "user.name", "Some One"]);
    repo.git(&["config", "user.email", "one@example.com"]);
    let out = release(&repo);
    assert!(out.status.success(), "{}", text(&out));
}

/// After a rebase and a forced push, the reword fix names a base in HEAD's history, not the
/// remote's old tip: run as said (with `reword` taken), the push goes through.
#[test]
fn the_reword_base_after_a_forced_push_is_in_heads_history() {
    let repo = crate::support::installed_repo();
    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "-u", "origin", "main"]));
    repo.git(&["switch", "-q", "-c", "feature"]);
    repo.commit_hooked("feat: g");
    ok(repo.git_output(&["push", "-q", "-u", "origin", "feature"]));
    let old_tip = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    repo.git(&["switch", "-q", "main"]);
    repo.commit_hooked("fix: h");
    repo.git(&["switch", "-q", "feature"]);
    ok(repo.git_output(&["rebase", "-q", "main"]));
    repo.write("w.txt", "w\n");
    repo.git(&["add", "w.txt"]);
    ok(repo.git_output(&["commit", "-q", "--no-verify", "-m", "bad one"]));
    let out = repo.git_output(&["push", "--force-with-lease", "origin", "feature"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let rebase = err
        .split('`')
        .find(|c| c.starts_with("git rebase -i "))
        .unwrap_or_else(|| panic!("no rebase named:\n{err}"));
    let base = rebase.trim_start_matches("git rebase -i ").trim();
    assert_ne!(base, old_tip, "{err}");
    let is_ancestor = repo.git_output(&["merge-base", "--is-ancestor", base, "HEAD"]);
    assert!(
        is_ancestor.status.success(),
        "{base} is not in HEAD's history:\n{err}"
    );
}
