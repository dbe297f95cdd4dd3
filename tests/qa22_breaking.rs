//! QA22 (round 4): a breaking change must not get lost on its way to the version.
//! - A squash committed with a type that is not breaking (`fix: squashed topic`) keeps the
//!   `**BREAKING**` entries of the commits it squashes beside its own, and says so.
//! - Entries in Unreleased that no commit since the last release wrote (a `chore:` squash
//!   keeps them; a person writes them) count towards the version: `**BREAKING**` → major,
//!   the `feat` section → minor, any other → patch, alike in `version --next`, `release` and
//!   a hand tag's "call for" note.
//! - A release tag with build metadata (`v0.2.0+build.5`) is refused: SemVer precedence
//!   ignores it, so it would block `v0.2.0` for good; one made anyway is no release.

use crate::support::{
    Repo, configured_with_a_feature, dated_release, hand_tag, hand_tag_refused, ok, stderr, stdout,
    text,
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

/// `git merge --squash topic` then `git commit -m "fix: squashed topic"`: the fix's entry
/// replaces `- topic b`, but not `- **BREAKING** drop the old api`, which stays beside it (said
/// in the one line), so the next version is still the major.
#[test]
fn a_squash_committed_as_a_fix_keeps_the_breaking_entry_and_the_major() {
    let repo = released_with_a_breaking_topic();
    let out = ok(repo.git_output(&["commit", "-q", "-m", "fix: squashed topic"]));
    let log = unreleased(&repo);
    assert!(log.contains("- **BREAKING** drop the old api\n"), "{log}");
    assert!(log.contains("- squashed topic\n"), "{log}");
    assert!(!log.contains("topic b"), "{log}");
    let err = stderr(&out);
    assert!(
        err.contains("kept `- **BREAKING** drop the old api`"),
        "{err}"
    );
    assert!(err.contains("git commit --amend"), "{err}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    assert_eq!(next(&repo), "2.0.0");
    // A hand tag below it is made as asked, and said.
    let out = ok(hand_tag(&repo, &["-a", "v1.0.1", "-m", "x"]));
    let err = stderr(&out);
    assert!(
        err.contains("calls for 2.0.0") && err.contains("drop the old api"),
        "{}",
        text(&out)
    );
}

#[test]
fn a_squash_committed_as_a_fix_releases_the_major() {
    let repo = released_with_a_breaking_topic();
    ok(repo.git_output(&["commit", "-q", "-m", "fix: squashed topic"]));
    ok(dated_release(&repo, &[]));
    assert_eq!(repo.git(&["tag", "-l", "v2.0.0"]), "v2.0.0");
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("## [2.0.0] - 2026-11-21"), "{log}");
}

/// A squash whose own header is breaking says it itself: it replaces every entry, as before.
#[test]
fn a_breaking_squash_replaces_the_breaking_entry_too() {
    let repo = released_with_a_breaking_topic();
    let out = ok(repo.git_output(&["commit", "-q", "-m", "feat!: the new api"]));
    let log = unreleased(&repo);
    assert!(log.contains("- **BREAKING** the new api\n"), "{log}");
    assert!(
        !log.contains("drop the old api") && !log.contains("topic b"),
        "{log}"
    );
    assert!(!stderr(&out).contains("kept"), "{}", text(&out));
    assert_eq!(next(&repo), "2.0.0");
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

/// A release tag with build metadata would stand for the version without it (SemVer precedence
/// ignores it), so `v0.2.0` could never be released: refused by the hand tag (no tag, no
/// release commit) and by `relhook release`, naming the plain version. One made anyway
/// (`RELHOOK_SKIP=1`) stays a release: the next one goes above it.
#[test]
fn a_release_tag_with_build_metadata_is_refused() {
    let repo = configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".to_owned());
    ok(hand_tag(&repo, &["-a", "v0.1.0", "-m", "x"]));
    repo.commit_hooked("feat: two");
    let err = hand_tag_refused(&repo, "v0.2.0+build.5");
    assert!(
        err.contains("`v0.2.0+build.5` has build metadata (`+build.5`)")
            && err.contains("tag `v0.2.0`"),
        "{err}"
    );
    let out = dated_release(&repo, &["0.2.0+build.5"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains("build metadata") && stderr(&out).contains("`relhook release 0.2.0`"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["tag", "-l", "v0.2.0*"]), "");
    assert!(repo.is_clean());
    // The plain version is still there to release.
    ok(hand_tag(&repo, &["-a", "v0.2.0", "-m", "x"]));
    // One made anyway is passed over: no release.
    let skipped = repo
        .command_in("git", &repo.path())
        .env("RELHOOK_SKIP", "1")
        .args(["tag", "-a", "v0.2.1+build.7", "-m", "x"])
        .output()
        .unwrap();
    assert!(skipped.status.success(), "{}", text(&skipped));
    repo.commit_hooked("fix: three");
    // A build tag is no release (QA51): 0.2.1 is still to make.
    assert_eq!(next(&repo), "0.2.1");
}
