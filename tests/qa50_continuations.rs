//! QA50: hand-written text continuing an entry. A line starting with inline HTML right below
//! an entry (`<kbd>Ctrl</kbd> now copies`) is more of that entry to Markdown, as any lazy
//! continuation line is, but relhook put the next entry between the two; a block tag
//! (`<details>`) is not, and stays where it is.

use crate::support::{Repo, installed_repo};

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
