//! QA46: an amend post-commit skipped (`fix: d` made `feat: dd`, RELHOOK_SKIP=1) then a plain
//! one (`feat: ddd`): post-commit took the file's `- d` for an entry written by hand and added
//! `- ddd` beside it, and doctor and `--sync` no longer named `- d`. post-commit now replaces
//! the entry of the commit the chain of amends began with; skipped, doctor and `--sync` name it.

use crate::support::{installed_repo, ok, stderr, stdout, text};

fn skipped_amend() -> crate::support::Repo {
    let repo = installed_repo();
    repo.write("d.txt", "d\n");
    ok(repo.git_output(&["add", "d.txt"]));
    repo.commit_hooked("fix: d");
    ok(repo.git_skipping_relhook(&["commit", "-q", "--amend", "-m", "feat: dd"]));
    repo
}

#[test]
fn an_amend_after_a_skipped_one_replaces_the_first_entry() {
    let repo = skipped_amend();
    let out = ok(repo.git_output(&["commit", "-q", "--amend", "-m", "feat: ddd"]));
    assert!(!stderr(&out).contains("written by hand"), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- ddd\n"), "{log}");
    assert!(!log.contains("- d\n"), "{log}");
    assert!(repo.is_clean());
    assert!(stdout(&repo.relhook(&["doctor"])).contains("all is well"));
}

#[test]
fn doctor_and_sync_name_the_first_entry_through_skipped_amends() {
    let repo = skipped_amend();
    ok(repo.git_skipping_relhook(&["commit", "-q", "--amend", "-m", "feat: ddd"]));
    let said = "CHANGELOG.md still reads `- d` for amended commit";
    let out = repo.relhook(&["doctor"]);
    assert!(stdout(&out).contains(said), "{}", text(&out));
    assert!(
        stdout(&out).contains("change it by hand to `- ddd` under Added"),
        "{}",
        text(&out)
    );
    // `--sync` adds the heavier `- ddd` beside it, and says so.
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(
        stderr(&out).contains("still lists `- d` for amended commit"),
        "{}",
        text(&out)
    );
}
