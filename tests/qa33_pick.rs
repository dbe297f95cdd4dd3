//! QA33: `git cherry-pick` of a commit made past relhook's post-commit (no entry in it)
//! added none and said nothing, where a `git revert` sequence says `--sync`.

use crate::support::{installed_repo, stderr, text};

#[test]
fn a_pick_of_a_commit_without_its_entry_says_sync() {
    let repo = installed_repo();
    repo.commit_hooked("feat: one");
    repo.git(&["switch", "-q", "-c", "nohook"]);
    repo.write("x.txt", "x\n");
    repo.git(&["add", "x.txt"]);
    let out = repo.git_skipping_relhook(&["commit", "-q", "-m", "feat: made without hooks"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.write("y.txt", "y\n");
    repo.git(&["add", "y.txt"]);
    repo.commit_hooked("feat: made with hooks");
    repo.git(&["switch", "-q", "-"]);

    let out = repo.git_output(&["cherry-pick", "nohook~1"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("cherry-picked from a commit that carries no changelog entry")
            && said.contains("`relhook changelog --sync` adds `- made without hooks`"),
        "{said}"
    );
    // A pick that brings its entry says nothing.
    let out = repo.git_output(&["cherry-pick", "nohook"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("relhook"), "{}", text(&out));
    assert!(repo.read("CHANGELOG.md").contains("- made with hooks"));
    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.read("CHANGELOG.md").contains("- made without hooks"));
}
