//! QA123: two lines of history each fixed something, and one of them took an entry out (a
//! revert). The merge driver kept that side's text and put the other side's new entries at
//! the end of their sub-section, so when the side taken in whole was git's first ("ours": the
//! branch merged into, the commits a rebase replays a revert onto), its entries came after the
//! merged side's, turned round from history's order, which `relhook changelog --rebuild`
//! writes (the first parent's line first). The first side's new entries now keep their place
//! below the entries above them there: the hooks and the rebuild agree.

use crate::qa111_rebased_merge_revert::rebased_merge_revert;
use crate::support::{Repo, installed_repo, ok, stdout, text};

/// `main` with `fix: base one` and `fix: base two`, then `fix: side one` on branch `side` and
/// `fix: main one` on `main`, all through the hooks; then `steps` (git's arguments, each run).
fn parallel_fixes(steps: &[&[&str]]) -> Repo {
    let repo = installed_repo();
    repo.commit_hooked("fix: base one");
    repo.commit_hooked("fix: base two");
    repo.git(&["checkout", "-q", "-b", "side"]);
    repo.commit_hooked("fix: side one");
    repo.git(&["checkout", "-q", "main"]);
    repo.commit_hooked("fix: main one");
    for step in steps {
        ok(repo.git_output(step));
    }
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
    repo
}

/// The file the hooks left, which must be the rebuild's, with the `### Fixed` list `fixed`.
fn agrees(repo: &Repo, fixed: &[&str], what: &str) {
    let file = repo.read("CHANGELOG.md");
    let list: String = fixed.iter().map(|f| format!("- {f}\n")).collect();
    assert!(
        file.ends_with(&format!("### Fixed\n\n{list}")),
        "{what}: {file}"
    );
    let out = repo.relhook(&["changelog", "--rebuild", "--stdout"]);
    assert_eq!(out.status.code(), Some(0), "{what}: {}", text(&out));
    assert_eq!(
        stdout(&out),
        file,
        "{what}: the rebuild writes the hooks' file"
    );
}

const REVERT_BASE_TWO: &[&str] = &["revert", "--no-edit", ":/fix: base two"];

#[test]
fn merges_either_way_keep_the_first_parents_entries_first() {
    // The merged side took an entry out: its text stands, main's entry goes above its own.
    let repo = parallel_fixes(&[
        &["checkout", "-q", "side"],
        REVERT_BASE_TWO,
        &["checkout", "-q", "main"],
        &["merge", "-q", "--no-edit", "side"],
    ]);
    agrees(&repo, &["base one", "main one", "side one"], "side merged");

    // Main took it out and is merged into the side, which is then fast-forwarded to.
    let repo = parallel_fixes(&[
        REVERT_BASE_TWO,
        &["checkout", "-q", "side"],
        &["merge", "-q", "--no-edit", "main"],
    ]);
    agrees(&repo, &["base one", "side one", "main one"], "main merged");
    repo.git(&["checkout", "-q", "main"]);
    ok(repo.git_output(&["merge", "-q", "--ff-only", "side"]));
    agrees(&repo, &["base one", "side one", "main one"], "fast-forward");
}

#[test]
fn a_rebase_over_a_revert_keeps_history_order() {
    // The side's revert replayed onto main, whose own fix the revert's text lacks.
    let repo = parallel_fixes(&[
        &["checkout", "-q", "side"],
        REVERT_BASE_TWO,
        &["rebase", "-q", "main"],
    ]);
    agrees(&repo, &["base one", "main one", "side one"], "rebase");

    // A merge and its revert rebased onto a branch of its own fix, merges kept or not.
    for rebase_args in [&[][..], &["--rebase-merges"][..]] {
        let repo = rebased_merge_revert(false, rebase_args);
        agrees(&repo, &["on base", "on main"], &format!("{rebase_args:?}"));
    }
}
