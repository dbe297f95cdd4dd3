//! QA153: `relhook release --dry-run` after a release killed midway finished or undid the
//! killed release's transaction (its journal, its CHANGELOG.md, its index lock, its marks),
//! then said "(dry run: nothing was written)". A dry run now writes nothing: it is refused in
//! one line naming the interrupted release and the command that sees to it, and the real
//! release still does that first.

use crate::support::{Repo, installed_repo, listing, stderr, text};

/// The work tree and the git dir, byte for byte, with the refs.
fn state(repo: &Repo) -> (Vec<(String, Vec<u8>, u32)>, String) {
    (listing(&repo.path()), repo.git(&["for-each-ref"]))
}

/// A dry run (plain, then in JSON) is refused with `fix` named, and writes nothing.
fn refused_writing_nothing(repo: &Repo, fix: &str) {
    let before = state(repo);
    let out = repo.relhook(&["release", "--dry-run", "--no-test"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let line = err
        .lines()
        .find(|l| l.contains("release refused"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(
        line.contains("a relhook release was interrupted")
            && line.contains(&format!("a dry run writes nothing: `{fix}`")),
        "{line}"
    );
    assert!(!err.contains("nothing was written"), "{err}");
    assert!(
        !err.contains("undid") && !err.contains("finished an"),
        "{err}"
    );
    assert!(state(repo) == before, "the dry run wrote: {err}");
    let out = repo.relhook(&["release", "--dry-run", "--no-test", "--format", "json"]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("\"reason\": \"interrupted\""),
        "{}",
        text(&out)
    );
    assert!(state(repo) == before, "the JSON dry run wrote");
}

#[test]
fn a_dry_run_leaves_a_killed_releases_undo_to_the_release() {
    let repo = installed_repo();
    repo.commit_hooked("feat: b");
    let head = repo.git(&["rev-parse", "HEAD"]);
    repo.relhook_killed_at("files-written", &["release", "--no-test"]);
    assert!(repo.path().join(".git/relhook-txn").exists());
    refused_writing_nothing(&repo, "relhook changelog --sync");
    // The real release undoes it first, then releases.
    let out = repo.relhook(&["release", "--no-test"]);
    assert!(
        out.status.success() && stderr(&out).contains("undid an interrupted release"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["rev-parse", "HEAD~"]), head);
    assert_eq!(repo.git(&["tag"]), "v0.1.0");
}

#[test]
fn a_dry_run_leaves_a_killed_release_with_its_commit_to_its_resume() {
    let repo = installed_repo();
    repo.commit_hooked("feat: b");
    repo.relhook_killed_at("refs-moved", &["release", "--no-test"]);
    refused_writing_nothing(&repo, "relhook release --resume --no-test");
    let out = repo.relhook(&["release", "--resume", "--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["tag"]), "v0.1.0");
}

/// A release killed after its journal went leaves only its mark: a dry run leaves that too.
#[test]
fn a_dry_run_leaves_a_killed_releases_mark() {
    let repo = installed_repo();
    repo.commit_hooked("feat: b");
    repo.relhook_killed_at("release-committed", &["release", "--no-test"]);
    let mark = repo.path().join(".git/relhook-release-running");
    assert!(mark.exists());
    let before = state(&repo);
    let out = repo.relhook(&["release", "--dry-run", "--no-test"]);
    assert!(state(&repo) == before, "the dry run wrote: {}", text(&out));
}
