//! QA265: one pre-push asked the remote what it has up to once per check: a first push of a
//! branch to a remote never fetched asked it (`git ls-remote`) to hide what it had, then again
//! for the tags the branch leaves behind; a mirror push asked for the tags it deletes, then
//! again. Over SSH without an agent, each connection may ask for the key's passphrase anew.
//! Now every check takes one answer: one push, one connection per remote at most. Guarded by
//! counting the `git ls-remote` and `git fetch` relhook starts (`RELHOOK_TEST_REMOTE_ASKS`).

use crate::support::{Repo, ok, stderr, text};

/// The connections to a remote the relhook processes of a push started, summed over every
/// hook that printed its count.
fn remote_asks(err: &str) -> usize {
    err.lines()
        .filter_map(|l| l.strip_prefix("relhook: test: "))
        .filter_map(|l| l.strip_suffix(" remote asks"))
        .map(|n| n.parse::<usize>().unwrap())
        .sum()
}

/// `git push ARGS` with the count on; it must go.
fn counted_push(repo: &Repo, args: &[&str]) -> String {
    let mut all = vec!["push"];
    all.extend_from_slice(args);
    let out = repo.git_in(&repo.path(), &all, &[("RELHOOK_TEST_REMOTE_ASKS", "1")]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("remote asks"), "no count printed: {err}");
    err
}

/// Two releases tagged by hand before relhook came, a bare copy of the clone then as `origin`
/// (never fetched: no remote-tracking ref), relhook installed and `fix: c` committed.
fn never_fetched_copy() -> Repo {
    let repo = Repo::new();
    for (message, tag) in [("feat: a", "v0.1.0"), ("fix: b", "v0.1.1")] {
        repo.commit(message);
        repo.git(&["tag", "-a", tag, "-m", tag]);
    }
    let remote = repo.scratch("remote.git");
    repo.git(&["clone", "-q", "--bare", ".", remote.to_str().unwrap()]);
    ok(repo.relhook(&["install"]));
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix: c");
    repo.git(&["remote", "add", "origin", remote.to_str().unwrap()]);
    repo
}

#[test]
fn a_first_push_to_a_remote_never_fetched_asks_it_once() {
    let repo = never_fetched_copy();
    // What it has hides its commits, and its tags are not said to stay behind: one answer.
    let err = counted_push(&repo, &["origin", "HEAD:refs/heads/topic"]);
    assert!(!err.contains("not linted"), "{err}");
    assert!(!err.contains("stay behind"), "{err}");
    assert_eq!(remote_asks(&err), 1, "{err}");
}

#[test]
fn a_first_push_leaving_a_release_tag_behind_asks_the_remote_once() {
    let repo = never_fetched_copy();
    // A release tag on the new commit, which the branch push leaves behind: whether the
    // remote has it is the same answer that told what it has.
    repo.git_env(&["tag", "v0.1.2"], &[("RELHOOK_SKIP", "1")]);
    let err = counted_push(&repo, &["origin", "HEAD:refs/heads/topic"]);
    assert!(err.contains("v0.1.2"), "{err}");
    assert_eq!(remote_asks(&err), 1, "{err}");
}

#[test]
fn a_mirror_push_asks_the_remote_once() {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    let remote = repo.scratch("mirror.git");
    repo.git(&["init", "-q", "--bare", remote.to_str().unwrap()]);
    let url = remote.to_str().unwrap();
    repo.git(&["remote", "add", "--mirror=push", "origin", url]);
    let err = counted_push(&repo, &["origin"]);
    assert_eq!(remote_asks(&err), 1, "{err}");
}

#[test]
fn a_push_that_needs_no_answer_asks_nothing() {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "origin", "main"]));
    repo.commit_hooked("fix: b");
    let err = counted_push(&repo, &["origin", "main"]);
    assert_eq!(remote_asks(&err), 0, "{err}");
}

#[test]
fn another_remote_is_asked_once_for_every_release_it_publishes() {
    let repo = crate::support::untested_installed();
    repo.with_origin();
    let other = repo.scratch("other.git");
    let url = other.to_str().unwrap();
    repo.git(&["init", "-q", "--bare", "-b", "main", url]);
    repo.git(&["remote", "add", "other", url]);
    repo.commit_hooked("feat: a");
    ok(repo.git_output(&["push", "-q", "origin", "main"]));
    ok(repo.git_output(&["push", "-q", "other", "main"]));
    // Another clone of `other` releases both versions first and pushes the tags alone.
    let there = repo.dir.path().join("there");
    let clone = ["clone", "-q", "-b", "main", url, "there"];
    ok(repo.git_in(repo.dir.path(), &clone, &[]));
    for v in ["v0.2.0", "v0.3.0"] {
        std::fs::write(there.join(v), "z\n").unwrap();
        ok(repo.git_in(&there, &["add", v], &[]));
        let message = format!("feat: {v}");
        ok(repo.git_in(&there, &["commit", "-q", "-m", &message], &[]));
        ok(repo.git_in(&there, &["tag", "-a", v, "-m", v], &[]));
    }
    let tags = ["push", "-q", "origin", "v0.2.0", "v0.3.0"];
    ok(repo.git_in(&there, &tags, &[]));
    // This clone releases both too, and publishes the tags alone on origin.
    for (message, version) in [("feat: w", "0.2.0"), ("feat: x", "0.3.0")] {
        repo.commit_hooked(message);
        ok(repo.relhook(&["release", version, "--no-test"]));
    }
    ok(repo.git_output(&["push", "-q", "origin", "v0.2.0", "v0.3.0"]));
    // Both refused as releases origin publishes: origin asked once for the two.
    let push = ["push", "other", "v0.2.0", "v0.3.0"];
    let out = repo.git_in(&repo.path(), &push, &[("RELHOOK_TEST_REMOTE_ASKS", "1")]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(err.matches("which origin publishes").count(), 2, "{err}");
    assert_eq!(remote_asks(&err), 1, "{err}");
}
