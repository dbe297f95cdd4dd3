//! QA51: a tag without the release tags' prefix (`1.2.0` where they are `v1.2.0`), made past
//! the tag hook, that a branch push left behind went unnamed, though every later `relhook
//! version` and release here stops at it; and one on a release commit was advised a release
//! of a version its commit already holds. Each is named in one line (left behind) or refused
//! (pushed along), with the fix that works when pasted: deleted, and released under the
//! prefix, or its release commit tagged under it.

use crate::support::{Repo, ok, released_and_pushed, stderr, text};

/// relhook installed, v0.1.0 released and pushed to `origin`, `fix: b` committed on top.
fn released() -> Repo {
    released_and_pushed("[checks]\nrequire_tested_tags = false\n")
}

/// The commands in backquotes after `what` in `line`, joined with `&&`.
fn pasted(line: &str, what: &str) -> String {
    let at = line
        .find(what)
        .unwrap_or_else(|| panic!("no {what} in {line}"));
    let words: Vec<&str> = line[at..].split('`').skip(1).step_by(2).take(2).collect();
    words.join(" && ")
}

#[test]
fn a_slip_left_behind_by_a_branch_push_is_named_with_its_fix() {
    let repo = released();
    ok(repo.git_skipping_relhook(&["tag", "-a", "1.2.0", "-m", "1.2.0"]));
    let out = repo.git_output(&["push", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().filter(|l| l.contains("1.2.0")).collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(
        lines[0].starts_with("relhook: tag 1.2.0 on commits this push sends stays behind")
            && lines[0].contains("slip of the release tags' name (v1.2.0)"),
        "{err}"
    );
    let line = pasted(lines[0], "delete it");
    assert_eq!(line, "git tag -d 1.2.0 && relhook release 1.2.0");
    ok(repo.sh(&format!("{line} --no-test")));
    let out = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        repo.git(&["ls-remote", "origin"])
            .contains("refs/tags/v1.2.0")
    );
}

#[test]
fn a_slip_on_a_release_commit_is_tagged_again_under_the_prefix() {
    let repo = released();
    ok(repo.relhook(&["release", "--no-test"]));
    let commit = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    ok(repo.git_skipping_relhook(&["tag", "-d", "v0.1.1"]));
    ok(repo.git_skipping_relhook(&["tag", "-a", "0.1.1", "-m", "0.1.1"]));
    // Pushed along: refused, and the fix tags the release commit under the prefix.
    let out = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let fix = err
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("{err}"));
    let line = pasted(fix, "release commit");
    assert_eq!(
        line,
        format!("git tag -d 0.1.1 && git tag -a v0.1.1 {commit} -m v0.1.1")
    );
    assert!(!repo.git(&["ls-remote", "origin"]).contains("0.1.1"));
    ok(repo.sh(&line));
    let out = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        repo.git(&["ls-remote", "origin"])
            .contains("refs/tags/v0.1.1")
    );
    ok(repo.relhook(&["version"]));
}
