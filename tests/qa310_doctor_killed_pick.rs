//! QA310: a `git cherry-pick` killed (SIGKILL) mid-way, before it wrote CHERRY_PICK_HEAD,
//! left `.git/index.lock` and its half-made CHANGELOG.md in the work tree. Doctor called
//! that a sync to commit, `git commit -m "docs(changelog): sync with history" --
//! :/CHANGELOG.md`, which git refuses while the lock is there (exit 128), and which would
//! commit the picked commit's entry without its commit. The row now names the lock's
//! removal first, and says how to drop a killed operation's half-made change.

use crate::support::{installed_repo, ok, stdout};

/// The first command in backquotes after `from` in `said`.
fn command_after(said: &str, from: &str) -> String {
    let (_, rest) = said
        .split_once(from)
        .unwrap_or_else(|| panic!("no `{from}` in:\n{said}"));
    rest.split('`').nth(1).unwrap_or_default().to_owned()
}

#[test]
fn doctor_names_the_left_index_lock_before_any_commit_of_the_changelog() {
    let repo = installed_repo();
    ok(repo.relhook(&["release", "--no-test"]));
    repo.commit_hooked("feat: two");
    let kept = repo.read("CHANGELOG.md");
    // What the killed pick left: its entry half-merged in, its file, and the index's lock.
    let half = kept.replacen(
        "## [Unreleased]\n",
        "## [Unreleased]\n\n### Fixed\n\n- side 11\n",
        1,
    );
    assert_ne!(half, kept);
    repo.write("CHANGELOG.md", &half);
    repo.write("s11", "s\n");
    ok(repo.sh("cp .git/index .git/index.lock"));

    let report = stdout(&repo.relhook(&["doctor"]));
    assert!(report.contains("index.lock"), "{report}");
    assert!(!report.contains("all is well"), "{report}");
    let first = command_after(&report, "fix:");
    assert!(first.starts_with("rm "), "{first}\n{report}");
    assert!(first.contains("index.lock"), "{first}\n{report}");
    assert!(!first.contains("git commit"), "{first}\n{report}");
    assert!(
        report.contains("git checkout -- :/CHANGELOG.md"),
        "{report}"
    );
    ok(repo.sh(&first));
    assert!(!repo.path().join(".git/index.lock").exists());
    // The half-made change is still there, for the person to judge: nothing dropped.
    assert_eq!(repo.read("CHANGELOG.md"), half);
}
