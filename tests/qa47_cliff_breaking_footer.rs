//! QA47: git-cliff writes `[**breaking**]` also for a break declared in a `BREAKING CHANGE:`
//! footer, with the header's words alone (`- *(api)* [**breaking**] Rename field`), where
//! relhook's entry adds the footer's note (`— field foo is now bar`). The `!` form paired
//! with it, the footer form got a second entry from `--sync`, doctor and the release notes.

use crate::support::{Repo, ok, stdout, text};

const CLIFF: &str = "# Changelog\n\n## [1.0.0] - 2024-01-01\n\n### ⛰️  Features\n\n- Initial\n";

/// A repository released at v1.0.0 whose Unreleased git-cliff wrote as `entries`, after the
/// commits `messages` (made without relhook's hooks; each `(header, body)`).
fn cliff_repo(messages: &[(&str, &str)], entries: &str) -> Repo {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", CLIFF);
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    for (i, (header, body)) in messages.iter().enumerate() {
        repo.write("f.txt", format!("{i}\n"));
        repo.git(&["add", "f.txt"]);
        repo.git(&["commit", "-q", "-m", header, "-m", body]);
    }
    let unreleased = format!("## [Unreleased]\n\n### ⛰️  Features\n\n{entries}\n## [1.0.0]");
    repo.write("CHANGELOG.md", CLIFF.replace("## [1.0.0]", &unreleased));
    repo.git(&["commit", "-q", "-am", "chore: update changelog"]);
    ok(repo.relhook(&["install"]));
    repo
}

#[test]
fn git_cliffs_mark_stands_for_a_footer_declared_break() {
    let repo = cliff_repo(
        &[
            ("feat(api)!: drop v1", "The old routes go."),
            (
                "feat(api): rename field",
                "BREAKING CHANGE: field foo is now bar",
            ),
        ],
        "- *(api)* [**breaking**] Drop v1\n- *(api)* [**breaking**] Rename field\n",
    );
    let doctor = repo.relhook(&["doctor"]);
    assert!(
        !stdout(&doctor).contains("no entry for"),
        "{}",
        text(&doctor)
    );
    let before = repo.read("CHANGELOG.md");
    let sync = ok(repo.relhook(&["changelog", "--sync"]));
    assert_eq!(repo.read("CHANGELOG.md"), before, "{}", text(&sync));
    let dry = ok(repo.relhook(&["release", "--dry-run", "--no-test"]));
    let notes = stdout(&dry);
    assert!(notes.contains("[**breaking**] Rename field"), "{notes}");
    assert!(!notes.contains("foo is now bar"), "{notes}");
}

#[test]
fn a_plain_look_alike_of_a_marked_entry_keeps_its_own() {
    let repo = cliff_repo(
        &[
            (
                "feat(api): rename field",
                "BREAKING CHANGE: field foo is now bar",
            ),
            ("feat(api): rename field", "Only the docs' wording."),
        ],
        "- *(api)* [**breaking**] Rename field\n",
    );
    ok(repo.relhook(&["changelog", "--sync"]));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- *(api)* Rename field\n"), "{log}");
    assert!(!log.contains("foo is now bar"), "{log}");
}

#[test]
fn one_marked_entry_stands_for_one_footer_declared_break() {
    let repo = cliff_repo(
        &[
            (
                "feat(api): rename field",
                "BREAKING CHANGE: field foo is now bar",
            ),
            (
                "feat(api): rename field",
                "BREAKING CHANGE: field baz is now qux",
            ),
        ],
        "- *(api)* [**breaking**] Rename field\n",
    );
    ok(repo.relhook(&["changelog", "--sync"]));
    let log = repo.read("CHANGELOG.md");
    let theirs = log.contains("foo is now bar") as u8 + log.contains("baz is now qux") as u8;
    assert_eq!(theirs, 1, "{log}");
}
