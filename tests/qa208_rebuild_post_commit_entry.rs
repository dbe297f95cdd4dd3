//! QA208: in a file whose entries link their commit (git-cliff's `- *(core)* x - ([abc1234](…))`,
//! commitlint's `* **core:** x ([abc1234](…))`), post-commit's entry names no commit (it is
//! part of the commit it describes), and `--rebuild` writes the same entry with its commit
//! linked. The rebuild took the linked one for another line and refused the file's as "not
//! from history, and --rebuild would drop it": on orhun/git-cliff after one `feat` commit.

use crate::support::{Repo, text};

pub(crate) const FULL: &str = "abc1234abc1234abc1234abc1234abc1234abcd";

/// A project released at 1.0.0 with `log`, then `feat(api): add search` committed through
/// the hooks (its entry written by post-commit); with that commit's id.
pub(crate) fn hooked_feature(log: &str) -> (Repo, String) {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.write("CHANGELOG.md", log);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "1.0.0"]);
    repo.hooks(&["commit-msg", "post-commit"]);
    repo.git(&["add", ".gitattributes"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: merge driver"]);
    repo.commit_hooked("feat(api): add search");
    let id = repo.git(&["rev-parse", "HEAD"]);
    (repo, id)
}

fn rebuilds_with_the_entry_linked(log: &str, want: &str) {
    let (repo, id) = hooked_feature(log);
    let before = repo.read("CHANGELOG.md");
    assert!(before.to_lowercase().contains("add search\n"), "{before}");
    let out = repo.relhook(&["changelog", "--rebuild"]);
    assert!(out.status.success(), "{}", text(&out));
    let rebuilt = repo.read("CHANGELOG.md");
    let want = want.replace("{short}", &id[..7]).replace("{id}", &id);
    assert!(rebuilt.contains(&want), "{want}\n{rebuilt}");
    let lower = rebuilt.to_lowercase();
    assert_eq!(lower.matches("add search").count(), 1, "{rebuilt}");
}

#[test]
fn rebuild_takes_post_commits_entry_in_a_git_cliff_file() {
    let log = format!(
        "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2024-01-01\n\n### 🐛 Bug Fixes\n\n\
        - *(core)* Handle null - ([abc1234](https://github.com/o/r/commit/{FULL}))\n"
    );
    rebuilds_with_the_entry_linked(
        &log,
        "- *(api)* Add search - ([{short}](https://github.com/o/r/commit/{id}))\n",
    );
}

#[test]
fn rebuild_takes_post_commits_entry_in_a_commitlint_file() {
    let log = format!(
        "# Change Log\n\n## [Unreleased]\n\n\
        ## [1.0.0](https://github.com/o/r/compare/v0.9.0...v1.0.0) (2024-01-01)\n\n### Bug Fixes\n\n\
        * **core:** handle null ([abc1234](https://github.com/o/r/commit/{FULL}))\n"
    );
    rebuilds_with_the_entry_linked(
        &log,
        "* **api:** add search ([{short}](https://github.com/o/r/commit/{id}))\n",
    );
}
