//! QA38 (vuejs/core): a feature reverted before a pre-release still decided the next version
//! once the pre-release was tagged. `feat: c` and its revert, both before `v1.0.1-rc.1`, made
//! `version --next` 1.1.0 (1.0.1 before the tag), `release` said "v1.1.0 leaves the 1.0.1-rc
//! line" and a hand `v1.0.1` warned that the commits call for 1.1.0: a change and its revert
//! cancelled out only when both came after the latest tag. They cancel out since the last
//! stable release now; a feature a pre-release shipped and a revert took out since decides no
//! level either, and the stable release finishes the line it started.

use crate::support::{Repo, dated_release, hand_tag, ok, stderr, stdout, text, untested_installed};

/// `v1.0.0` of `fix: first`, then `fix: b`.
fn released_with_a_fix() -> Repo {
    let repo = untested_installed();
    repo.commit_hooked("fix: first");
    ok(hand_tag(&repo, &["-a", "v1.0.0", "-m", "v1.0.0"]));
    repo.commit_hooked("fix: b");
    repo
}

fn revert_head(repo: &Repo) {
    repo.git(&["revert", "--no-edit", "HEAD"]);
}

fn next(repo: &Repo, args: &[&str]) -> String {
    let mut all = vec!["version", "--next"];
    all.extend(args);
    stdout(&ok(repo.relhook(&all))).trim().to_owned()
}

#[test]
fn a_feature_reverted_before_a_pre_release_decides_no_version() {
    let repo = released_with_a_fix();
    repo.commit_hooked("feat: c");
    revert_head(&repo);
    assert_eq!(next(&repo, &[]), "1.0.1");
    ok(hand_tag(&repo, &["-a", "v1.0.1-rc.1", "-m", "rc"]));
    assert_eq!(next(&repo, &[]), "1.0.1");
    let explained = next(&repo, &["--explain"]);
    assert!(
        explained.contains("1 commit since v1.0.0; it calls for a patch release:\n  "),
        "{explained}"
    );
    assert!(!explained.contains("feat: c"), "{explained}");
    let plan = text(&ok(dated_release(&repo, &["--dry-run"])));
    assert!(
        plan.contains("release v1.0.1 (1.0.1-rc.1 → 1.0.1"),
        "{plan}"
    );
    assert!(!plan.contains("leaves the"), "{plan}");
    // Nothing since the pre-release: the change and its revert are no rc.2.
    let pre = repo.relhook(&["version", "--next", "--pre", "rc"]);
    assert_eq!(pre.status.code(), Some(1), "{}", text(&pre));
    assert!(
        stderr(&pre).contains("nothing to release"),
        "{}",
        text(&pre)
    );
    // The hand tag of the stable release hears of no 1.1.0.
    let tagged = ok(hand_tag(&repo, &["-a", "v1.0.1", "-m", "v1.0.1"]));
    assert!(!text(&tagged).contains("1.1.0"), "{}", text(&tagged));
    assert!(!text(&tagged).contains("warning"), "{}", text(&tagged));
}

#[test]
fn a_breaking_change_reverted_before_a_pre_release_makes_no_major() {
    let repo = released_with_a_fix();
    repo.commit_hooked("feat!: x");
    revert_head(&repo);
    ok(hand_tag(&repo, &["-a", "v1.0.1-rc.1", "-m", "rc"]));
    assert_eq!(next(&repo, &[]), "1.0.1");
    // The next pre-release goes on with the line rather than leave it for 2.0.0-rc.1.
    repo.commit_hooked("fix: d");
    assert_eq!(next(&repo, &["--pre", "rc"]), "1.0.1-rc.2");
    let out = ok(dated_release(&repo, &["--pre", "rc"]));
    assert!(!text(&out).contains("leaves the"), "{}", text(&out));
    assert_eq!(
        repo.git(&["describe", "--tags", "--exact-match"]),
        "v1.0.1-rc.2"
    );
    let out = ok(dated_release(&repo, &[]));
    assert!(!text(&out).contains("leaves the"), "{}", text(&out));
    assert_eq!(repo.git(&["describe", "--tags", "--exact-match"]), "v1.0.1");
    let log = repo.read("CHANGELOG.md");
    assert!(!log.contains("BREAKING") && !log.contains("\"x\""), "{log}");
}

