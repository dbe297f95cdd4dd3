//! QA44: the merge driver took an incoming `## [Unreleased]` entry out whenever a release
//! section of the merged file had the same words, whichever commit wrote it: a fix released on
//! a maintenance line and picked onto main lost main's entry when the line was merged forward,
//! and a branch's `fix: typo` merged after main shipped another `fix: typo` lost its own. git
//! said only `Auto-merging CHANGELOG.md`; `version --next` and `--rebuild` still counted the
//! commit, `--sync` said "up to date", and the release refused with "nothing for the
//! changelog". The entry of a commit no release tag holds now stays, an entry still left out
//! for a release's words is named in one line, and `--sync` gives back what such a merge lost.

use crate::support::{Repo, ok, stderr, stdout, text, untested_installed};

/// The `## [Unreleased]` section of the changelog, up to the next release heading.
fn unreleased(repo: &Repo) -> String {
    let log = repo.read("CHANGELOG.md");
    let start = log.find("## [Unreleased]").expect("Unreleased");
    let rest = &log[start + 3..];
    let end = rest.find("\n## ").map_or(rest.len(), |e| e + 1);
    log[start..start + 3 + end].to_owned()
}

/// A fix released as 1.0.1 on release/1.0 and picked (`-x`) onto main, which released 2.0.0
/// without it.
fn picked_from_maintenance() -> Repo {
    let repo = untested_installed();
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release", "1.0.0"]));
    repo.commit_hooked("feat!: b");
    ok(repo.relhook(&["release"]));
    repo.git(&["switch", "-q", "-c", "release/1.0", "v1.0.0"]);
    repo.commit_hooked("fix: x");
    ok(repo.relhook(&["release", "--allow-branch"]));
    repo.git(&["switch", "-q", "main"]);
    ok(repo.git_output(&["cherry-pick", "-x", "release/1.0~1"]));
    assert!(unreleased(&repo).contains("- x"), "{}", unreleased(&repo));
    repo
}

#[test]
fn a_maintenance_line_merged_forward_keeps_mains_picked_fix_for_its_next_release() {
    let repo = picked_from_maintenance();
    let merge = ok(repo.git_output(&["merge", "--no-edit", "release/1.0"]));
    assert!(!stderr(&merge).contains("left `"), "{}", text(&merge));
    assert!(
        unreleased(&repo).contains("- x"),
        "{}",
        repo.read("CHANGELOG.md")
    );
    let sync = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(stderr(&sync).contains("up to date"), "{}", text(&sync));
    ok(repo.relhook(&["release"]));
    let notes = ok(repo.relhook(&["notes", "v2.0.1"]));
    assert!(stdout(&notes).contains("- x"), "{}", text(&notes));
}

#[test]
fn a_branchs_fix_worded_as_one_main_shipped_keeps_its_entry() {
    let repo = untested_installed();
    repo.commit_hooked("feat: a");
    repo.git(&["switch", "-q", "-c", "feature"]);
    repo.commit_hooked("fix: typo");
    repo.git(&["switch", "-q", "main"]);
    repo.commit_hooked("fix: typo");
    ok(repo.relhook(&["release", "1.0.0"]));
    let merge = ok(repo.git_output(&["merge", "--no-edit", "feature"]));
    assert!(!stderr(&merge).contains("left `"), "{}", text(&merge));
    assert!(
        unreleased(&repo).contains("- typo"),
        "{}",
        repo.read("CHANGELOG.md")
    );
    let release = ok(repo.relhook(&["release"]));
    assert!(
        repo.read("CHANGELOG.md").contains("## [1.0.1]"),
        "{}",
        text(&release)
    );
}

/// An entry written by hand (no commit's message makes it) whose words main released since:
/// left out, as before, but said.
#[test]
fn an_entry_still_left_out_for_a_releases_words_is_named() {
    let repo = untested_installed();
    repo.commit_hooked("feat: a");
    repo.git(&["switch", "-q", "-c", "feature"]);
    let log = repo.read("CHANGELOG.md");
    let log = log.replacen("### Added\n", "### Fixed\n\n- typo\n\n### Added\n", 1);
    repo.write("CHANGELOG.md", log);
    ok(repo.git_output(&["commit", "-q", "-am", "docs: note the typo"]));
    repo.git(&["switch", "-q", "main"]);
    repo.commit_hooked("fix: typo");
    ok(repo.relhook(&["release", "1.0.0"]));
    let merge = ok(repo.git_output(&["merge", "--no-edit", "feature"]));
    let err = stderr(&merge);
    let said: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("left `- typo` out of Unreleased"))
        .collect();
    assert_eq!(said.len(), 1, "{}", text(&merge));
    assert!(
        !unreleased(&repo).contains("typo"),
        "{}",
        repo.read("CHANGELOG.md")
    );
}

/// A merge made by the words alone (as relhook's driver made it before): `--sync` gives the
/// entry back, and a release then ships it.
#[test]
fn sync_gives_back_what_a_merge_by_words_lost() {
    let repo = picked_from_maintenance();
    ok(repo.git_output(&["merge", "--no-commit", "release/1.0"]));
    let log = repo.read("CHANGELOG.md");
    let lost = log.replacen("### Fixed\n\n- x\n\n", "", 1);
    assert_ne!(log, lost);
    repo.write("CHANGELOG.md", lost);
    ok(repo.git_output(&["add", "CHANGELOG.md"]));
    ok(repo.git_skipping_relhook(&["commit", "-q", "--no-edit"]));
    assert!(!unreleased(&repo).contains("- x"));
    let sync = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(stderr(&sync).contains("`- x`"), "{}", text(&sync));
    assert!(
        unreleased(&repo).contains("- x"),
        "{}",
        repo.read("CHANGELOG.md")
    );
    ok(repo.git_output(&["commit", "-q", "-am", "docs(changelog): sync with history"]));
    let sync = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(stderr(&sync).contains("up to date"), "{}", text(&sync));
}
