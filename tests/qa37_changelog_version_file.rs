//! QA37: a changelog that is a version file too (`Current version: 0.1.0` in CHANGELOG.md,
//! listed in `[version] files`): the version line's edit, planned from the file as it was,
//! was written over the new section, and the tag went on a commit without it.

use crate::support::{Repo, dated_release, hand_tag, ok, text};

const HEAD: &str = "# Changelog\n\nCurrent version: 0.1.0\n\n## [Unreleased]\n";

fn repo_with_version_in_changelog(changelog: &str) -> Repo {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n\n[version]\nfiles = [{ path = \"CHANGELOG.md\", pattern = \"Current version: {version}\" }]\n",
    );
    repo.write("CHANGELOG.md", changelog);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: add a");
    repo
}

fn both_edits_landed(repo: &Repo) {
    let log = repo.git(&["show", "v0.1.1:CHANGELOG.md"]);
    assert!(log.contains("Current version: 0.1.1"), "{log}");
    assert!(
        log.contains("## [0.1.1] - 2026-11-21\n\n### Added\n\n- add a"),
        "{log}"
    );
    assert!(repo.is_clean());
    ok(repo.relhook(&["doctor"]));
}

#[test]
fn the_release_writes_both_the_section_and_the_version_line() {
    let repo = repo_with_version_in_changelog(HEAD);
    let dry = ok(dated_release(&repo, &["--dry-run", "--no-test"]));
    assert_eq!(
        text(&dry).matches("--- a/CHANGELOG.md").count(),
        1,
        "one diff of the file: {}",
        text(&dry)
    );
    ok(dated_release(&repo, &["--no-test"]));
    both_edits_landed(&repo);
}

#[test]
fn a_hand_tag_writes_both_too() {
    let repo = repo_with_version_in_changelog(HEAD);
    ok(hand_tag(&repo, &["-a", "v0.1.1", "-m", "release"]));
    both_edits_landed(&repo);
}
