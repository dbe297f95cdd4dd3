//! QA51: a tag pushed without the prefix (`0.1.1` where release tags are `v…`) is refused by
//! pre-push on its own, but with a local build-metadata tag `v0.1.1+b.1` beside it, it went
//! with no word: SemVer precedence ignores the build, so `0.1.1` was not "above every
//! release", and every clone's `relhook version` then stopped at "the release tags here are
//! mixed". A build tag is no release: the slip is refused, and the fix releases 0.1.1 beside
//! the build tag, which stops nothing.

use crate::support::{Repo, ok, released_and_pushed, stderr, text};

/// relhook installed, v0.1.0 released and pushed to `origin`, `fix: b` committed on top.
fn released() -> Repo {
    released_and_pushed("[checks]\nrequire_tested_tags = false\n")
}

/// The commands the refusal's `fix:` line names first, joined with `&&`.
fn pasted_fix(err: &str) -> String {
    let fix = err
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("no fix line in:\n{err}"));
    let words: Vec<&str> = fix.split('`').skip(1).step_by(2).take(2).collect();
    words.join(" && ")
}

#[test]
fn a_slipped_prefix_is_refused_beside_a_build_tag_of_its_version() {
    let repo = released();
    ok(repo.git_skipping_relhook(&["tag", "-a", "0.1.1", "-m", "0.1.1"]));
    ok(repo.git_skipping_relhook(&["tag", "-a", "v0.1.1+b.1", "-m", "build"]));
    let out = repo.git_output(&["push", "origin", "main", "0.1.1"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("release tags here are named v0.1.1")
            && err.contains("every later `relhook version` and release would stop at it"),
        "{err}"
    );
    assert!(!repo.git(&["ls-remote", "origin"]).contains("0.1.1"));
    // The fix, pasted, makes v0.1.1, which pre-push sends.
    let line = pasted_fix(&err);
    // The build tag is no release: it stops nothing, and stays here.
    assert_eq!(line, "git tag -d 0.1.1 && relhook release 0.1.1");
    ok(repo.sh(&format!("{line} --no-test")));
    let out = repo.git_output(&["push", "origin", "main", "v0.1.1"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        repo.git(&["ls-remote", "origin"])
            .contains("refs/tags/v0.1.1")
    );
    ok(repo.relhook(&["version"]));
}
