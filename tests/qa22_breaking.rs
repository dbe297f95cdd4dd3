//! QA22 (round 4): a breaking change must not get lost on its way to the version.
//! - Entries in Unreleased that no commit since the last release wrote (a `chore:` squash
//!   keeps them; a person writes them) count towards the version: `**BREAKING**` → major,
//!   the `feat` section → minor, any other → patch, alike in `version --next`, `release` and
//!   a hand tag's "call for" note.

use crate::support::{
    Repo, configured_with_a_feature, dated_release, hand_tag, ok, stderr, stdout, text,
};

/// Released as 1.0.0 (a hand tag), then a topic branch with a breaking change and a fix.
fn released_with_a_breaking_topic() -> Repo {
    let repo = configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".to_owned());
    ok(hand_tag(&repo, &["-a", "v1.0.0", "-m", "x"]));
    repo.git(&["switch", "-q", "-c", "topic"]);
    repo.commit_hooked("feat!: drop the old api");
    repo.commit_hooked("fix: topic b");
    repo.git(&["switch", "-q", "main"]);
    ok(repo.git_output(&["merge", "--squash", "topic"]));
    repo
}

fn unreleased(repo: &Repo) -> String {
    let log = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    let from = log.find("## [Unreleased]").expect("Unreleased");
    let to = log.find("## [1.0.0]").expect("1.0.0");
    log[from..to].to_owned()
}

fn next(repo: &Repo) -> String {
    stdout(&ok(repo.relhook(&["version", "--next"])))
        .trim()
        .to_owned()
}

#[test]
fn a_squash_committed_as_a_chore_releases_the_major_its_entries_call_for() {
    let repo = released_with_a_breaking_topic();
    ok(repo.git_output(&["commit", "-q", "-m", "chore: merge topic"]));
    assert!(unreleased(&repo).contains("- **BREAKING** drop the old api\n"));
    assert_eq!(next(&repo), "2.0.0");
    let out = ok(repo.relhook(&["version", "--next", "--explain"]));
    assert!(stdout(&out).contains("drop the old api"), "{}", text(&out));
    ok(dated_release(&repo, &[]));
    assert_eq!(repo.git(&["tag", "-l", "v2.0.0"]), "v2.0.0");
}

/// A release below what an unreleased `**BREAKING**` entry calls for is made as asked and said,
/// as it is with the breaking commit in history: by `relhook release patch` and by a hand tag.
#[test]
fn a_release_below_an_unreleased_breaking_entry_is_said() {
    for hand in [false, true] {
        let repo = released_with_a_breaking_topic();
        ok(repo.git_output(&["commit", "-q", "-m", "chore: merge topic"]));
        let out = match hand {
            false => ok(dated_release(&repo, &["patch"])),
            true => ok(hand_tag(&repo, &["-a", "v1.0.1", "-m", "x"])),
        };
        let err = stderr(&out);
        assert!(
            err.contains("Unreleased calls for 2.0.0 (`- **BREAKING** drop the old api` is a breaking change that no commit since v1.0.0 made); releasing 1.0.1 as asked"),
            "{}",
            text(&out)
        );
    }
}

/// Entries written by hand (committed with a type that calls for no entry) are what the
/// release is: under the `feat` section a minor, under another section a patch; `release`
/// makes it instead of refusing "nothing for the changelog".
#[test]
fn hand_written_entries_decide_the_version() {
    for (section, version) in [("Added", "1.1.0"), ("Fixed", "1.0.1")] {
        let repo = configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".to_owned());
        ok(hand_tag(&repo, &["-a", "v1.0.0", "-m", "x"]));
        let log = repo.read("CHANGELOG.md").replacen(
            "## [Unreleased]\n",
            &format!("## [Unreleased]\n\n### {section}\n\n- by hand\n"),
            1,
        );
        repo.write("CHANGELOG.md", log);
        repo.git(&["commit", "-q", "-am", "docs: say what changed"]);
        assert_eq!(next(&repo), version, "{section}");
        let out = dated_release(&repo, &[]);
        assert!(out.status.success(), "{section}: {}", text(&out));
        assert_eq!(
            repo.git(&["tag", "-l", &format!("v{version}")]),
            format!("v{version}")
        );
    }
}

/// The usual case is unchanged: each entry has its commit, and a fix is a patch even with the
/// feature's entry released before it.
#[test]
fn entries_of_the_commits_since_the_release_call_for_what_the_commits_do() {
    let repo = configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".to_owned());
    ok(hand_tag(&repo, &["-a", "v1.0.0", "-m", "x"]));
    repo.commit_hooked("fix: a fix");
    assert_eq!(next(&repo), "1.0.1");
    // Nothing with an entry since the release: still refused, as before.
    let repo = configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".to_owned());
    ok(hand_tag(&repo, &["-a", "v1.0.0", "-m", "x"]));
    repo.commit_hooked("chore: tidy");
    let out = repo.relhook(&["version", "--next"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
}
