//! QA46: with `[commit] types = ["feat", "fix"]`, the advised changelog commit was
//! `feat(changelog): sync with history`: pasted, it added an entry of its own and called for a
//! minor release. A type that adds an entry or bumps the version is never advised now.

use crate::support::{Repo, ok, text};

#[test]
fn the_advised_changelog_commit_is_never_a_feat_or_a_fix() {
    let repo = Repo::new();
    repo.commit("chore: start");
    ok(repo.relhook(&["install"]));
    repo.write(".relconfig.toml", "[commit]\ntypes = [\"feat\", \"fix\"]\n");
    repo.git(&["add", ".relconfig.toml"]);
    repo.git_skipping_relhook(&["commit", "-q", "--no-verify", "-m", "chore: settings"]);
    repo.write("a.txt", "1\n");
    repo.git(&["add", "a.txt"]);
    repo.git_skipping_relhook(&["commit", "-q", "-m", "fix: one"]);
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    let said = text(&out);
    // No type here adds nothing: the header is given as meant (the hook names the rule).
    assert!(
        said.contains("docs(changelog): sync with history"),
        "{said}"
    );
    assert!(!said.contains("feat(") && !said.contains("\"fix"), "{said}");
}
