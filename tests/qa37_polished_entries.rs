//! QA37: entries polished by hand where relhook did not see the rewording happen: one that
//! `--sync` wrote, reworded before it was committed, was added again by the next sync (and
//! shipped twice); one reworded while concluding a merge was "put back" beside itself; and
//! an amend of a commit whose entry was moved by hand to another heading said it replaced it.

use crate::support::{Repo, installed_repo, ok, stderr, text};

fn commit_file(
    repo: &Repo,
    file: &str,
    message: &str,
    env: &[(&str, &str)],
) -> std::process::Output {
    repo.write(file, format!("{file}\n"));
    repo.git(&["add", file]);
    repo.git_in(&repo.path(), &["commit", "-q", "-m", message], env)
}

#[test]
fn an_entry_sync_wrote_and_a_person_polished_is_not_added_again() {
    let repo = installed_repo();
    ok(commit_file(
        &repo,
        "b",
        "fix: fix b",
        &[("RELHOOK_SKIP", "1")],
    ));
    ok(repo.relhook(&["changelog", "--sync"]));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- fix b\n"), "{log}");
    repo.write(
        "CHANGELOG.md",
        log.replace("- fix b\n", "- fix b when the disk is full (#7)\n"),
    );
    repo.git(&[
        "commit",
        "-q",
        "-m",
        "docs(changelog): sync with history",
        "--",
        "CHANGELOG.md",
    ]);
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(text(&out).contains("up to date"), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert_eq!(log.matches("fix b").count(), 1, "{log}");
    // Another commit's entry whose words merely begin alike is not taken for it.
    ok(commit_file(
        &repo,
        "c",
        "fix: fix",
        &[("RELHOOK_SKIP", "1")],
    ));
    ok(repo.relhook(&["changelog", "--sync"]));
    assert!(repo.read("CHANGELOG.md").contains("- fix\n"));
}

#[test]
fn an_entry_reworded_while_concluding_a_merge_is_not_put_back() {
    let repo = installed_repo();
    repo.git(&["checkout", "-q", "-b", "br"]);
    ok(commit_file(&repo, "c", "feat: add c", &[]));
    repo.git(&["checkout", "-q", "main"]);
    ok(commit_file(&repo, "d", "fix: fix d", &[]));
    repo.git(&["merge", "-q", "--no-commit", "br"]);
    let log = repo.read("CHANGELOG.md");
    repo.write(
        "CHANGELOG.md",
        log.replace("- add c\n", "- add c (polished in merge)\n"),
    );
    repo.git(&["add", "CHANGELOG.md"]);
    let out = repo.git_output(&["commit", "-q", "--no-edit"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("put back"), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- add c (polished in merge)\n"), "{log}");
    assert!(!log.contains("- add c\n"), "{log}");
}

#[test]
fn an_amend_of_a_commit_whose_entry_was_moved_by_hand_says_it_keeps_it() {
    let repo = installed_repo();
    ok(commit_file(&repo, "x", "fix: escape x", &[]));
    let log = repo
        .read("CHANGELOG.md")
        .replace("### Fixed", "### Security");
    repo.write("CHANGELOG.md", &log);
    repo.git(&["add", "CHANGELOG.md"]);
    ok(repo.git_output(&["commit", "-q", "--amend", "--no-edit"]));
    let out = ok(repo.git_output(&["commit", "-q", "--amend", "-m", "fix: escape x in y"]));
    assert!(!stderr(&out).contains("replaced"), "{}", text(&out));
    assert!(
        stderr(&out).contains("keeps `- escape x` for amended commit")
            && stderr(&out).contains("as it was edited by hand; if it should follow the new message, change it by hand to `- escape x in y` under Fixed"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.read("CHANGELOG.md"), log);
}

/// QA37 (second round): `- fix b (#7)` was taken for `fix: fix`'s entry, the shorter one its
/// words begin with, so `fix: fix b` got a second entry and `fix: fix` none.
#[test]
fn a_polished_entry_stands_for_the_longest_entry_it_begins_with() {
    let repo = installed_repo();
    let skip = [("RELHOOK_SKIP", "1")];
    ok(commit_file(&repo, "f1", "fix: fix", &skip));
    ok(commit_file(&repo, "f2", "fix: fix b", &skip));
    let log = repo.read("CHANGELOG.md");
    repo.write(
        "CHANGELOG.md",
        log.replace(
            "## [Unreleased]\n\n### Added",
            "## [Unreleased]\n\n### Fixed\n\n- fix b (#7)\n\n### Added",
        ),
    );
    repo.git(&["commit", "-q", "--no-verify", "-am", "docs: x"]);
    ok(repo.relhook(&["changelog", "--sync"]));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- fix b (#7)\n"), "{log}");
    assert!(log.contains("- fix\n"), "{log}");
    assert!(!log.contains("- fix b\n"), "{log}");
}
