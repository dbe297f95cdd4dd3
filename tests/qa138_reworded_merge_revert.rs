//! QA138: `git revert -m 1 <merge>` with its header reworded to a Conventional Commit
//! (`revert: drop the widget feature`, git's body naming the merge kept) made post-commit say
//! that it could not tell which commit the revert reverts, and, before a release, add an entry
//! `--sync` takes out again. The body names the merge: before its release, the revert cancels
//! the branch's entries, said truly; after it, the revert keeps its own entry, with no false
//! word.

use crate::support::{Repo, ok, stderr};

/// main with `feat: a`, and branch `widget` (a feature and a fix) merged: the merge's id.
fn merged_widget(repo: &Repo) -> String {
    repo.commit("chore: start");
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    repo.git(&["switch", "-q", "-c", "widget"]);
    repo.commit_hooked("feat: add the widget");
    repo.commit_hooked("fix: widget colour");
    repo.git(&["switch", "-q", "main"]);
    let out = repo.git_output(&[
        "merge",
        "-q",
        "--no-ff",
        "-m",
        "Merge branch 'widget'",
        "widget",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    repo.git(&["rev-parse", "HEAD"])
}

/// `git revert -m 1 -e <merge>`, its header reworded in the editor: what relhook said.
fn reworded_revert(repo: &Repo, merge: &str) -> String {
    let out = repo.git_in(
        &repo.path(),
        &["revert", "-m", "1", "-e", merge],
        &[(
            "GIT_EDITOR",
            "sed -i '1s/.*/revert: drop the widget feature/'",
        )],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(repo.head_subject(), "revert: drop the widget feature");
    stderr(&out)
}

fn unreleased(repo: &Repo) -> String {
    let log = repo.read("CHANGELOG.md");
    let at = log.find("## [Unreleased]").unwrap();
    let end = log[at + 1..]
        .find("\n## [")
        .map_or(log.len(), |e| at + 1 + e);
    log[at..end].to_owned()
}

#[test]
fn a_reworded_revert_of_an_unreleased_merge_cancels_its_entries_and_says_so() {
    let repo = Repo::new();
    let merge = merged_widget(&repo);
    let said = reworded_revert(&repo, &merge);
    let short = &merge[..9];
    assert_eq!(
        said.lines()
            .filter(|l| l.starts_with("relhook:"))
            .collect::<Vec<_>>(),
        [format!(
            "relhook: no entry added: this commit reverts the unreleased merge {short}, and git's revert took its entries out of CHANGELOG.md (`- add the widget` and 1 more), so none of them ships"
        )],
        "{said}"
    );
    assert_eq!(unreleased(&repo), "## [Unreleased]\n\n### Added\n\n- a\n");
    // As history has it: `--sync` has nothing to change.
    let before = repo.read("CHANGELOG.md");
    ok(repo.relhook(&["changelog", "--sync"]));
    assert_eq!(repo.read("CHANGELOG.md"), before);
}

#[test]
fn a_reworded_revert_of_a_released_merge_keeps_its_entry_and_no_false_word() {
    let repo = Repo::new();
    let merge = merged_widget(&repo);
    ok(repo.relhook(&["release", "--no-test"]));
    let said = reworded_revert(&repo, &merge);
    assert!(
        said.contains("relhook: CHANGELOG.md: added `- drop the widget feature` under Removed; the commit is now"),
        "{said}"
    );
    assert!(!said.contains("cannot tell"), "{said}");
    assert_eq!(
        unreleased(&repo),
        "## [Unreleased]\n\n### Removed\n\n- drop the widget feature\n"
    );
    let before = repo.read("CHANGELOG.md");
    ok(repo.relhook(&["changelog", "--sync"]));
    assert_eq!(repo.read("CHANGELOG.md"), before);
}
