//! QA289 (issue #16): in git-cliff's own repository each commit parsed `cliff.toml` twice,
//! once for its `commit_parsers` (the entry's sub-section) and again for the order of its
//! groups (where a new sub-section goes). The text is parsed once a run now. Counted
//! (`RELHOOK_TEST_CLIFF_PARSES`), never timed; the file written is the same.

use crate::qa269_first_commit_cost::{cliff_commit, count};

const URL: &str = "https://github.com/o/r";

#[test]
fn a_commit_parses_cliff_toml_once() {
    let before = format!(
        "# Changelog\n\nAll notable changes to this project will be documented in this file.\n\n\
         ## [Unreleased]\n\n### 🐛 Bug Fixes\n\n- *(cli)* Handle a\n\n\n\
         ## [2.13.1]({URL}/compare/v2.13.0..v2.13.1) - 2026-04-26\n\n### 🐛 Bug Fixes\n\n\
         - *(cd)* Prepare assets\n"
    );
    let (repo, err) = cliff_commit(&before, "feat(cli): add b", "RELHOOK_TEST_CLIFF_PARSES");
    assert_eq!(count(&err, " cliff.toml parses"), 1, "{err}");
    // The new group placed by cliff.toml's order (features above bug fixes), as before, in the
    // capital the file's own entries start with.
    let expected = before.replacen(
        "### 🐛 Bug Fixes\n\n- *(cli)* Handle a\n",
        "### ⛰️  Features\n\n- *(cli)* Add b\n\n### 🐛 Bug Fixes\n\n- *(cli)* Handle a\n",
        1,
    );
    assert_eq!(repo.read("CHANGELOG.md"), expected);
}
