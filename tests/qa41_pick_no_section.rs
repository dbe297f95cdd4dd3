//! QA41: `git cherry-pick -e` that rewrote the pick's message to `chore: …` (a type with no
//! changelog section) kept the entry the picked commit brought along, in silence. relhook
//! leaves a pick's entry as it came (a rebase's reword alike), so one line now says it stays,
//! though the message no longer calls for it, and how to take it out.

use crate::support::{Repo, installed_repo, ok, stderr, text};

fn picked_as(repo: &Repo, header: &str) -> std::process::Output {
    repo.git(&["switch", "-q", "-c", "side"]);
    repo.commit_hooked("fix: z");
    repo.git(&["switch", "-q", "main"]);
    repo.commit_hooked("docs: d");
    repo.git_in(
        &repo.path(),
        &["cherry-pick", "-e", "side"],
        &[("GIT_EDITOR", &format!("sed -i '1s/.*/{header}/'"))],
    )
}

#[test]
fn a_pick_made_chore_says_its_entry_stays() {
    let repo = installed_repo();
    let out = picked_as(&repo, "chore: z");
    assert!(out.status.success(), "{}", text(&out));
    let head = repo.git(&["rev-parse", "HEAD"]);
    assert_eq!(repo.head_subject(), "chore: z");
    assert!(
        stderr(&out).contains(&format!(
            "CHANGELOG.md still has `- z` under Fixed, brought by cherry-picked commit {} as the commit it was picked from made it, though the pick's message no longer calls for an entry (relhook leaves a pick's entry as it came); remove it by hand if it should go",
            &head[..9]
        )),
        "{}",
        text(&out)
    );
    assert!(repo.read("CHANGELOG.md").contains("### Fixed\n\n- z\n"));
    assert!(repo.is_clean());
}

/// A pick left as it was (`fix: z` stays `fix: z`) has nothing to say.
#[test]
fn a_pick_left_as_it_was_says_nothing() {
    let repo = installed_repo();
    let out = picked_as(&repo, "fix: z");
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("relhook:"), "{}", text(&out));
    ok(repo.relhook(&["changelog", "--sync"]));
    assert!(repo.is_clean());
}

/// A `chore:` commit that wrote an entry by hand, picked as it is: the entry is the person's.
#[test]
fn a_pick_of_a_chore_with_a_hand_entry_says_nothing() {
    let repo = installed_repo();
    repo.git(&["switch", "-q", "-c", "side"]);
    let log = repo
        .read("CHANGELOG.md")
        .replace("### Added\n", "### Changed\n\n- tidier logs\n\n### Added\n");
    repo.write("CHANGELOG.md", log);
    repo.git(&["commit", "-q", "-a", "-m", "chore: tidy the logs"]);
    repo.git(&["switch", "-q", "main"]);
    repo.commit_hooked("docs: d");
    let out = repo.git_output(&["cherry-pick", "side"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("relhook:"), "{}", text(&out));
}
