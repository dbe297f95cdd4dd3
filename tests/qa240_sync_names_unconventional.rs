//! QA240: `relhook changelog --sync` (and `--sync --dry-run`) wrote no entry for a commit
//! whose header is not a Conventional Commit, and said nothing of it, while `relhook release`
//! names such commits. Both now say it in a note, from the list `release` names.

use crate::support::{Repo, ok, stderr};

/// Since the release `v1.0.0`: one commit that is no Conventional Commit, one fix.
fn released_then_unconventional() -> Repo {
    let repo = Repo::new();
    repo.write(
        "CHANGELOG.md",
        "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2024-01-01\n\n### Added\n\n- a\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "feat: a"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.commit("Resolve relative URLs for local sources");
    repo.commit("fix: c");
    repo
}

#[test]
fn sync_and_its_dry_run_name_the_commit_they_write_no_entry_for() {
    let repo = released_then_unconventional();
    let short = repo.git(&["rev-parse", "--short=9", "HEAD~1"]);
    for args in [
        &["changelog", "--sync", "--dry-run"][..],
        &["changelog", "--sync"],
    ] {
        let err = stderr(&ok(repo.relhook(args)));
        let note = format!(
            "relhook: note: 1 commit since v1.0.0 is not a Conventional Commit and gets no entry: {short} Resolve relative URLs for local sources"
        );
        assert!(err.contains(&note), "{args:?}:\n{err}");
    }
    assert!(repo.read("CHANGELOG.md").contains("- c"));
}
