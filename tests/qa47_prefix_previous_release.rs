//! QA47: after `tag_prefix` changed from "v" to "release-" with `v0.1.0` in the history,
//! `relhook release 0.1.1` (and its `--dry-run`) said "(first release)". The release goes on
//! under the new prefix above `v0.1.0`, which it names as the release it follows.

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
fn the_dry_run_names_the_release_under_the_old_prefix() {
    let repo = prefix_changed();
    let out = repo.relhook(&["release", "0.1.1", "--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let plan = stdout(&out);
    assert!(!plan.contains("first release"), "{plan}");
    assert!(
        plan.contains(
            "release release-0.1.1 (0.1.0 → 0.1.1, release tag v0.1.0, made under tag_prefix \"v\")"
        ),
        "{plan}"
    );
}

#[test]
fn the_release_names_the_release_under_the_old_prefix() {
    let repo = prefix_changed();
    let out = repo.relhook(&["release", "0.1.1"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let err = stderr(&out);
    assert!(!err.contains("first release"), "{err}");
    assert!(
        err.contains("relhook: releasing release-0.1.1 (0.1.0 → 0.1.1, release tag v0.1.0, made under tag_prefix \"v\")"),
        "{err}"
    );
}
