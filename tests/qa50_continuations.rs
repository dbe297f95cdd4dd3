//! QA50: hand-written text continuing an entry. A line starting with inline HTML right below
//! an entry (`<kbd>Ctrl</kbd> now copies`) is more of that entry to Markdown, as any lazy
//! continuation line is, but relhook put the next entry between the two; a block tag
//! (`<details>`) is not, and stays where it is. And such a line stayed behind when relhook
//! took its entry out (a revert's) or moved it (an amend changing the type), to read as the
//! entry above's: it now goes with its entry.

use crate::support::{Repo, installed_repo, ok, stderr, text};

/// Installed, `feat: add export` committed with its entry, then `more` written by hand right
/// below the entry and committed.
fn export_continued_by(more: &str) -> Repo {
    let repo = installed_repo();
    repo.commit_hooked("feat: add export");
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- add export\n"), "{log}");
    repo.write(
        "CHANGELOG.md",
        log.replace("- add export\n", &format!("- add export\n{more}")),
    );
    repo.git(&["commit", "-q", "-am", "docs: say what export does"]);
    repo
}

#[test]
fn a_line_starting_with_inline_html_continues_the_entry_above() {
    let more = "<kbd>Ctrl</kbd> now copies the export\n";
    let repo = export_continued_by(more);
    let before = repo.read("CHANGELOG.md");
    repo.commit_hooked("feat: add import");
    assert_eq!(
        repo.read("CHANGELOG.md"),
        before.replace(
            &format!("- add export\n{more}"),
            &format!("- add export\n{more}- add import\n")
        ),
        "the line stays the export's"
    );
}

#[test]
fn an_html_block_below_the_entry_is_no_continuation() {
    let more = "\n<details>\n\nexport notes\n\n</details>\n";
    let repo = export_continued_by(more);
    repo.commit_hooked("feat: add import");
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains(&format!("- add export\n- add import\n{more}")),
        "{log}"
    );
}

/// Installed (`feat: init`), then `feat: add export` (a file) with the hooks skipped and
/// `feat: add import` through them, the export's entry written by `changelog --sync`, and a
/// line continuing that entry at column 0 written by hand; all committed.
fn synced_export_continued() -> Repo {
    let repo = installed_repo();
    repo.write("export.txt", "export\n");
    repo.git(&["add", "export.txt"]);
    let made = repo.git_skipping_relhook(&["commit", "-q", "-m", "feat: add export"]);
    assert!(made.status.success(), "{}", text(&made));
    repo.commit_hooked("feat: add import");
    ok(repo.relhook(&["changelog", "--sync"]));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- add export\n"), "{log}");
    repo.write(
        "CHANGELOG.md",
        log.replace("- add export\n", "- add export\nto CSV and JSON\n"),
    );
    repo.git(&[
        "commit",
        "-q",
        "-am",
        "docs: sync and say what export writes",
    ]);
    repo
}

#[test]
fn a_reverted_entry_takes_its_continuation_line_with_it() {
    let repo = synced_export_continued();
    let export = repo.git(&["log", "-1", "--format=%H", "--grep=^feat: add export"]);
    let out = repo.git_output(&["revert", "--no-edit", &export]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(!log.contains("add export"), "{log}");
    assert!(!log.contains("to CSV and JSON"), "{log}");
    assert!(log.contains("- init\n- add import\n"), "{log}");
}

#[test]
fn a_reworded_entry_carries_its_continuation_line_where_it_moves() {
    let repo = installed_repo();
    repo.commit_hooked("feat: add merge");
    let log = repo.read("CHANGELOG.md");
    repo.write(
        "CHANGELOG.md",
        log.replace("- add merge\n", "- add merge\nof two files\n"),
    );
    repo.git(&["commit", "-q", "--amend", "-a", "--no-edit"]);
    let out = repo.git_output(&["commit", "-q", "--amend", "-m", "fix: add merge"]);
    assert!(
        stderr(&out).contains("moved `- add merge`"),
        "{}",
        text(&out)
    );
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.ends_with("### Fixed\n\n- add merge\nof two files\n"),
        "{log}"
    );
    assert_eq!(log.matches("of two files").count(), 1, "{log}");
    assert!(log.contains("### Added\n\n- init\n\n"), "{log}");
}
