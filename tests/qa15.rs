//! Found adopting relhook on real repositories: tags that end in a version but are not the
//! project's releases, and the ways past relhook's refusals that must stay open.

use crate::support::{Repo, dated_release, hand_tag, installed_repo, stderr, stdout, text};

/// A repository whose only version-ending tags are a CI's (`build-1.2.3`, `nightly-2.0.0`).
fn with_ci_tags() -> Repo {
    let repo = installed_repo();
    for tag in ["build-1.2.3", "nightly-2.0.0"] {
        let out = repo.git_skipping_relhook(&["tag", tag]);
        assert!(out.status.success(), "{}", text(&out));
    }
    repo.commit_hooked("feat: two");
    repo
}

#[test]
fn tags_that_are_not_releases_do_not_block_a_first_release_named_by_its_version() {
    let repo = with_ci_tags();
    // Not knowing whether they are releases, relhook asks, and names both answers.
    let out = repo.relhook(&["release", "--dry-run", "--no-test"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("tag_prefix = \"nightly-\""), "{err}");
    assert!(err.contains("`relhook release 0.1.0`"), "{err}");
    // The answer "they are not": the first release named by its version.
    let out = dated_release(&repo, &["0.1.0", "--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["describe", "--exact-match", "HEAD"]), "v0.1.0");
    // From then on, the project's own tags decide: no more question.
    repo.commit_hooked("fix: three");
    let out = repo.relhook(&["version", "--next"]);
    assert_eq!(stdout(&out).trim(), "0.1.1", "{}", text(&out));
    let out = hand_tag(&repo, &["-a", "v0.1.1", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
}
