//! QA243: on a channel's branch (`[release] channels`), every release relhook advises is one
//! the channel then takes. After another identifier's pre-release made there (`2.0.0-rc.1` on
//! `beta`), a beta cannot follow it, so plain `relhook release` is refused: the release's own
//! refusal of a stable version, pre-push's fallback fix and its off-channel fix named it all
//! the same.

use crate::qa224_release_channels::{CONFIG, on_beta};
use crate::support::{Repo, dated_release, ok, stderr, text};

/// `beta` with `2.0.0-rc.1` released on it (`--pre rc`) and a fix above it.
pub(crate) fn rc_on_beta() -> Repo {
    let repo = on_beta(CONFIG);
    ok(dated_release(&repo, &["--pre", "rc"]));
    repo.commit_hooked("fix: api");
    repo
}

/// The `relhook release …` commands of `said`'s lines that hold `marker`, each run as a dry
/// run: every one must be taken on the branch.
pub(crate) fn each_release_taken(repo: &Repo, said: &str, marker: &str) {
    let lines: Vec<&str> = said.lines().filter(|l| l.contains(marker)).collect();
    assert!(!lines.is_empty(), "no `{marker}` line:\n{said}");
    let commands: Vec<&str> = (lines.iter())
        .flat_map(|l| l.split('`').skip(1).step_by(2))
        .filter(|c| c.starts_with("relhook release"))
        .collect();
    assert!(!commands.is_empty(), "no release named:\n{said}");
    for command in commands {
        let args: Vec<&str> = command.split_whitespace().skip(2).collect();
        let args = [&args[..], &["--dry-run"]].concat();
        let out = dated_release(repo, &args);
        assert!(
            out.status.success(),
            "`{command}`, advised in:\n{said}\nis refused:\n{}",
            text(&out)
        );
    }
}

#[test]
fn a_refused_stable_release_names_a_pre_release_the_branch_makes() {
    let repo = rc_on_beta();
    let out = dated_release(&repo, &["2.0.0"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stderr(&out);
    assert!(said.contains("--allow-stable"), "{said}");
    each_release_taken(&repo, &said, "relhook release");
}

#[test]
fn pre_push_fixes_a_stable_tag_pushed_alone_with_a_release_the_branch_makes() {
    let repo = rc_on_beta();
    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "origin", "main", "v1.0.0"]));
    ok(repo.git_skipping_relhook(&["tag", "-a", "v2.0.0", "-m", "x"]));
    let out = repo.git_output(&["push", "origin", "v2.0.0"]);
    assert!(!out.status.success(), "{}", text(&out));
    // The fix deletes the tag first.
    ok(repo.git_output(&["tag", "-d", "v2.0.0"]));
    each_release_taken(&repo, &stderr(&out), "fix:");
}

#[test]
fn pre_push_fixes_a_stable_tag_off_its_channel_with_a_release_the_branch_makes() {
    let repo = rc_on_beta_pushed();
    ok(repo.git_skipping_relhook(&["tag", "-a", "v2.0.0", "-m", "x"]));
    let out = repo.git_output(&["push", "origin", "v2.0.0"]);
    assert!(!out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(said.contains("was not made on purpose there"), "{said}");
    ok(repo.git_output(&["tag", "-d", "v2.0.0"]));
    each_release_taken(&repo, &said, "fix:");
}

/// `rc_on_beta` with `origin`, which has main, beta and their tags.
pub(crate) fn rc_on_beta_pushed() -> Repo {
    let repo = rc_on_beta();
    repo.with_origin();
    let push = [
        "push",
        "-q",
        "origin",
        "main",
        "beta",
        "v1.0.0",
        "v2.0.0-rc.1",
    ];
    ok(repo.git_output(&push));
    repo
}
