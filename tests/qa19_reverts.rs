//! Found by QA on commitlint: `git revert` of the first hooked commit of a changelog that had
//! no `## [Unreleased]` (that commit made the heading), and of the commit that created
//! CHANGELOG.md.

use crate::support::{Repo, hand_tag, ok, stderr, text};

/// A repository whose CHANGELOG.md (`log`, without Unreleased) is released as v1.0.0 before
/// relhook is installed, then `fix: add A` (which makes `## [Unreleased]`) and `fix: add B`
/// through the hooks, released as v1.0.1 by a hand tag. HEAD's changelog is returned.
fn released_after_adoption(log: &str) -> (Repo, String) {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", log);
    repo.git(&["add", "CHANGELOG.md"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("fix: add A");
    repo.commit_hooked("fix: add B");
    let out = hand_tag(&repo, &["-a", "v1.0.1", "-m", "v1.0.1"]);
    assert!(out.status.success(), "{}", text(&out));
    let released = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    // An empty Unreleased above 1.0.1, set apart as the file sets its sections (QA177).
    let below = released.split_once("## [Unreleased]\n").map(|(_, b)| b);
    assert!(
        below.is_some_and(|b| b.trim_start_matches('\n').starts_with("## [1.0.1]")),
        "{released}"
    );
    (repo, released)
}

/// The revert's merge of CHANGELOG.md: base (the reverted commit's file) has Unreleased,
/// theirs (its parent's) has none. The driver took theirs' whole file for the title, moving
/// `## [1.0.0]` above Unreleased and `## [1.0.1]`, and said it merged cleanly.
#[test]
fn reverting_the_commit_that_made_unreleased_keeps_the_section_order() {
    let (repo, released) = released_after_adoption(
        "# Changelog\n\n## [1.0.0] - 2024-01-01\n\n### Fixed\n\n- old fix\n",
    );
    assert_eq!(
        released,
        "# Changelog\n\n## [Unreleased]\n\n## [1.0.1] - 2026-11-21\n\n### Fixed\n\n- add A\n\
         - add B\n\n## [1.0.0] - 2024-01-01\n\n### Fixed\n\n- old fix"
    );
    let out = repo.git_output(&["revert", "--no-edit", "HEAD~2"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        repo.git(&["show", "HEAD:CHANGELOG.md"]),
        released.replacen(
            "## [Unreleased]\n\n",
            "## [Unreleased]\n\n### Removed\n\n- revert \"add A\"\n\n",
            1
        ),
        "{}",
        text(&out)
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}

/// The same on a conventional-changelog file (commitlint's: a preamble, linked headings with
/// the date in parentheses, `# ` headings for minor releases, `*` bullets): the driver stopped
/// on a conflict where the revert only needs its entry.
#[test]
fn reverting_it_in_a_conventional_changelog_file_merges_too() {
    let (repo, released) = released_after_adoption(
        "# Change Log\n\nAll notable changes to this project will be documented in this file.\n\
         See [Conventional Commits](https://conventionalcommits.org) for commit guidelines.\n\n\
         ## [1.0.0](https://example.com/compare/v0.9.0...v1.0.0) (2024-01-01)\n\n\
         ### Bug Fixes\n\n* **lint:** old fix ([#1](https://example.com/issues/1))\n\n\n\n\n\n\
         # [0.9.0](https://example.com/compare/v0.8.0...v0.9.0) (2023-12-01)\n\n\n\
         ### Features\n\n* first feature\n",
    );
    let out = repo.git_output(&["revert", "--no-edit", "HEAD~2"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("conflict"), "{}", text(&out));
    assert_eq!(
        repo.git(&["show", "HEAD:CHANGELOG.md"]),
        released.replacen(
            "## [Unreleased]\n\n",
            "## [Unreleased]\n\n### Reverts\n\n* revert \"add A\"\n\n",
            1
        ),
        "{}",
        text(&out)
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}

/// From `git init`: `feat: add A` creates CHANGELOG.md (post-commit), `fix: add B` adds to
/// it; released as v0.1.0 by a hand tag when `release` says so.
fn changelog_made_by_add_a(release: bool) -> Repo {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.git(&["commit", "-q", "--allow-empty", "-m", "chore: start"]);
    repo.commit_hooked("feat: add A");
    repo.commit_hooked("fix: add B");
    if release {
        let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "first release"]);
        assert!(out.status.success(), "{}", text(&out));
    }
    repo
}

/// The one command the stopped revert's relhook line names (the first in backquotes).
fn named_command(out: &std::process::Output) -> String {
    let said = stderr(out);
    let line = said
        .lines()
        .find(|l| l.starts_with("relhook: CHANGELOG.md:"))
        .unwrap_or_else(|| panic!("no relhook line for CHANGELOG.md:\n{}", text(out)));
    line.split('`').nth(1).expect("a command").to_owned()
}

/// Reverting the commit that created CHANGELOG.md stops on a modify/delete conflict, which
/// no merge driver sees (git would delete the file and every later entry with it). While
/// git stops, relhook says in one line how to keep the file; that command finishes the
/// revert, and post-commit gives the revert its own edit (a `Removed` entry for a released
/// change, the entry taken out for an unreleased one).
#[test]
fn reverting_the_commit_that_created_the_changelog_names_the_way_on() {
    for release in [true, false] {
        let repo = changelog_made_by_add_a(release);
        let before = repo.git(&["show", "HEAD:CHANGELOG.md"]);
        let out = repo.git_output(&["revert", "--no-edit", ":/feat: add A"]);
        assert!(!out.status.success(), "{}", text(&out));
        assert!(
            text(&out).contains("CONFLICT (modify/delete)"),
            "{}",
            text(&out)
        );
        let fix = named_command(&out);
        assert_eq!(
            fix,
            "git checkout --ours CHANGELOG.md && git add CHANGELOG.md && git revert --continue"
        );
        let out = repo.sh(&format!("GIT_EDITOR=true; export GIT_EDITOR; {fix}"));
        assert!(out.status.success(), "{fix}: {}", text(&out));
        assert_eq!(repo.head_subject(), "Revert \"feat: add A\"");
        let after = repo.git(&["show", "HEAD:CHANGELOG.md"]);
        let want = if release {
            before.replacen(
                "## [Unreleased]\n\n",
                "## [Unreleased]\n\n### Removed\n\n- revert \"add A\"\n\n",
                1,
            )
        } else {
            before.replacen("### Added\n\n- add A\n\n", "", 1)
        };
        assert_eq!(after, want, "{}", text(&out));
        assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    }
}

/// Other files in conflict too: the line keeps the changelog and leaves the rest to the
/// user before `git revert --continue`; a revert stopped on other files alone is not
/// relhook's to speak of.
#[test]
fn the_way_on_leaves_other_conflicts_to_the_user() {
    let repo = changelog_made_by_add_a(true);
    let added = repo.git(&["show", "--name-only", "--format=", ":/feat: add A"]);
    let file = added
        .lines()
        .find(|f| *f != "CHANGELOG.md")
        .unwrap()
        .to_owned();
    repo.write(&file, "changed\n");
    repo.git(&["add", &file]);
    repo.git(&["commit", "-q", "-m", "fix: change A"]);
    let out = repo.git_output(&["revert", "--no-edit", ":/feat: add A"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert_eq!(
        named_command(&out),
        "git checkout --ours CHANGELOG.md && git add CHANGELOG.md"
    );
    assert!(
        stderr(&out).contains("then resolve the other conflicts and `git revert --continue`"),
        "{}",
        text(&out)
    );
    repo.git(&["revert", "--abort"]);
    let out = repo.git_output(&["revert", "--no-edit", ":/fix: change A"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.write(&file, "changed again\n");
    repo.git(&["commit", "-q", "-am", "fix: change A again"]);
    let out = repo.git_output(&["revert", "--no-edit", ":/fix: change A$"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("relhook"), "{}", text(&out));
}
