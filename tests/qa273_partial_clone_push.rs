//! QA273: a push from a partial clone (`git clone --filter=blob:none`) of release tags whose
//! changelogs it has not fetched (releases made in another clone). Pre-push read each tag's
//! changelog alone, and git fetched each blob in a connection of its own; they are now fetched
//! in one, and the verdict is the same as a full clone's.

use crate::support::{Repo, ok, stderr, text, untested_installed};

/// The `relhook: test: N object fetches` counts of `err`, summed.
fn object_fetches(err: &str) -> usize {
    err.lines()
        .filter_map(|l| l.strip_prefix("relhook: test: "))
        .filter_map(|l| l.strip_suffix(" object fetches"))
        .map(|n| n.parse::<usize>().unwrap())
        .sum()
}

/// `feat: f{n}` released as `version` in `repo`.
fn release(repo: &Repo, n: usize, version: &str) {
    repo.write(&format!("f{n}.txt"), format!("{n}\n"));
    repo.git(&["add", "-A"]);
    repo.commit_hooked(&format!("feat: f{n}"));
    ok(repo.relhook(&["release", version, "--no-test"]));
}

#[test]
fn a_partial_clone_fetches_the_changelogs_of_the_tags_it_pushes_at_once() {
    assert_eq!(pushed_from_a_partial_clone(|_| {}), 1);
}

/// The object fetches of a push of two release tags, made in another clone since, from a
/// partial clone that has not fetched their blobs; `before` sets up the repository before its
/// first release. The push succeeds, as from a full clone.
pub(crate) fn pushed_from_a_partial_clone(before: impl FnOnce(&Repo)) -> usize {
    pushed_from_a_clone_filtered("--filter=blob:none", before)
}

/// As [`pushed_from_a_partial_clone`], from a clone made with `filter` (`--filter=tree:0`: a
/// treeless clone, which lacks the tags' trees too).
pub(crate) fn pushed_from_a_clone_filtered(filter: &str, before: impl FnOnce(&Repo)) -> usize {
    let repo = untested_installed();
    let origin = repo.with_origin();
    before(&repo);
    release(&repo, 0, "0.1.0");
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
    let bare = origin.to_str().unwrap();
    repo.git(&["-C", bare, "config", "uploadpack.allowFilter", "true"]);
    repo.git(&[
        "-C",
        bare,
        "config",
        "uploadpack.allowAnySHA1InWant",
        "true",
    ]);
    let clone = repo.dir.path().join("partial");
    let url = format!("file://{bare}");
    let args = ["clone", "-q", filter, "-b", "main", &url];
    let out = repo.git_in(
        repo.dir.path(),
        &[&args[..], &[clone.to_str().unwrap()]].concat(),
        &[],
    );
    assert!(out.status.success(), "{}", text(&out));
    ok(repo.relhook_in(&clone, &["install"]));
    // Two releases made in the first clone since, fetched here without their blobs.
    release(&repo, 1, "0.2.0");
    release(&repo, 2, "0.3.0");
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
    let fetch = repo.git_in(&clone, &["fetch", "-q", "origin", "--tags"], &[]);
    assert!(fetch.status.success(), "{}", text(&fetch));
    let missing = repo.git_in(
        &clone,
        &["rev-list", "--objects", "--missing=print", "--all"],
        &[],
    );
    let missing = String::from_utf8_lossy(&missing.stdout)
        .lines()
        .filter(|l| l.starts_with('?'))
        .count();
    assert!(missing >= 2, "{missing}");
    let mirror = repo.scratch("mirror.git");
    repo.git(&["init", "-q", "--bare", mirror.to_str().unwrap()]);
    let to = mirror.to_str().unwrap();
    let push = [
        "push",
        to,
        "origin/main:refs/heads/main",
        "v0.2.0",
        "v0.3.0",
    ];
    let out = repo.git_in(&clone, &push, &[("RELHOOK_TEST_OBJECT_FETCHES", "1")]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(
            "releasing v0.2.0 (no test record required), v0.3.0 (no test record required)"
        ),
        "{err}"
    );
    object_fetches(&err)
}
