//! The first ten minutes: from `git init`, only `relhook install` and ordinary git commands.
//! Install leaves the tree clean, the first changelog-worthy commit creates CHANGELOG.md, and
//! whenever a hook decides not to act where a user would expect it to, it says why in one line.

use crate::support::{Repo, stderr, text};

fn installed() -> Repo {
    let repo = Repo::new();
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo
}

/// `git commit -m` of a new file, through the hooks; returns git's output.
fn commit(repo: &Repo, file: &str, message: &str) -> std::process::Output {
    repo.write(file, format!("{message}\n"));
    repo.git(&["add", file]);
    let out = repo.git_output(&["commit", "-q", "-m", message]);
    assert!(out.status.success(), "{}", text(&out));
    out
}

#[test]
fn install_leaves_the_work_tree_clean_so_a_hand_tag_works_at_once() {
    let repo = Repo::new();
    repo.write("README.md", "hello\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: start"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    let said = crate::support::stdout(&out);
    assert!(said.contains(".gitattributes"), "how to share it: {said}");
    assert!(
        repo.read(".git/info/attributes")
            .contains("/CHANGELOG.md merge=relhook-changelog")
    );
}

#[test]
fn the_first_feat_commit_creates_the_changelog_inside_that_commit() {
    let repo = installed();
    commit(&repo, "a.txt", "chore: start");
    assert!(
        !repo.path().join("CHANGELOG.md").exists(),
        "chore: no entry"
    );
    let out = commit(&repo, "b.txt", "feat(api): add search");
    assert!(
        stderr(&out).contains("created it"),
        "says it created the file: {}",
        text(&out)
    );
    let committed = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert!(committed.starts_with("# Changelog\n"), "{committed}");
    assert!(
        committed.ends_with("## [Unreleased]\n\n### Added\n\n- **api:** add search"),
        "{committed}"
    );
    assert_eq!(repo.read("CHANGELOG.md"), format!("{committed}\n"));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    assert_eq!(
        repo.git(&["show", "--format=", "--name-only", "HEAD"]),
        "CHANGELOG.md\nb.txt",
        "the entry is in the feat commit itself"
    );
    commit(&repo, "c.txt", "fix: handle empty input");
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("### Fixed\n\n- handle empty input\n"), "{log}");
    assert!(repo.is_clean());
}

#[test]
fn an_untracked_changelog_is_left_alone_with_a_one_line_notice() {
    let repo = installed();
    commit(&repo, "a.txt", "chore: start");
    repo.write("CHANGELOG.md", crate::support::SKELETON);
    let out = commit(&repo, "b.txt", "feat: add search");
    let err = stderr(&out);
    let line = err
        .lines()
        .find(|l| l.contains("CHANGELOG.md is not committed yet"))
        .unwrap_or_else(|| panic!("no notice: {err}"));
    assert!(line.contains("git add CHANGELOG.md"), "{line}");
    assert_eq!(repo.read("CHANGELOG.md"), crate::support::SKELETON);
    assert_eq!(
        repo.git(&["show", "--format=", "--name-only", "HEAD"]),
        "b.txt"
    );
}

#[test]
fn a_changelog_that_is_not_keep_a_changelog_stays_byte_identical() {
    let repo = installed();
    let wiki = "Our release notes live on the wiki. Do not touch.\n";
    repo.write("CHANGELOG.md", wiki);
    repo.git(&["add", "CHANGELOG.md"]);
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "-m",
        "docs: point to the wiki",
    ]);
    let out = commit(&repo, "b.txt", "feat: add search");
    assert!(
        stderr(&out).contains("not a Keep a Changelog file"),
        "{}",
        text(&out)
    );
    assert_eq!(stderr(&out).lines().count(), 1, "{}", text(&out));
    assert_eq!(repo.read("CHANGELOG.md"), wiki);
    assert_eq!(repo.git(&["show", "HEAD:CHANGELOG.md"]), wiki.trim_end());
    // Sync and release refuse it too, rather than adding an Unreleased section.
    let sync = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(sync.status.code(), Some(2), "{}", text(&sync));
    assert_eq!(repo.read("CHANGELOG.md"), wiki);
}

#[test]
fn accumulate_off_and_an_operation_in_progress_are_said_and_quiet_silences_them() {
    let repo = installed();
    commit(&repo, "a.txt", "chore: start");
    repo.write(".relconfig.toml", "[changelog]\naccumulate = false\n");
    repo.git(&["add", ".relconfig.toml"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: config"]);
    let out = commit(&repo, "b.txt", "feat: add search");
    assert!(
        stderr(&out).contains("`changelog.accumulate` is off"),
        "{}",
        text(&out)
    );
    // Nothing to say for a commit that would get no entry anyway.
    let out = commit(&repo, "c.txt", "docs: typo");
    assert_eq!(stderr(&out), "", "{}", text(&out));
    repo.write("d.txt", "d\n");
    repo.git(&["add", "d.txt"]);
    let out = repo.git_env(
        &["commit", "-q", "-m", "feat: quiet"],
        &[("RELHOOK_QUIET", "1")],
    );
    assert_eq!(out, "");
    let quiet = repo.git_in(
        &repo.path(),
        &["commit", "-q", "--allow-empty", "-m", "feat: quiet too"],
        &[("RELHOOK_QUIET", "1")],
    );
    assert!(quiet.status.success());
    assert_eq!(stderr(&quiet), "", "{}", text(&quiet));

    // A plain `git commit` while a rebase stops for editing: said, not silently skipped.
    repo.git(&["rm", "-q", ".relconfig.toml"]);
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "-m",
        "chore: accumulate again",
    ]);
    let edit = repo.git_in(
        &repo.path(),
        &["rebase", "-q", "-i", "HEAD~1"],
        &[("GIT_SEQUENCE_EDITOR", "sed -i -e 1s/^pick/edit/")],
    );
    assert!(edit.status.success(), "{}", text(&edit));
    let out = commit(&repo, "e.txt", "feat: during the rebase");
    assert!(
        stderr(&out).contains("a rebase is in progress"),
        "{}",
        text(&out)
    );
    let done = repo.git_output(&["rebase", "--continue"]);
    assert!(done.status.success(), "{}", text(&done));
}
