//! QA43: a `fix:` commit whose description is git's revert text (`fix: Revert "fix(ui):
//! handle a"`, with `This reverts commit <id>.`) kept the raw text in its entry (`- Revert
//! "fix(ui): handle a"`), where the other forms of a revert read `**ui:** revert "handle a"`.
//! It is worded as they are, by post-commit and by sync and rebuild alike, and judged as a
//! revert where they are: the revert of an unreleased change takes its entry out with it.

use crate::support::{Repo, installed_repo, ok, stdout, text};

/// A released `fix(ui): handle a`; returns its id.
fn released_fix() -> (Repo, String) {
    let repo = installed_repo();
    ok(repo.relhook(&["release", "--no-test"]));
    repo.commit_hooked("fix(ui): handle a");
    let id = repo.git(&["rev-parse", "HEAD"]);
    ok(repo.relhook(&["release", "--no-test"]));
    (repo, id)
}

fn revert_args<'a>(header: &'a str, body: &'a str) -> [&'a str; 7] {
    ["commit", "-q", "--allow-empty", "-m", header, "-m", body]
}

const HEADER: &str = "fix: Revert \"fix(ui): handle a\"";
const WORDED: &str = "## [Unreleased]\n\n### Fixed\n\n- **ui:** revert \"handle a\"\n";

#[test]
fn post_commit_words_it_as_the_other_reverts() {
    let (repo, id) = released_fix();
    let body = format!("This reverts commit {id}.");
    repo.git(&revert_args(HEADER, &body));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains(WORDED), "{log}");
    let out = ok(repo.relhook(&["changelog", "--rebuild", "--stdout"]));
    assert!(stdout(&out).contains(WORDED), "{}", text(&out));
}

#[test]
fn sync_words_it_as_the_other_reverts() {
    let (repo, id) = released_fix();
    let body = format!("This reverts commit {id}.");
    ok(repo.git_skipping_relhook(&revert_args(HEADER, &body)));
    assert!(!repo.read("CHANGELOG.md").contains("handle a\"\n"));
    ok(repo.relhook(&["changelog"]));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains(WORDED), "{log}");
}

/// The revert of an unreleased change, in git's form and in this one, leaves the same
/// changelog and the same next version.
#[test]
fn it_cancels_an_unreleased_change_as_git_s_revert_does() {
    let mut seen = Vec::new();
    for header in ["fix: Revert \"feat: b\"", "Revert \"feat: b\""] {
        let (repo, _) = released_fix();
        repo.commit_hooked("feat: b");
        let id = repo.git(&["rev-parse", "HEAD"]);
        let body = format!("This reverts commit {id}.");
        repo.git(&revert_args(header, &body));
        let log = repo.read("CHANGELOG.md");
        assert!(
            !log.contains("- b\n") && !log.contains("\"b\""),
            "{header}: {log}"
        );
        let next = repo.relhook(&["version", "--next"]);
        seen.push((log, next.status.code(), stdout(&next)));
    }
    assert_eq!(seen[0], seen[1]);
}
