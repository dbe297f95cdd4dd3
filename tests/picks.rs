//! Picks git stopped on a conflict in the changelog and the user concluded: a resolution that
//! takes one side drops the picked commit's entry, which post-commit puts back (a cherry-pick
//! of one commit) or names in one line (in the middle of a rebase or a sequence).

use crate::support::hooked_changelog_repo as setup;
use crate::support::{Repo, stderr, text};

/// The Unreleased part of a changelog (what comes before the first release heading).
pub(crate) fn unreleased(log: &str) -> &str {
    log.split("\n## [0").next().unwrap_or(log)
}

/// main and branch `side` both reword a note in Unreleased (so the driver marks the conflict);
/// `side` adds `s1` (its entry by the hook) and `s2`; main adds `m1`.
fn diverged() -> Repo {
    diverged_with(&["feat: s1", "feat: s2"], "feat: m1")
}

/// main and branch `side` both reword a note in Unreleased (so the driver marks the conflict);
/// `side` makes the commits `on_side` (the first with the reword), main the commit `on_main`
/// (with its reword), each through the hooks.
pub(crate) fn diverged_with(on_side: &[&str], on_main: &str) -> Repo {
    let repo = setup();
    let log = repo.read("CHANGELOG.md");
    repo.write(
        "CHANGELOG.md",
        log.replacen("## [Unreleased]\n", "## [Unreleased]\n\nNotes: A\n", 1),
    );
    repo.git(&["commit", "-q", "-am", "docs: notes"]);
    repo.git(&["checkout", "-q", "-b", "side"]);
    let log = repo.read("CHANGELOG.md");
    repo.write("CHANGELOG.md", log.replace("Notes: A", "Notes: C"));
    repo.git(&["add", "CHANGELOG.md"]);
    for message in on_side {
        assert!(repo.commit_with_hooks(message).status.success());
    }
    repo.git(&["checkout", "-q", "main"]);
    let log = repo.read("CHANGELOG.md");
    repo.write("CHANGELOG.md", log.replace("Notes: A", "Notes: B"));
    repo.git(&["add", "CHANGELOG.md"]);
    assert!(repo.commit_with_hooks(on_main).status.success());
    repo
}

/// Takes `side` (ours or theirs) for the conflicted changelog and stages it.
pub(crate) fn take(repo: &Repo, side: &str) {
    assert!(repo.read("CHANGELOG.md").contains("<<<<<<<"));
    repo.git(&["checkout", side, "CHANGELOG.md"]);
    repo.git(&["add", "CHANGELOG.md"]);
}

