//! QA178: a release killed after its commit, in a repository with no remote, was told to
//! fetch its tag back from `origin` (`git fetch origin tag v0.1.0`), which fails pasted: there
//! is no `origin` to fetch from. That way back is now named only where a remote is, by the
//! name it has.

use crate::support::{Repo, stdout, text, untested_installed};

/// A repository whose first release (`v0.1.0`) has its release commit but not its tag.
fn release_without_tag(repo: &Repo) {
    repo.commit_hooked("feat: one");
    repo.relhook_killed_at("release-committed", &["release", "--no-test"]);
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
    assert_eq!(repo.git(&["tag"]), "");
}

#[test]
fn a_killed_release_without_a_remote_is_told_no_fetch() {
    let repo = untested_installed();
    release_without_tag(&repo);
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let resume = "`relhook release --resume --no-test` finishes it";
    assert!(stdout(&out).contains(resume), "{}", text(&out));
    assert!(!text(&out).contains("git fetch"), "{}", text(&out));
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(!text(&out).contains("git fetch"), "{}", text(&out));
    let out = repo.sh(resume.split('`').nth(1).unwrap());
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["tag"]), "v0.1.0");
}

#[test]
fn a_pushed_tag_deleted_here_is_fetched_from_the_remote_there_is() {
    let repo = untested_installed();
    let remote = repo.scratch("upstream.git");
    repo.git(&["init", "-q", "--bare", remote.to_str().unwrap()]);
    repo.git(&["remote", "add", "upstream", remote.to_str().unwrap()]);
    repo.commit_hooked("feat: one");
    let out = repo.relhook(&["release", "--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_skipping_relhook(&["push", "-q", "upstream", "v0.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
    let tag = repo.git(&["rev-parse", "v0.1.0"]);
    repo.git(&["tag", "-d", "v0.1.0"]);
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let fetch = "`git fetch upstream tag v0.1.0`";
    assert!(stdout(&out).contains(fetch), "{}", text(&out));
    assert!(!text(&out).contains("origin"), "{}", text(&out));
    // The command as printed brings the same tag back.
    let out = repo.sh(fetch.trim_matches('`'));
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["rev-parse", "v0.1.0"]), tag);
    let out = repo.relhook(&["doctor"]);
    assert!(!text(&out).contains("is missing"), "{}", text(&out));
}
