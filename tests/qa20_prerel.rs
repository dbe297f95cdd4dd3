//! Pre-release lines: a stable release carries the changes of pre-releases tagged before
//! relhook (no section of their own), as `--rebuild` does; a line that moves up (the commits
//! since the last stable release call for more than its base) gets a pre-release of its own.

use crate::support::{Repo, dated_release, hand_tag, ok, stderr, stdout, text};

/// `v1.0.0-beta.9` and `v1.0.0-beta.10` tagged before relhook was installed, then a fix
/// through the hooks: a stable release's starting point.
fn betas_before_relhook() -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    for i in [9, 10] {
        repo.write("f", format!("{i}\n"));
        repo.git(&["add", "f"]);
        repo.git(&["commit", "-q", "-m", &format!("feat: f{i}")]);
        repo.git(&["tag", "-a", &format!("v1.0.0-beta.{i}"), "-m", "x"]);
    }
    ok(repo.relhook(&["install"]));
    repo.write("f", "z\n");
    repo.git(&["commit", "-q", "-am", "fix: z"]);
    repo
}

/// The section of `version` in `log`: from its heading to the next one.
fn section(log: &str, version: &str) -> String {
    let start = log
        .find(&format!("## [{version}]"))
        .unwrap_or_else(|| panic!("no section {version} in:\n{log}"));
    let rest = &log[start..];
    let body = rest[3..].find("\n## ").map_or(rest, |end| &rest[..end + 4]);
    // The heading's date is the release's (a rebuild takes the tag's).
    body.lines()
        .skip(1)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned()
}

const EXPECTED: &str = "### Added\n\n- f9\n- f10\n\n### Fixed\n\n- z";

#[test]
fn a_stable_release_carries_pre_releases_tagged_before_relhook() {
    let repo = betas_before_relhook();
    ok(dated_release(&repo, &[]));
    let log = repo.read("CHANGELOG.md");
    assert_eq!(section(&log, "1.0.0"), EXPECTED, "{log}");
    let notes = stdout(&ok(repo.relhook(&["notes", "v1.0.0"])));
    assert!(notes.contains("- f9") && notes.contains("- f10"), "{notes}");
    let rebuilt = stdout(&ok(repo.relhook(&["changelog", "--rebuild", "--stdout"])));
    assert_eq!(section(&rebuilt, "1.0.0"), EXPECTED, "{rebuilt}");
}

#[test]
fn a_hand_tag_carries_pre_releases_tagged_before_relhook() {
    let repo = betas_before_relhook();
    let out = hand_tag(&repo, &["-a", "v1.0.0", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert_eq!(section(&log, "1.0.0"), EXPECTED, "{log}");
}

/// beta.9 from before relhook, beta.10 made by relhook (its entry then reworded by hand):
/// the stable section has each change once, beta.10's as written in its section.
#[test]
fn pre_releases_with_and_without_sections_are_each_carried_once() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.write("f", "9\n");
    repo.git(&["add", "f"]);
    repo.git(&["commit", "-q", "-m", "feat: f9"]);
    repo.git(&["tag", "-a", "v1.0.0-beta.9", "-m", "x"]);
    ok(repo.relhook(&["install"]));
    repo.write("f", "10\n");
    repo.git(&["commit", "-q", "-am", "feat: f10"]);
    ok(dated_release(&repo, &["--pre", "beta"]));
    assert_eq!(repo.git(&["describe", "--tags"]), "v1.0.0-beta.10");
    let log = repo
        .read("CHANGELOG.md")
        .replace("- f10", "- f10, reworded");
    repo.write("CHANGELOG.md", log);
    repo.git(&["commit", "-q", "-am", "docs: reword f10"]);
    repo.write("f", "z\n");
    repo.git(&["commit", "-q", "-am", "fix: z"]);
    ok(dated_release(&repo, &[]));
    let log = repo.read("CHANGELOG.md");
    assert_eq!(
        section(&log, "1.0.0"),
        "### Added\n\n- f9\n- f10, reworded\n\n### Fixed\n\n- z",
        "{log}"
    );
    // The pre-release's own section is as it was.
    assert_eq!(
        section(&log, "1.0.0-beta.10"),
        "### Added\n\n- f10, reworded",
        "{log}"
    );
}

/// 1.0.0, then a breaking change released as `minor --pre rc` (1.1.0-rc.1): the commits since
/// 1.0.0 call for 2.0.0, so the next pre-release is 2.0.0-rc.1, and leaving the 1.1.0-rc
/// line is said.
fn a_line_below_the_commits() -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.write("a", "1\n");
    repo.git(&["add", "a"]);
    repo.git(&["commit", "-q", "-m", "feat: one"]);
    ok(hand_tag(&repo, &["-a", "v1.0.0", "-m", "x"]));
    repo.write("a", "2\n");
    repo.git(&["commit", "-q", "-am", "feat!: breaking"]);
    ok(dated_release(&repo, &["minor", "--pre", "rc"]));
    assert_eq!(repo.git(&["describe", "--tags"]), "v1.1.0-rc.1");
    repo
}

