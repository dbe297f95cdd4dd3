//! QA234: a release made of merge commits alone (or of commits that get no entry) got a bare
//! heading from `--rebuild`, `## [1.1.0] - 2024-01-01` with nothing under it, where `relhook
//! release 1.1.0` and a hand tag refuse such a release ("a release never has empty notes").
//! The rebuild now says something: the text the file has for it stays as written; where it has
//! none, the file's own note for such a release (lerna's `**Note:** Version bump only for
//! package …`, written under two releases at least), else `No notable changes.`, the line the
//! release's and the hand tag's refusals now offer too.

use crate::support::{Repo, hand_tag, ok, stdout, text};

/// 1.0.0 (`fix: one`), then 1.1.0: a merge of a branch of one `chore:` commit, no hooks; the
/// file `log` committed on top.
fn merged_only(log: &str) -> Repo {
    let repo = Repo::new();
    repo.commit("fix: one");
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.merged_history("chore: tidy", "chore: more", "Merge branch 'side'");
    repo.git(&["tag", "-a", "v1.1.0", "-m", "v1.1.0"]);
    repo.write("CHANGELOG.md", log);
    repo.git(&["add", "CHANGELOG.md"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: changelog"]);
    repo
}

/// The rebuilt text of 1.1.0's section.
fn rebuilt_section(repo: &Repo) -> String {
    let rebuilt = stdout(&ok(repo.relhook(&["changelog", "--rebuild", "--stdout"])));
    let section = rebuilt.split("## [1.1.0]").nth(1).unwrap_or_default();
    let section = section.split("## [1.0.0]").next().unwrap_or_default();
    section.split_once('\n').unwrap_or_default().1.to_owned()
}

const OLD: &str = "## [1.0.0] - 2024-01-01\n\n### Fixed\n\n- one\n";

#[test]
fn rebuild_writes_no_bare_heading_for_a_release_of_merges() {
    // No section for it, or a bare one: Keep a Changelog's words.
    for log in [
        format!("# Changelog\n\n## [Unreleased]\n\n{OLD}"),
        format!("# Changelog\n\n## [Unreleased]\n\n## [1.1.0] - 2024-01-02\n\n{OLD}"),
    ] {
        let repo = merged_only(&log);
        assert_eq!(rebuilt_section(&repo), "\nNo notable changes.\n\n", "{log}");
    }
    // The file's own words for such a release.
    let note = "**Note:** Version bump only for package @o/root";
    let log = format!(
        "# Changelog\n\n## [Unreleased]\n\n{OLD}\n## [0.9.1] - 2023-01-02\n\n{note}\n\n\
         ## [0.9.0] - 2023-01-01\n\n{note}\n"
    );
    let repo = merged_only(&log);
    assert_eq!(rebuilt_section(&repo), format!("\n{note}\n\n"));
    // Its own text, written by hand, stays.
    let log = format!(
        "# Changelog\n\n## [Unreleased]\n\n## [1.1.0] - 2024-01-02\n\nBuilt with the new toolchain.\n\n{OLD}"
    );
    let repo = merged_only(&log);
    assert_eq!(
        rebuilt_section(&repo),
        "\nBuilt with the new toolchain.\n\n"
    );
}

#[test]
fn release_and_hand_tag_offer_the_rebuilds_words() {
    let repo = crate::support::untested_installed();
    repo.commit_hooked("fix: one");
    ok(crate::support::dated_release(&repo, &[]));
    repo.merged_history("chore: tidy", "chore: more", "Merge branch 'side'");
    let words = "(or `No notable changes.` when none of it is notable, as `relhook changelog --rebuild` writes it)";
    let out = crate::support::dated_release(&repo, &["0.2.0"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains(words), "{}", text(&out));
    let out = hand_tag(&repo, &["-a", "v0.2.0", "-m", "v0.2.0"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(text(&out).contains(words), "{}", text(&out));
    // Written so under Unreleased, it is the release's notes.
    let log = repo.read("CHANGELOG.md").replacen(
        "## [Unreleased]\n",
        "## [Unreleased]\n\nNo notable changes.\n",
        1,
    );
    repo.write("CHANGELOG.md", log);
    repo.git(&["commit", "-q", "-am", "docs: nothing notable"]);
    ok(crate::support::dated_release(&repo, &["0.2.0"]));
    assert!(
        repo.read("CHANGELOG.md")
            .contains("## [0.2.0] - 2026-11-21\n\nNo notable changes.\n"),
        "{}",
        repo.read("CHANGELOG.md")
    );
}
