//! `relhook changelog --sync` and its one-line messages: what it wrote is named, and so is the
//! command that commits it.

use crate::support::{installed_repo, next_command, ok, stderr};

/// Entries a `RELHOOK_SKIP=1` commit left out are written, and the `next:` line commits them in
/// a way the hooks accept, from a subdirectory too: the tree is clean afterwards.
#[test]
fn sync_names_the_commit_that_keeps_what_it_wrote() {
    let repo = installed_repo();
    repo.write("src/a.txt", "a\n");
    repo.git(&["add", "-A"]);
    let out = repo.git_in(
        &repo.path(),
        &["commit", "-q", "-m", "feat: skipped"],
        &[("RELHOOK_SKIP", "1")],
    );
    ok(out);
    assert!(!repo.read("CHANGELOG.md").contains("skipped"));
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    let err = stderr(&out);
    assert!(err.contains("relhook: wrote CHANGELOG.md"), "{err}");
    let next = next_command(&err);
    assert!(next.starts_with("git commit "), "{next}");
    // Run as printed, from a subdirectory: the pathspec names the file from the top.
    ok(repo.sh(&format!("cd src && {next}")));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    let msg = repo.git(&["log", "-1", "--format=%s"]);
    assert!(msg.starts_with("docs(changelog):"), "{msg}");
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(stderr(&out).contains("up to date"), "{}", stderr(&out));
}
