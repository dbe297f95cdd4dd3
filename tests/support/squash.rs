//! The squash fixture the squash tests share: a release, a topic branch, `git merge --squash`.

use super::{Repo, configured_with_a_feature, hand_tag, ok, stderr, stdout};

/// Released as 1.0.0 (a hand tag), then a topic branch of the given commits (each through the
/// hooks), squashed into main's index (`git merge --squash topic`), not committed yet.
pub fn squashed(topic: &[&str]) -> Repo {
    let repo = configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".to_owned());
    ok(hand_tag(&repo, &["-a", "v1.0.0", "-m", "x"]));
    repo.git(&["switch", "-q", "-c", "topic"]);
    for message in topic {
        repo.commit_hooked(message);
    }
    repo.git(&["switch", "-q", "main"]);
    ok(repo.git_output(&["merge", "--squash", "topic"]));
    repo
}

/// Unreleased as HEAD stores it (down to the 1.0.0 section [`squashed`] released).
pub fn unreleased(repo: &Repo) -> String {
    let log = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    let from = log.find("## [Unreleased]").expect("Unreleased");
    let to = log.find("## [1.0.0]").expect("1.0.0");
    log[from..to].to_owned()
}

/// `relhook version --next`.
pub fn next(repo: &Repo) -> String {
    stdout(&ok(repo.relhook(&["version", "--next"])))
        .trim()
        .to_owned()
}

/// `git commit --amend -m message` through the hooks, which leave the tree clean; returns
/// what they said.
pub fn amend(repo: &Repo, message: &str) -> String {
    let out = ok(repo.git_output(&["commit", "--amend", "-q", "-m", message]));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    stderr(&out)
}
