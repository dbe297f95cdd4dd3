//! QA49: a line written by hand right below an entry, not indented (`- add export`, then
//! `to CSV and JSON (written by hand)`), is more of that entry to Markdown (a lazy
//! continuation). The next `feat: add import` put `- add import` between the two, so the line
//! read as the import's and would have been released so. Now post-commit, `changelog --sync`
//! and the release put a new entry after such a line, the rest of the file kept as it was.

use crate::support::{Repo, installed_repo, ok, stderr, text};

const EXPORT: &str = "- add export\nto CSV and JSON (written by hand)\n";

/// Installed, `feat: add export` committed with its entry, then the entry continued by hand
/// at column 0 and committed.
fn export_continued_by_hand() -> Repo {
    let repo = installed_repo();
    repo.commit_hooked("feat: add export");
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- add export\n"), "{log}");
    repo.write("CHANGELOG.md", log.replace("- add export\n", EXPORT));
    repo.git(&["commit", "-q", "-am", "docs: say what export writes"]);
    repo
}

#[test]
fn post_commit_adds_the_next_entry_after_the_continued_line() {
    let repo = export_continued_by_hand();
    let before = repo.read("CHANGELOG.md");
    repo.commit_hooked("feat: add import");
    let log = repo.read("CHANGELOG.md");
    assert_eq!(
        log,
        before.replace(EXPORT, &format!("{EXPORT}- add import\n")),
        "the line stays the export's"
    );
    // An indented continuation was kept with its entry already; it still is.
    repo.write(
        "CHANGELOG.md",
        log.replace("- add import\n", "- add import\n  from CSV\n"),
    );
    repo.git(&["commit", "-q", "-am", "docs: say what import reads"]);
    repo.commit_hooked("feat: add merge");
    assert!(
        repo.read("CHANGELOG.md")
            .contains(&format!("{EXPORT}- add import\n  from CSV\n- add merge\n")),
        "{}",
        repo.read("CHANGELOG.md")
    );
}

#[test]
fn sync_and_the_release_keep_the_line_with_its_entry() {
    let repo = export_continued_by_hand();
    let made =
        repo.git_skipping_relhook(&["commit", "-q", "--allow-empty", "-m", "feat: add import"]);
    assert!(made.status.success(), "{}", text(&made));
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(stderr(&out).contains("`- add import`"), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains(&format!("{EXPORT}- add import\n")), "{log}");
    repo.git(&["commit", "-q", "-am", "docs: sync the changelog"]);
    ok(repo.relhook(&["release", "--no-test"]));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains(&format!("{EXPORT}- add import\n")), "{log}");
    let notes = repo.git(&["tag", "-l", "--format=%(contents)", "v0.1.0"]);
    assert!(notes.contains(&format!("{EXPORT}- add import")), "{notes}");
}
