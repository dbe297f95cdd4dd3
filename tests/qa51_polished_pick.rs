//! QA51: `fix: crash on start` on `feature`, its entry polished there to `- crash on start
//! (when config is empty)`, the fix cherry-picked onto main with `-x`, then `git merge
//! feature`: both sides added an entry since the merge base, and the merge listed the one
//! change twice (doctor and `--sync` content). A commit and its pick are one change: the merge
//! now keeps the polished entry alone, whichever side polished it, also when the merge stops
//! on another file and is committed by hand; a change of its own worded alike stays.

use crate::support::{Repo, installed_repo, ok, stdout, text};

const PLAIN: &str = "- crash on start\n";
const POLISHED: &str = "- crash on start (when config is empty)\n";

/// `feature` with `fix: crash on start` (entry by the hook), main with a commit of its own.
fn forked() -> Repo {
    let repo = installed_repo();
    repo.git(&["switch", "-qc", "feature"]);
    repo.commit_hooked("fix: crash on start");
    repo.git(&["switch", "-q", "main"]);
    repo.commit_hooked("chore: main");
    repo
}

/// Rewords the plain entry in the work tree and commits it as `docs: polish the entry`.
fn polish(repo: &Repo) {
    let log = repo.read("CHANGELOG.md").replace(PLAIN, POLISHED);
    repo.write("CHANGELOG.md", log);
    ok(repo.git_output(&["commit", "-qam", "docs: polish the entry"]));
}

/// The fix picked onto main with `-x`.
fn pick(repo: &Repo) {
    ok(repo.git_output(&["cherry-pick", "-x", "feature^{/^fix: crash on start}"]));
}

fn assert_polished_once(repo: &Repo) {
    let log = repo.read("CHANGELOG.md");
    assert_eq!(log.matches("crash on start").count(), 1, "{log}");
    assert!(log.contains(POLISHED), "{log}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    let out = ok(repo.relhook(&["changelog", "--sync", "--stdout"]));
    assert_eq!(stdout(&out), log, "--sync agrees");
}

#[test]
fn a_pick_and_its_original_polished_on_the_branch_merge_into_one_entry() {
    let repo = forked();
    repo.git(&["switch", "-q", "feature"]);
    polish(&repo);
    repo.git(&["switch", "-q", "main"]);
    pick(&repo);
    ok(repo.git_output(&["merge", "-q", "--no-edit", "feature"]));
    assert_polished_once(&repo);
}

#[test]
fn a_pick_polished_on_main_merges_with_its_original_into_one_entry() {
    let repo = forked();
    ok(repo.git_output(&["cherry-pick", "-x", "feature"]));
    polish(&repo);
    ok(repo.git_output(&["merge", "-q", "--no-edit", "feature"]));
    assert_polished_once(&repo);
}

#[test]
fn a_merge_committed_by_hand_does_not_put_the_plain_entry_back() {
    let repo = forked();
    repo.git(&["switch", "-q", "feature"]);
    polish(&repo);
    repo.write("clash.txt", "feature\n");
    repo.git(&["add", "clash.txt"]);
    ok(repo.git_output(&["commit", "-qm", "chore: clash on feature"]));
    repo.git(&["switch", "-q", "main"]);
    pick(&repo);
    repo.write("clash.txt", "main\n");
    repo.git(&["add", "clash.txt"]);
    ok(repo.git_output(&["commit", "-qm", "chore: clash on main"]));
    let out = repo.git_output(&["merge", "-q", "--no-edit", "feature"]);
    assert!(!out.status.success(), "{}", text(&out));
    repo.write("clash.txt", "both\n");
    repo.git(&["add", "clash.txt"]);
    let out = ok(repo.git_output(&["commit", "-q", "--no-edit"]));
    assert!(!text(&out).contains("crash on start"), "{}", text(&out));
    assert_polished_once(&repo);
}

#[test]
fn a_change_of_its_own_worded_alike_stays_beside_the_polished_entry() {
    let repo = forked();
    repo.git(&["switch", "-q", "feature"]);
    polish(&repo);
    repo.git(&["switch", "-q", "main"]);
    // The same header, another patch: not a copy of the branch's fix.
    repo.commit_hooked("fix: crash on start");
    ok(repo.git_output(&["merge", "-q", "--no-edit", "feature"]));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains(PLAIN) && log.contains(POLISHED), "{log}");
}
