//! QA33: in a monorepo, the fix several messages name (`relhook changelog --sync`) made a
//! stray root CHANGELOG.md with every package's entries and synced no package; and doctor
//! said nothing of a package changelog lacking a skipped commit's entry.

use crate::support::{Repo, stderr, stdout, text};

fn monorepo() -> Repo {
    let repo = crate::support::two_packages(
        r#"{"name":"a","version":"1.0.0"}"#,
        r#"{"name":"b","version":"1.0.0"}"#,
    );
    repo.write("p/a/x", "1\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat(a): one");
    repo.write("p/a/x", "2\n");
    repo.git(&["add", "-A"]);
    let out = repo.git_skipping_relhook(&["commit", "-q", "-m", "fix(a): skipped"]);
    assert!(out.status.success(), "{}", text(&out));
    repo
}

#[test]
fn doctor_names_a_package_changelog_behind_history() {
    let repo = monorepo();
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(
        said.contains(
            "WARNING  changelog of package a: p/a/CHANGELOG.md has no entry for 1 commit"
        ),
        "{said}"
    );
    assert!(
        said.contains("fix: relhook changelog --sync --package a"),
        "{said}"
    );
    assert!(!said.contains("changelog of package b"), "{said}");
}

#[test]
fn sync_in_a_monorepo_without_a_root_changelog_syncs_the_packages() {
    let repo = monorepo();
    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        stderr(&out).contains("syncing every package's changelog"),
        "{}",
        text(&out)
    );
    assert!(!repo.path().join("CHANGELOG.md").exists(), "{}", text(&out));
    assert!(repo.read("p/a/CHANGELOG.md").contains("- **a:** skipped"));
    // A plain `relhook changelog` (sync is its default) does the same.
    repo.git(&["checkout", "-q", "--", "."]);
    let out = repo.relhook(&["changelog"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(!repo.path().join("CHANGELOG.md").exists(), "{}", text(&out));
    assert!(repo.read("p/a/CHANGELOG.md").contains("- **a:** skipped"));
}

/// A package whose changelog was never made (every commit of it skipped post-commit) is
/// named too.
#[test]
fn doctor_names_a_package_changelog_not_made_yet() {
    let repo = monorepo();
    repo.write("p/b/x", "1\n");
    repo.git(&["add", "-A"]);
    let out = repo.git_skipping_relhook(&["commit", "-q", "-m", "fix(b): skipped too"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!repo.path().join("p/b/CHANGELOG.md").exists());
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(said.contains("WARNING  changelog of package b"), "{said}");
    assert!(
        said.contains("fix: relhook changelog --sync --package b"),
        "{said}"
    );
}
