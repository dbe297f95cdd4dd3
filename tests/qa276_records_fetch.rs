//! QA276: the first push of an untested release tag to a new, empty remote offered
//! `git fetch origin +refs/notes/relhook-tests:…` as a way past it, a fetch that fails there
//! (`couldn't find remote ref`). Where pre-push knows what the remote has (it asked it, once,
//! as it does a remote never fetched), the fetch is offered only when the remote has the
//! records ref; where it does not know, the wording stays, and no connection is added to find
//! out (`RELHOOK_TEST_REMOTE_ASKS`).

use crate::support::{Repo, installed_repo, ok, stderr, text};

/// The connections to a remote the relhook processes of a push started.
fn remote_asks(err: &str) -> usize {
    err.lines()
        .filter_map(|l| l.strip_prefix("relhook: test: "))
        .filter_map(|l| l.strip_suffix(" remote asks"))
        .map(|n| n.parse::<usize>().unwrap())
        .sum()
}

/// A release made without its tests (`relhook release --no-test`) and its tag's name.
fn untested_release() -> (Repo, String) {
    let repo = installed_repo();
    ok(repo.relhook(&["release", "--no-test"]));
    let tag = repo.git(&["tag", "-l"]).trim().to_owned();
    assert!(!tag.is_empty());
    (repo, tag)
}

/// `git push origin main TAG`, counted; refused. Its stderr.
fn refused_push(repo: &Repo, tag: &str) -> String {
    let out = repo.git_in(
        &repo.path(),
        &["push", "-q", "origin", "main", tag],
        &[("RELHOOK_TEST_REMOTE_ASKS", "1")],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("release tag {tag}, untested")),
        "{err}"
    );
    err
}

#[test]
fn a_first_push_to_an_empty_remote_offers_no_fetch_of_records_it_lacks() {
    let (repo, tag) = untested_release();
    repo.with_origin();
    let err = refused_push(&repo, &tag);
    assert!(!err.contains("+refs/notes/relhook-tests"), "{err}");
    assert!(!err.contains("fetch CI's records"), "{err}");
    // Each fix still reads whole, and names the test that gives the record.
    assert!(err.contains(&format!("relhook test --tag {tag}")), "{err}");
    assert!(!err.contains(";; ") && !err.contains(", or ,"), "{err}");
    assert_eq!(remote_asks(&err), 1, "{err}");
}

#[test]
fn a_remote_that_has_the_records_ref_is_offered_the_fetch_and_it_works() {
    let (repo, tag) = untested_release();
    let remote = repo.with_origin();
    // CI published records (of another commit) to the remote, never fetched here.
    let ci = repo.scratch("ci");
    repo.git(&[
        "clone",
        "-q",
        remote.to_str().unwrap(),
        ci.to_str().unwrap(),
    ]);
    repo.git(&["notes", "--ref=relhook-tests", "add", "-m", "x", "HEAD~1"]);
    repo.git(&[
        "push",
        "-q",
        "--no-verify",
        "origin",
        "refs/notes/relhook-tests",
    ]);
    repo.git(&["update-ref", "-d", "refs/notes/relhook-tests"]);
    let err = refused_push(&repo, &tag);
    assert!(err.contains("fetch CI's records"), "{err}");
    assert_eq!(remote_asks(&err), 1, "{err}");
    let fetch = err
        .split("fetch CI's records, if it publishes them (`")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
        .unwrap_or_else(|| panic!("no fetch named: {err}"));
    let out = repo.sh(fetch);
    assert!(out.status.success(), "{fetch}: {}", text(&out));
}

#[test]
fn a_remote_not_asked_keeps_the_fetch_wording_without_a_new_ask() {
    let (repo, tag) = untested_release();
    repo.with_origin();
    // Fetched once: its remote-tracking ref tells what it has, and nothing asks it again.
    repo.git(&[
        "push",
        "-q",
        "--no-verify",
        "origin",
        "main~1:refs/heads/main",
    ]);
    repo.git(&["fetch", "-q", "origin"]);
    let err = refused_push(&repo, &tag);
    assert!(err.contains("fetch CI's records"), "{err}");
    assert_eq!(remote_asks(&err), 0, "{err}");
}
