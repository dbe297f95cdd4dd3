//! QA36: `git reset --soft HEAD~1`, then the same change committed again under a message that
//! calls for no entry (`fix:` made `docs:`): the undone commit's entry stayed in Unreleased, to
//! be released as a fix no commit in history makes, where `git commit --amend -m "docs: …"`
//! takes it out. The same change made again is an amend by another road, and judged as one.

use crate::support::{ok, stderr, text, untested_installed};

#[test]
fn a_soft_reset_and_a_commit_under_a_new_type_is_judged_as_an_amend() {
    let repo = untested_installed();
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    repo.commit_hooked("fix: typo in readme");
    assert!(repo.read("CHANGELOG.md").contains("- typo in readme"));

    repo.git(&["reset", "-q", "--soft", "HEAD~1"]);
    let out = ok(repo.git_output(&["commit", "-q", "-m", "docs: typo in readme"]));
    assert!(
        stderr(&out).contains(
            "removed `- typo in readme`: the commit's new message no longer calls for it"
        ),
        "{}",
        text(&out)
    );
    // The file the undone commit created goes with its one entry, as in an amend.
    let log = std::fs::read_to_string(repo.path().join("CHANGELOG.md")).unwrap_or_default();
    assert!(!log.contains("typo"), "{log}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    // `--sync` agrees: history calls for no entry (and it writes no empty file).
    ok(repo.relhook(&["changelog", "--sync"]));
    let log = std::fs::read_to_string(repo.path().join("CHANGELOG.md")).unwrap_or_default();
    assert!(!log.contains("typo"), "{log}");
}

#[test]
fn a_soft_reset_and_other_changes_keep_the_squash_rule() {
    let repo = untested_installed();
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    repo.commit_hooked("fix: typo in readme");
    repo.git(&["reset", "-q", "--soft", "HEAD~1"]);
    // More than the undone change: a squash of it, under a type that keeps what it brings.
    repo.write("b.txt", "b\n");
    repo.git(&["add", "b.txt"]);
    ok(repo.git_output(&["commit", "-q", "-m", "chore: tidy"]));
    assert!(repo.read("CHANGELOG.md").contains("- typo in readme"));
}

/// The same words under another type: the entry stood under the old type's heading, in
/// silence, and a minor release listed its feature under Fixed only.
#[test]
fn a_soft_reset_and_the_same_words_under_another_type_move_the_entry() {
    let repo = untested_installed();
    repo.commit_hooked("fix: a");
    repo.write("b.txt", "b\n");
    repo.git(&["add", "b.txt"]);
    repo.commit_hooked("fix: add b");
    repo.git(&["reset", "-q", "--soft", "HEAD~1"]);
    let out = ok(repo.git_output(&["commit", "-q", "-m", "feat: add b"]));
    assert!(
        stderr(&out).contains("moved `- add b` from Fixed to Added"),
        "{}",
        text(&out)
    );
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.ends_with("### Added\n\n- add b\n\n### Fixed\n\n- a\n"),
        "{log}"
    );
}

/// QA36: a squash whose staged file was its edit's result already said "the commit is now
/// X (git named it X)", one id twice, for a rewrite that never happened.
#[test]
fn a_squash_that_carries_its_entries_already_says_nothing_was_rewritten() {
    let repo = untested_installed();
    repo.commit_hooked("feat(core): add x");
    repo.commit_hooked("fix: handle y");
    repo.git(&["reset", "-q", "--soft", "HEAD~2"]);
    let out = ok(repo.git_output(&["commit", "-q", "-m", "fix: handle y"]));
    let said = stderr(&out);
    assert!(said.contains("nothing was rewritten"), "{said}");
    assert!(!said.contains("the commit is now"), "{said}");
}

/// QA36: after a reset, the line about a hand-written entry spoke of an "amended" commit.
#[test]
fn a_redo_is_not_called_an_amend() {
    let repo = untested_installed();
    repo.write(
        "CHANGELOG.md",
        "# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- y, by hand\n",
    );
    repo.write("y.txt", "y\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(core): y");
    repo.git(&["reset", "-q", "--soft", "HEAD~1"]);
    let out = ok(repo.git_output(&["commit", "-q", "-m", "chore: y"]));
    let said = stderr(&out);
    assert!(
        said.contains("(made again after a reset) no longer calls for an entry"),
        "{said}"
    );
    assert!(!said.contains("amended"), "{said}");
}
