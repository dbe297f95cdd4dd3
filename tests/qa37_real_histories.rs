//! QA37, on the public histories: commitlint's changelog says `### Bug Fixes` in every release
//! but one of 2017 (`### Bug fixes`), and new fixes went under that old spelling; `notes` of a
//! tag that names a tree said there was no such tag.

use crate::support::{Repo, ok, stderr, stdout, text};

#[test]
fn new_entries_take_the_newest_releases_spelling_of_a_heading() {
    let repo = Repo::new();
    repo.write(
        "CHANGELOG.md",
        "# Change Log\n\n## [1.1.0](https://x/compare/v1.0.0...v1.1.0) (2024-01-02)\n\n### Bug Fixes\n\n* b\n\n## [1.0.0](https://x/compare/v0.9.0...v1.0.0) (2024-01-01)\n\n### Bug fixes\n\n* a\n",
    );
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v1.1.0", "-m", "v1.1.0"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("fix: c");
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.starts_with("# Change Log\n\n## [Unreleased]\n\n### Bug Fixes\n\n* c\n\n## [1.1.0]"),
        "{log}"
    );
}

#[test]
fn notes_of_a_tag_that_names_a_tree_say_so() {
    let repo = Repo::new();
    repo.git(&["commit", "-q", "--allow-empty", "-m", "feat: a"]);
    repo.git(&["tag", "v9.9.9", "HEAD^{tree}"]);
    let out = repo.relhook(&["notes", "v9.9.9"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains("tag `v9.9.9` names no commit (it points at a tree or a blob)"),
        "{}",
        text(&out)
    );
}

/// QA37, semantic-release's channels: `--pre alpha` after `2.0.0-beta.1` said the "computed
/// version" was not greater, as if alpha.1 were a version the user had asked for.
#[test]
fn an_earlier_pre_release_identifier_is_named_as_that() {
    let repo = channels();
    let out = repo.relhook(&["version", "--next", "--pre", "alpha"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("pre-release `alpha` cannot follow 2.0.0-beta.1: SemVer orders `alpha` before `beta`, so 2.0.0-alpha.1 would sort below it; go on with `relhook release --pre beta`"),
        "{}",
        text(&out)
    );
}

/// QA37, semantic-release's channels: an `alpha` tagged on a branch made from a `beta` sorts
/// first by SemVer, and the rebuild gave it the beta's changes, leaving `2.0.0-beta.1` empty
/// while `notes v2.0.0-beta.1` listed them.
#[test]
fn a_rebuild_gives_interleaved_pre_releases_what_they_shipped() {
    let repo = channels();
    repo.git(&["tag", "-a", "v2.0.0-alpha.1", "-m", "a1"]);
    let log = stdout(&ok(repo.relhook(&["changelog", "--rebuild", "--stdout"])));
    let beta = &log[log.find("## [2.0.0-beta.1]").unwrap()..log.find("## [1.0.0]").unwrap()];
    assert!(beta.contains("- **BREAKING** new api"), "{log}");
    let alpha =
        &log[log.find("## [2.0.0-alpha.1]").unwrap()..log.find("## [2.0.0-beta.1]").unwrap()];
    assert!(
        alpha.contains("- alpha fix") && !alpha.contains("new api"),
        "{log}"
    );
    let notes = stdout(&ok(repo.relhook(&["notes", "v2.0.0-beta.1"])));
    assert!(notes.contains("- **BREAKING** new api"), "{notes}");
}

/// semantic-release's channels in small: 1.0.0, then `2.0.0-beta.1` (a breaking change), then
/// an alpha's fix on a branch made from the beta, not tagged yet.
fn channels() -> Repo {
    let repo = Repo::new();
    repo.git(&["commit", "-q", "--allow-empty", "-m", "feat: initial"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.git(&["commit", "-q", "--allow-empty", "-m", "feat!: new api"]);
    repo.git(&["tag", "-a", "v2.0.0-beta.1", "-m", "b1"]);
    repo.git(&["commit", "-q", "--allow-empty", "-m", "fix: alpha fix"]);
    repo
}
