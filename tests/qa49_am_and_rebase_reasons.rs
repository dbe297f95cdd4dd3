//! QA49: doctor's reasons for entries post-commit did not write. A commit `git am` applied
//! (git runs no post-commit for it) from a patch with no entry was said to be "made while
//! relhook's post-commit did not run: before `relhook install`, killed, or skipped", and one
//! commit "that call for one"; now `git am` is named, and the verb agrees. An amend made at a
//! `git rebase -i` `edit` stop was said to be "killed, or skipped", though post-commit leaves a
//! rebase's commits as git makes them and said so. And the entry of a commit a rebase dropped,
//! written by a `--sync` commit (not the commit itself), stayed in Unreleased with doctor
//! quiet: now doctor names it; `--sync` takes it out, as its lost commit's message writes it
//! (QA196), and leaves one reworded by hand.

use crate::support::{Repo, hooked_changelog_repo, ok, stdout};

/// `git commit` of a new file with hooks skipped (`RELHOOK_SKIP=1`): no entry.
fn commit_skipped(repo: &Repo, message: &str) {
    let file = format!("{}.txt", message.replace([':', ' '], "_"));
    repo.write(&file, format!("{message}\n"));
    repo.git(&["add", &file]);
    repo.git_env(&["commit", "-q", "-m", message], &[("RELHOOK_SKIP", "1")]);
}

/// Doctor's standard output.
fn doctor(repo: &Repo) -> String {
    stdout(&repo.relhook(&["doctor"]))
}

#[test]
fn a_commit_git_am_applied_without_an_entry_is_said_to_come_from_git_am() {
    let repo = hooked_changelog_repo();
    repo.commit_hooked("feat: base");
    // A patch made where relhook did not run: its commit carries no entry.
    repo.git(&["checkout", "-q", "-b", "side", "HEAD~1"]);
    commit_skipped(&repo, "feat: external change");
    let patches = repo.scratch("patches");
    let dir = patches.to_str().unwrap();
    repo.git(&["format-patch", "-q", "-1", "-o", dir]);
    repo.git(&["checkout", "-q", "main"]);
    let patch = patches.join("0001-feat-external-change.patch");
    repo.git(&["am", "-q", patch.to_str().unwrap()]);
    assert!(!repo.read("CHANGELOG.md").contains("external change"));
    let said = doctor(&repo);
    assert!(
        said.contains(
            "CHANGELOG.md has no entry for 1 commit since the last release that calls for one (applied by `git am`, which runs no post-commit)"
        ),
        "{said}"
    );
    assert!(!said.contains("before `relhook install`"), "{said}");
    // With a commit made past post-commit beside it: each reason with its count.
    commit_skipped(&repo, "fix: skipped here");
    let said = doctor(&repo);
    assert!(
        said.contains(
            "CHANGELOG.md has no entry for 2 commits since the last release that call for one (1 applied by `git am`, which runs no post-commit, the others while relhook's post-commit did not run: before `relhook install`, killed, or skipped)"
        ),
        "{said}"
    );
    ok(repo.relhook(&["changelog", "--sync"]));
    assert!(repo.read("CHANGELOG.md").contains("- external change"));
}

#[test]
fn an_amend_at_a_rebase_edit_stop_is_said_to_be_left_as_git_made_it() {
    let repo = hooked_changelog_repo();
    for m in ["feat: one", "fix: two", "feat: three"] {
        repo.commit_hooked(m);
    }
    let edit = [("GIT_SEQUENCE_EDITOR", "sed -i 2s/^pick/edit/")];
    repo.git_env(&["rebase", "-q", "-i", "HEAD~3"], &edit);
    repo.git(&["commit", "-q", "--amend", "-m", "chore: two is a chore"]);
    repo.git_env(&["rebase", "--continue"], &[("GIT_EDITOR", "true")]);
    let said = doctor(&repo);
    assert!(
        said.contains(
            "whose new message calls for no entry (relhook leaves the commits of a rebase as git makes them); remove `- two` by hand if it should go"
        ),
        "{said}"
    );
    assert!(!said.contains("killed, or skipped"), "{said}");
}

#[test]
fn an_amend_post_commit_skipped_outside_a_rebase_is_still_said_so() {
    let repo = hooked_changelog_repo();
    repo.commit_hooked("fix: two");
    repo.git_env(
        &["commit", "-q", "--amend", "-m", "chore: two is a chore"],
        &[("RELHOOK_SKIP", "1")],
    );
    let said = doctor(&repo);
    assert!(
        said.contains("(relhook's post-commit did not rewrite the amend: killed, or skipped)"),
        "{said}"
    );
}

#[test]
fn the_entry_of_a_commit_a_rebase_dropped_is_named_by_doctor_and_taken_out_by_sync() {
    let repo = hooked_changelog_repo();
    repo.commit_hooked("feat: base");
    commit_skipped(&repo, "feat: skipped thing");
    repo.commit_hooked("fix: two");
    ok(repo.relhook(&["changelog", "--sync"]));
    repo.git(&[
        "commit",
        "-q",
        "-m",
        "docs(changelog): sync with history",
        "--",
        "CHANGELOG.md",
    ]);
    let skipped = repo.git(&["rev-parse", "--short=9", "HEAD~2"]);
    // The commits post-commit rewrote (each one's first version is lost) are in history.
    assert!(!doctor(&repo).contains("no branch holds"));
    let drop = [("GIT_SEQUENCE_EDITOR", "sed -i 1s/^pick/drop/")];
    repo.git_env(&["rebase", "-q", "-i", "HEAD~3"], &drop);
    assert_eq!(repo.git(&["log", "--format=%s", "-3"]).lines().count(), 3);
    assert!(!repo.git(&["log", "--format=%s"]).contains("skipped thing"));
    let said = doctor(&repo);
    assert!(
        said.contains(&format!(
            "CHANGELOG.md lists `- skipped thing` under Unreleased, the entry of commit {skipped} (`feat: skipped thing`), which no branch holds any more (a rebase dropped it, or a reset) and no commit since the last release calls for; `relhook changelog --sync` takes it out"
        )),
        "{said}"
    );
    // Written as its lost commit's message writes it, `--sync` takes it out (QA196).
    ok(repo.relhook(&["changelog", "--sync"]));
    assert!(!repo.read("CHANGELOG.md").contains("- skipped thing"));
}
