//! QA256: at a `git rebase -i` `edit` stop, a commit of one's own (`feat: x`) gets its entry
//! as outside the rebase; `git commit --amend -m "feat: y"` of it then kept `- x`, said as
//! "relhook leaves the commits of a rebase as git makes them", though that commit is no
//! rebase's: the rebase never made it. Its entry is now replaced by `- y`, as outside a
//! rebase. An amend of the commit the rebase stopped at is still left as git makes it.

use crate::support::{Repo, ok, stderr, text};

/// A repository with relhook installed and `feat: a`, `fix: c` committed through the hooks,
/// stopped by `git rebase -i` at an `edit` of `fix: c`.
fn stopped_at_edit() -> Repo {
    let repo = Repo::new();
    repo.commit("chore: init");
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    repo.commit_hooked("fix: c");
    let out = repo
        .command_in("git", &repo.path())
        .env("GIT_SEQUENCE_EDITOR", "sed -i 1s/^pick/edit/")
        .args(["rebase", "-i", "HEAD~1"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.path().join(".git/rebase-merge").is_dir());
    repo
}

fn unreleased(repo: &Repo) -> String {
    let log = repo.read("CHANGELOG.md");
    let at = log.find("## [Unreleased]").expect("Unreleased");
    log[at..].to_owned()
}

#[test]
fn an_amend_of_a_commit_made_at_an_edit_stop_replaces_its_entry() {
    let repo = stopped_at_edit();
    repo.commit_hooked("feat: x");
    assert!(unreleased(&repo).contains("- x\n"), "{}", unreleased(&repo));

    let out = repo.git_output(&["commit", "--amend", "-q", "-m", "feat: y"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(!err.contains("still reads `- x`"), "{err}");
    let log = unreleased(&repo);
    assert!(log.contains("- y\n"), "{log}");
    assert!(!log.contains("- x\n"), "{log}");
    // HEAD carries it, and the rebase goes on from there.
    let shown = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert!(
        shown.contains("- y\n") && !shown.contains("- x\n"),
        "{shown}"
    );
    assert!(repo.is_clean());
    ok(repo.git_output(&["rebase", "--continue"]));
    assert_eq!(repo.head_subject(), "feat: y");
    assert!(!repo.path().join(".git/rebase-merge").exists());
    let log = unreleased(&repo);
    assert!(log.contains("- y\n") && !log.contains("- x\n"), "{log}");
}

#[test]
fn an_amend_of_the_commit_the_rebase_stopped_at_is_left_as_made() {
    let repo = stopped_at_edit();
    let out = repo.git_output(&["commit", "--amend", "-q", "-m", "fix: d"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("relhook leaves the commits of a rebase as git makes them"),
        "{err}"
    );
    assert!(unreleased(&repo).contains("- c\n"), "{}", unreleased(&repo));
}
