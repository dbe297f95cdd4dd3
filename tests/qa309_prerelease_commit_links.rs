//! QA309: in a file whose entries link their commit (vue's and commitlint's
//! `* **core:** x ([#4](…)) ([abc1234](…/commit/abc1234…))`), a stable release that carries a
//! published pre-release with no section of its own (vue's `v3.5.0-beta.1`, tagged by its own
//! tooling) wrote that pre-release's entries without their commit link, where a release with
//! no pre-release between links the same entry.

use crate::support::{Repo, ok, stdout, text};

const FULL: &str = "abc1234abc1234abc1234abc1234abc1234abcd";

#[test]
fn a_carried_prereleases_entry_links_its_commit_as_the_file_does() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.write(
        "CHANGELOG.md",
        format!(
            "# Change Log\n\n## [Unreleased]\n\n\
            ## [1.0.0](https://github.com/o/r/compare/v0.9.0...v1.0.0) (2024-01-01)\n\n### Bug Fixes\n\n\
            * **core:** handle null ([#4](https://github.com/o/r/issues/4)) ([abc1234](https://github.com/o/r/commit/{FULL}))\n"
        ),
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "1.0.0"]);
    ok(repo.relhook(&["install"]));
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    let out = repo.git_skipping_relhook(&["commit", "-q", "-m", "feat(api): add search (#12)"]);
    assert!(out.status.success(), "{}", text(&out));
    let id = repo.git(&["rev-parse", "HEAD"]);
    // The pre-release as the project's own tooling tagged and published it.
    let out = repo.git_skipping_relhook(&["tag", "-a", "v1.1.0-beta.1", "-m", "v1.1.0-beta.1"]);
    assert!(out.status.success(), "{}", text(&out));
    let remote = repo.scratch("remote.git");
    repo.git(&["init", "-q", "--bare", remote.to_str().unwrap()]);
    repo.git(&["remote", "add", "origin", remote.to_str().unwrap()]);
    let out = repo.git_skipping_relhook(&[
        "push",
        "-q",
        "origin",
        "HEAD:refs/heads/main",
        "v1.0.0",
        "v1.1.0-beta.1",
    ]);
    assert!(out.status.success(), "{}", text(&out));
    repo.git(&["fetch", "-q", "origin"]);
    let want = format!(
        "* **api:** add search ([#12](https://github.com/o/r/issues/12)) ([{}](https://github.com/o/r/commit/{id}))\n",
        &id[..7]
    );
    let dry = ok(repo.relhook(&["release", "--dry-run"]));
    assert!(stdout(&dry).contains(&format!("+{want}")), "{}", text(&dry));
    ok(repo.relhook(&["release"]));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("## [1.1.0]"), "{log}");
    assert!(log.contains(&want), "{log}");
    assert_eq!(log.matches("add search").count(), 1, "{log}");
}
