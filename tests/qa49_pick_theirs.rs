//! QA49: a `git cherry-pick` or `git rebase` stopped on a changelog conflict and settled by
//! taking the picked commit's copy (`git checkout --theirs`) dropped the entries the commit it
//! was picked onto had unreleased (`- m1`) without a word, and for good: `fix: m1` had added
//! its entry itself, so `--sync`, doctor and the release counted it there. A single
//! cherry-pick's commit now gets them back, said in one line; a rebase names them, and
//! `--sync` and doctor find them missing (git's reflog tells the concluded pick).

use crate::picks::{diverged_with, take, unreleased};
use crate::support::{Repo, ok, stderr, stdout, text};

/// main and branch `side` both reword a note in Unreleased (so the driver marks the conflict);
/// `side` adds `s1`, main adds `m1` (entries by the hook).
fn diverged() -> Repo {
    diverged_with(&["feat: s1"], "fix: m1")
}

#[test]
fn a_cherry_pick_settled_with_theirs_puts_back_head_s_entries() {
    let repo = diverged();
    let out = repo.git_output(&["cherry-pick", "side"]);
    assert!(!out.status.success(), "{}", text(&out));
    take(&repo, "--theirs");
    let out = repo.git_in(
        &repo.path(),
        &["cherry-pick", "--continue"],
        &[("GIT_EDITOR", "true")],
    );
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("put back 1 entry a parent had unreleased and the conflict's resolution dropped (`- m1`)"),
        "{said}"
    );
    assert_eq!(said.matches("relhook:").count(), 1, "{said}");
    let log = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    let un = unreleased(&log);
    assert!(un.contains("Notes: C") && un.contains("- s1\n"), "{log}");
    assert_eq!(un.lines().filter(|l| *l == "- m1").count(), 1, "{log}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    // Taken out again on purpose, as the line says: it stays out.
    let log = repo.read("CHANGELOG.md");
    repo.write("CHANGELOG.md", log.replace("\n### Fixed\n\n- m1\n", ""));
    repo.git(&["commit", "-q", "-a", "--amend", "--no-edit"]);
    assert!(!repo.read("CHANGELOG.md").contains("- m1"));
    let out = ok(repo.relhook(&["changelog", "--sync", "--stdout"]));
    assert!(!stdout(&out).contains("- m1"), "{}", stdout(&out));
}

#[test]
fn a_rebase_pick_settled_with_theirs_names_head_s_entries_and_sync_finds_them() {
    let repo = diverged();
    repo.git(&["checkout", "-q", "side"]);
    let out = repo.git_output(&["rebase", "main"]);
    assert!(!out.status.success(), "{}", text(&out));
    // In a rebase, "theirs" is the commit being picked: side's copy.
    take(&repo, "--theirs");
    let out = repo.git_in(
        &repo.path(),
        &["rebase", "--continue"],
        &[("GIT_EDITOR", "true")],
    );
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("CHANGELOG.md lacks 1 entry the commit it was picked onto had unreleased (`- m1`): the conflict's resolution dropped it, and a rebase is in progress")
            && said.contains("when it is done, `relhook changelog --sync` adds it"),
        "{said}"
    );
    assert_eq!(said.matches("relhook:").count(), 1, "{said}");
    assert!(!repo.read("CHANGELOG.md").contains("- m1"));
    let out = repo.relhook(&["doctor"]);
    assert!(
        stdout(&out).contains("has no entry for 1 commit"),
        "{}",
        text(&out)
    );
    ok(repo.relhook(&["changelog", "--sync"]));
    let log = repo.read("CHANGELOG.md");
    assert_eq!(unreleased(&log).matches("- m1\n").count(), 1, "{log}");
    assert!(unreleased(&log).contains("- s1\n"), "{log}");
}

/// An entry deleted by a commit of one's own still stays out: only a concluded pick's loss
/// is the resolution's.
#[test]
fn an_entry_deleted_by_a_commit_of_one_s_own_stays_out() {
    let repo = diverged();
    let log = repo.read("CHANGELOG.md");
    repo.write("CHANGELOG.md", log.replace("\n### Fixed\n\n- m1\n", ""));
    repo.git(&["commit", "-q", "-am", "docs: drop m1"]);
    assert!(!repo.read("CHANGELOG.md").contains("- m1"));
    let out = ok(repo.relhook(&["changelog", "--sync", "--stdout"]));
    assert!(!stdout(&out).contains("- m1"), "{}", stdout(&out));
}
