//! QA307: `relhook doctor` in a treeless clone (`git clone --filter=tree:0`, as CI makes
//! them) read the changelog at the newest release and at its first parent one object at a
//! time: each tree and each blob a connection to the remote of its own (4). The trees and the
//! files come in one fetch each now, and the verdict is a full clone's.

use std::path::PathBuf;

use crate::support::{Repo, ok, stdout, text, untested_installed};

/// The `relhook: test: N object fetches` count of `err`.
pub(crate) fn object_fetches(err: &str) -> usize {
    err.lines()
        .find_map(|l| {
            l.strip_prefix("relhook: test: ")?
                .strip_suffix(" object fetches")
        })
        .unwrap_or_else(|| panic!("{err}"))
        .parse()
        .unwrap()
}

/// A released repository (three releases, a fix since) pushed to an origin that serves
/// filters, and a clone of it made with `filter`, relhook installed.
pub(crate) fn released_and_cloned(filter: &str) -> (Repo, PathBuf) {
    let repo = untested_installed();
    let origin = repo.with_origin();
    for r in 1..=3 {
        for i in 1..=2 {
            repo.write(&format!("d{r}/f{i}"), format!("{r}{i}\n"));
            repo.git(&["add", "-A"]);
            repo.commit_hooked(&format!("feat: r{r} f{i}"));
        }
        ok(repo.relhook(&["release", &format!("0.{r}.0"), "--no-test"]));
    }
    repo.write("after", "x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix: after");
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
    let bare = origin.to_str().unwrap();
    repo.git(&["-C", bare, "config", "uploadpack.allowFilter", "true"]);
    let any = [
        "-C",
        bare,
        "config",
        "uploadpack.allowAnySHA1InWant",
        "true",
    ];
    repo.git(&any);
    let clone = repo.dir.path().join("filtered");
    let url = format!("file://{bare}");
    let args = ["clone", "-q", filter, "-b", "main", &url];
    let out = repo.git_in(
        repo.dir.path(),
        &[&args[..], &[clone.to_str().unwrap()]].concat(),
        &[],
    );
    assert!(out.status.success(), "{}", text(&out));
    ok(repo.relhook_in(&clone, &["install"]));
    (repo, clone)
}

#[test]
fn doctor_in_a_treeless_clone_fetches_what_it_reads_at_once() {
    let (repo, clone) = released_and_cloned("--filter=tree:0");
    let mut cmd = repo.command_in(crate::support::relhook_bin(), &clone);
    cmd.arg("doctor").env("RELHOOK_TEST_OBJECT_FETCHES", "1");
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    // One fetch for the trees at the release and its parent, one for the files in them.
    let fetches = object_fetches(&err);
    assert!(fetches <= 2, "{fetches} object fetches:\n{err}");
    assert!(stdout(&out).contains("all is well"), "{}", text(&out));
}
