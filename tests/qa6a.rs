//! Found by the sixth QA pass (the sync and hand-tag shortcuts): what a sync gives the
//! commits that never met the hook, and the hand tag's refusals that must come before the tag
//! exists, each with a fix that works.

use crate::support::{Repo, hand_tag as tag, ok, stdout, text};

/// A repository with relhook's hooks installed and one commit through them.
fn installed() -> Repo {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: init");
    repo
}

/// A commit of a new file with the hooks off (`RELHOOK_SKIP=1`): it never meets the hook.
fn commit_unhooked(repo: &Repo, file: &str, message: &str) {
    repo.write(file, "x\n");
    repo.git(&["add", file]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", message]));
}

/// The Unreleased section of a changelog text (up to the next `## ` heading).
fn unreleased(log: &str) -> String {
    let start = log.find("## [Unreleased]").expect("an Unreleased section");
    let rest = &log[start + 3..];
    let end = rest.find("\n## ").map_or(rest.len(), |i| i + 1);
    rest[..end].to_owned()
}

/// F1: a commit that never met the hook got no entry from a sync (nor from the release or the
/// hand tag's release commit) when an older, released section had an entry of the same
/// wording; post-commit and `--rebuild` give it one. A `fix: typo` again is another fix.
#[test]
fn sync_adds_an_unhooked_commit_whose_words_an_older_release_has() {
    let repo = installed();
    repo.commit_hooked("fix: typo");
    ok(tag(&repo, &["-a", "v0.1.0", "-m", "first"]));
    commit_unhooked(&repo, "again.txt", "fix: typo");
    let out = ok(repo.relhook(&["changelog", "--sync", "--stdout"]));
    assert!(
        unreleased(&stdout(&out)).contains("### Fixed\n\n- typo\n"),
        "{}",
        text(&out)
    );
    // The hand tag's release commit syncs the same way: the release lists the fix once.
    ok(tag(&repo, &["-a", "v0.2.0", "-m", "second"]));
    let log = repo.git(&["show", "v0.2.0:CHANGELOG.md"]);
    assert!(
        log.contains("## [0.2.0] - 2026-11-21\n\n### Fixed\n\n- typo\n\n## [0.1.0]"),
        "{log}"
    );
}

/// What F1's fix must keep: an entry deleted or reworded by hand in Unreleased is not added
/// back, two commits of one wording get one entry, and a release commit whose tag is still to
/// come (an interrupted release) accounts for the entries it moved into its section.
#[test]
fn sync_still_keeps_hand_edits_and_untagged_release_sections() {
    let repo = installed();
    repo.commit_hooked("fix: typo");
    ok(tag(&repo, &["-a", "v0.1.0", "-m", "first"]));
    commit_unhooked(&repo, "a.txt", "fix: typo");
    commit_unhooked(&repo, "b.txt", "fix: typo");
    commit_unhooked(&repo, "c.txt", "feat: gone by hand");
    commit_unhooked(&repo, "d.txt", "feat: said badly");
    ok(repo.relhook(&["changelog", "--sync"]));
    repo.git(&["commit", "-q", "-am", "docs: sync the changelog"]);
    let log = repo.read("CHANGELOG.md");
    assert_eq!(unreleased(&log).matches("- typo\n").count(), 1, "{log}");
    let edited = log
        .replace("- gone by hand\n", "")
        .replace("- said badly\n", "- said well\n");
    repo.write("CHANGELOG.md", &edited);
    repo.git(&["commit", "-q", "-am", "docs: edit the entries"]);
    let out = ok(repo.relhook(&["changelog", "--sync", "--stdout"]));
    assert_eq!(
        stdout(&out),
        repo.read("CHANGELOG.md"),
        "nothing added back"
    );
    // A release commit whose tag is not made yet: its section holds the range's entries.
    repo.relhook_killed_at("release-committed", &["release", "--no-test"]);
    let out = ok(repo.relhook(&["changelog", "--sync", "--stdout"]));
    let now = stdout(&out);
    assert!(
        unreleased(&now).trim_end() == "[Unreleased]",
        "nothing re-added:\n{now}"
    );
}
