//! QA43: after `git pull origin main` brought in another clone's release of a higher version
//! without its tag (git fetches no tag for a pull of a named branch), `relhook release`, a
//! hand tag and `relhook version --next` said to tag the merge here as that version: a second
//! tag of a release origin already tagged, which pre-push then refused. The way on is now
//! origin's own tag, fetched, then the release, which a push accepts.

use std::path::PathBuf;

use crate::support::{Repo, ok, stderr, text};

/// Origin holds v0.1.0; clone B releases and pushes v0.2.0; this clone (A) releases v0.1.1
/// of its own, pulls B's release (a clean merge) without its tag, and commits a fix.
fn pulled_without_the_tag() -> (Repo, PathBuf) {
    let (repo, b) = crate::qa41_both_released::both_released_with("feat!: from b");
    ok(repo.git_output(&["pull", "-q", "--no-rebase", "origin", "main"]));
    // As QA saw it: git may have followed the tag; without it is the case.
    if !repo.git(&["tag", "-l", "v0.2.0"]).is_empty() {
        repo.git(&["tag", "-d", "v0.2.0"]);
    }
    repo.commit_hooked("fix: more");
    (repo, b)
}

/// The way a refusal names: the backticked commands of its advice, from its first command
/// (`git …`) up to its first `; if` (what to do when that way does not apply).
fn way(err: &str) -> Vec<String> {
    let from = err
        .find("`git ")
        .unwrap_or_else(|| panic!("no command: {err}"));
    let advice = err[from - 1..].split("; if ").next().unwrap();
    advice
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_pulled_release_is_taken_with_its_fetched_tag_not_tagged_again() {
    let (repo, b) = pulled_without_the_tag();
    let theirs = String::from_utf8_lossy(&repo.git_in(&b, &["rev-parse", "v0.2.0^{}"], &[]).stdout)
        .trim()
        .to_owned();
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    // Tagging here is only the fallback, where origin has no such tag.
    let first = err.split("; if ").next().unwrap();
    assert!(!first.contains("git tag -a"), "{err}");
    let commands = way(&err);
    assert_eq!(
        commands,
        ["git fetch origin tag v0.2.0", "relhook release"],
        "{err}"
    );
    // The hand tag and `version --next` say the same way on.
    let tag = repo.git_output(&["tag", "-a", "v0.1.2", "-m", "x"]);
    assert_eq!(tag.status.code(), Some(128), "{}", text(&tag));
    assert!(
        stderr(&tag).contains("`git fetch origin tag v0.2.0`"),
        "{}",
        text(&tag)
    );
    // And a hand tag of that version here: the release is origin's, its tag fetched.
    let again = repo.git_output(&["tag", "-a", "v0.2.0", "-m", "x"]);
    assert_eq!(again.status.code(), Some(128), "{}", text(&again));
    assert!(
        stderr(&again).contains("`git fetch origin tag v0.2.0`"),
        "{}",
        text(&again)
    );
    // Only the bypass every refused hand tag ends with names the tag command.
    let advice: String = stderr(&again)
        .lines()
        .filter(|l| !l.starts_with("relhook: to tag anyway: "))
        .collect();
    assert!(!advice.contains("git tag -a v0.2.0"), "{}", text(&again));
    let next = repo.relhook(&["version", "--next"]);
    assert!(
        text(&next).contains("`git fetch origin tag v0.2.0`"),
        "{}",
        text(&next)
    );
    // Followed literally, it ends released and pushed.
    for command in &commands {
        let out = repo.sh(command);
        assert!(out.status.success(), "{command}: {}", text(&out));
    }
    assert_eq!(repo.git(&["rev-parse", "v0.2.0^{}"]), theirs);
    assert_eq!(repo.head_subject(), "chore(release): 0.2.1");
    let push = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(push.status.success(), "{}", text(&push));
}
