//! `git revert` of a change already released: the revert commit itself carries its entry
//! under Removed (as `--sync` would write it), and the merge driver does not stop the revert
//! on entries one side released and the other still lists.

use crate::support::{Repo, hand_tag, installed_repo, ok, stderr, text};

/// `- revert "…"` as `--sync` writes it.
pub(crate) const REMOVED: &str = "### Removed\n\n- revert \"add a\"\n";

/// An installed repository whose `feat: add a` is released as v0.1.0 by a hand tag.
fn released() -> Repo {
    let repo = installed_repo();
    repo.write("a.txt", "1\n");
    repo.git(&["add", "a.txt"]);
    repo.git(&["commit", "-q", "-m", "feat: add a"]);
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "r"]);
    assert!(out.status.success(), "{}", text(&out));
    repo
}

/// The part of HEAD's changelog above the release.
pub(crate) fn unreleased(repo: &Repo) -> String {
    let log = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    log.split("## [0.1.0]")
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// The revert commit carries the entry, said in one line; `--sync` then has nothing to do.
pub(crate) fn assert_carried(repo: &Repo, out: &std::process::Output) {
    assert!(out.status.success(), "{}", text(out));
    assert!(
        stderr(out).contains("added `- revert \"add a\"` under Removed"),
        "{}",
        text(out)
    );
    assert!(unreleased(repo).contains(REMOVED), "{}", unreleased(repo));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    let before = repo.read("CHANGELOG.md");
    ok(repo.relhook(&["changelog", "--sync"]));
    assert_eq!(repo.read("CHANGELOG.md"), before);
}

#[test]
fn a_clean_git_revert_of_a_released_change_carries_its_removed_entry() {
    let repo = released();
    let out = repo.git_output(&["revert", "--no-edit", ":/feat: add a"]);
    assert_carried(&repo, &out);

    // A change still unreleased: git's revert takes its entry out, and nothing is added (said).
    repo.commit_hooked("feat: add b");
    let out = repo.git_output(&["revert", "--no-edit", "HEAD"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out)
            .contains("no entry added: this commit reverts `- add b`, which no release has"),
        "{}",
        text(&out)
    );
    let log = repo.read("CHANGELOG.md");
    assert!(!log.contains("add b"), "{log}");
    assert!(log.contains(REMOVED), "{log}");
}

#[test]
fn a_revert_made_by_hand_or_continued_after_a_conflict_carries_it_too() {
    // `--no-commit`, then `git commit`.
    let repo = released();
    repo.git(&["revert", "--no-commit", ":/feat: add a"]);
    let out = repo.git_output(&["commit", "-q", "--no-edit"]);
    assert_carried(&repo, &out);

    // Stopped on a conflict in another file, then `git revert --continue`.
    let repo = released();
    repo.write("a.txt", "2\n");
    repo.git(&["commit", "-q", "-am", "chore: touch a"]);
    let out = repo.git_output(&["revert", "--no-edit", ":/feat: add a"]);
    assert!(!out.status.success(), "{}", text(&out));
    repo.write("a.txt", "3\n");
    repo.git(&["add", "a.txt"]);
    let mut cmd = repo.command_in("git", &repo.path());
    let out = cmd
        .env("GIT_EDITOR", "true")
        .args(["revert", "--continue"])
        .output()
        .expect("run git");
    assert!(out.status.success(), "{}", text(&out));
    assert!(unreleased(&repo).contains(REMOVED), "{}", unreleased(&repo));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}

/// A sequence of reverts: HEAD is git's until it is done, so each released change's revert
/// is named with `--sync`, which adds them afterwards.
#[test]
fn a_sequence_of_reverts_names_the_sync_that_adds_their_entries() {
    let repo = installed_repo();
    repo.commit_hooked("feat: add a");
    repo.commit_hooked("fix: b");
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "r"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_output(&["revert", "--no-edit", ":/feat: add a", ":/fix: b"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(
        err.matches("`relhook changelog --sync`").count(),
        2,
        "{err}"
    );
    assert!(err.contains("`- revert \"add a\"`"), "{err}");
    ok(repo.relhook(&["changelog", "--sync"]));
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains(REMOVED) || log.contains("- revert \"b\"\n- revert \"add a\"\n"),
        "{log}"
    );
    assert!(log.contains("- revert \"b\""), "{log}");
}

/// Another entry in Unreleased: the revert's three-way merge of CHANGELOG.md (base: the
/// reverted commit's file, theirs: its parent's) sees `- zero` and `- add a` leave
/// Unreleased on theirs, which ours already released; no conflict, and ours' file stays.
#[test]
fn a_revert_of_a_released_change_beside_new_entries_does_not_conflict() {
    let repo = installed_repo();
    repo.commit_hooked("feat: zero");
    repo.commit_hooked("feat: add a");
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "r"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.commit_hooked("fix: b");
    let out = repo.git_output(&["revert", "--no-edit", ":/feat: add a"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!text(&out).contains("CONFLICT"), "{}", text(&out));
    let top = unreleased(&repo);
    assert!(top.contains(REMOVED) && top.contains("- b\n"), "{top}");
    assert!(!top.contains("zero") && !top.contains("<<<<<<<"), "{top}");
    let log = repo.read("CHANGELOG.md");
    let released = log.split("## [0.1.0]").nth(1).unwrap_or_default();
    assert!(
        released.contains("- zero\n") && released.contains("- add a\n"),
        "{log}"
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}

/// `git revert` of the release commit itself: the release section goes, and its entries are
/// unreleased again (the driver used to drop them as released ones), beside what came since.
#[test]
fn a_revert_of_a_release_commit_gives_its_entries_back_to_unreleased() {
    let repo = released();
    repo.commit_hooked("feat: later");
    let out = repo.git_output(&["revert", "--no-edit", "HEAD~1"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert!(!log.contains("## [0.1.0]"), "{log}\n{}", text(&out));
    assert!(
        log.lines().any(|l| l == "- later") && log.lines().any(|l| l == "- add a"),
        "{log}\n{}",
        text(&out)
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}

/// `git commit --amend --no-edit` of a revert of an unreleased change: still no
/// `- revert "…"` (it used to appear at the amend, as if the change had shipped).
#[test]
fn amending_a_revert_of_an_unreleased_change_adds_no_revert_entry() {
    let repo = installed_repo();
    repo.commit_hooked("feat: beta");
    let out = repo.git_output(&["revert", "--no-edit", "HEAD"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_output(&["commit", "-q", "--amend", "--no-edit"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert!(!log.contains("revert") && !log.contains("- beta"), "{log}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}

/// Reverting the commit that created CHANGELOG.md stops on a modify/delete conflict, which
/// no merge driver sees; taking the deletion used to drop every other entry without a word.
/// post-commit makes no new file in its place, says so in one line, and its command brings
/// the file back with the revert's own edit (the unreleased change's entry goes).
#[test]
fn a_commit_that_deletes_the_changelog_is_said_and_the_fix_brings_it_back() {
    let repo = Repo::new();
    assert_eq!(repo.relhook(&["install"]).status.code(), Some(0));
    repo.git(&["commit", "-q", "--allow-empty", "-m", "chore: init"]);
    repo.commit_hooked("feat: alpha");
    repo.commit_hooked("feat: beta");
    let out = repo.git_output(&["revert", "--no-edit", "HEAD~1"]);
    assert!(
        !out.status.success(),
        "a modify/delete conflict: {}",
        text(&out)
    );
    repo.git(&["rm", "-q", "CHANGELOG.md"]);
    let out = repo.git_output(&["revert", "--continue", "--no-edit"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("this commit deletes CHANGELOG.md and its 2 unreleased entries"),
        "{said}"
    );
    assert!(!repo.path().join("CHANGELOG.md").exists(), "{said}");
    let fix = said.split('`').nth(1).expect("a command");
    let out = repo.sh(fix);
    assert!(out.status.success(), "{fix}: {}", text(&out));
    let log = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert!(log.contains("- beta") && !log.contains("alpha"), "{log}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}
