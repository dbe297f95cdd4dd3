//! QA51: a tag pushed without the prefix and with build metadata (`0.1.1+b.1` where release
//! tags are `v…`) was refused by pre-push with the advice `relhook release 0.1.1+b.1` or
//! `git tag -a v0.1.1+b.1`, both refused in turn. The advice names the plain version now.

use crate::support::{Repo, ok, released_and_pushed, stderr, text};

/// relhook installed, v0.1.0 released and pushed to `origin`, `fix: b` committed on top.
fn released() -> Repo {
    released_and_pushed("[checks]\nrequire_tested_tags = false\n")
}

#[test]
fn a_slip_with_build_metadata_is_advised_its_plain_version() {
    let repo = released();
    ok(repo.git_skipping_relhook(&["tag", "-a", "0.1.1+b.1", "-m", "0.1.1"]));
    let out = repo.git_output(&["push", "origin", "main", "0.1.1+b.1"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let fix = err
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("no fix line in:\n{err}"));
    assert!(
        fix.contains("then release v0.1.1: `relhook release 0.1.1`") && !fix.contains("v0.1.1+"),
        "{fix}"
    );
    // The fix, pasted, makes v0.1.1, which pre-push sends.
    let words: Vec<&str> = fix.split('`').skip(1).step_by(2).take(2).collect();
    assert_eq!(words, ["git tag -d 0.1.1+b.1", "relhook release 0.1.1"]);
    ok(repo.sh(&format!("{} --no-test", words.join(" && "))));
    let out = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        repo.git(&["ls-remote", "origin"])
            .contains("refs/tags/v0.1.1")
    );
}
