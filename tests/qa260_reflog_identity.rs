//! QA260: the reflog entries relhook wrote when it moved a ref (post-commit's amend, a hand
//! tag's release commit) named libgit2's guess, `unknown <unknown>` with no `user.name`, or
//! `user.name` over `GIT_COMMITTER_NAME`, at the clock's time over `GIT_COMMITTER_DATE`. They
//! name whom and when git's own entries beside them name now.

use crate::support::hand_tag_cost::{hand_tag_counted, released_with_fixes};
use crate::support::{Repo, untested_installed};

/// The identity and time of each line of the reflog `name` (`HEAD`, `refs/heads/main`), with
/// its message.
fn reflog(repo: &Repo, name: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(repo.path().join(".git/logs").join(name)).unwrap();
    text.lines()
        .map(|l| {
            let (head, message) = l.split_once('\t').unwrap();
            // `<old> <new> <ident>`: the ident is what follows the two ids.
            (head[82..].to_owned(), message.to_owned())
        })
        .collect()
}

/// What git's own entries in these tests say: the harness's committer and date.
const GIT_SAYS: &str = "Test Committer <committer@example.com> 1767268800 +0000";

#[test]
fn post_commits_amend_is_logged_as_the_committer_the_environment_names() {
    let repo = untested_installed();
    repo.git(&["config", "user.name", "Config User"]);
    repo.git(&["config", "user.email", "config@example.com"]);
    repo.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n");
    repo.git(&["add", "CHANGELOG.md"]);
    repo.commit_hooked("docs: start a changelog");
    repo.commit_hooked("feat: first");
    for name in ["HEAD", "refs/heads/main"] {
        let log = reflog(&repo, name);
        let (ident, message) = log.last().unwrap();
        assert!(message.starts_with("relhook: "), "{log:?}");
        for (ident, message) in &log {
            assert_eq!(ident, GIT_SAYS, "{name}: {message}");
        }
        assert_eq!(ident, GIT_SAYS);
    }
}

#[test]
fn a_hand_tags_release_commit_is_logged_as_git_logs_the_tag() {
    let repo = released_with_fixes(&[]);
    hand_tag_counted(&repo, &[]);
    for name in ["HEAD", "refs/heads/main"] {
        let log = reflog(&repo, name);
        assert!(
            log.iter().any(|(_, m)| m.contains("0.2.0")),
            "{name} logs the release commit: {log:?}"
        );
        for (ident, message) in &log {
            assert_eq!(ident, GIT_SAYS, "{name}: {message}");
        }
    }
}

#[test]
fn with_no_committer_in_the_environment_the_configured_user_is_logged() {
    let repo = untested_installed();
    repo.git(&["config", "user.name", "Config User"]);
    repo.git(&["config", "user.email", "config@example.com"]);
    repo.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n");
    repo.git(&["add", "CHANGELOG.md"]);
    repo.commit_hooked("docs: start a changelog");
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    let out = repo
        .command_in("git", &repo.path())
        .env_remove("GIT_COMMITTER_NAME")
        .env_remove("GIT_COMMITTER_EMAIL")
        .args(["commit", "-q", "-m", "feat: a"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", crate::support::text(&out));
    let log = reflog(&repo, "HEAD");
    let (git, relhook) = (&log[log.len() - 2], &log[log.len() - 1]);
    assert!(relhook.1.starts_with("relhook: "), "{log:?}");
    assert_eq!(
        git.0, "Config User <config@example.com> 1767268800 +0000",
        "{log:?}"
    );
    assert_eq!(relhook.0, git.0, "{log:?}");
}
