//! QA46: `tag_prefix` changed from "v" to "release-" after `v0.1.0`. Its release commit was
//! taken for an interrupted release of 0.1.0: every release was refused, and `--resume`
//! tagged the commit a second time (`release-0.1.0`). As after a change from "v" to "", the
//! `v` tags are releases made, and a version named above them goes on under the new prefix.

use crate::support::{Repo, ok, stderr, stdout, text, untested_installed};

/// `v0.1.0` released by relhook, then `tag_prefix = "release-"` and `fix: b`.
fn prefix_changed() -> Repo {
    let repo = untested_installed();
    repo.commit_hooked("fix: a");
    ok(repo.relhook(&["release"]));
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[version]\ntag_prefix = \"release-\"\n",
    );
    ok(repo.git_output(&["commit", "-q", "-a", "-m", "chore: prefix"]));
    repo.write("b", "b\n");
    repo.git(&["add", "b"]);
    repo.commit_hooked("fix: b");
    repo
}

#[test]
fn a_release_under_the_old_prefix_is_no_interrupted_release() {
    let repo = prefix_changed();
    let out = repo.relhook(&["release", "--resume"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(repo.git(&["tag", "-l", "release-0.1.0"]).is_empty());
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("--resume"), "{doctor}");
    assert!(!doctor.contains("interrupted"), "{doctor}");
    assert!(
        doctor.contains("name a version above it: `relhook release 0.1.1`"),
        "{doctor}"
    );
}

#[test]
fn the_version_named_above_it_is_released_under_the_new_prefix() {
    let repo = prefix_changed();
    let out = repo.relhook(&["release", "0.1.1"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(!stderr(&out).contains("interrupted"), "{}", text(&out));
    assert_eq!(
        repo.git(&["tag", "-l", "release-*"]).trim(),
        "release-0.1.1"
    );
    let log = repo.read("CHANGELOG.md");
    let section = log
        .split("## [0.1.1]")
        .nth(1)
        .unwrap_or_else(|| panic!("{log}"));
    let section = section.split("\n## [").next().unwrap();
    assert!(section.contains("- b"), "{log}");
    assert!(!section.contains("- a"), "{log}");
}
