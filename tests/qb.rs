//! Found by running relhook over real histories (cocogitto, semantic-release, commitlint):
//! changelogs whose sub-sections are `####` headings, and unprefixed release tags met by the
//! changelog commands under the default `tag_prefix`.

use crate::support::{Repo, SKELETON, stderr, stdout, text};

/// cocogitto's own CHANGELOG.md: linked `##` headings, `####` sub-sections, `- - -` rules.
const COCOGITTO_STYLE: &str = "# Changelog\nAll notable changes to this project will be documented in this file.\n\n- - -\n## [6.5.0](https://github.com/o/r/compare/6.4.0..6.5.0) - 2025-11-02\n#### Bug Fixes\n- set filetype for commit edit message - ([9d14c0b](https://github.com/o/r/commit/9d14c0b))\n#### Features\n- (**bump**) add --include-packages option - ([6f61a58](https://github.com/o/r/commit/6f61a58))\n\n- - -\n\n## [6.4.0](https://github.com/o/r/compare/6.3.0..6.4.0) - 2025-10-18\n#### Bug Fixes\n- older fix\n\n- - -\n";

#[test]
fn notes_keep_the_sub_headings_of_a_changelog_written_with_level_four_headings() {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", COCOGITTO_STYLE);
    repo.write(".relconfig.toml", "[version]\ntag_prefix = \"\"\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore(version): 6.5.0"]);
    repo.git(&["tag", "-a", "6.5.0", "-m", "6.5.0"]);
    let out = repo.relhook(&["notes", "6.5.0"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        stdout(&out),
        "#### Bug Fixes\n- set filetype for commit edit message - ([9d14c0b](https://github.com/o/r/commit/9d14c0b))\n#### Features\n- (**bump**) add --include-packages option - ([6f61a58](https://github.com/o/r/commit/6f61a58))\n",
        "the section as written: its headings, its entries in its order, no `- - -` rule"
    );
}

/// A repository released as `1.4.0` (no `v`), with the default configuration, and a
/// changelog that already holds the released entry.
fn unprefixed() -> Repo {
    let repo = Repo::new();
    repo.write(
        "CHANGELOG.md",
        SKELETON.to_owned() + "\n## [1.4.0] - 2025-01-01\n\n### Added\n\n- old feature\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "feat: old feature"]);
    repo.git(&["tag", "-a", "1.4.0", "-m", "1.4.0"]);
    repo.git(&[
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "feat: another old one",
    ]);
    repo.git(&["tag", "-a", "1.5.0", "-m", "1.5.0"]);
    repo.git(&["commit", "-q", "--allow-empty", "-m", "fix: new fix"]);
    repo
}

#[test]
fn changelog_commands_refuse_unprefixed_release_tags_under_the_default_prefix() {
    let repo = unprefixed();
    let before = repo.read("CHANGELOG.md");
    for args in [
        &["changelog", "--rebuild", "--stdout"][..],
        &["changelog", "--sync", "--stdout"][..],
        &["changelog", "--sync"][..],
    ] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text(&out));
        assert!(
            stderr(&out).contains("set `tag_prefix = \"\"`"),
            "{args:?}: {}",
            text(&out)
        );
        assert!(
            !stdout(&out).contains("another old one"),
            "{args:?}: released entries must not land in Unreleased: {}",
            text(&out)
        );
    }
    assert_eq!(repo.read("CHANGELOG.md"), before, "the file is untouched");

    repo.write(".relconfig.toml", "[version]\ntag_prefix = \"\"\n");
    let out = repo.relhook(&["changelog", "--rebuild", "--stdout"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let rebuilt = stdout(&out);
    assert!(rebuilt.contains("## [1.5.0]"), "{rebuilt}");
    assert!(rebuilt.contains("## [1.4.0]"), "{rebuilt}");
    let out = repo.relhook(&["changelog", "--sync", "--stdout"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let synced = stdout(&out);
    assert!(synced.contains("- new fix"), "{synced}");
    assert!(!synced.contains("another old one"), "{synced}");
}

/// semantic-release's v21.0.0-beta.2: a pre-release line (`beta`) into which main's released
/// fixes were merged. The commits since the pre-release tag exist; they are all in the
/// stable release, which the refusal must say rather than "no commits".
#[test]
fn a_refused_pre_release_names_the_stable_release_that_already_shipped_its_commits() {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", SKELETON);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.git(&["checkout", "-q", "-b", "beta"]);
    repo.git(&[
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "feat!: drop the old API",
    ]);
    repo.git(&["tag", "-a", "v2.0.0-beta.1", "-m", "v2.0.0-beta.1"]);
    repo.git(&["checkout", "-q", "main"]);
    repo.git(&["commit", "-q", "--allow-empty", "-m", "fix: a stable fix"]);
    repo.git(&["tag", "-a", "v1.0.1", "-m", "v1.0.1"]);
    repo.git(&["checkout", "-q", "beta"]);
    repo.git(&[
        "merge",
        "-q",
        "--no-ff",
        "main",
        "-m",
        "Merge branch 'main' into beta",
    ]);
    let out = repo.relhook(&["version", "--next", "--pre", "beta"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains(
            "nothing to release: no new commits since v2.0.0-beta.1; those merged in were released in v1.0.1 already"
        ),
        "{}",
        text(&out)
    );
    // On the pre-release tag itself nothing was merged in: nothing since, said plainly.
    repo.git(&["checkout", "-q", "--detach", "v2.0.0-beta.1"]);
    let out = repo.relhook(&["version", "--next", "--pre", "beta"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("nothing to release: no commits since v2.0.0-beta.1")
            && !stderr(&out).contains("merged in"),
        "{}",
        text(&out)
    );
}

/// semantic-release's 25.0.0: a fix shipped in 25.0.0-alpha.3 and reverted by git's own
/// revert in alpha.4 never reached 25.0.0, whose rebuilt section must not list either.
#[test]
fn a_rebuilt_stable_section_drops_a_change_its_pre_releases_shipped_and_reverted() {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", SKELETON);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.git(&[
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "fix: force the peer version",
    ]);
    let forced = repo.git(&["rev-parse", "HEAD"]).trim().to_owned();
    repo.git(&["tag", "-a", "v1.0.1-alpha.1", "-m", "alpha.1"]);
    let revert = format!("Revert \"fix: force the peer version\"\n\nThis reverts commit {forced}.");
    repo.git(&["commit", "-q", "--allow-empty", "-m", &revert]);
    repo.git(&["commit", "-q", "--allow-empty", "-m", "fix: the real fix"]);
    repo.git(&["tag", "-a", "v1.0.1-alpha.2", "-m", "alpha.2"]);
    repo.git(&["tag", "-a", "v1.0.1", "-m", "v1.0.1"]);
    let out = repo.relhook(&["changelog", "--rebuild", "--stdout"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let log = stdout(&out);
    let stable = log
        .split("## [1.0.1] - ")
        .nth(1)
        .and_then(|s| s.split("## [1.0.1-alpha.2]").next())
        .unwrap_or_else(|| panic!("no 1.0.1 section:\n{log}"));
    assert!(stable.contains("the real fix"), "{log}");
    assert!(!stable.contains("force the peer version"), "{log}");
    let alpha1 = log.split("## [1.0.1-alpha.1]").nth(1).unwrap_or_default();
    assert!(
        alpha1.contains("force the peer version"),
        "the pre-release did ship it:\n{log}"
    );
}
