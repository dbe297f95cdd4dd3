//! QA44: `git commit --amend` that made `fix: d` into `feat: dd` while relhook's post-commit
//! did not run (killed before its journal existed, or skipped) left `- d` under Fixed, the
//! entry of a message no commit in history has. Doctor said only that one commit had no
//! entry, `--sync` added `- dd` beside `- d`, and doctor then said all was well: the release
//! would list a change that no longer exists. HEAD's reflog names the commit the amend
//! replaced: doctor and `--sync` say what the file still reads for it, with the hand edit,
//! as post-commit does when it cannot rewrite an amend.

use crate::support::{Repo, installed_repo, ok, stderr, stdout, text};

fn doctor(repo: &Repo) -> String {
    stdout(&repo.relhook(&["doctor"]))
}

/// `fix: d` committed through the hooks, then amended to `message` without them.
fn amended_unhooked(message: &str) -> (Repo, String) {
    let repo = installed_repo();
    repo.commit_hooked("fix: d");
    assert!(repo.read("CHANGELOG.md").contains("- d\n"));
    ok(repo.git_skipping_relhook(&["commit", "-q", "--amend", "-m", message]));
    let short = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    (repo, short)
}

#[test]
fn an_amended_away_entry_is_said_by_doctor_and_sync_until_it_is_edited() {
    let (repo, short) = amended_unhooked("feat: dd");
    let said = doctor(&repo);
    assert!(
        said.contains(&format!(
            "CHANGELOG.md still reads `- d` for amended commit {short} ("
        )),
        "{said}"
    );
    assert!(
        said.contains("change it by hand to `- dd` under Added (left so, `relhook changelog --sync` adds `- dd` beside it"),
        "{said}"
    );
    assert!(!said.contains("has no entry for 1 commit"), "{said}");
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    let err = stderr(&out);
    assert!(err.contains("`- dd` under Added"), "{err}");
    let beside = format!(
        "CHANGELOG.md still lists `- d` for amended commit {short} beside `- dd`, the entry its new message calls for"
    );
    assert!(err.contains(&beside), "{err}");
    assert!(
        err.contains("remove `- d` by hand if it should go"),
        "{err}"
    );
    ok(repo.git_output(&[
        "commit",
        "-q",
        "-m",
        "docs(changelog): sync",
        "--",
        "CHANGELOG.md",
    ]));
    // Committed so, the release would still list `- d`: doctor keeps saying it.
    let said = doctor(&repo);
    assert!(said.contains(&beside), "{said}");
    assert!(!said.contains("all is well"), "{said}");
    // The hand edit done, nothing more is said.
    repo.write(
        "CHANGELOG.md",
        repo.read("CHANGELOG.md").replace("- d\n", ""),
    );
    ok(repo.git_output(&["commit", "-q", "-am", "docs: drop d"]));
    let said = doctor(&repo);
    assert!(!said.contains("amended commit"), "{said}");
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(
        stderr(&out).contains("is up to date with history"),
        "{}",
        text(&out)
    );
}

/// Reworded within its kind (`fix: d` → `fix: e`): `--sync` takes the amend's own change for
/// its entry and adds nothing, and doctor said all was well with `- d` listed.
#[test]
fn an_amended_away_entry_of_the_same_kind_is_said_with_the_hand_edit() {
    let (repo, short) = amended_unhooked("fix: e");
    let want = format!(
        "CHANGELOG.md still reads `- d` for amended commit {short} (relhook's post-commit did not rewrite the amend: killed, or skipped); if it should follow the new message, change it by hand to `- e` under Fixed"
    );
    let said = doctor(&repo);
    assert!(said.contains(&want), "{said}");
    let before = repo.read("CHANGELOG.md");
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(stderr(&out).contains(&want), "{}", text(&out));
    assert_eq!(repo.read("CHANGELOG.md"), before, "{}", text(&out));
}

/// An amend post-commit rewrote, and one that left the message alone, leave nothing to say.
#[test]
fn amends_with_no_stale_entry_say_nothing() {
    let repo = installed_repo();
    repo.commit_hooked("fix: d");
    ok(repo.git_output(&["commit", "-q", "--amend", "-m", "feat: dd"]));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- dd\n") && !log.contains("- d\n"), "{log}");
    assert!(!doctor(&repo).contains("amended commit"));
    repo.write("x", "x\n");
    repo.git(&["add", "x"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "--amend", "--no-edit"]));
    let said = doctor(&repo);
    assert!(!said.contains("amended commit"), "{said}");
}
