//! QA51: `git revert` of the commit that added an entry, where git's own line merge of
//! CHANGELOG.md (no merge driver) took the bullet out but kept the paragraph a later commit
//! wrote below it, after a blank line: left, it read as more of the entry above. The revert's
//! post-commit now takes it out too, and only when it is exactly what continued the entry.

use crate::support::{Repo, installed_repo, ok, stderr};

/// Installed without the changelog merge driver (git merges the file line by line), with
/// `fix: zed` and `feat: add export` committed through the hooks, then a paragraph written by
/// hand below the export's entry and committed. Returns the export commit's id.
fn export_with_a_paragraph() -> (Repo, String) {
    let repo = installed_repo();
    std::fs::write(repo.path().join(".git/info/attributes"), "").unwrap();
    repo.commit_hooked("fix: zed");
    repo.commit_hooked("feat: add export");
    let export = repo.git(&["rev-parse", "HEAD"]);
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- add export\n\n### Fixed"), "{log}");
    repo.write(
        "CHANGELOG.md",
        log.replace("- add export\n", "- add export\n\n  more about it\n"),
    );
    repo.git(&["commit", "-q", "-am", "docs: say more about export"]);
    (repo, export)
}

#[test]
fn the_paragraph_left_below_a_reverted_entry_goes_with_it() {
    let (repo, export) = export_with_a_paragraph();
    let before = repo.read("CHANGELOG.md");
    let out = ok(repo.git_output(&["revert", "--no-edit", &export]));
    let log = repo.read("CHANGELOG.md");
    assert_eq!(
        log,
        before.replace("- add export\n\n  more about it\n", ""),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains(
            "took out the text below `- add export` that git's revert left when it took that entry out (it read as more of `- init`)"
        ),
        "{}",
        stderr(&out)
    );
    assert!(repo.git(&["status", "--porcelain"]).is_empty());
}

#[test]
fn a_paragraph_edited_by_hand_in_the_revert_stays() {
    let (repo, export) = export_with_a_paragraph();
    ok(repo.git_output(&["revert", "--no-commit", &export]));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- init\n\n  more about it\n"), "{log}");
    // The person makes the paragraph the entry above's: it is theirs, not left behind.
    let mine = log.replace("  more about it", "  more about init");
    repo.write("CHANGELOG.md", &mine);
    repo.git(&["add", "CHANGELOG.md"]);
    ok(repo.git_output(&["commit", "-q", "--no-edit"]));
    assert_eq!(repo.read("CHANGELOG.md"), mine);
}