#[test]
fn a_cherry_pick_resolved_by_taking_ours_gets_its_entry_back() {
    let repo = diverged();
    let out = repo.git_output(&["cherry-pick", "side~1"]);
    assert!(!out.status.success(), "{}", text(&out));
    take(&repo, "--ours");
    let out = repo.git_in(
        &repo.path(),
        &["cherry-pick", "--continue"],
        &[("GIT_EDITOR", "true")],
    );
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(said.contains("added `- s1` under Added"), "{said}");
    let log = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    let un = unreleased(&log);
    assert!(un.contains("Notes: B") && un.contains("- m1\n"), "{log}");
    assert_eq!(log.lines().filter(|l| *l == "- s1").count(), 1, "{log}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}

#[test]
fn a_cherry_pick_resolution_that_keeps_the_entry_keeps_head_s_too() {
    let repo = diverged();
    let out = repo.git_output(&["cherry-pick", "side~1"]);
    assert!(!out.status.success(), "{}", text(&out));
    take(&repo, "--theirs");
    let out = repo.git_in(
        &repo.path(),
        &["cherry-pick", "--continue"],
        &[("GIT_EDITOR", "true")],
    );
    assert!(out.status.success(), "{}", text(&out));
    // The picked commit's copy lacks main's `- m1`: put back, and said.
    let said = stderr(&out);
    assert!(
        said.contains("put back 1 entry") && said.contains("`- m1`"),
        "{said}"
    );
    assert!(!said.contains("added `- s1`"), "{said}");
    let log = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    let un = unreleased(&log);
    assert!(un.contains("Notes: C") && un.contains("- s1\n"), "{log}");
    assert_eq!(un.lines().filter(|l| *l == "- m1").count(), 1, "{log}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}

/// In a rebase (or a sequence of picks) HEAD is git's: the dropped entry is named in one line
/// with the command that adds it once the rebase is done, and that command does.
#[test]
fn a_rebase_pick_resolved_by_taking_one_side_names_the_dropped_entry() {
    let repo = diverged();
    repo.git(&["checkout", "-q", "side"]);
    let out = repo.git_output(&["rebase", "main"]);
    assert!(!out.status.success(), "{}", text(&out));
    // In a rebase, "ours" is the branch being rebased onto: main's side of the notes.
    take(&repo, "--ours");
    let out = repo.git_in(
        &repo.path(),
        &["rebase", "--continue"],
        &[("GIT_EDITOR", "true")],
    );
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("dropped this commit's `- s1`, and a rebase is in progress")
            && said.contains("`relhook changelog --sync` adds it"),
        "{said}"
    );
    assert_eq!(said.matches("dropped this commit's").count(), 1, "{said}");
    let log = repo.read("CHANGELOG.md");
    assert!(!log.contains("- s1\n") && log.contains("- s2\n"), "{log}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    let out = repo.relhook(&["changelog", "--sync"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert_eq!(unreleased(&log).matches("- s1\n").count(), 1, "{log}");
}

/// An entry taken out by hand in `git commit --amend` stays out of the commit; since nothing
/// in history then keeps `--sync` from giving the commit its entry again, one line says so,
/// and the way it names (a commit of its own that deletes the entry) keeps it out for good.
#[test]
fn an_entry_taken_out_in_an_amend_names_how_to_keep_it_out() {
    let repo = setup();
    assert!(repo.commit_with_hooks("feat: first").status.success());
    assert!(
        repo.commit_with_hooks("feat: drop my entry")
            .status
            .success()
    );
    repo.git(&["checkout", "HEAD~", "--", "CHANGELOG.md"]);
    let out = repo.git_output(&["commit", "-q", "--amend", "--no-edit"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("`- drop my entry` was taken out in this amend")
            && said.contains(
                "`git checkout HEAD@{1} -- :/CHANGELOG.md && git commit --amend --no-edit`"
            ),
        "{said}"
    );
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(!repo.read("CHANGELOG.md").contains("drop my entry"));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));

    // What the line says to do.
    repo.git(&["checkout", "HEAD@{1}", "--", "CHANGELOG.md"]);
    let out = repo.git_output(&["commit", "-q", "--amend", "--no-edit"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("taken out"), "{}", stderr(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- drop my entry\n"), "{log}");
    repo.write("CHANGELOG.md", log.replace("- drop my entry\n", ""));
    repo.git(&["commit", "-q", "-am", "docs: drop an entry"]);
    let out = repo.relhook(&["changelog", "--sync"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(
        !log.contains("drop my entry") && log.contains("- first\n"),
        "{log}"
    );
}

/// A rewording made in the amend stands for the commit: nothing to say.
#[test]
fn an_entry_reworded_in_an_amend_is_not_called_taken_out() {
    let repo = setup();
    assert!(repo.commit_with_hooks("feat: wordy").status.success());
    let log = repo.read("CHANGELOG.md");
    repo.write(
        "CHANGELOG.md",
        log.replace("- wordy\n", "- wordy, said better\n"),
    );
    repo.git(&["add", "CHANGELOG.md"]);
    let out = repo.git_output(&["commit", "-q", "--amend", "--no-edit"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("relhook"), "{}", stderr(&out));
    let out = repo.relhook(&["changelog", "--sync"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("- wordy, said better\n") && !log.contains("- wordy\n"),
        "{log}"
    );
}
