//! QA41: two unreleased commits of the same words (`fix: handle empty input`, touching
//! different files) share one entry in Unreleased. A `git revert` of one of them took that
//! entry out (post-commit removed it, or git's revert of the file did and nothing put it
//! back), though the other commit's change is still unreleased: `--rebuild` still listed it,
//! and `--sync` called the file up to date. The entry now stays, said in one line.

use crate::support::{Repo, installed_repo, ok, stderr, text};

/// `fix: handle empty input` twice, unreleased; the two ids, older first.
fn twice_worded() -> (Repo, String, String) {
    let repo = installed_repo();
    let mut ids = Vec::new();
    for file in ["a.txt", "b.txt"] {
        repo.write(file, "x\n");
        repo.git(&["add", file]);
        repo.commit_hooked("fix: handle empty input");
        ids.push(repo.git(&["rev-parse", "HEAD"]));
    }
    let newer = ids.pop().unwrap();
    (repo, ids.pop().unwrap(), newer)
}

fn unreleased(repo: &Repo) -> String {
    let log = repo.read("CHANGELOG.md");
    log[log.find("## [Unreleased]").unwrap()..].to_owned()
}

/// The entry and the file as `--sync` and `--rebuild` see them: nothing to add or take out.
fn agrees_with_history(repo: &Repo) {
    assert!(repo.is_clean());
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(stderr(&out).contains("up to date"), "{}", text(&out));
    let out = ok(repo.relhook(&["changelog", "--rebuild", "--stdout"]));
    assert_eq!(
        crate::support::stdout(&out).trim_end(),
        repo.read("CHANGELOG.md").trim_end()
    );
}

/// `git revert --no-edit <target>` goes through, saying `said`, and the shared entry stays.
fn revert_keeps_the_entry(repo: &crate::support::Repo, target: &str, said: &str) {
    let out = repo.git_output(&["revert", "--no-edit", target]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains(said), "{}", text(&out));
    assert!(
        unreleased(repo).contains("### Fixed\n\n- handle empty input\n"),
        "{}",
        unreleased(repo)
    );
    agrees_with_history(repo);
}

#[test]
fn a_revert_of_the_later_one_keeps_the_entry_and_says_why() {
    let (repo, older, _) = twice_worded();
    revert_keeps_the_entry(
        &repo,
        "HEAD",
        &format!(
            "CHANGELOG.md: kept `- handle empty input` under Fixed: another unreleased commit ({}) has the same entry",
            &older[..9]
        ),
    );
}

#[test]
fn a_revert_of_the_earlier_one_puts_back_what_git_took_out() {
    let (repo, _, newer) = twice_worded();
    revert_keeps_the_entry(
        &repo,
        "HEAD~1",
        &format!(
            "CHANGELOG.md: put back `- handle empty input` under Fixed, which git's revert took out: another unreleased commit ({}) has the same entry",
            &newer[..9]
        ),
    );
}

#[test]
fn reverting_both_takes_the_entry_out() {
    let (repo, _, _) = twice_worded();
    repo.git(&["revert", "--no-edit", "HEAD"]);
    let out = repo.git_output(&["revert", "--no-edit", "HEAD~2"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        !unreleased(&repo).contains("handle empty input"),
        "{}\n{}",
        unreleased(&repo),
        text(&out)
    );
    agrees_with_history(&repo);
}

/// `--sync` over the same history made with hooks off: the entry is listed once.
#[test]
fn sync_lists_the_standing_one_after_a_revert_made_without_hooks() {
    let (repo, _, _) = twice_worded();
    let out = repo.git_skipping_relhook(&["revert", "--no-edit", "HEAD~1"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!unreleased(&repo).contains("handle empty input"));
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(
        unreleased(&repo).contains("### Fixed\n\n- handle empty input\n"),
        "{}\n{}",
        unreleased(&repo),
        text(&out)
    );
}
