//! QA192: where the file's entries link their commit (commitlint's `* **core:** x ([#4](…))
//! ([abc1234](…/commit/abc1234…))`, git-cliff's `- *(core)* x - ([abc1234](…))`), the entries
//! `changelog --sync` and `--rebuild` wrote linked none. They now link their commit as the
//! file's newest linked entry does: its address, its abbreviation, its ` - `. Post-commit's
//! entry is part of the commit it describes, so it cannot name that commit's hash.

use crate::support::{Repo, ok, stdout, text};

const FULL: &str = "abc1234abc1234abc1234abc1234abc1234abcd";

/// A project released at 1.0.0 with `log`, its `origin` a mirror (no known forge), hooks
/// installed, and `feat(api): add search (#12)` committed with the hooks skipped; with that
/// commit's id.
fn project(log: &str) -> (Repo, String) {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.write("CHANGELOG.md", log);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "1.0.0"]);
    repo.git(&["remote", "add", "origin", "/srv/mirrors/r.git"]);
    ok(repo.relhook(&["install"]));
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    let out = repo.git_skipping_relhook(&["commit", "-q", "-m", "feat(api): add search (#12)"]);
    assert!(out.status.success(), "{}", text(&out));
    let id = repo.git(&["rev-parse", "HEAD"]);
    (repo, id)
}

#[test]
fn sync_and_rebuild_link_the_commit_as_commitlints_file_does() {
    let log = format!(
        "# Change Log\n\n## [Unreleased]\n\n\
        ## [1.0.0](https://github.com/o/r/compare/v0.9.0...v1.0.0) (2024-01-01)\n\n### Bug Fixes\n\n\
        * **core:** handle null ([#4](https://github.com/o/r/issues/4)) ([abc1234](https://github.com/o/r/commit/{FULL}))\n"
    );
    let (repo, id) = project(&log);
    let want = format!(
        "* **api:** add search ([#12](https://github.com/o/r/issues/12)) ([{}](https://github.com/o/r/commit/{id}))\n",
        &id[..7]
    );
    let rebuilt = ok(repo.relhook(&["changelog", "--rebuild", "--stdout"]));
    assert!(stdout(&rebuilt).contains(&want), "{}", text(&rebuilt));
    ok(repo.relhook(&["changelog", "--sync"]));
    let synced = repo.read("CHANGELOG.md");
    assert!(synced.contains(&want), "{synced}");
    assert_eq!(synced.matches("add search").count(), 1, "{synced}");
}

#[test]
fn sync_links_the_commit_after_git_cliffs_dash() {
    let log = format!(
        "# Changelog\n\n## [1.0.0] - 2024-01-01\n\n### 🐛 Bug Fixes\n\n\
        - *(core)* Handle null - ([abc1234](https://github.com/o/r/commit/{FULL}))\n"
    );
    let (repo, id) = project(&log);
    ok(repo.relhook(&["changelog", "--sync"]));
    let synced = repo.read("CHANGELOG.md");
    let want = format!(
        "- *(api)* Add search (#12) - ([{}](https://github.com/o/r/commit/{id}))\n",
        &id[..7]
    );
    assert!(synced.contains(&want), "{synced}");
}

/// A section whose lines history gives all, now that they link their commits as it does, is
/// kept as conventional-changelog spaced it (a blank line more under the heading), not
/// rewritten for the spacing alone.
#[test]
fn rebuild_keeps_a_linked_sections_spacing() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    repo.git(&["commit", "-q", "-m", "fix(core): handle null"]);
    let id = repo.git(&["rev-parse", "HEAD"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "1.0.0"]);
    let log = format!(
        "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-01-01\n\n\n### Fixed\n\n\
        - **core:** handle null ([{}](https://github.com/o/r/commit/{id}))\n",
        &id[..7]
    );
    repo.write("CHANGELOG.md", &log);
    let out = ok(repo.relhook(&["changelog", "--rebuild", "--stdout"]));
    assert_eq!(stdout(&out), log);
}
