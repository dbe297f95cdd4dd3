//! QA44: `relhook release --allow-dirty` made its edits to the work tree's files, then carried
//! them onto HEAD's line by line. An entry drafted under Unreleased left the release commit an
//! empty `### Fixed` and a double blank line; a reworded entry was refused as "nothing for the
//! changelog"; `--dry-run` showed an unstaged edit of a version file as the diff's context.
//! The release is made of HEAD's files now, and the work tree keeps its changes beside it.

use crate::support::{Repo, dated_release, ok, stdout, text};

/// v1.0.0 released (tested, `VERSION` its version file), then `fix: crash on d` committed.
fn fix_to_release() -> Repo {
    crate::qa44_allow_dirty_drafts::fix_to_release_with(&[
        ("VERSION", "1.0.0\n"),
        (
            ".relconfig.toml",
            "[version]\nfiles = [{ path = \"VERSION\", pattern = \"{version}\" }]\n[checks]\ntest = [\"true\"]\n",
        ),
    ])
}

fn committed_changelog(repo: &Repo) -> String {
    repo.git(&["show", "HEAD:CHANGELOG.md"])
}

#[test]
fn an_entry_drafted_under_unreleased_stays_out_of_a_well_formed_release_commit() {
    let repo = fix_to_release();
    let at_head = repo.read("CHANGELOG.md");
    repo.write(
        "CHANGELOG.md",
        at_head.replace("- crash on d\n", "- drafting this one\n- crash on d\n"),
    );
    ok(dated_release(&repo, &["--allow-dirty"]));
    let stored = committed_changelog(&repo);
    let expected = at_head.replace(
        "## [Unreleased]\n\n",
        "## [Unreleased]\n\n## [1.0.1] - 2026-11-21\n\n",
    );
    assert_eq!(stored.trim_end(), expected.trim_end(), "{stored}");
    let notes = stdout(&repo.relhook(&["notes", "v1.0.1"]));
    assert_eq!(notes, "### Fixed\n\n- crash on d\n");
    // The draft is still there, uncommitted, under Unreleased.
    let file = repo.read("CHANGELOG.md");
    assert_eq!(
        file,
        format!("{stored}\n").replace(
            "## [Unreleased]\n\n",
            "## [Unreleased]\n\n### Fixed\n\n- drafting this one\n\n"
        ),
    );
}

#[test]
fn a_reworded_entry_is_released_as_committed_and_stays_reworded() {
    let repo = fix_to_release();
    let at_head = repo.read("CHANGELOG.md");
    repo.write(
        "CHANGELOG.md",
        at_head.replace("- crash on d\n", "- no more crash on d\n"),
    );
    let dry = ok(dated_release(&repo, &["--allow-dirty", "--dry-run"]));
    assert!(stdout(&dry).contains("- crash on d"), "{}", text(&dry));
    ok(dated_release(&repo, &["--allow-dirty"]));
    let stored = committed_changelog(&repo);
    assert!(
        stored.contains("## [1.0.1] - 2026-11-21\n\n### Fixed\n\n- crash on d\n"),
        "{stored}"
    );
    // The rewording is the work tree's one uncommitted change.
    let diff = repo.git(&["diff", "-U0", "--no-color"]);
    let changed: Vec<&str> = diff
        .lines()
        .filter(|l| l.starts_with(['-', '+']) && !l.starts_with("---") && !l.starts_with("+++"))
        .collect();
    assert_eq!(
        changed,
        ["-- crash on d", "+- no more crash on d"],
        "{diff}"
    );
}

#[test]
fn a_change_where_the_release_edits_is_refused_before_anything_is_made() {
    let repo = fix_to_release();
    let at_head = repo.read("CHANGELOG.md");
    let dirty = at_head.replace("## [Unreleased]\n\n", "## [Unreleased]\n\nSome prose.\n\n");
    repo.write("CHANGELOG.md", &dirty);
    let head = repo.git(&["rev-parse", "HEAD"]);
    for args in [&["--allow-dirty", "--dry-run"][..], &["--allow-dirty"]] {
        let out = dated_release(&repo, args);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        let said = text(&out);
        assert!(
            said.contains("CHANGELOG.md has uncommitted changes where the release edits it")
                && said.contains("commit them first (`git commit "),
            "{said}"
        );
    }
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert_eq!(repo.git(&["tag", "-l", "v1.0.1"]), "");
    assert_eq!(repo.read("CHANGELOG.md"), dirty);
}

#[test]
fn the_dry_run_diff_is_taken_against_the_committed_version_file() {
    let repo = crate::qa44_allow_dirty_drafts::fix_to_release_with(&[
        (
            "Cargo.toml",
            "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
        ),
        (".relconfig.toml", "[checks]\ntest = [\"true\"]\n"),
    ]);
    let manifest = repo.read("Cargo.toml");
    repo.write(
        "Cargo.toml",
        manifest.replace("edition = \"2021\"", "edition = \"2024\""),
    );
    let dry = stdout(&ok(dated_release(&repo, &["--allow-dirty", "--dry-run"])));
    let diff = &dry[dry.find("--- a/Cargo.toml").expect(&dry)..];
    assert!(
        diff.contains(" edition = \"2021\"") && !diff.contains("2024"),
        "{dry}"
    );
    ok(dated_release(&repo, &["--allow-dirty"]));
    assert!(
        repo.git(&["show", "HEAD:Cargo.toml"])
            .contains("edition = \"2021\"")
    );
}
