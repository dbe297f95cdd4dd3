//! QA36, the third session on this one's fixes: entries worded alike and hand-written ones
//! where an amend, a redo after a reset or a plain commit meets them.

use crate::support::{Repo, ok, stderr, text, untested_installed};

fn changelog_with(repo: &Repo, section: &str, entry: &str) {
    repo.write(
        "CHANGELOG.md",
        format!("# Changelog\n\n## [Unreleased]\n\n### {section}\n\n- {entry}\n"),
    );
}

fn commit_file(repo: &Repo, file: &str, message: &str) -> String {
    repo.write(file, file);
    repo.git(&["add", "-A"]);
    stderr(&ok(repo.git_output(&["commit", "-q", "-m", message])))
}

/// A second `fix: add b` got no entry ("already under Fixed"); redone or amended as `docs:`,
/// it took the first one's entry out, and as `feat:` moved it away from Fixed.
#[test]
fn an_amend_never_takes_out_an_entry_the_amended_commit_did_not_carry() {
    for redo in [true, false] {
        let repo = untested_installed();
        commit_file(&repo, "a.txt", "fix: add b");
        let said = commit_file(&repo, "b.txt", "fix: add b");
        assert!(said.contains("already"), "{said}");
        if redo {
            repo.git(&["reset", "-q", "--soft", "HEAD~1"]);
            ok(repo.git_output(&["commit", "-q", "-m", "docs: add b"]));
        } else {
            ok(repo.git_output(&["commit", "-q", "--amend", "-m", "docs: add b"]));
        }
        assert!(
            repo.read("CHANGELOG.md").contains("### Fixed\n\n- add b\n"),
            "redo {redo}"
        );
        ok(repo.git_output(&["commit", "-q", "--amend", "-m", "feat: add b"]));
        let log = repo.read("CHANGELOG.md");
        assert!(log.contains("### Fixed\n\n- add b\n"), "redo {redo}: {log}");
    }
}

/// A hand entry worded as the generated one, under a heavier heading than the message's, was
/// moved down ("hand edits win": it stands, as under other words).
#[test]
fn a_hand_entry_under_a_heavier_heading_stands_where_it_was_written() {
    let repo = untested_installed();
    changelog_with(&repo, "Added", "add b");
    let said = commit_file(&repo, "a.txt", "fix: add b");
    assert!(!said.contains("moved"), "{said}");
    assert!(repo.read("CHANGELOG.md").contains("### Added\n\n- add b\n"));
}

/// `fix:` with a hand entry under Fixed, amended to `feat:` (its entry beside the hand one),
/// then back to `fix:`: the feature's entry was moved to Fixed, two entries for one commit.
#[test]
fn the_amend_back_across_headings_takes_the_generated_entry_out() {
    let repo = untested_installed();
    changelog_with(&repo, "Fixed", "B is added, by hand");
    commit_file(&repo, "a.txt", "fix: add b");
    ok(repo.git_output(&["commit", "-q", "--amend", "-m", "feat: add b"]));
    assert!(repo.read("CHANGELOG.md").contains("### Added\n\n- add b\n"));
    let out = ok(repo.git_output(&["commit", "-q", "--amend", "-m", "fix: add b"]));
    assert!(
        stderr(&out).contains("took out `- add b`"),
        "{}",
        text(&out)
    );
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.ends_with("### Fixed\n\n- B is added, by hand\n"),
        "{log}"
    );
}

/// After a mixed reset, the undone `fix: add b`'s entry stayed in the work tree under Fixed
/// while the commit made again as `feat: add b` held it under Added: `commit -a` brought it back.
#[test]
fn a_mixed_reset_leftover_under_another_heading_leaves_the_work_tree() {
    let repo = untested_installed();
    commit_file(&repo, "base.txt", "feat: base");
    commit_file(&repo, "a.txt", "fix: add b");
    repo.git(&["reset", "-q", "HEAD~1"]);
    repo.git(&["add", "a.txt"]);
    let out = ok(repo.git_output(&["commit", "-q", "-m", "feat: add b"]));
    assert!(repo.is_clean(), "{}\n{}", repo.git(&["diff"]), text(&out));
    assert!(
        repo.read("CHANGELOG.md")
            .contains("### Added\n\n- base\n- add b\n")
    );
    assert!(!repo.read("CHANGELOG.md").contains("### Fixed"));
}

