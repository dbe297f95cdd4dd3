//! QA35: a commit that writes its own entry into Unreleased (Keep a Changelog's way: the
//! person says what changed) got the generated one beside it, two lines for one change, while
//! `changelog --sync` already counted the hand entry for the commit. The hand entry now stands
//! for it, and one line says so; an entry only reworded in the same commit does not.

use crate::support::{Repo, installed_repo, ok, stderr, text};

/// `feat: init`'s changelog with `extra` added below its entry, staged with one more file.
fn stage_with_hand_entry(repo: &Repo, old: &str, new: &str) {
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains(old), "{log}");
    repo.write("CHANGELOG.md", log.replacen(old, new, 1));
    repo.write("a.txt", "a\n");
    repo.git(&["add", "CHANGELOG.md", "a.txt"]);
}

#[test]
fn a_hand_written_entry_stands_for_its_commit() {
    let repo = installed_repo();
    let hand = "- Parsers accept tabs in scopes (written by hand)";
    stage_with_hand_entry(&repo, "- init\n", &format!("- init\n{hand}\n"));
    let out = repo.git_output(&["commit", "-q", "-m", "feat(parser): accept tabs in scopes"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains(hand), "{log}");
    assert!(!log.contains("accept tabs in scopes\n"), "{log}");
    let said = stderr(&out);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(said.contains("writes its own entry"), "{said}");
    assert!(said.contains(hand.trim_start_matches("- ")), "{said}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    // History agrees: nothing for `--sync` to add.
    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.read("CHANGELOG.md"), log);
}

#[test]
fn an_entry_only_reworded_in_the_commit_leaves_the_commit_its_own() {
    let repo = installed_repo();
    stage_with_hand_entry(&repo, "- init\n", "- Initial version\n");
    let out = repo.git_output(&["commit", "-q", "-m", "feat: export as csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- Initial version\n"), "{log}");
    assert!(log.contains("- export as csv\n"), "{log}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

/// A hand entry that does not say what the message calls for (a fix's words for a feature)
/// does not stand for it: a feature always has an entry under Added (`--sync` agrees).
#[test]
fn a_lighter_hand_entry_does_not_stand_for_a_feature() {
    let repo = installed_repo();
    let log = repo.read("CHANGELOG.md");
    repo.write(
        "CHANGELOG.md",
        format!("{log}\n### Fixed\n\n- a crash on empty input (by hand)\n"),
    );
    repo.write("a.txt", "a\n");
    repo.git(&["add", "CHANGELOG.md", "a.txt"]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat: export as csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- export as csv\n"), "{log}");
    assert!(
        log.contains("- a crash on empty input (by hand)\n"),
        "{log}"
    );
    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.read("CHANGELOG.md"), log);
}

/// A pull request squash-merged on a forge's web page (no hook ran): the squash commit brings
/// its branch's `fix` entries, and `--sync` adds its own `feat` entry, which the minor release
/// its header makes must list; as post-commit would have, it stands for those entries of the
/// commits it carries (QA220), which go.
#[test]
fn sync_adds_the_feature_a_web_squash_brought_only_fixes_for() {
    let repo = installed_repo();
    ok(repo.relhook(&["release", "1.0.0", "--no-test"]));
    repo.git(&["switch", "-q", "-c", "topic"]);
    repo.commit_hooked("fix: part one");
    repo.commit_hooked("fix: part two");
    repo.git(&["switch", "-q", "main"]);
    repo.git_env(
        &["merge", "-q", "--squash", "topic"],
        &[("RELHOOK_SKIP", "1")],
    );
    repo.git_env(
        &["commit", "-q", "-m", "feat: the topic (#20)"],
        &[("RELHOOK_SKIP", "1")],
    );
    repo.git(&["branch", "-q", "-D", "topic"]);
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- the topic (#20)\n"), "{}\n{log}", text(&out));
    assert_eq!(log.matches("- part one\n").count(), 0, "{log}");
    assert_eq!(log.matches("- the topic (#20)\n").count(), 1, "{log}");
}

/// `git merge --squash` and an entry written by hand for the squash (QA35 second round): the
/// squashed commits' entries make way for the hand entry, with no generated twin beside it.
#[test]
fn a_hand_entry_stands_for_a_squash_in_place_of_the_squashed_entries() {
    let repo = installed_repo();
    repo.git(&["switch", "-q", "-c", "br"]);
    repo.commit_hooked("fix: one");
    repo.commit_hooked("fix: two");
    repo.git(&["switch", "-q", "main"]);
    repo.git(&["merge", "-q", "--squash", "br"]);
    let log = repo.read("CHANGELOG.md");
    repo.write(
        "CHANGELOG.md",
        log.replacen("- init\n", "- init\n- Export to CSV, by hand\n", 1),
    );
    repo.git(&["add", "CHANGELOG.md"]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat: export"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- Export to CSV, by hand\n"), "{log}");
    assert!(!log.contains("- export\n"), "{log}");
    assert!(
        !log.contains("- one\n") && !log.contains("- two\n"),
        "{log}"
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

/// An amend that writes the commit's entry by hand (QA35 second round): the generated one
/// goes, the hand one stands, and `--sync` agrees.
#[test]
fn an_amend_that_writes_the_entry_by_hand_takes_the_generated_one_out() {
    let repo = installed_repo();
    repo.commit_hooked("feat: add search");
    assert!(repo.read("CHANGELOG.md").contains("- add search\n"));
    let log = repo.read("CHANGELOG.md");
    repo.write(
        "CHANGELOG.md",
        log.replacen(
            "- add search\n",
            "- add search\n- Search everywhere, with filters\n",
            1,
        ),
    );
    let out = repo.git_output(&["commit", "-q", "-a", "--amend", "--no-edit"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- Search everywhere, with filters\n"), "{log}");
    assert!(!log.contains("- add search\n"), "{}\n{log}", text(&out));
    assert!(
        stderr(&out).contains("stands for the commit"),
        "{}",
        text(&out)
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.read("CHANGELOG.md"), log);
}
