//! QA107: a release whose commits had changelog entries, all taken out of `## [Unreleased]`
//! by hand, was refused as "no commit since the last release has an entry", which was false
//! and sent the user looking for commits to add. It now says which commits had entries, that
//! they were taken out by hand and that a sync does not put them back; the fix (write them
//! back, commit, release again) works.

use crate::support::{Repo, dated_release, hand_tag_refused, ok, stderr, text, untested_installed};

/// v0.1.0 released over `feat: one`, then `feat: two` through the hooks and its entry taken
/// out of CHANGELOG.md by hand, committed.
fn entry_taken_out() -> Repo {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    ok(dated_release(&repo, &["--no-test"]));
    repo.commit_hooked("feat: two");
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- two\n"), "{log}");
    repo.write("CHANGELOG.md", log.replace("- two\n", ""));
    repo.git(&["add", "CHANGELOG.md"]);
    repo.commit_hooked("docs: not that one");
    repo
}

const SAID: &str = "(1 commit since the last release (`feat: two`) had changelog entries, but `## [Unreleased]` in CHANGELOG.md no longer lists them: they were taken out by hand, and `relhook changelog --sync` does not put back an entry removed on purpose)";

#[test]
fn the_refusal_says_the_entries_were_taken_out_by_hand() {
    let repo = entry_taken_out();
    let out = dated_release(&repo, &["--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains(SAID), "{err}");
    assert!(
        !err.contains("no commit since the last release has an entry"),
        "{err}"
    );
    assert!(!err.contains("`chore:` and `docs:` have none"), "{err}");
    // The hand tag says the same.
    let said = hand_tag_refused(&repo, "v0.1.1");
    assert!(said.contains(SAID), "{said}");
    // As it says, a sync does not put it back; written back by hand, the release goes ahead.
    ok(repo.relhook(&["changelog", "--sync"]));
    assert!(!repo.read("CHANGELOG.md").contains("- two"));
    let log = repo.read("CHANGELOG.md");
    repo.write(
        "CHANGELOG.md",
        log.replace(
            "## [Unreleased]\n\n### Added\n",
            "## [Unreleased]\n\n### Added\n\n- two\n",
        ),
    );
    repo.git(&["add", "CHANGELOG.md"]);
    repo.commit_hooked("docs: two after all");
    ok(dated_release(&repo, &["--no-test"]));
    assert_eq!(repo.git(&["tag", "-l", "v0.1.1"]), "v0.1.1");
}

/// Commits with no entry at all (a version named over `chore:` ones) are still said so.
#[test]
fn commits_without_entries_are_still_said_to_have_none() {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    ok(dated_release(&repo, &["--no-test"]));
    repo.commit_hooked("chore: tidy");
    let out = dated_release(&repo, &["patch", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(
            "(no commit since the last release has an entry: `chore:` and `docs:` have none"
        ),
        "{err}"
    );
}
