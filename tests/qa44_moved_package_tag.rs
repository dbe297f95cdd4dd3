//! QA44: after `git mv` of a released package's directory (its `path` updated), doctor and
//! `relhook release --package a` looked for the tag's `## [1.0.0]` section at the package's
//! new path at the tagged commit, called the genuine a-v1.0.0 "made past relhook's hook" and
//! advised `git tag -d a-v1.0.0 && relhook release --package a 1.0.0`. The section is looked
//! for where the configuration stored at the tagged commit puts the changelog, as pre-push
//! does; a hand tag on that commit is judged the same way.

use crate::support::{Repo, hand_tag, ok, stderr, stdout, text, two_packages};

/// Commits every change, through the hooks.
fn commit(repo: &Repo, message: &str) {
    repo.git(&["add", "-A"]);
    ok(repo.git_output(&["commit", "-q", "-m", message]));
}

/// Package a released as 1.0.0 at p/a, then moved to libs/a with its `path` updated.
fn released_then_moved() -> Repo {
    let repo = two_packages(
        r#"{"name":"a","version":"1.0.0"}"#,
        r#"{"name":"b","version":"1.0.0"}"#,
    );
    repo.write("p/a/index.js", "x\n");
    commit(&repo, "fix(a): one");
    ok(repo.relhook(&["release", "--package", "a", "1.0.0"]));
    std::fs::create_dir_all(repo.path().join("libs")).unwrap();
    repo.git(&["mv", "p/a", "libs/a"]);
    let config = repo
        .read(".relconfig.toml")
        .replace("\"p/a\"", "\"libs/a\"");
    repo.write(".relconfig.toml", config);
    commit(&repo, "refactor: move a to libs");
    // The merge driver's attribute line for the changelog's new place.
    ok(repo.relhook(&["install"]));
    if !repo.is_clean() {
        commit(&repo, "chore: changelog attributes");
    }
    repo
}

#[test]
fn a_tag_made_before_the_move_is_judged_where_its_changelog_was() {
    let repo = released_then_moved();
    let doctor = repo.relhook(&["doctor"]);
    let said = text(&doctor);
    assert!(!said.contains("made past relhook's hook"), "{said}");
    assert!(!said.contains("git tag -d"), "{said}");
    assert_eq!(doctor.status.code(), Some(0), "{said}");

    // Nothing of a's since its release: nothing to release, not "delete the tag".
    let release = repo.relhook(&["release", "--package", "a"]);
    assert!(!release.status.success(), "{}", text(&release));
    assert!(
        stderr(&release).contains("nothing for the changelog"),
        "{}",
        text(&release)
    );
    assert!(!text(&release).contains("git tag -d"), "{}", text(&release));

    repo.write("libs/a/index.js", "x\ny\n");
    commit(&repo, "fix(a): two");
    let next = ok(repo.relhook(&["version", "--package", "a", "--next"]));
    assert_eq!(stdout(&next).trim(), "1.0.1");
    let plan = ok(repo.relhook(&["release", "--package", "a", "--dry-run"]));
    assert!(
        stdout(&plan).contains("a-v1.0.1: 1.0.0 → 1.0.1"),
        "{}",
        text(&plan)
    );
}

#[test]
fn pre_push_and_a_hand_tag_judge_it_the_same_way() {
    let repo = released_then_moved();
    repo.with_origin();
    let push = ok(repo.git_output(&["push", "--follow-tags", "origin", "main"]));
    assert!(
        stderr(&push).contains("releasing a-v1.0.0"),
        "{}",
        text(&push)
    );

    // The tag made again by hand on its release commit (below HEAD): kept there.
    let release = repo.git(&["rev-list", "-n1", "a-v1.0.0"]);
    repo.git(&["tag", "-d", "a-v1.0.0"]);
    let tagged = ok(hand_tag(
        &repo,
        &["-a", "a-v1.0.0", "-m", "a", release.trim()],
    ));
    assert!(
        stderr(&tagged).contains("p/a/CHANGELOG.md at "),
        "{}",
        text(&tagged)
    );
    assert_eq!(repo.git(&["rev-list", "-n1", "a-v1.0.0"]), release);
}
