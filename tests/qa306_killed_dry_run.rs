//! QA306: after a release killed midway (before its commit), `relhook release --dry-run` is
//! refused: a dry run writes nothing, and the transaction left is a writing command's to see
//! to. Its line named that command, then said "a dry run shows the plan", naming none. It now
//! names this dry run as given.

use crate::support::{installed_repo, stderr, stdout, text};

/// The text between the backquotes after `after` in `err`.
fn quoted_after(err: &str, after: &str) -> String {
    let at = err
        .find(after)
        .unwrap_or_else(|| panic!("no {after:?} in:\n{err}"));
    let rest = &err[at + after.len()..];
    rest[..rest.find('`').unwrap()].to_owned()
}

#[test]
fn a_dry_run_after_a_killed_release_names_itself_to_run_again() {
    let repo = installed_repo();
    repo.commit_hooked("feat: one");
    repo.relhook_killed_at("files-written", &["release", "0.2.0", "--no-test"]);
    let out = repo.relhook(&["release", "0.3.0", "--dry-run", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    let first = quoted_after(&err, "a dry run writes nothing: `");
    let then = quoted_after(&err, "sees to it (as a release does first), then `");
    assert_eq!(then, "relhook release 0.3.0 --no-test --dry-run", "{err}");
    // Run as said, the first sees to the transaction and the second shows the plan.
    for line in [first, then.clone()] {
        let out = repo.sh(&line);
        assert!(out.status.success(), "{line}: {}", text(&out));
    }
    assert!(stdout(&repo.sh(&then)).starts_with("release v0.3.0"));
    assert_eq!(repo.git(&["tag"]), "");
}