/// A merged branch reverted (`git revert -m 1`) before the pre-release cancels out alike.
#[test]
fn a_merged_feature_reverted_before_a_pre_release_decides_no_version() {
    let repo = released_with_a_fix();
    repo.git(&["checkout", "-q", "-b", "topic"]);
    repo.commit_hooked("feat: t");
    repo.git(&["checkout", "-q", "main"]);
    repo.git(&[
        "merge",
        "-q",
        "--no-ff",
        "-m",
        "Merge branch 'topic'",
        "topic",
    ]);
    repo.git(&["revert", "--no-edit", "-m", "1", "HEAD"]);
    ok(hand_tag(&repo, &["-a", "v1.0.1-rc.1", "-m", "rc"]));
    assert_eq!(next(&repo, &[]), "1.0.1");
    let explained = next(&repo, &["--explain"]);
    assert!(!explained.contains("feat: t"), "{explained}");
}

/// `feat: c` shipped in `v1.1.0-rc.1` and was reverted after it: the stable release never had
/// it, so it decides no level, but a version never goes below a pre-release already made: the
/// release finishes the 1.1.0 line, and `--explain` says both. The revert is a change since
/// the pre-release: `--pre` makes rc.2.
#[test]
fn a_feature_a_pre_release_shipped_and_reverted_since_finishes_its_line() {
    let repo = released_with_a_fix();
    repo.commit_hooked("feat: c");
    ok(hand_tag(&repo, &["-a", "v1.1.0-rc.1", "-m", "rc"]));
    repo.git(&["revert", "--no-edit", "HEAD~1"]);
    assert_eq!(next(&repo, &[]), "1.1.0");
    let explained = next(&repo, &["--explain"]);
    assert!(
        explained.contains("1 commit since v1.0.0; it calls for a patch release:\n  "),
        "{explained}"
    );
    assert!(!explained.contains("feat: c"), "{explained}");
    assert!(
        explained.contains(
            "that is 1.0.1, below the 1.1.0 line of v1.1.0-rc.1: the release finishes that line"
        ),
        "{explained}"
    );
    let explained = next(&repo, &["--pre", "rc", "--explain"]);
    assert!(explained.ends_with("next: 1.1.0-rc.2"), "{explained}");
    assert!(
        explained.contains("the release goes on with that line"),
        "{explained}"
    );
    let plan = text(&ok(dated_release(&repo, &["--dry-run"])));
    assert!(
        plan.contains("release v1.1.0 (1.1.0-rc.1 → 1.1.0"),
        "{plan}"
    );
}

/// The same for a breaking change `v2.0.0-rc.1` shipped: 2.0.0 finishes the line.
#[test]
fn a_breaking_change_a_pre_release_shipped_and_reverted_since_finishes_its_line() {
    let repo = released_with_a_fix();
    repo.commit_hooked("feat!: x");
    ok(hand_tag(&repo, &["-a", "v2.0.0-rc.1", "-m", "rc"]));
    repo.git(&["revert", "--no-edit", "HEAD~1"]);
    assert_eq!(next(&repo, &[]), "2.0.0");
    assert_eq!(next(&repo, &["--pre", "rc"]), "2.0.0-rc.2");
    let explained = next(&repo, &["--explain"]);
    assert!(
        explained.contains("1 commit since v1.0.0; it calls for a patch release:\n  "),
        "{explained}"
    );
    assert!(
        explained.contains("below the 2.0.0 line of v2.0.0-rc.1"),
        "{explained}"
    );
}

/// A package's pre-release (`a-v1.0.1-rc.1`) after a feature and its revert: the package's
/// next version, plan and `--all` read it alike.
#[test]
fn a_package_feature_reverted_before_its_pre_release_decides_no_version() {
    let repo = crate::support::two_packages(
        "{\"name\":\"a\",\"version\":\"1.0.0\"}\n",
        "{\"name\":\"b\",\"version\":\"1.0.0\"}\n",
    );
    let change = |file: &str, message: &str| {
        repo.write(file, format!("{message}\n"));
        repo.git(&["add", "-A"]);
        repo.commit_hooked(message);
    };
    change("p/a/first.js", "fix(a): first");
    ok(dated_release(&repo, &["--package", "a"]));
    change("p/a/b.js", "fix(a): b");
    change("p/a/c.js", "feat(a): c");
    revert_head(&repo);
    ok(dated_release(&repo, &["--package", "a", "--pre", "rc"]));
    assert_eq!(
        repo.git(&["describe", "--tags", "--exact-match"]),
        "a-v1.0.1-rc.1"
    );
    assert_eq!(next(&repo, &["--package", "a"]), "1.0.1");
    let plan = text(&ok(dated_release(&repo, &["--package", "a", "--dry-run"])));
    assert!(
        plan.contains("a-v1.0.1: 1.0.1-rc.1 → 1.0.1 (patch"),
        "{plan}"
    );
    assert!(!plan.contains("leaves the"), "{plan}");
    let all = next(&repo, &["--all"]);
    assert!(all.contains("a 1.0.1-rc.1 -> 1.0.1"), "{all}");
}
