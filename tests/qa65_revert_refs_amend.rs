//! QA65: a `revert:` commit that named nothing it reverts got its own entry (`- never speak of
//! it` under Removed); `git commit --amend` adding a `Refs: <id>` footer that names an
//! unreleased fix took the fix's entry out but left the revert's own one in Unreleased,
//! though the same message committed at once gets no entry. The amend now takes out the
//! entry the amended commit brought, and nothing a person wrote.

use crate::support::{Repo, installed_repo, stderr, text};

fn unreleased(repo: &Repo) -> String {
    let log = repo.read("CHANGELOG.md");
    log[log.find("## [Unreleased]").unwrap()..].to_owned()
}

/// `fix: handle a` and `feat: add b` unreleased, then `revert: never speak of it`, which
/// takes `a` out and adds `c` (no exact inverse of the fix, so nothing tells what it
/// reverts): its own entry goes in. The fix's id is returned.
fn unnamed_revert() -> (Repo, String) {
    let repo = installed_repo();
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    repo.git(&["commit", "-q", "-m", "fix: handle a"]);
    let fix = repo.git(&["rev-parse", "HEAD"]);
    repo.commit_hooked("feat: add b");
    repo.git(&["rm", "-q", "a.txt"]);
    repo.write("c.txt", "c\n");
    repo.git(&["add", "c.txt"]);
    repo.git(&["commit", "-q", "-m", "revert: never speak of it"]);
    let un = unreleased(&repo);
    assert!(
        un.contains("### Removed\n\n- never speak of it\n") && un.contains("- handle a\n"),
        "{un}"
    );
    (repo, fix.trim().to_owned())
}

#[test]
fn an_amend_naming_the_reverted_fix_takes_the_revert_s_own_entry_out_too() {
    let (repo, fix) = unnamed_revert();
    let refs = format!("Refs: {fix}");
    let out = repo.git_output(&[
        "commit",
        "-q",
        "--amend",
        "-m",
        "revert: never speak of it",
        "-m",
        &refs,
    ]);
    assert!(out.status.success(), "{}", text(&out));
    let un = unreleased(&repo);
    assert!(!un.contains("handle a"), "{un}");
    assert!(!un.contains("never speak of it"), "{un}");
    assert!(!un.contains("### Removed"), "{un}");
    assert!(un.contains("- add b\n"), "{un}");
    assert!(
        stderr(&out).contains("removed `- never speak of it`"),
        "{}",
        text(&out)
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}

/// The revert's entry reworded by hand in the same amend is the person's: it stays.
#[test]
fn an_entry_reworded_by_hand_stays() {
    let (repo, fix) = unnamed_revert();
    let log = repo
        .read("CHANGELOG.md")
        .replace("- never speak of it\n", "- never speak of it, by hand\n");
    repo.write("CHANGELOG.md", log);
    let refs = format!("Refs: {fix}");
    let out = repo.git_output(&[
        "commit",
        "-q",
        "-a",
        "--amend",
        "-m",
        "revert: never speak of it",
        "-m",
        &refs,
    ]);
    assert!(out.status.success(), "{}", text(&out));
    let un = unreleased(&repo);
    assert!(!un.contains("handle a"), "{un}");
    assert!(un.contains("- never speak of it, by hand\n"), "{un}");
}
