//! QA44: `fix: d` amended to `chore: d` while relhook's post-commit did not run (killed, or
//! `RELHOOK_SKIP=1`) left `- d` under Fixed; doctor said all was well, `--sync` said the file
//! was up to date, and the release listed `- d` for a chore. Doctor and `--sync` now say the
//! entry stands for an amended commit whose message calls for no entry, with the hand edit;
//! the entry stays (`--sync` takes out no entry no commit calls for: a person may write one).

use crate::support::{installed_repo, ok, stderr, stdout, text};

#[test]
fn an_entry_amended_to_a_message_calling_for_none_is_said_until_removed() {
    let repo = installed_repo();
    repo.commit_hooked("fix: d");
    ok(repo.git_skipping_relhook(&["commit", "-q", "--amend", "-m", "chore: d"]));
    let short = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    let want = format!(
        "CHANGELOG.md still reads `- d` for amended commit {short}, whose new message calls for no entry (relhook's post-commit did not rewrite the amend: killed, or skipped); remove `- d` by hand if it should go"
    );
    let said = stdout(&repo.relhook(&["doctor"]));
    assert!(said.contains(&want), "{said}");
    assert!(!said.contains("all is well"), "{said}");
    let before = repo.read("CHANGELOG.md");
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(stderr(&out).contains(&want), "{}", text(&out));
    assert_eq!(repo.read("CHANGELOG.md"), before, "{}", text(&out));
    // The hand edit done, nothing more is said.
    repo.write("CHANGELOG.md", before.replace("- d\n", ""));
    ok(repo.git_output(&["commit", "-q", "-am", "docs: drop d"]));
    let said = stdout(&repo.relhook(&["doctor"]));
    assert!(!said.contains("amended commit"), "{said}");
}
