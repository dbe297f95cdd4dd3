//! QA44: a release `--allow-dirty` refused for uncommitted changes on the lines it edits
//! advised `git stash`, and `git stash pop` after the release: the pop then met the release's
//! edit in a conflict. The advice is the commit that gets past the refusal now.

use crate::qa44_allow_dirty_drafts::fix_to_release;
use crate::support::{dated_release, ok, stderr, text};

#[test]
fn the_advice_of_a_refusal_gets_past_it_when_pasted() {
    let repo = fix_to_release();
    let at_head = repo.read("CHANGELOG.md");
    let dirty = at_head.replace("## [Unreleased]\n\n", "## [Unreleased]\n\nSome prose.\n\n");
    repo.write("CHANGELOG.md", &dirty);
    repo.write("notes.txt", "not for the release\n");
    let out = dated_release(&repo, &["--allow-dirty"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stderr(&out);
    assert!(!said.contains("git stash"), "{said}");
    let start = said.find("(`").expect(&said) + 2;
    let advice = &said[start..start + said[start..].find('`').expect(&said)];
    assert!(advice.starts_with("git commit "), "{said}");
    ok(repo.sh(advice));
    ok(dated_release(&repo, &["--allow-dirty"]));
    let stored = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert!(stored.contains("## [0.1.1]"), "{stored}");
    assert_eq!(repo.git(&["status", "--porcelain"]), "?? notes.txt");
}
