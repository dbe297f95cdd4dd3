//! QA37, on semantic-release's history: `version --explain` said a revert of a released merge
//! (`git revert -m 1`) had no changelog entry, and then that Unreleased had an entry no
//! commit made, though post-commit and `--sync` give that revert the branch's entry.

use crate::support::{dated_release, ok, stdout, text, untested_installed};

#[test]
fn the_revert_of_a_released_merge_owns_its_entry() {
    let repo = untested_installed();
    repo.commit_hooked("feat: base");
    repo.git(&["checkout", "-q", "-b", "feature"]);
    repo.commit_hooked("feat: on branch");
    repo.git(&["checkout", "-q", "main"]);
    ok(repo.git_output(&["merge", "-q", "--no-ff", "--no-edit", "feature"]));
    ok(dated_release(&repo, &["--no-test"]));
    let merge = repo.git(&["rev-parse", "HEAD~1"]);
    ok(repo.git_output(&["revert", "-m", "1", "--no-edit", &merge]));
    assert!(
        repo.read("CHANGELOG.md").contains("revert"),
        "{}",
        repo.read("CHANGELOG.md")
    );
    let out = ok(repo.relhook(&["version", "--next", "--explain"]));
    let said = text(&out);
    assert!(!said.contains("no changelog entry"), "{said}");
    assert!(!said.contains("no commit since"), "{said}");
    let json = stdout(&ok(repo.relhook(&[
        "version",
        "--next",
        "--explain",
        "--format",
        "json",
    ])));
    assert!(
        json.contains("\"in_changelog\": true") || json.contains("\"in_changelog\":true"),
        "{json}"
    );
}
