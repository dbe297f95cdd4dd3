//! QA46: entries compared past the marks other tools append (` by @user`, ` in #12`, a
//! hash in parentheses) made two commits that differ only there one entry: `--sync` listed
//! `feat: allow merges by @maintainers` and dropped `… by @owners`, and reverting one of them
//! put its entry back, "as another commit has the same entry". Only git-cliff's own forms
//! (a linked hash, ` - (abc1234)`, `by @user in #12`) are read past now.

use crate::support::{Repo, ok};

#[test]
fn sync_keeps_an_entry_for_each_commit_differing_only_in_a_tool_like_tail() {
    let repo = Repo::new();
    repo.commit("chore: start");
    repo.commit("feat: allow merges by @maintainers");
    repo.commit("feat: allow merges by @owners");
    repo.commit("fix: raise upload limit (10485760)");
    repo.commit("fix: raise upload limit (52428800)");
    repo.commit("fix: crash in #12");
    repo.commit("fix: crash in #13");
    ok(repo.relhook(&["install"]));
    ok(repo.relhook(&["changelog", "--sync"]));
    let log = repo.read("CHANGELOG.md");
    for entry in [
        "- allow merges by @maintainers\n",
        "- allow merges by @owners\n",
        "- raise upload limit (10485760)\n",
        "- raise upload limit (52428800)\n",
        "- crash in #12\n",
        "- crash in #13\n",
    ] {
        assert!(log.contains(entry), "{entry:?} missing:\n{log}");
    }
}

#[test]
fn a_revert_takes_out_its_own_entry_beside_a_look_alike() {
    let repo = Repo::new();
    repo.commit("chore: start");
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: allow merges by @maintainers");
    repo.commit_hooked("feat: allow merges by @owners");
    repo.git(&["revert", "--no-edit", "HEAD"]);
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- allow merges by @maintainers\n"), "{log}");
    assert!(!log.contains("- allow merges by @owners\n"), "{log}");
}
