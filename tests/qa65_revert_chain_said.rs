//! QA65: a released fix reverted, reapplied, the reapply reverted, then that revert reverted
//! (`Reapply "Reapply "fix: the crash""`): the fourth link rightly got no entry, but
//! post-commit said nothing, where the first three links each say why in one line. Since QA71
//! it is judged as the second link is (each `Reapply` brings back what it quotes), and says
//! the second link's line.

use crate::support::{Repo, ok, stderr, text, untested_installed};

/// `fix: the crash` (released as 0.1.0 when `released`), then `git revert` of it and of
/// each revert in turn, three times: the chain's third link is HEAD.
fn three_links(released: bool) -> Repo {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    if !released {
        ok(repo.relhook(&["release", "0.1.0"]));
    }
    repo.commit_hooked("fix: the crash");
    if released {
        ok(repo.relhook(&["release", "0.1.1"]));
        ok(repo.git_output(&["revert", "--no-edit", "HEAD~1"]));
    } else {
        ok(repo.git_output(&["revert", "--no-edit", "HEAD"]));
    }
    ok(repo.git_output(&["revert", "--no-edit", "HEAD"]));
    ok(repo.git_output(&["revert", "--no-edit", "HEAD"]));
    repo
}

/// The fourth link: the one `relhook:` line post-commit said.
fn fourth_link(repo: &Repo) -> String {
    let out = ok(repo.git_output(&["revert", "--no-edit", "HEAD"]));
    assert_eq!(
        repo.head_subject(),
        "Reapply \"Reapply \"fix: the crash\"\""
    );
    let err = stderr(&out);
    let said: Vec<&str> = err.lines().filter(|l| l.starts_with("relhook:")).collect();
    assert_eq!(said.len(), 1, "{}", text(&out));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    said[0].to_owned()
}

fn unreleased(repo: &Repo) -> String {
    let log = repo.read("CHANGELOG.md");
    log.split("\n## [0").next().unwrap().to_owned()
}

#[test]
fn the_fourth_link_of_a_released_fix_s_revert_chain_says_why_it_gets_no_entry() {
    let repo = three_links(true);
    let line = fourth_link(&repo);
    assert_eq!(
        line,
        "relhook: no entry added: this commit reverts `- revert \"the crash\"`, which no release has, and git's revert took that entry out of CHANGELOG.md, so neither ships"
    );
    let un = unreleased(&repo);
    assert!(!un.contains("the crash"), "{un}");
}

#[test]
fn the_fourth_link_of_an_unreleased_fix_s_chain_says_its_entry_is_back() {
    let repo = three_links(false);
    let line = fourth_link(&repo);
    assert_eq!(
        line,
        "relhook: no entry added to CHANGELOG.md: this commit reapplies the change its unreleased revert took out, and `- the crash` is back in Unreleased with it"
    );
    let un = unreleased(&repo);
    assert!(un.contains("- the crash\n"), "{un}");
}
