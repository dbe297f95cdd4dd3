//! QA168: after `v1.3.0-beta.1` (a feature and `fix: typo in docs`), a new commit
//! `fix: typo in docs` made `1.3.0-rc.1` list only `- typo in docs`, every entry of it already
//! listed by the beta: the final 1.3.0 took rc.1 for a promotion of the beta and said nothing of
//! carrying the new commit's entry once. A promotion lists all its version's pre-releases
//! listed and nothing else; rc.1 made of new commits alike in words is none, and its entry
//! carried once is said, through `relhook release` and through a hand tag alike. When the new
//! commits' entries are alike to all the beta listed, history tells: rc.1 was released from
//! entries under Unreleased, as no promotion is.

use crate::support::{dated_release, hand_tag, ok, stderr, text, untested_installed};

const TYPO: &str = "- typo in docs";
const ONE: &str = "- **api:** one";

/// Released as 1.2.0, then `v1.3.0-beta.1` of a feature and a typo fix, then a second
/// `fix: typo in docs` commit.
fn alike_after_beta() -> crate::support::Repo {
    let repo = untested_installed();
    repo.commit_hooked("fix: zero");
    ok(dated_release(&repo, &["1.2.0"]));
    repo.commit_hooked("feat(api): one");
    repo.commit_hooked("fix: typo in docs");
    ok(dated_release(&repo, &["--pre", "beta"]));
    repo.commit_hooked("fix: typo in docs");
    repo
}

/// The lines of `log`'s section of `version`, up to the next section.
fn section(log: &str, version: &str) -> String {
    let head = format!("## [{version}]");
    let rest = &log[log.find(&head).unwrap_or_else(|| panic!("{head}: {log}"))..];
    let end = rest[1..].find("\n## ").map_or(rest.len(), |e| e + 1);
    rest[..end].to_owned()
}

/// What rc.1 and 1.3.0 say once each is tagged, `out` the final release's output.
fn check(repo: &crate::support::Repo, out: &std::process::Output) {
    assert!(out.status.success(), "{}", text(out));
    let log = repo.read("CHANGELOG.md");
    // rc.1 ships the new commit's entry, and nothing it did not make.
    let rc = section(&log, "1.3.0-rc.1");
    assert_eq!(rc.matches(TYPO).count(), 1, "{log}");
    assert!(!rc.contains(ONE), "{log}");
    let notes = repo.relhook(&["notes", "v1.3.0-rc.1"]);
    assert!(notes.status.success(), "{}", text(&notes));
    let notes = String::from_utf8_lossy(&notes.stdout);
    assert!(notes.contains(TYPO) && !notes.contains(ONE), "{notes}");
    // 1.3.0 carries each entry once, and says which it carries once though listed twice.
    let stable = section(&log, "1.3.0");
    assert_eq!(stable.matches(TYPO).count(), 1, "{log}");
    assert_eq!(stable.matches(ONE).count(), 1, "{log}");
    let err = stderr(out);
    let said: Vec<&str> = err.lines().filter(|l| l.contains("carries once")).collect();
    assert_eq!(
        said,
        [&*format!(
            "relhook: note: CHANGELOG.md: 1.3.0 carries once `{TYPO}`, which its pre-releases \
             or Unreleased list more than once in the same words, naming the same commit or none"
        )],
        "{}",
        text(out)
    );
    assert!(repo.is_clean());
}

#[test]
fn a_release_candidate_of_new_commits_alike_in_words_is_no_promotion() {
    let repo = alike_after_beta();
    ok(dated_release(&repo, &["--pre", "rc"]));
    let out = dated_release(&repo, &[]);
    check(&repo, &out);
}

#[test]
fn hand_tags_say_the_same() {
    let repo = alike_after_beta();
    let out = hand_tag(&repo, &["-a", "v1.3.0-rc.1", "-m", "v1.3.0-rc.1"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = hand_tag(&repo, &["-a", "v1.3.0", "-m", "v1.3.0"]);
    check(&repo, &out);
}

/// Released as 1.2.0, then `v1.2.1-beta.1` of `fix: typo in docs`, then that fix again.
fn all_alike_after_beta() -> crate::support::Repo {
    let repo = untested_installed();
    repo.commit_hooked("fix: zero");
    ok(dated_release(&repo, &["1.2.0"]));
    repo.commit_hooked("fix: typo in docs");
    ok(dated_release(&repo, &["--pre", "beta"]));
    repo.commit_hooked("fix: typo in docs");
    repo
}

/// What 1.2.1 says of `- typo in docs`, `out` its release's output.
fn check_all_alike(repo: &crate::support::Repo, out: &std::process::Output) {
    assert!(out.status.success(), "{}", text(out));
    let log = repo.read("CHANGELOG.md");
    assert_eq!(
        section(&log, "1.2.1-rc.1").matches(TYPO).count(),
        1,
        "{log}"
    );
    assert_eq!(section(&log, "1.2.1").matches(TYPO).count(), 1, "{log}");
    let err = stderr(out);
    assert!(
        err.contains(&format!("1.2.1 carries once `{TYPO}`")),
        "{}",
        text(out)
    );
}

#[test]
fn new_commits_alike_to_all_the_beta_listed_are_no_promotion_either() {
    let repo = all_alike_after_beta();
    ok(dated_release(&repo, &["--pre", "rc"]));
    let out = dated_release(&repo, &[]);
    check_all_alike(&repo, &out);
}

#[test]
fn hand_tags_over_new_commits_alike_to_all_the_beta_listed_say_the_same() {
    let repo = all_alike_after_beta();
    let out = hand_tag(&repo, &["-a", "v1.2.1-rc.1", "-m", "v1.2.1-rc.1"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = hand_tag(&repo, &["-a", "v1.2.1", "-m", "v1.2.1"]);
    check_all_alike(&repo, &out);
}
