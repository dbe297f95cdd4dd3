//! QA46: git-cliff's default template heads reverts `### ◀️ Revert`, cocogitto `#### Revert`;
//! only conventional-changelog's plural `Reverts` was known, so a `revert:` commit's entry
//! went under a new `### Reverts` beside the file's own heading. (Its entries start with a
//! capital, as git-cliff's `upper_first` writes them: new ones do too, QA292.)

use crate::support::{Repo, ok};

fn revert_under(features: &str, revert: &str) -> String {
    let repo = Repo::new();
    repo.write(
        "CHANGELOG.md",
        format!(
            "# Changelog\n\n## [1.0.0] - 2024-01-01\n\n{features}\n\n- *(cli)* Add a\n\n{revert}\n\n- Revert a thing\n"
        ),
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: add c");
    repo.commit_hooked("revert: undo b");
    repo.read("CHANGELOG.md")
}

#[test]
fn a_revert_goes_under_git_cliffs_singular_heading() {
    let log = revert_under("### 🚀 Features", "### ◀️ Revert");
    assert!(
        log.contains("## [Unreleased]\n\n### 🚀 Features\n\n- Add c\n\n### ◀️ Revert\n\n- Undo b\n\n## [1.0.0]"),
        "{log}"
    );
    assert!(!log.contains("Reverts"), "{log}");
}

#[test]
fn a_revert_goes_under_cocogittos_level_four_heading() {
    let log = revert_under("#### Features", "#### Revert");
    assert!(
        log.contains(
            "## [Unreleased]\n\n#### Features\n\n- Add c\n\n#### Revert\n\n- Undo b\n\n## [1.0.0]"
        ),
        "{log}"
    );
    assert!(!log.contains("Reverts"), "{log}");
}
