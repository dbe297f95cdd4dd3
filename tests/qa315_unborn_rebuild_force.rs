//! QA315: on a branch with no commit yet (`git checkout --orphan`, the old CHANGELOG.md
//! staged, the release tags on the other branch), `relhook changelog --rebuild --force` wrote
//! the bare template over the file, dropping every release section and entry, and said only
//! "wrote CHANGELOG.md". With no history to rebuild from, `--force` has nothing to write the
//! releases from: it is refused in one line naming what would go, and the command that starts
//! the file afresh.

use crate::support::{Repo, stderr, text};

/// Two releases and an unreleased entry on `main` through the hooks, then an orphan branch
/// checked out (its files, the changelog with them, staged).
fn orphan_with_the_changelog() -> Repo {
    let repo = crate::support::installed_repo();
    repo.commit_hooked("feat: one");
    ok_release(&repo, "0.1.0");
    repo.commit_hooked("fix: two");
    ok_release(&repo, "0.1.1");
    repo.commit_hooked("feat: three");
    repo.git(&["checkout", "-q", "--orphan", "fresh"]);
    repo
}

fn ok_release(repo: &Repo, version: &str) {
    crate::support::ok(repo.relhook(&["release", version, "--no-test"]));
}

#[test]
fn a_forced_rebuild_on_an_unborn_branch_keeps_the_releases() {
    let repo = orphan_with_the_changelog();
    let before = repo.read("CHANGELOG.md");
    assert!(
        before.contains("## [0.1.1]") && before.contains("- three"),
        "{before}"
    );
    let out = repo.relhook(&["changelog", "--rebuild", "--force"]);
    assert_ne!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.read("CHANGELOG.md"), before);
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("2 release sections (0.1.1, 0.1.0) and 1 unreleased entry"),
        "{err}"
    );
    assert!(err.contains("HEAD has no commit yet"), "{err}");
    assert!(err.contains("`git rm -f CHANGELOG.md`"), "{err}");
    // Printing it writes nothing, and is still allowed.
    let out = repo.relhook(&["changelog", "--rebuild", "--stdout", "--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.read("CHANGELOG.md"), before);
}

#[test]
fn an_unborn_branch_with_no_changelog_is_rebuilt_as_before() {
    let repo = orphan_with_the_changelog();
    repo.git(&["rm", "-q", "-f", "CHANGELOG.md"]);
    let out = repo.relhook(&["changelog", "--rebuild", "--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.read("CHANGELOG.md").contains("## [Unreleased]"));
}
