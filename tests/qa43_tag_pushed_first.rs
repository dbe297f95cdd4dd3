//! QA43: a release tag pushed alone first (`git push origin a-v1.0.0`), then its branch:
//! pre-push said the tag "stays behind" and named `git push origin a-v1.0.0`, though the
//! remote had it; and for such a tag that fails the checks, it advised deleting the published
//! tag and releasing again. A tag the remote has (the same object) is left behind by nothing
//! and is published: neither is said now, for a package's tag or the root's.

use crate::support::{Repo, dated_release, ok, stderr, text, two_packages, untested_installed};

/// Pushes `main` to origin; what pre-push said (the push goes).
fn branch_push(repo: &Repo) -> String {
    let out = ok(repo.git_output(&["push", "origin", "main"]));
    let said = stderr(&out);
    assert!(!said.contains("relhook: error"), "{}", text(&out));
    said
}

fn says_nothing_of(said: &str, tag: &str) {
    assert!(
        !said.contains("behind") && !said.contains(&format!("git tag -d {tag}")),
        "{said}"
    );
}

#[test]
fn a_package_tag_the_remote_has_is_not_said_left_behind() {
    let repo = two_packages(
        r#"{"name":"a","version":"1.0.0"}"#,
        r#"{"name":"b","version":"1.0.0"}"#,
    );
    repo.with_origin();
    repo.write("p/a/i.js", "1\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(a): one");
    ok(dated_release(
        &repo,
        &["--package", "a", "--no-test", "1.0.0"],
    ));
    ok(repo.git_output(&["push", "origin", "a-v1.0.0"]));
    says_nothing_of(&branch_push(&repo), "a-v1.0.0");
}

#[test]
fn a_root_tag_the_remote_has_is_not_said_left_behind() {
    let repo = untested_installed();
    repo.with_origin();
    repo.commit_hooked("feat: one");
    ok(repo.relhook(&["release"]));
    ok(repo.git_output(&["push", "origin", "v0.1.0"]));
    says_nothing_of(&branch_push(&repo), "v0.1.0");
}

#[test]
fn a_published_tag_that_fails_the_checks_is_never_advised_deleted() {
    let repo = untested_installed();
    repo.with_origin();
    repo.commit_hooked("feat: one");
    // Lightweight and on a commit without its section: refused, were it this clone's only.
    ok(repo.git_skipping_relhook(&["tag", "v0.1.0"]));
    ok(repo.git_skipping_relhook(&["push", "--no-verify", "origin", "v0.1.0"]));
    says_nothing_of(&branch_push(&repo), "v0.1.0");
}
