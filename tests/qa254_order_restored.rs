//! QA254: what `[changelog] order` (QA249) left out, part two. The post-commit edits that put
//! back entries a conflict's resolution dropped (a cherry-pick's, a merge's) parsed the
//! changelog without the configured order, so a sub-section they recreated was placed in the
//! vocabulary's order.

use crate::picks::{diverged_with, take};
use crate::qa249_changelog_order::headings;
use crate::support::{Repo, hand_tag, installed_repo, text};

/// Commits a `[changelog] order` putting `Fixed` above `Added` (the vocabulary's the other way).
fn fixed_first(repo: &Repo) {
    let config = std::fs::read_to_string(repo.path().join(".relconfig.toml")).unwrap_or_default();
    let config = format!("{config}\n[changelog]\norder = [\"Fixed\", \"Added\"]\n");
    assert_eq!(config.matches("[changelog]").count(), 1, "{config}");
    repo.write(".relconfig.toml", config);
    repo.git(&["add", ".relconfig.toml"]);
    repo.commit_hooked("chore: order");
}

#[test]
fn a_cherry_pick_s_restored_entry_gets_its_sub_section_in_the_configured_order() {
    let repo = diverged_with(&["feat: s1"], "fix: m1");
    repo.git(&["checkout", "-q", "main"]);
    fixed_first(&repo);
    let out = repo.git_output(&["cherry-pick", "side"]);
    assert!(!out.status.success(), "{}", text(&out));
    take(&repo, "--theirs");
    let out = repo.git_in(
        &repo.path(),
        &["cherry-pick", "--continue"],
        &[("GIT_EDITOR", "true")],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("put back 1 entry"), "{}", text(&out));
    let log = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert_eq!(headings(&log), ["Fixed", "Added"], "{log}");
}

#[test]
fn a_merge_s_restored_entry_gets_its_sub_section_in_the_configured_order() {
    // The driver's registration removed, as in a clone where `relhook install` never ran: git
    // merges the file line by line and leaves a conflict.
    let repo = installed_repo();
    repo.write(".gitattributes", "/CHANGELOG.md merge=relhook-changelog\n");
    repo.git(&["add", ".gitattributes"]);
    fixed_first(&repo);
    repo.git(&["config", "--remove-section", "merge.relhook-changelog"]);
    // No entry of the first commit under Unreleased: the sides' are the only ones.
    let log = repo.read("CHANGELOG.md");
    let start = "# Changelog\n\n## [Unreleased]\n";
    repo.write("CHANGELOG.md", start);
    repo.git(&["commit", "-q", "-am", "docs: fresh changelog"]);
    assert_ne!(log, start);
    repo.git(&["switch", "-qc", "side"]);
    repo.write("s", "x\n");
    repo.git(&["add", "s"]);
    repo.commit_hooked("feat: side only");
    repo.git(&["switch", "-q", "main"]);
    repo.write("m", "x\n");
    repo.git(&["add", "m"]);
    repo.commit_hooked("fix: main only");
    let out = repo.git_output(&["merge", "--no-edit", "side"]);
    assert!(!out.status.success(), "{}", text(&out));
    repo.git(&["checkout", "--ours", "CHANGELOG.md"]);
    repo.git(&["add", "CHANGELOG.md"]);
    let out = repo.git_output(&["commit", "-q", "--no-edit"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("put back 1 entry"), "{}", text(&out));
    let log = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert_eq!(headings(&log), ["Fixed", "Added"], "{log}");
}

#[test]
fn a_reapplied_merge_s_entries_get_their_sub_section_in_the_configured_order() {
    let repo = installed_repo();
    repo.git(&["branch", "-M", "main"]);
    fixed_first(&repo);
    repo.git(&["switch", "-q", "-c", "topic"]);
    repo.write("t.txt", "1\n");
    repo.git(&["add", "t.txt"]);
    repo.git(&["commit", "-q", "-m", "feat: topic thing"]);
    repo.git(&["switch", "-q", "main"]);
    repo.git(&["merge", "-q", "--no-ff", "--no-edit", "topic"]);
    let out = hand_tag(&repo, &["-a", "v0.1.1", "-m", "r"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_output(&["revert", "--no-edit", "-m", "1", ":/^Merge branch"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = hand_tag(&repo, &["-a", "v0.1.2", "-m", "r"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.commit_hooked("fix: mend");
    let out = repo.git_output(&["revert", "--no-edit", ":/^Revert \"Merge branch"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.head_subject().starts_with("Reapply"), "{}", text(&out));
    assert!(text(&out).contains("- topic thing"), "{}", text(&out));
    let log = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    let unreleased = log.split("\n## [0").next().unwrap_or_default();
    assert_eq!(headings(unreleased), ["Fixed", "Added"], "{log}");
}
