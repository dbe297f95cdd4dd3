//! QA43: a Shift_JIS message (`i18n.commitEncoding=Shift_JIS`), refused by commit-msg with
//! the advice "or commit with `--no-verify`", was committed so and post-commit wrote a
//! garbled entry into CHANGELOG.md; pre-push then refused the commit. The advice leaves
//! `--no-verify` out, post-commit adds no entry for a message it cannot read (one line, with
//! the reword that works), and the reword followed literally gets the entry.

use crate::support::{installed_repo, stderr, text};

/// `feat(表示): 日本語` in Shift_JIS.
const SHIFT_JIS: &[u8] = &[
    102, 101, 97, 116, 40, 149, 92, 142, 166, 41, 58, 32, 147, 250, 150, 123, 140, 234, 10,
];

#[test]
fn a_message_relhook_cannot_read_gets_no_entry_and_a_reword_that_works() {
    let repo = installed_repo();
    repo.git(&["config", "i18n.commitEncoding", "Shift_JIS"]);
    let before = repo.read("CHANGELOG.md");
    let file = repo.scratch("message").join("msg");
    std::fs::write(&file, SHIFT_JIS).unwrap();
    repo.write("a", "a\n");
    repo.git(&["add", "a"]);
    let msg = file.to_str().unwrap();
    let out = repo.git_output(&["commit", "-q", "-F", msg]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains("Shift_JIS"), "{}", text(&out));
    assert!(
        !stderr(&out).contains("or commit with `--no-verify`"),
        "{}",
        text(&out)
    );
    let out = repo.git_output(&["commit", "-q", "--no-verify", "-F", msg]);
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(said.contains("no entry added"), "{said}");
    assert_eq!(said.lines().count(), 1, "{said}");
    assert_eq!(repo.read("CHANGELOG.md"), before);
    assert!(repo.is_clean());
    // Nor from history: `--sync` makes no entry of it, and doctor does not send there.
    let sync = repo.relhook(&["changelog", "--sync"]);
    assert!(sync.status.success(), "{}", text(&sync));
    assert_eq!(repo.read("CHANGELOG.md"), before, "{}", text(&sync));
    let doctor = crate::support::stdout(&repo.relhook(&["doctor"]));
    assert!(
        !doctor.contains("fix: relhook changelog --sync"),
        "{doctor}"
    );
    // The reword as said.
    repo.git(&["config", "i18n.commitEncoding", "UTF-8"]);
    let out = repo.git_in(
        &repo.path(),
        &["commit", "-q", "--amend"],
        &[("GIT_EDITOR", "true")],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.read("CHANGELOG.md").contains("- **表示:** 日本語"));
    assert!(repo.is_clean());
}
