//! QA50: pre-push and release tag names the tag hook refuses, made where it did not act
//! (another clone, `RELHOOK_SKIP=1`). A build-metadata tag (`v0.1.1+build.5`) was refused
//! only for its missing section, with a fix naming itself (refused when pasted), and sent
//! once the section was written by hand, after which 0.1.1 could never be released. A bare
//! `0.1.1` in a `v` project went silently, and every clone's `relhook version` then stopped
//! at "the release tags here are mixed". A tag below the last release (`v0.0.9`) was advised
//! `relhook release 0.0.9` and a test run, neither possible. Each is now refused with the
//! tag hook's reason and a fix that works when pasted.

use crate::support::{Repo, ok, released_and_pushed, stderr, text};

/// relhook installed with `config`, v0.1.0 released and pushed to `origin`, `fix: b`
/// committed on top.
fn released(config: &str) -> Repo {
    released_and_pushed(config)
}

const UNTESTED: &str = "[checks]\nrequire_tested_tags = false\n";

/// The text of a refusal's `fix:` line.
fn fix_line(err: &str) -> &str {
    err.lines()
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("no fix line in:\n{err}"))
}

/// The commands a fix names in backquotes, `then`-joined with `&&`: the first way it gives.
fn pasted(fix: &str, n: usize) -> String {
    let words: Vec<&str> = fix.split('`').skip(1).step_by(2).take(n).collect();
    words.join(" && ")
}

#[test]
fn a_build_metadata_tag_is_refused_as_the_tag_hook_refuses_it() {
    let repo = released(UNTESTED);
    let tag = "v0.1.1+build.5";
    ok(repo.git_skipping_relhook(&["tag", "-a", tag, "-m", "0.1.1 build 5"]));
    let out = repo.git_output(&["push", "origin", tag]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("has build metadata (`+build.5`), which SemVer precedence ignores"),
        "{err}"
    );
    assert!(!err.contains("## [0.1.1+build.5]"), "{err}");
    let fix = fix_line(&err);
    assert!(!fix.contains("relhook release 0.1.1+build.5"), "{fix}");
    assert!(!fix.contains("git tag -a v0.1.1+build.5"), "{fix}");
    // The advice, pasted, makes v0.1.1, which pre-push sends.
    let line = pasted(fix, 2);
    assert_eq!(line, "git tag -d v0.1.1+build.5 && relhook release 0.1.1");
    ok(repo.sh(&line));
    let out = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        repo.git(&["ls-remote", "origin", "v0.1.1"])
            .contains("v0.1.1")
    );
}

#[test]
fn a_build_metadata_tag_with_its_section_written_by_hand_is_not_sent() {
    let repo = released(UNTESTED);
    let log = repo.read("CHANGELOG.md").replacen(
        "## [Unreleased]",
        "## [Unreleased]\n\n## [0.1.1+build.5] - 2026-12-05\n\n### Fixed\n\n- b",
        1,
    );
    repo.write("CHANGELOG.md", log);
    repo.git(&["commit", "-qam", "docs: changelog for 0.1.1+build.5"]);
    ok(repo.git_skipping_relhook(&["tag", "-a", "v0.1.1+build.5", "-m", "b5"]));
    let out = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("has build metadata"), "{err}");
    assert!(!repo.git(&["ls-remote", "origin"]).contains("build"));
}

#[test]
fn a_tag_without_the_prefix_is_refused_with_the_tag_hook_s_reason() {
    let repo = released(UNTESTED);
    ok(repo.git_skipping_relhook(&["tag", "-a", "0.1.1", "-m", "0.1.1"]));
    let out = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("release tags here are named v0.1.1")
            && err.contains("every later `relhook version` and release would stop at it"),
        "{err}"
    );
    assert!(!repo.git(&["ls-remote", "origin"]).contains("0.1.1"));
    let line = pasted(fix_line(&err), 2);
    assert_eq!(line, "git tag -d 0.1.1 && relhook release 0.1.1");
    ok(repo.sh(&line));
    let out = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    ok(repo.relhook(&["version"]));
}

/// Tags that are no slip of the prefix, or name no version above the releases (a former
/// prefix's), go as before.
#[test]
fn unrelated_and_older_tags_still_pass() {
    let repo = released(UNTESTED);
    ok(repo.git_skipping_relhook(&["tag", "bench-mark"]));
    ok(repo.git_skipping_relhook(&["tag", "release-2.0.1"]));
    ok(repo.git_skipping_relhook(&["tag", "-a", "0.0.3", "-m", "old", "HEAD~2"]));
    let out = repo.git_output(&[
        "push",
        "origin",
        "main",
        "bench-mark",
        "release-2.0.1",
        "0.0.3",
    ]);
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn a_tag_below_the_last_release_is_advised_the_commits_release_and_no_test_run() {
    let repo = released("[checks]\ntest = [\"true\"]\n");
    ok(repo.git_skipping_relhook(&["tag", "-a", "v0.0.9", "-m", "0.0.9"]));
    // Left behind by a branch push: said, with the same way.
    let out = repo.git_output(&["push", "origin", "main"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    let fix = "delete the tag (`git tag -d v0.0.9`), then `relhook release` (the version the commits call for)";
    assert!(err.contains(fix), "{err}");
    let out = repo.git_output(&["push", "origin", "v0.0.9"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("refused: 1 problem"), "{err}");
    assert!(err.contains("is not greater than v0.1.0"), "{err}");
    for never in [
        "relhook release 0.0.9",
        "git tag -a v0.0.9",
        "relhook test",
        "## [0.0.9]",
    ] {
        assert!(!err.contains(never), "{never}: {err}");
    }
    let line = pasted(fix_line(&err), 2);
    assert_eq!(line, "git tag -d v0.0.9 && relhook release");
    ok(repo.sh(&line));
    let out = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
}

/// A pre-release of a version already released (`v0.1.0-rc.2` above v0.1.0) is past too.
#[test]
fn a_pre_release_below_the_last_release_is_past_too() {
    let repo = released("[checks]\ntest = [\"true\"]\n");
    ok(repo.git_skipping_relhook(&["tag", "-a", "v0.1.0-rc.2", "-m", "rc"]));
    let out = repo.git_output(&["push", "origin", "v0.1.0-rc.2"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("refused: 1 problem"), "{err}");
    assert_eq!(
        pasted(fix_line(&err), 2),
        "git tag -d v0.1.0-rc.2 && relhook release"
    );
}
