//! QA44: the scope style of new entries was taken from the newest release alone. commitizen's
//! own CHANGELOG.md (547 entries `- **scope**: text`) has a newest release of one unscoped
//! fix, so relhook wrote `- **cli:** handle x` into a file that writes `- **cli**: …`
//! throughout. The newest release that has scoped entries decides now.

use crate::support::{Repo, ok, stderr, text};

/// The head of commitizen's CHANGELOG.md at v4.13.9.
const COMMITIZEN: &str = "## v4.13.9 (2026-02-25)

### Fix

- avoid raising an exception when a change_type is not defined (#1879)

## v4.13.8 (2026-02-18)

### Fix

- **config**: fix contains_commitizen_section failing for completely empty files

## v4.13.7 (2026-02-09)

### Fix

- **provider**: use encoding settings in config (#1857)
";

#[test]
fn an_unscoped_newest_release_leaves_the_style_to_the_one_below() {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", COMMITIZEN);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v4.13.9", "-m", "v4.13.9"]);
    ok(repo.relhook(&["install"]));
    let out = repo.try_commit("fix(cli): handle x");
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("`- **cli**: handle x`"),
        "{}",
        text(&out)
    );
    assert_eq!(
        repo.read("CHANGELOG.md"),
        format!("## [Unreleased]\n\n### Fix\n\n- **cli**: handle x\n\n{COMMITIZEN}")
    );
}
