//! QA257: after a pre-release, `relhook changelog --sync`'s note counted the commits that are
//! no Conventional Commit from that pre-release's tag, while `relhook release` (and `version`)
//! counts them from the last stable release, whose commits the next version is made of: one
//! history, two counts since two tags. Both now count since the last stable release.

use crate::support::{Repo, ok, stderr};

/// `v1.0.0`, a commit that is no Conventional Commit, the pre-release `v1.1.0-rc.1`, another
/// such commit, and a fix.
fn odd_on_both_sides_of_a_pre_release() -> Repo {
    let repo = Repo::new();
    repo.write(
        "CHANGELOG.md",
        "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2024-01-01\n\n### Added\n\n- a\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "feat: a"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.commit("Tidy the parser");
    repo.commit("feat: b");
    repo.git(&["tag", "-a", "v1.1.0-rc.1", "-m", "v1.1.0-rc.1"]);
    repo.commit("Resolve relative URLs");
    repo.commit("fix: c");
    repo
}

#[test]
fn the_sync_note_counts_since_the_last_stable_release_as_release_does() {
    let repo = odd_on_both_sides_of_a_pre_release();
    let short = |rev: &str| repo.git(&["rev-parse", "--short=9", rev]).trim().to_owned();
    let (newer, older) = (short("HEAD~1"), short("v1.1.0-rc.1~1"));
    let err = stderr(&ok(repo.relhook(&["changelog", "--sync", "--dry-run"])));
    let note = format!(
        "relhook: note: 2 commits since v1.0.0 are not a Conventional Commit and get no entry: {newer} Resolve relative URLs; {older} Tidy the parser"
    );
    assert!(err.contains(&note), "{err}");
    // The release's own count: the same commits since the same tag.
    let err = stderr(&repo.relhook(&["release", "--dry-run", "--allow-unlinted"]));
    let warning = format!(
        "relhook: warning: 2 commits since v1.0.0 are not a Conventional Commit; each counts as a patch and gets no changelog entry:\n  {newer} Resolve relative URLs\n  {older} Tidy the parser"
    );
    assert!(err.contains(&warning), "{err}");
}
