//! QA38: `git cherry-pick -e` that gave the pick new words (same type) kept the picked entry
//! in the old words without a word. Now one line says which entry the pick carries and what
//! its message calls for. An entry polished by hand on its branch stays the person's: silent.

use crate::support::{Repo, installed_repo, stderr, text};

fn side_with(repo: &Repo, polish: Option<&str>) {
    repo.commit_hooked("feat: add a");
    repo.git(&["switch", "-q", "-c", "side"]);
    repo.commit_hooked("feat: add s1");
    if let Some(to) = polish {
        let log = repo
            .read("CHANGELOG.md")
            .replace("- add s1\n", &format!("- {to}\n"));
        repo.write("CHANGELOG.md", log);
        repo.git(&["commit", "-q", "-a", "--amend", "--no-edit"]);
    }
    repo.git(&["switch", "-q", "main"]);
    repo.commit_hooked("fix: m");
}

#[test]
fn a_pick_given_new_words_says_what_its_entry_still_reads() {
    let repo = installed_repo();
    side_with(&repo, None);
    let out = repo.git_in(
        &repo.path(),
        &["cherry-pick", "-e", "side"],
        &[(
            "GIT_EDITOR",
            "sed -i 's/^feat: add s1$/feat: add s1 backported/'",
        )],
    );
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("lists `- add s1` for cherry-picked commit")
            && said.contains("the pick's message calls for `- add s1 backported`"),
        "{said}"
    );
    assert!(repo.read("CHANGELOG.md").contains("- add s1\n"));
    assert!(repo.is_clean());
}

#[test]
fn a_pick_of_an_entry_polished_by_hand_says_nothing() {
    let repo = installed_repo();
    side_with(&repo, Some("add s1, the first of its kind"));
    let out = repo.git_output(&["cherry-pick", "side"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("relhook:"), "{}", text(&out));
    assert!(
        repo.read("CHANGELOG.md")
            .contains("- add s1, the first of its kind\n")
    );
}
