//! QA279 (issue #16): in git-cliff's own changelog, once it has an Unreleased section, each
//! commit parsed the file's top (Unreleased and the newest release), found that it decides no
//! way of linking issues (neither names one), then parsed a wider top again, down to the
//! release that does. The bullets, read line by line, tell that cut first: one parse per
//! commit. Counted (`RELHOOK_TEST_PARSE_COUNT`), never timed; the file written is the same.

use crate::qa269_first_commit_cost::{cliff_commit, count};

const URL: &str = "https://github.com/o/r";

/// git-cliff's file: its newest release links no issue, the one below it does, then a
/// `## New Contributors ❤️` part, then many releases.
fn changelog() -> String {
    let mut log = format!(
        "# Changelog\n\nAll notable changes to this project will be documented in this file.\n\n\
         ## [Unreleased]\n\n### 🐛 Bug Fixes\n\n- *(cli)* Handle a\n\n\n\
         ## [2.13.1]({URL}/compare/v2.13.0..v2.13.1) - 2026-04-26\n\n### 🐛 Bug Fixes\n\n\
         - *(cd)* Prepare assets - ([b99a232]({URL}/commit/b99a23250fe159c39a17d223359268611e8547e7))\n\n\n\
         ## [2.13.0]({URL}/compare/v2.12.0..v2.13.0) - 2026-04-20\n\n### 🐛 Bug Fixes\n\n\
         - *(args)* Parse paths ([#1450]({URL}/issues/1450)) - ([f1874b8]({URL}/commit/f1874b85362cec70f346f812109e72e754e323ca))\n\n\
         ## New Contributors ❤️\n\n* @a made their first contribution in [#1]({URL}/pull/1)\n\n\n"
    );
    for minor in (0..40).rev() {
        log.push_str(&format!(
            "## [2.{minor}.0]({URL}/compare/a..b) - 2025-01-01\n\n### 🐛 Bug Fixes\n\n\
             - *(x)* Fix {minor} ([#{minor}]({URL}/issues/{minor})) - ([f1874b8]({URL}/commit/f1874b85362cec70f346f812109e72e754e323ca))\n\n\n"
        ));
    }
    log
}

#[test]
fn a_commit_parses_the_top_of_a_long_changelog_once() {
    let before = changelog();
    let (repo, err) = cliff_commit(&before, "fix(cli): handle b", "RELHOOK_TEST_PARSE_COUNT");
    let parses = count(&err, " changelog parses");
    assert_eq!(parses, 1, "{err}");
    // The entry below the first, the rest as it was.
    let expected = before.replacen(
        "- *(cli)* Handle a\n",
        "- *(cli)* Handle a\n- *(cli)* Handle b\n",
        1,
    );
    assert_eq!(repo.read("CHANGELOG.md"), expected);
}