/// `cherry-pick -e` of `fix: add b` as `feat!: add b` named the heading, not what `--sync`
/// does with it (QA41: it replaces the entry, where it added the breaking one beside it).
#[test]
fn a_pick_to_a_heavier_type_under_another_heading_says_what_sync_does() {
    let repo = untested_installed();
    let trunk = repo.git(&["branch", "--show-current"]);
    repo.git(&["checkout", "-q", "-b", "side"]);
    commit_file(&repo, "b.txt", "fix: add b");
    repo.git(&["checkout", "-q", &trunk]);
    commit_file(&repo, "m.txt", "docs: m");
    let out = ok(repo.git_in(
        &repo.path(),
        &["cherry-pick", "-e", "side"],
        &[("GIT_EDITOR", "sed -i '1s/.*/feat!: add b/'")],
    ));
    assert!(
        stderr(&out).contains("calls for `- **BREAKING** add b` under Added (relhook leaves a pick's entry as it came); `relhook changelog --sync` replaces it with that"),
        "{}",
        text(&out)
    );
}

/// QA36 sweep: an amend that fixed a typo in another commit's entry took the amended commit's
/// own entry out, as if the reworded one were written for it by hand.
#[test]
fn an_amend_that_fixes_a_typo_elsewhere_keeps_its_own_entry() {
    let repo = untested_installed();
    commit_file(&repo, "a.txt", "feat: alpha");
    commit_file(&repo, "b.txt", "fix: beta");
    let fixed = repo
        .read("CHANGELOG.md")
        .replace("- alpha\n", "- alpha (typo fixed)\n");
    repo.write("CHANGELOG.md", &fixed);
    repo.git(&["add", "CHANGELOG.md"]);
    let out = ok(repo.git_output(&["commit", "-q", "--amend", "--no-edit"]));
    assert!(!stderr(&out).contains("took out"), "{}", text(&out));
    assert!(repo.read("CHANGELOG.md").contains("### Fixed\n\n- beta\n"));
    let out = ok(repo.git_output(&["commit", "-q", "--amend", "-m", "fix: beta fixed"]));
    assert!(!stderr(&out).contains("weighs more"), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(log.ends_with("### Fixed\n\n- beta fixed\n"), "{log}");
}

/// QA36 sweep: `feat: support yaml` after `fix: support yaml` got no entry ("already under
/// Fixed"), and the minor release's notes showed no feature.
#[test]
fn a_feature_worded_as_an_earlier_fix_gets_its_own_entry() {
    let repo = untested_installed();
    commit_file(&repo, "a.txt", "fix: support yaml");
    let said = commit_file(&repo, "b.txt", "feat: support yaml");
    assert!(
        said.contains("added `- support yaml` under Added"),
        "{said}"
    );
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("### Added\n\n- support yaml\n\n### Fixed\n\n- support yaml\n"),
        "{log}"
    );
    ok(repo.relhook(&["changelog", "--sync"]));
    assert_eq!(repo.read("CHANGELOG.md"), log);
}

/// QA36 sweep: an entry moved out of the sub-section that ended the file left a blank line
/// at its end, released with it.
#[test]
fn moving_the_last_sub_sections_entry_leaves_one_newline_at_the_end() {
    let repo = untested_installed();
    commit_file(&repo, "a.txt", "feat: alpha");
    commit_file(&repo, "b.txt", "fix: beta");
    ok(repo.git_output(&["commit", "-q", "--amend", "-m", "feat: beta"]));
    assert!(repo.read("CHANGELOG.md").ends_with("- alpha\n- beta\n"));
}
