//! QA41: in a release-please changelog (`## [1.0.0](…/compare/v0.9.0...v1.0.0) (2024-01-01)`)
//! relhook's release got Keep a Changelog's `## [1.0.1] - date` beside the file's own
//! headings. A release now follows the newest release's heading style, hand tag included.

use crate::support::{Repo, hand_tag, stdout, text};

const LOG: &str = "# Changelog\n\n## [1.0.0](https://github.com/o/r/compare/v0.9.0...v1.0.0) (2024-01-01)\n\n### Features\n\n* first ([abc1234](https://github.com/o/r/commit/abc1234))\n";

fn release_please_repo() -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.write("CHANGELOG.md", LOG);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: release 1.0.0"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo
}

#[test]
fn releases_keep_the_files_heading_style() {
    let repo = release_please_repo();
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    repo.commit_hooked("fix: a bug");
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    let heading = "## [1.0.1](https://github.com/o/r/compare/v1.0.0...v1.0.1) (";
    assert!(log.contains(heading), "{log}");
    assert!(
        log.contains("## [1.0.0](https://github.com/o/r/compare/v0.9.0...v1.0.0) (2024-01-01)\n")
    );
    let out = repo.relhook(&["notes", "v1.0.1"]);
    assert!(stdout(&out).contains("a bug"), "{}", text(&out));

    // A hand tag makes the next one the same way.
    repo.write("b.txt", "b\n");
    repo.git(&["add", "b.txt"]);
    repo.commit_hooked("feat: b thing");
    let out = hand_tag(&repo, &["-a", "v1.1.0", "-m", "v1.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("## [1.1.0](https://github.com/o/r/compare/v1.0.1...v1.1.0) (2026-11-21)\n"),
        "{log}"
    );
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(
        !said.contains("WARNING") && !said.contains("INVALID"),
        "{said}"
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

/// conventional-changelog heads minor and major releases `# `, patches `## `; git-cliff and
/// cocogitto link the label and date it Keep a Changelog's way.
#[test]
fn conventional_changelog_levels_and_git_cliff_links_are_followed() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.write(
        "CHANGELOG.md",
        "# Change Log\n\n# [1.1.0](https://github.com/o/r/compare/v1.0.0...v1.1.0) (2024-02-01)\n\n\n### Features\n\n* x\n\n## [1.0.1](https://github.com/o/r/compare/v1.0.0...v1.0.1) (2024-01-15)\n\n### Bug Fixes\n\n* y\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v1.1.0", "-m", "v1.1.0"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    for (msg, file, heading) in [
        (
            "feat: b",
            "b.txt",
            "# [1.2.0](https://github.com/o/r/compare/v1.1.0...v1.2.0) (",
        ),
        (
            "fix: c",
            "c.txt",
            "## [1.2.1](https://github.com/o/r/compare/v1.2.0...v1.2.1) (",
        ),
    ] {
        repo.write(file, "x\n");
        repo.git(&["add", file]);
        repo.commit_hooked(msg);
        let out = repo.relhook(&["release"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
        let log = repo.read("CHANGELOG.md");
        assert!(log.contains(&format!("\n{heading}")), "{log}");
    }
    let out = repo.relhook(&["notes", "v1.2.0"]);
    assert!(stdout(&out).contains("b"), "{}", text(&out));
    assert!(repo.is_clean());

    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.write(
        "CHANGELOG.md",
        "# Changelog\n\n## [1.0.0](https://github.com/o/r/compare/v0.9.0..v1.0.0) - 2024-01-01\n\n### Features\n\n- first\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.write("d.txt", "x\n");
    repo.git(&["add", "d.txt"]);
    repo.commit_hooked("fix: d");
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("\n## [1.0.1](https://github.com/o/r/compare/v1.0.0..v1.0.1) - "),
        "{log}"
    );
}
