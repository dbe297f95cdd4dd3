//! QA38: the cost of a release grew with the square of the entries in one changelog section.
//! Whether a sub-section holds text besides its entries (which a stable release does not
//! carry) asked, of each of its lines, whether any of its entries reaches over it; each entry
//! carried from a pre-release went in with the whole file parsed again. `git tag -a` blocked
//! 13 s on a file with an older section of 10,000 entries (a debug build: minutes at the
//! sizes below). Each is now one pass; these sizes end in well under a second.

use crate::support::{Repo, hand_tag, installed_repo, ok, stdout};

/// `count` list items `- {word} {k}`, one a line.
fn items(word: &str, count: usize) -> String {
    (0..count).map(|k| format!("- {word} {k}\n")).collect()
}

/// How many lines of `log` are items of `word`.
fn counted(log: &str, word: &str) -> usize {
    let item = format!("- {word} ");
    log.lines().filter(|l| l.starts_with(&item)).count()
}

/// `CHANGELOG.md` with `edit` applied, committed through the hooks.
fn edit_changelog(repo: &Repo, edit: impl FnOnce(String) -> String) {
    let log = edit(repo.read("CHANGELOG.md"));
    repo.write("CHANGELOG.md", log);
    repo.git(&["add", "CHANGELOG.md"]);
    repo.git(&["commit", "-q", "-m", "chore: older releases"]);
}

#[test]
fn an_older_section_of_forty_thousand_entries_leaves_a_release_quick() {
    const OLD: usize = 40_000;
    let repo = installed_repo();
    ok(hand_tag(&repo, &["-a", "v0.1.0", "-m", "r"]));
    repo.commit_hooked("feat: add c");
    edit_changelog(&repo, |log| {
        format!(
            "{}\n\n## [0.0.1] - 2020-01-01\n\n### Added\n\n{}",
            log.trim_end(),
            items("old", OLD)
        )
    });
    let next = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(stdout(&next).trim(), "0.1.1");
    ok(hand_tag(&repo, &["-a", "v0.1.1", "-m", "r"]));
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("## [0.1.1] - 2026-11-21\n\n### Added\n\n- add c\n"),
        "{}",
        &log[..600.min(log.len())]
    );
    assert_eq!(counted(&log, "old"), OLD);
    assert!(log.ends_with(&format!("- old {}\n", OLD - 1)));
}

#[test]
fn ten_thousand_pre_release_entries_are_carried_into_the_stable_release() {
    const PRE: usize = 10_000;
    const NEW: usize = 10_000;
    let repo = installed_repo();
    ok(hand_tag(&repo, &["-a", "v0.1.0", "-m", "r"]));
    repo.commit_hooked("feat: add b");
    ok(hand_tag(&repo, &["-a", "v0.2.0-rc.1", "-m", "r"]));
    repo.commit_hooked("feat: add c");
    edit_changelog(&repo, |log| {
        let log = log.replacen("- add c\n", &format!("- add c\n{}", items("new", NEW)), 1);
        log.replacen("- add b\n", &format!("- add b\n{}", items("pre", PRE)), 1)
    });
    let next = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(stdout(&next).trim(), "0.2.0");
    ok(hand_tag(&repo, &["-a", "v0.2.0", "-m", "r"]));
    let log = repo.read("CHANGELOG.md");
    let stable = log
        .split_once("## [0.2.0] - 2026-11-21\n")
        .and_then(|(_, rest)| rest.split_once("## [0.2.0-rc.1]"))
        .map(|(section, _)| section)
        .expect("the stable section, above its pre-release");
    assert!(
        stable.starts_with("\n### Added\n\n- add c\n- new 0\n"),
        "{}",
        &stable[..300.min(stable.len())]
    );
    // Each entry once: Unreleased's, then the pre-release's, carried in its order.
    assert_eq!(counted(stable, "new"), NEW);
    assert_eq!(counted(stable, "pre"), PRE);
    assert!(stable.contains(&format!("- new {}\n- add b\n- pre 0\n", NEW - 1)));
    assert_eq!(
        counted(&log, "pre"),
        2 * PRE,
        "the pre-release keeps its own"
    );
}
