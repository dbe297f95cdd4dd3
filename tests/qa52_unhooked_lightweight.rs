//! QA52: where git does not run relhook's reference-transaction hook (`relhook install
//! --hooks` without it, or a husky clone without its runner), a tag made by hand is a plain
//! tag, never a release. pre-push refused a lightweight release tag there with "release tags
//! are annotated (`git tag -a v0.2.0 -m ...`, or `relhook release`)": the hand tag, pasted,
//! is the same plain tag refused again. Its refusal now names the release command there, or,
//! on a commit that is a complete release but for the tag, the tag made again annotated where
//! it is (which pre-push then takes), and never a bare `git tag -a`.

use crate::support::{Repo, ok, stderr, text};

/// The hand tag made afresh (its message once `...`, now the tag's name), as lightweight tags
/// where none is there yet are told.
const BARE_HAND_TAG: &str = "`git tag -a v0.2.0 -m v0.2.0`";

/// A project with a remote, no test record asked, relhook installed without its tag hook, and
/// `feat: x` committed through the hooks.
fn unhooked() -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", ".relconfig.toml"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.with_origin();
    ok(repo.relhook(&["install", "--hooks", "commit-msg,post-commit,pre-push"]));
    repo.commit_hooked("feat: x");
    repo
}

/// `git push origin main v0.2.0`, refused: its stderr.
fn refused_push(repo: &Repo) -> String {
    let out = repo.git_output(&["push", "-q", "origin", "main", "v0.2.0"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    stderr(&out)
}

/// The problem line pre-push gives of lightweight tag v0.2.0.
fn lightweight_line(err: &str) -> &str {
    err.lines()
        .find(|l| l.contains("`v0.2.0` is a lightweight tag"))
        .unwrap_or_else(|| panic!("no lightweight line in {err}"))
}

#[test]
fn a_lightweight_tag_on_a_feature_is_told_the_release_command() {
    let repo = unhooked();
    ok(repo.git_output(&["tag", "v0.2.0"]));
    assert_eq!(repo.head_subject(), "feat: x", "no release commit");

    let err = refused_push(&repo);
    let line = lightweight_line(&err);
    assert!(!line.contains("git tag -a"), "{line}");
    // QA84: the tag is there already, so the command deletes it first.
    assert!(
        line.contains("`git tag -d v0.2.0 && relhook release 0.2.0` makes one"),
        "{line}"
    );
    assert!(!err.contains(BARE_HAND_TAG), "{err}");
    assert!(err.contains("`relhook install --hooks` left out"), "{err}");

    // The release it names, pasted, is pushed.
    ok(repo.sh("git tag -d v0.2.0 && relhook release 0.2.0"));
    assert_eq!(repo.head_subject(), "chore(release): 0.2.0");
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
}

#[test]
fn a_lightweight_tag_on_a_whole_release_commit_is_made_again_where_it_is() {
    let repo = unhooked();
    ok(repo.relhook(&["release", "0.2.0"]));
    let release = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    ok(repo.git_output(&["tag", "-d", "v0.2.0"]));
    ok(repo.git_output(&["tag", "v0.2.0"]));

    let err = refused_push(&repo);
    let line = lightweight_line(&err);
    let again = format!("`git tag -d v0.2.0 && git tag -a v0.2.0 {release} -m v0.2.0`");
    assert!(line.contains(&again), "{line}");
    assert!(!err.contains(BARE_HAND_TAG), "{err}");

    // Pasted: an annotated tag on the release commit, which pre-push takes.
    ok(repo.sh(again.trim_matches('`')));
    let pushed = repo.git_output(&["push", "-q", "origin", "main", "v0.2.0"]);
    assert!(pushed.status.success(), "{}", text(&pushed));
}

/// Where the hook runs, a lightweight tag made past it is there already: a bare `git tag -a`
/// of its name fails pasted (QA84), so it is deleted first, then released.
#[test]
fn where_the_hook_runs_the_tag_is_deleted_first() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", ".relconfig.toml"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.with_origin();
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: x");
    ok(repo.git_skipping_relhook(&["tag", "v0.2.0"]));

    let err = refused_push(&repo);
    let line = lightweight_line(&err);
    assert!(!line.contains(BARE_HAND_TAG), "{err}");
    assert!(
        line.contains("`git tag -d v0.2.0 && relhook release 0.2.0`"),
        "{line}"
    );
}
