//! QA50: a `fix:` commit whose entry was polished by hand and amended in, then amended to
//! `chore:` and back to `fix:`, got a second, generated entry beside the hand one, with a
//! message about a "squashed branch deleted". The entry the commit itself writes stands for
//! it (README), whatever the amends between: one entry, the hand-polished one.

use crate::support::{installed_repo, ok, stderr, stdout, text};

#[test]
fn an_amend_back_to_fix_keeps_the_hand_entry_alone() {
    let repo = installed_repo();
    repo.commit_hooked("fix: crash on empty input");
    let log = repo.read("CHANGELOG.md").replace(
        "- crash on empty input\n",
        "- crash on empty input (polished by hand)\n",
    );
    repo.write("CHANGELOG.md", log);
    ok(repo.git_output(&["commit", "-q", "-a", "--amend", "--no-edit"]));
    ok(repo.git_output(&[
        "commit",
        "-q",
        "--amend",
        "-m",
        "chore: crash on empty input",
    ]));
    let out = ok(repo.git_output(&["commit", "-q", "--amend", "-m", "fix: crash on empty input"]));
    let said = stderr(&out);
    assert!(!said.contains("squashed branch"), "{}", text(&out));
    assert!(
        said.contains("this commit writes its own entry (`- crash on empty input (polished by hand)` under Fixed), which stands for `- crash on empty input`"),
        "{said}"
    );
    let log = repo.read("CHANGELOG.md");
    assert_eq!(log.matches("- crash on empty input").count(), 1, "{log}");
    assert!(
        log.contains("- crash on empty input (polished by hand)\n"),
        "{log}"
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    let out = ok(repo.relhook(&["changelog", "--sync", "--stdout"]));
    assert_eq!(stdout(&out), log, "--sync agrees");
}
