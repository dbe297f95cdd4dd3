//! QA44: `git revert` of an unreleased change whose entry was reworded by hand in a commit of
//! its own stopped on a CHANGELOG.md conflict (the revert takes the entry out, HEAD reworded
//! those lines). A rewording `--sync` pairs with the entry (the hand text begins with its
//! words) goes with the revert; one it cannot pair is left as it is, and one line names the
//! entry the revert took out, for the person to take its rewording out.

use crate::support::{Repo, installed_repo, ok, stderr, text};

/// `feat: add search` and `fix: other fix` through the hooks, then the search entry reworded
/// to `reworded` in a `docs:` commit; returns the feature's id.
fn reworded_feature(reworded: &str) -> (Repo, String) {
    let repo = installed_repo();
    repo.commit_hooked("feat: add search");
    let id = repo.git(&["rev-parse", "HEAD"]);
    repo.commit_hooked("fix: other fix");
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- add search\n"), "{log}");
    repo.write(
        "CHANGELOG.md",
        log.replace("- add search\n", &format!("- {reworded}\n")),
    );
    ok(repo.git_output(&["commit", "-q", "-a", "-m", "docs: reword the search entry"]));
    (repo, id)
}

#[test]
fn a_revert_takes_the_reworded_entry_out() {
    let (repo, id) = reworded_feature("add search across projects (see the guide)");
    let out = repo.git_output(&["revert", "--no-edit", &id]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(!log.contains("search"), "{log}");
    assert!(!log.contains("<<<<<<<"), "{log}");
    assert!(log.contains("- other fix\n"), "{log}");
    assert!(
        stderr(&out).contains("took `- add search across projects (see the guide)` out"),
        "{}",
        text(&out)
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    let sync = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(text(&sync).contains("up to date"), "{}", text(&sync));
}

#[test]
fn a_rewording_it_cannot_pair_is_left_and_named_in_one_line() {
    let (repo, id) = reworded_feature("full-text search across projects");
    let before = repo.read("CHANGELOG.md");
    let out = repo.git_output(&["revert", "--no-edit", &id]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.read("CHANGELOG.md"), before);
    let said: Vec<String> = stderr(&out)
        .lines()
        .filter(|l| l.contains("`- add search`") && l.contains("by hand"))
        .map(str::to_owned)
        .collect();
    assert_eq!(said.len(), 1, "{}", text(&out));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}
