//! QA51: a commit that only renames CHANGELOG.md (`git mv CHANGELOG.md docs/HISTORY.md`) was
//! told at post-commit that it deletes the file, and advised to check it out of HEAD~1 and
//! amend, which turns the move into a copy. The next commit, `--sync` and doctor said rightly
//! that it was moved and to point `changelog.path` there; the moving commit says so now, and
//! one that calls for an entry is told how to get it in the moved file.

use crate::support::{Repo, installed_repo, ok, stderr, text};

/// Moves CHANGELOG.md to docs/HISTORY.md with `git mv` (and `extra`'s change) in `message`:
/// the commit's stderr.
fn move_changelog(repo: &Repo, message: &str, extra: bool) -> String {
    std::fs::create_dir_all(repo.path().join("docs")).unwrap();
    repo.git(&["mv", "CHANGELOG.md", "docs/HISTORY.md"]);
    if extra {
        repo.write("c", "c\n");
        repo.git(&["add", "c"]);
    }
    let out = ok(repo.git_output(&["commit", "-q", "-m", message]));
    stderr(&out)
}

#[test]
fn a_commit_that_only_moves_the_changelog_is_told_to_point_the_setting() {
    let repo = installed_repo();
    let err = move_changelog(&repo, "docs: move history", false);
    assert_eq!(
        err.trim_end(),
        "relhook: this commit moves CHANGELOG.md to docs/HISTORY.md; point `changelog.path` in .relconfig.toml at docs/HISTORY.md, where relhook reads it from then on, then `relhook install`"
    );
    assert!(
        !err.contains("deletes") && !err.contains("git checkout"),
        "{err}"
    );
    // The advice, followed: the next commit's entry goes into the moved file.
    repo.write(
        ".relconfig.toml",
        "[changelog]\npath = \"docs/HISTORY.md\"\n",
    );
    repo.git(&["add", ".relconfig.toml"]);
    ok(repo.git_output(&["commit", "-q", "-m", "chore: point the changelog"]));
    repo.commit_hooked("fix: b");
    let log = repo.read("docs/HISTORY.md");
    assert!(log.contains("- init") && log.contains("- b"), "{log}");
    assert!(!repo.path().join("CHANGELOG.md").exists());
}

#[test]
fn a_feature_that_moves_the_changelog_is_told_how_to_get_its_entry() {
    let repo = installed_repo();
    let err = move_changelog(&repo, "feat: c", true);
    assert!(
        err.contains("no entry added: this commit moves CHANGELOG.md to docs/HISTORY.md")
            && err.contains("point `changelog.path` in .relconfig.toml at docs/HISTORY.md"),
        "{err}"
    );
    assert!(
        !err.contains("deletes") && !err.contains("git checkout"),
        "{err}"
    );
    let redo = err.rsplit('`').nth(1).unwrap();
    assert_eq!(
        redo,
        "git add :/.relconfig.toml && git reset --soft HEAD~1 && git commit -C ORIG_HEAD && relhook install"
    );
    repo.write(
        ".relconfig.toml",
        "[changelog]\npath = \"docs/HISTORY.md\"\n",
    );
    let out = repo.sh(redo);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("docs/HISTORY.md");
    assert!(log.contains("- init") && log.contains("- c"), "{log}");
    assert_eq!(repo.head_subject(), "feat: c");
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
}
