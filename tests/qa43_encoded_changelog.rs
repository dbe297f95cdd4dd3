//! QA43: CHANGELOG.md under `working-tree-encoding=UTF-16LE-BOM` (gitattributes): git keeps
//! the blob in UTF-8 and the work tree's copy in UTF-16. post-commit put the entry into the
//! commit but not into the copy it could not read, which then showed as modified, and `git
//! commit -a` took the entry out again. relhook makes no such conversion: the changelog is
//! refused everywhere (post-commit adds no entry, in one line; doctor, `--sync`, releases and
//! hand tags) with the fix, and nothing is written.

use crate::support::{Repo, installed_repo, stderr, stdout, text};

const ENCODED: &str = "CHANGELOG.md text working-tree-encoding=UTF-16LE-BOM eol=crlf\n";

fn commit_file(repo: &Repo, name: &str, message: &str) -> String {
    repo.write(name, "x\n");
    repo.git(&["add", name]);
    let out = repo.git_output(&["commit", "-q", "-m", message]);
    assert!(out.status.success(), "{}", text(&out));
    stderr(&out)
}

#[test]
fn a_changelog_git_converts_gets_no_entry_and_loses_none() {
    let repo = installed_repo();
    let blob = repo.git(&["rev-parse", "HEAD:CHANGELOG.md"]);
    repo.write(".gitattributes", ENCODED);
    repo.git(&["add", ".gitattributes"]);
    repo.git(&["commit", "-q", "-m", "chore: keep the changelog in UTF-16"]);
    // The copy any clone gets: converted by git.
    std::fs::remove_file(repo.path().join("CHANGELOG.md")).unwrap();
    repo.git(&["checkout", "--", "CHANGELOG.md"]);
    let said = commit_file(&repo, "b", "fix: second entry");
    assert!(said.contains("no entry added"), "{said}");
    assert!(
        said.contains("working-tree-encoding=UTF-16LE-BOM"),
        "{said}"
    );
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    assert_eq!(repo.git(&["rev-parse", "HEAD:CHANGELOG.md"]), blob);
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(1), "{}", text(&doctor));
    assert!(
        stdout(&doctor).contains("working-tree-encoding"),
        "{}",
        text(&doctor)
    );
    for args in [&["changelog", "--sync"][..], &["release"][..]] {
        let out = repo.relhook(args);
        assert!(!out.status.success(), "{args:?}: {}", text(&out));
        assert!(
            stderr(&out).contains("working-tree-encoding"),
            "{}",
            text(&out)
        );
    }
    assert!(repo.is_clean());
    // The fix as said: the attribute off, the copy back to the blob's bytes, then --sync.
    let said = stderr(&repo.relhook(&["changelog", "--sync"]));
    let copy = said
        .split('`')
        .find(|c| c.starts_with("rm "))
        .unwrap_or_else(|| panic!("{said}"));
    repo.write(".gitattributes", "");
    let out = repo.sh(copy);
    assert!(out.status.success(), "{copy}: {}", text(&out));
    assert!(!repo.read("CHANGELOG.md").starts_with('\u{feff}'));
    let out = repo.relhook(&["changelog", "--sync"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.read("CHANGELOG.md").contains("- second entry"));
}
