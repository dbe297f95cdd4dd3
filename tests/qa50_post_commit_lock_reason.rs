//! QA50: post-commit that met a held index lock (an editor polling `git status`) added no
//! entry and said why; `relhook doctor` later said the commit's entry was missing because
//! "post-commit did not run". post-commit now notes the lock it met, and doctor names it,
//! with the same fix.

use crate::support::{installed_repo, ok, relhook_bin, stdout, text};

#[test]
fn doctor_names_the_held_index_lock_post_commit_met() {
    let repo = installed_repo();
    assert!(repo.path().join("CHANGELOG.md").exists());
    repo.write("a.txt", "a\n");
    ok(repo.git_output(&["add", "a.txt"]));
    ok(repo.git_output(&[
        "-c",
        "core.hooksPath=/dev/null",
        "commit",
        "-q",
        "-m",
        "feat: a",
    ]));
    // post-commit as git runs it, while another git holds the index lock.
    let lock = repo.path().join(".git/index.lock");
    std::fs::write(&lock, "").unwrap();
    let out = repo
        .command_in(relhook_bin(), &repo.path())
        .args(["hook", "post-commit"])
        .env("RELHOOK_LOCK_WAIT_MS", "100")
        .output()
        .unwrap();
    std::fs::remove_file(&lock).unwrap();
    assert!(
        text(&out).contains("the changelog entry was not added"),
        "{}",
        text(&out)
    );
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(
        said.contains("(made while relhook's post-commit met a held index lock at 20"),
        "{said}"
    );
    assert!(said.contains(" UTC)"), "{said}");
    assert!(!said.contains("did not run"), "{said}");
    assert!(said.contains("fix: relhook changelog --sync"), "{said}");
    // A commit whose post-commit did not run at all keeps that reason.
    repo.write("b.txt", "b\n");
    ok(repo.git_output(&["add", "b.txt"]));
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "feat: b"]));
    let said = stdout(&repo.relhook(&["doctor"]));
    assert!(
        said.contains("(1 made while relhook's post-commit met a held index lock at 20"),
        "{said}"
    );
    assert!(
        said.contains("the others while relhook's post-commit did not run"),
        "{said}"
    );
    ok(repo.relhook(&["changelog", "--sync"]));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- a\n") && log.contains("- b\n"), "{log}");
}
