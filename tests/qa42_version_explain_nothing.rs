//! QA42: `relhook version --explain` after commits that call for no entry (commitizen's
//! history: only `build:` and `docs:` since its tag) failed with exit 1 instead of answering
//! with the current version and why no next one follows; `--next` still refuses.

use crate::support::{Repo, ok, stdout, text};

#[test]
fn explain_answers_when_no_commit_calls_for_an_entry() {
    let repo = Repo::new();
    repo.write(
        "CHANGELOG.md",
        "## v1.0.0 (2024-01-01)\n\n### Feat\n\n- x\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat: x"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    ok(repo.relhook(&["install"]));
    repo.git(&["commit", "-q", "--allow-empty", "-m", "build: b"]);
    repo.git(&["commit", "-q", "--allow-empty", "-m", "docs: d"]);
    let out = ok(repo.relhook(&["version", "--explain"]));
    let said = stdout(&out);
    assert!(
        said.starts_with("1.0.0\ncurrent: 1.0.0 (from release tag v1.0.0)\nnext: none yet: none of the 2 commits since v1.0.0"),
        "{}",
        text(&out)
    );
    let json = ok(repo.relhook(&["version", "--format", "json"]));
    assert!(stdout(&json).contains("\"next\": null"), "{}", text(&json));
    let next = repo.relhook(&["version", "--next"]);
    assert_eq!(next.status.code(), Some(1), "{}", text(&next));
}
