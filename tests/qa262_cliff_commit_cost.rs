//! QA262 (issue #16): a commit in git-cliff's own repository parsed its 1,886-line changelog
//! whole twice. Its newest release (a patch) links no issue and the one below it does, so the
//! part post-commit parses (Unreleased and the newest release) decided no issue links, and
//! post-commit parsed the whole file instead, then analysed it whole again after inserting the
//! entry. The part parsed now takes in the releases down to the one that decides. Counted
//! (`RELHOOK_TEST_LINES_PARSED`), never timed; the file written is the same.

use crate::support::{Repo, stderr, text};

const CLIFF_TOML: &str = include_str!("support/fixtures/git-cliff.cliff.toml");
const URL: &str = "https://github.com/o/r";

/// Releases below the two that decide, many of them (a long file's).
fn changelog() -> String {
    let mut log = format!(
        "# Changelog\n\n## [unreleased]\n\n### 🐛 Bug Fixes\n\n- *(cli)* Handle a\n\n\
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
fn a_commit_parses_only_down_to_the_release_that_links_issues() {
    let repo = Repo::new();
    let before = changelog();
    repo.write("CHANGELOG.md", &before);
    repo.write("cliff.toml", CLIFF_TOML);
    repo.hooks(&["post-commit"]);
    repo.git(&["add", "-A"]);
    repo.git_env(
        &["commit", "-q", "-m", "chore: import"],
        &[("RELHOOK_SKIP", "1")],
    );
    repo.write("b.txt", "b\n");
    repo.git(&["add", "b.txt"]);
    let out = repo.git_in(
        &repo.path(),
        &["commit", "-q", "-m", "fix(cli): handle b (#12)"],
        &[("RELHOOK_TEST_LINES_PARSED", "1")],
    );
    assert!(out.status.success(), "{}", text(&out));
    // The file is over 300 lines; its top (to 2.13.0) is 20 and is read twice at most.
    let err = stderr(&out);
    let lines: usize = (err.lines())
        .find_map(|l| {
            l.strip_prefix("relhook: test: ")?
                .strip_suffix(" changelog lines parsed")
        })
        .expect("a count")
        .parse()
        .expect("a number");
    assert!(
        before_lines(&before) > 300 && lines < 60,
        "{lines} lines parsed:\n{err}"
    );
    // The entry is linked as 2.13.0's are, and the rest of the file is as it was.
    let entry = format!("- *(cli)* Handle b ([#12]({URL}/issues/12))\n");
    let expected = before.replacen(
        "- *(cli)* Handle a\n",
        &format!("- *(cli)* Handle a\n{entry}"),
        1,
    );
    assert_eq!(repo.read("CHANGELOG.md"), expected);
}

fn before_lines(text: &str) -> usize {
    text.lines().count()
}
