//! QA91: `relhook release 0.3.0` killed before its commit, then undone by another relhook
//! command (`changelog --sync`, a plain `relhook release`) rather than by `release --resume`:
//! the undo said only "undid an interrupted release (nothing of it remains)", and
//! `release --resume` then had nothing to resume and named no release, so the 0.3.0 asked for
//! was lost to the user, and a plain `relhook release` makes the version the commits call for.
//! The undo now names the release its journal recorded, as `--resume` does when it undoes it.

use crate::support::{Repo, configured_with_a_feature, ok, stderr, text};

/// A repository ready for its first release, with `relhook release ARGS` killed once it
/// holds the lock (before its commit).
fn killed(args: &[&str]) -> Repo {
    let repo = configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".into());
    let before = repo.git(&["rev-parse", "HEAD"]);
    repo.relhook_killed_at("locked", args);
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), before);
    repo
}

/// The one `relhook: undid …` line in `err`, and the command it names to make the release
/// again.
fn undid(err: &str) -> (String, String) {
    let lines: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("relhook: undid an interrupted release"))
        .collect();
    assert_eq!(lines.len(), 1, "{err}");
    let (_, after) = lines[0]
        .split_once("to make that release again: `")
        .unwrap_or_else(|| panic!("no release named in: {}", lines[0]));
    let command = after.split('`').next().unwrap_or_default().to_owned();
    (lines[0].to_owned(), command)
}

#[test]
fn a_sync_that_undoes_the_killed_release_names_the_release_asked_for() {
    let repo = killed(&["release", "0.3.0", "--no-test"]);
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    let (line, again) = undid(&stderr(&out));
    assert_eq!(
        line,
        "relhook: undid an interrupted release (nothing of it remains); to make that release again: `relhook release 0.3.0 --no-test`"
    );
    let out = repo.sh(&again);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "--points-at", "HEAD"]), "v0.3.0");
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
}

/// Undone by the very release run again, nothing more is named: it is being made.
#[test]
fn the_same_release_run_again_does_not_name_itself() {
    let repo = killed(&["release", "0.3.0"]);
    let out = ok(repo.relhook(&["release", "0.3.0"]));
    let err = stderr(&out);
    assert!(err.contains("undid an interrupted release"), "{err}");
    assert!(!err.contains("to make that release again"), "{err}");
    assert_eq!(repo.git(&["tag", "--points-at", "HEAD"]), "v0.3.0");
}
