//! QA292: a heading relhook refuses (`## 0.7.x`) below the part of the file post-commit
//! parses. Without `## [Unreleased]` above it, post-commit read the whole file and refused
//! the entry (in one line naming the line to fix); with Unreleased there, it read only the
//! head and added the entry, so the two files of the same release history disagreed (and
//! the second refused or not as the entry's first word occurred below or not).

use crate::support::{Repo, stderr, text};

const BELOW: &str = "## [0.8.0] - 2024-02-01\n\n### Fixed\n\n- fix y\n\n## 0.7.x\n\n- old thing\n";

fn committed(changelog: &str) -> (Repo, String) {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", changelog);
    repo.hooks(&["post-commit"]);
    repo.git(&["add", "-A"]);
    repo.git_env(
        &["commit", "-q", "-m", "chore: import"],
        &[("RELHOOK_SKIP", "1")],
    );
    let out = repo.try_commit("feat: add a");
    assert!(out.status.success(), "{}", text(&out));
    (repo, stderr(&out))
}

#[test]
fn a_refused_heading_below_unreleased_refuses_the_entry_as_without_it() {
    let without = format!("# Changelog\n\n{BELOW}");
    let with = format!("# Changelog\n\n## [Unreleased]\n\n{BELOW}");
    for before in [without, with] {
        let (repo, err) = committed(&before);
        // Left as it was, and said in one line naming the line to fix.
        assert_eq!(repo.read("CHANGELOG.md"), before, "{err}");
        let line = before.lines().position(|l| l == "## 0.7.x").unwrap() + 1;
        let said: Vec<&str> = (err.lines())
            .filter(|l| l.contains("is not a Keep a Changelog file"))
            .collect();
        assert_eq!(said.len(), 1, "{err}");
        assert!(
            said[0].contains(&format!("CHANGELOG.md:{line} "))
                && said[0].contains(&format!("write line {line} as")),
            "{err}"
        );
    }
}

/// The same heading inside a fenced block is text: the entry is added.
#[test]
fn a_heading_in_a_fence_below_is_no_refusal() {
    let fenced = BELOW.replace("## 0.7.x\n", "```\n## 0.7.x\n```\n");
    let before = format!("# Changelog\n\n## [Unreleased]\n\n{fenced}");
    let (repo, err) = committed(&before);
    let expected = before.replacen(
        "## [Unreleased]\n",
        "## [Unreleased]\n\n### Added\n\n- add a\n",
        1,
    );
    assert_eq!(repo.read("CHANGELOG.md"), expected, "{err}");
}
