//! QA52: a release tag pushed alone (no branch of the remote holds its release commit, so no
//! remote-tracking ref tells it is published), then the release commit amended. The amend's
//! warning and doctor named `relhook release --resume`, which moved the published tag onto
//! the amended commit; pre-push then refused the push ("published releases are immutable").
//! `--resume` now asks the remotes before moving a tag: one that has it refuses, with the way
//! back that loses nothing (`git reset --soft` onto the published release commit).

use crate::support::{Repo, installed_repo, ok, stderr, text};

/// Released as v0.1.0, the tag alone pushed to `origin` (when `push`), then the release commit amended in
/// other words. Returns the commit the tag is on.
fn pushed_alone_then_amended(push: bool) -> (Repo, String) {
    let repo = installed_repo();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", ".relconfig.toml"]);
    repo.git(&["commit", "-q", "-m", "chore: configure the tests"]);
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    repo.git(&["commit", "-q", "-m", "feat: a"]);
    ok(repo.relhook(&["release"]));
    repo.with_origin();
    if push {
        ok(repo.git_output(&["push", "-q", "origin", "v0.1.0"]));
    }
    let tagged = repo.git(&["rev-parse", "v0.1.0^{commit}"]);
    repo.git(&[
        "commit",
        "-q",
        "--amend",
        "-m",
        "chore(release): 0.1.0 again",
    ]);
    (repo, tagged)
}

#[test]
fn resume_does_not_move_a_tag_a_remote_has() {
    let (repo, tagged) = pushed_alone_then_amended(true);
    let amended = repo.git(&["rev-parse", "HEAD"]);
    let out = repo.relhook(&["release", "--resume"]);
    let err = stderr(&out);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        err.contains("origin has tag v0.1.0 already"),
        "the remote is named: {err}"
    );
    assert_eq!(
        repo.git(&["rev-parse", "v0.1.0^{commit}"]),
        tagged,
        "the tag did not move: {err}"
    );
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), amended, "{err}");
    // The advice, pasted: the branch back on the published release commit, then the push
    // goes through.
    let short = &tagged[..9];
    let reset = format!("git reset --soft {short}");
    assert!(err.contains(&format!("`{reset}`")), "{err}");
    ok(repo.git_output(&["reset", "--soft", short]));
    assert_eq!(
        repo.git(&["status", "--porcelain"]),
        "",
        "only the message changed"
    );
    ok(repo.git_output(&["push", "-q", "origin", "HEAD:main"]));
}

#[test]
fn resume_still_moves_a_tag_no_remote_has() {
    let (repo, tagged) = pushed_alone_then_amended(false);
    let out = repo.relhook(&["release", "--resume"]);
    ok(out);
    let now = repo.git(&["rev-parse", "v0.1.0^{commit}"]);
    assert_ne!(now, tagged);
    assert_eq!(now, repo.git(&["rev-parse", "HEAD"]));
}
