//! QA91: a hand tag (`git tag -a v0.2.0`) on a release commit the user made themselves (the
//! version set, the `## [0.2.0]` section written, committed under the release message) said
//! it "completes the release of 0.2.0 that its release commit … made (it had no tag)", words
//! that presume relhook made that commit and lost its tag. The line now holds whoever made it:
//! the release's commit had no tag, and this tag completes it.

use crate::support::{Repo, hand_tag, ok, stderr, text, untested_installed};

/// A crate at 0.1.0 released by relhook, `feat: b` on top, then the user's own release
/// commit of 0.2.0 (Cargo.toml set, the section written by hand), untagged.
fn own_release_commit() -> Repo {
    let repo = untested_installed();
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    );
    repo.git(&["add", "Cargo.toml"]);
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release", "0.1.0"]));
    repo.commit_hooked("feat: b");
    repo.write(
        "Cargo.toml",
        repo.read("Cargo.toml").replace("0.1.0", "0.2.0"),
    );
    let log = repo.read("CHANGELOG.md").replace(
        "## [Unreleased]\n",
        "## [Unreleased]\n\n## [0.2.0] - 2026-11-21\n",
    );
    repo.write("CHANGELOG.md", log);
    repo.git(&["commit", "-q", "-a", "-m", "chore(release): 0.2.0"]);
    repo
}

/// `git tag -a NAME` on HEAD, accepted: the `relhook:` line it said, HEAD unmoved.
fn tagged(repo: &Repo, name: &str) -> String {
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = hand_tag(repo, &["-a", name, "-m", name]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head, "no release commit");
    assert_eq!(repo.git(&["tag", "--points-at", "HEAD"]), name);
    let err = stderr(&out);
    let said: Vec<&str> = err.lines().filter(|l| l.starts_with("relhook:")).collect();
    assert_eq!(said.len(), 1, "{err}");
    said[0].to_owned()
}

fn expected(repo: &Repo, name: &str, version: &str) -> String {
    let short = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    format!(
        "relhook: {name}: completes the release of {version}, whose release commit {short} had no tag, so relhook makes no release commit: the tag stays on that commit"
    )
}

#[test]
fn a_hand_tag_on_the_user_s_own_release_commit_does_not_say_relhook_made_it() {
    let repo = own_release_commit();
    let line = tagged(&repo, "v0.2.0");
    assert!(!line.contains("made"), "{line}");
    assert_eq!(line, expected(&repo, "v0.2.0", "0.2.0"));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

/// The same words where relhook made the release commit and its tag was deleted.
#[test]
fn relhook_s_own_release_commit_whose_tag_went_says_the_same() {
    let repo = untested_installed();
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release", "0.1.0"]));
    repo.git(&["tag", "-d", "v0.1.0"]);
    let line = tagged(&repo, "v0.1.0");
    assert_eq!(line, expected(&repo, "v0.1.0", "0.1.0"));
}