#[test]
fn a_pre_release_line_that_moves_up_gets_a_pre_release_of_its_own() {
    let repo = a_line_below_the_commits();
    let next = stdout(&ok(repo.relhook(&["version", "--next"])));
    assert_eq!(next.trim(), "2.0.0");
    let out = ok(repo.relhook(&["version", "--next", "--pre", "rc"]));
    assert_eq!(stdout(&out).trim(), "2.0.0-rc.1", "{}", text(&out));
    let out = ok(dated_release(&repo, &["--pre", "rc"]));
    assert_eq!(repo.git(&["describe", "--tags"]), "v2.0.0-rc.1");
    let err = stderr(&out);
    assert!(
        err.contains("leaves the 1.1.0-rc line: the commits since v1.0.0 call for 2.0.0"),
        "{err}"
    );
    // The first pre-release of the 2.0.0 line carries the line it leaves, as --rebuild does.
    let log = repo.read("CHANGELOG.md");
    assert_eq!(
        section(&log, "2.0.0-rc.1"),
        "### Added\n\n- **BREAKING** breaking",
        "{log}"
    );
    let rebuilt = stdout(&ok(repo.relhook(&["changelog", "--rebuild", "--stdout"])));
    assert_eq!(section(&rebuilt, "2.0.0-rc.1"), section(&log, "2.0.0-rc.1"));
    // Nothing new since: the 2.0.0-rc line continues only with new commits.
    let out = repo.relhook(&["version", "--next", "--pre", "rc"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("nothing to release"),
        "{}",
        text(&out)
    );
}

#[test]
fn a_stable_release_that_leaves_a_line_says_so() {
    let repo = a_line_below_the_commits();
    let out = ok(dated_release(&repo, &[]));
    assert_eq!(repo.git(&["describe", "--tags"]), "v2.0.0");
    let err = stderr(&out);
    let said: Vec<&str> = err.lines().filter(|l| l.contains("leaves the")).collect();
    assert_eq!(
        said,
        ["relhook: note: v2.0.0 leaves the 1.1.0-rc line: the commits since v1.0.0 call for 2.0.0"],
        "{err}"
    );
    let log = repo.read("CHANGELOG.md");
    assert!(section(&log, "2.0.0").contains("breaking"), "{log}");
}

#[test]
fn a_hand_tag_that_leaves_a_line_says_so() {
    let repo = a_line_below_the_commits();
    let out = hand_tag(&repo, &["-a", "v2.0.0", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(
            "relhook: note: v2.0.0 leaves the 1.1.0-rc line: the commits since v1.0.0 call for 2.0.0"
        ),
        "{err}"
    );
    // Asked for above what the commits call for: said as asked.
    let repo = a_line_below_the_commits();
    let out = ok(dated_release(&repo, &["3.0.0"]));
    let err = stderr(&out);
    assert!(
        err.contains("relhook: note: v3.0.0 leaves the 1.1.0-rc line for 3.0.0, as asked"),
        "{err}"
    );
}
