//! QA194: a commit made past post-commit (`RELHOOK_SKIP=1`) got its entry from a later
//! `relhook changelog --sync` commit; a `git rebase -i` then folded it into an earlier commit
//! with `fixup`. Doctor said the entry was of a commit "no branch holds any more (a rebase
//! dropped it, or a reset)": only a fold that carries the entry in its own change to the file
//! was known for one. The fold whose step made the commit's change is now named instead.

use crate::support::{installed_repo, ok, text};

#[test]
fn a_synced_entry_of_a_commit_a_fixup_folded_names_the_fold() {
    let repo = installed_repo();
    repo.commit_hooked("fix: a");
    repo.write("b.txt", "b\n");
    repo.git(&["add", "b.txt"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "fix: b"]));
    let b = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    ok(repo.relhook(&["changelog", "--sync"]));
    repo.git(&[
        "commit",
        "-q",
        "-m",
        "docs(changelog): sync with history",
        "--",
        "CHANGELOG.md",
    ]);
    assert!(repo.read("CHANGELOG.md").contains("- b\n"));
    let fixup = [("GIT_SEQUENCE_EDITOR", "sed -i 2s/^pick/fixup/")];
    repo.git_env(&["rebase", "-q", "-i", "HEAD~3"], &fixup);
    assert_eq!(
        repo.git(&["log", "--format=%s", "-3"]),
        "docs(changelog): sync with history\nfix: a\nfeat: init"
    );
    let a = repo.git(&["rev-parse", "--short=9", "HEAD~1"]);
    let said = text(&repo.relhook(&["doctor"]));
    assert!(
        said.contains(&format!(
            "CHANGELOG.md lists `- b` under Unreleased, the entry of commit {b} (`fix: b`), which a rebase folded into commit {a} (`fix: a`), whose message does not call for it"
        )),
        "{said}"
    );
    assert!(!said.contains("no branch holds any more"), "{said}");
}
