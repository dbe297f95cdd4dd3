//! QA315: `git revert` of an unreleased change whose entry a later commit took out of
//! Unreleased by hand said the file lists the entry "only reworded": it lists it not at all.
//! The line now says what is true whether the entry was reworded past pairing or taken out.

use crate::support::{installed_repo, stderr, text};

#[test]
fn a_revert_of_a_change_whose_entry_was_taken_out_does_not_call_it_reworded() {
    let repo = installed_repo();
    repo.commit_hooked("feat: add search");
    let id = repo.git(&["rev-parse", "HEAD"]);
    repo.commit_hooked("fix: other fix");
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- add search\n"), "{log}");
    repo.write("CHANGELOG.md", log.replace("- add search\n", ""));
    crate::support::ok(repo.git_output(&[
        "commit",
        "-q",
        "-a",
        "-m",
        "docs: drop the search entry",
    ]));
    let before = repo.read("CHANGELOG.md");
    let out = repo.git_output(&["revert", "--no-edit", &id]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.read("CHANGELOG.md"), before);
    let err = stderr(&out);
    let said: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("takes `- add search` out"))
        .collect();
    assert_eq!(said.len(), 1, "{err}");
    assert!(!said[0].contains("only reworded"), "{err}");
    assert!(said[0].contains("no longer lists it as written"), "{err}");
}
