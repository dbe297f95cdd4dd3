//! QA285: a tag of this clone forced over a release tag the remote already has (`git push
//! --force origin v0.2.1:refs/tags/v0.2.0`). The refusal said "a release v0.2.0 is made as
//! itself: `relhook release 0.2.0`", a release that exists and that command refuses; it now says
//! that the remote's v0.2.0 stays, and names the push alone.

use crate::support::{Repo, ok, stderr, text, untested_installed};

/// `feat: f{n}` released as `version` in `repo`.
fn release(repo: &Repo, n: usize, version: &str) {
    repo.write(&format!("f{n}.txt"), format!("{n}\n"));
    repo.git(&["add", "-A"]);
    repo.commit_hooked(&format!("feat: f{n}"));
    ok(repo.relhook(&["release", version, "--no-test"]));
}

#[test]
fn a_tag_forced_over_a_published_release_is_not_told_to_release_it_again() {
    let repo = untested_installed();
    repo.with_origin();
    release(&repo, 0, "0.1.0");
    release(&repo, 1, "0.2.0");
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
    release(&repo, 2, "0.2.1");
    let out = repo.git_output(&["push", "--force", "origin", "v0.2.1:refs/tags/v0.2.0"]);
    assert!(!out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("tag v0.2.1 of this clone is pushed as refs/tags/v0.2.0"),
        "{said}"
    );
    assert!(!said.contains("relhook release 0.2.0"), "{said}");
    assert!(
        said.contains("fix: push it under its own name (`git push origin v0.2.1`); origin's v0.2.0 stays as it is"),
        "{said}"
    );
}
