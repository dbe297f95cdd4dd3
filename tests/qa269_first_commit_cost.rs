//! QA269 (issue #16): the first commit after `relhook install` in git-cliff's own repository,
//! whose 1,886-line changelog has no Unreleased section yet, parsed the whole file, then
//! analysed it whole again after each line it inserted (the new `## [Unreleased]`, then the
//! entry and its sub-section): three whole-file passes, where later commits read only the
//! file's top. The file is now read whole once (a heading refused below is refused as
//! before), and its top takes the new Unreleased. Counted (`RELHOOK_TEST_LINES_ANALYZED`),
//! never timed; the file written is the same.

use crate::support::{Repo, stderr, text};

const CLIFF_TOML: &str = include_str!("support/fixtures/git-cliff.cliff.toml");
const URL: &str = "https://github.com/o/r";

/// git-cliff's file before any Unreleased: its newest release links no issue, the one below
/// it does, then a `## New Contributors ❤️` part, then many releases (one entry says
/// `--unreleased`, which heads nothing).
fn changelog() -> String {
    let mut log = format!(
        "# Changelog\n\nAll notable changes to this project will be documented in this file.\n\n\
         ## [2.13.1]({URL}/compare/v2.13.0..v2.13.1) - 2026-04-26\n\n### 🐛 Bug Fixes\n\n\
         - *(cd)* Prepare assets - ([b99a232]({URL}/commit/b99a23250fe159c39a17d223359268611e8547e7))\n\n\n\
         ## [2.13.0]({URL}/compare/v2.12.0..v2.13.0) - 2026-04-20\n\n### 🐛 Bug Fixes\n\n\
         - *(args)* Parse paths ([#1450]({URL}/issues/1450)) - ([f1874b8]({URL}/commit/f1874b85362cec70f346f812109e72e754e323ca))\n\n\
         ## New Contributors ❤️\n\n* @a made their first contribution in [#1]({URL}/pull/1)\n\n\n"
    );
    for minor in (0..40).rev() {
        log.push_str(&format!(
            "## [2.{minor}.0]({URL}/compare/a..b) - 2025-01-01\n\n### 🐛 Bug Fixes\n\n\
             - *(x)* Fix {minor} when using `--unreleased` ([#{minor}]({URL}/issues/{minor})) - ([f1874b8]({URL}/commit/f1874b85362cec70f346f812109e72e754e323ca))\n\n\n"
        ));
    }
    log
}

/// The count a `RELHOOK_TEST_*` variable printed on stderr, `what` it counts.
pub(crate) fn count(err: &str, what: &str) -> usize {
    (err.lines())
        .find_map(|l| l.strip_prefix("relhook: test: ")?.strip_suffix(what))
        .expect("a count")
        .trim()
        .parse()
        .expect("a number")
}

/// `message` committed through post-commit in a git-cliff project whose CHANGELOG.md is
/// `log`, with the `RELHOOK_TEST_*` variable `counter` set: the repository and git's stderr.
pub(crate) fn cliff_commit(log: &str, message: &str, counter: &str) -> (Repo, String) {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", log);
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
        &["commit", "-q", "-m", message],
        &[(counter, "1")],
    );
    assert!(out.status.success(), "{}", text(&out));
    (repo, stderr(&out))
}

#[test]
fn the_first_commit_reads_only_the_top_of_a_file_without_unreleased() {
    let before = changelog();
    let (repo, err) = cliff_commit(
        &before,
        "fix(cli): handle b (#12)",
        "RELHOOK_TEST_LINES_ANALYZED",
    );
    // The file is over 300 lines, read whole once (a heading below it refused is refused as
    // before); its top (to 2.13.0) is 20, read once and again after each of two insertions.
    let lines = count(&err, " changelog lines analysed");
    let whole = before.lines().count();
    assert!(
        whole > 300 && lines < whole + 100,
        "{lines} lines analysed:\n{err}"
    );
    // Unreleased (spelled as git-cliff's template writes it) above the newest release, the entry
    // linked as 2.13.0's are, the rest as it was.
    let expected = before.replacen(
        "## [2.13.1]",
        &format!(
            "## [unreleased]\n\n### 🐛 Bug Fixes\n\n- *(cli)* Handle b ([#12]({URL}/issues/12))\n\n\n## [2.13.1]"
        ),
        1,
    );
    assert_eq!(repo.read("CHANGELOG.md"), expected);
}
