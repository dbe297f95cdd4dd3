//! QA43: two clones released one version; this clone pulled the other's release with a merge
//! and settled the changelog conflict by taking their file (`git checkout --theirs`). HEAD then
//! held two release commits of the version, this clone's entries were in no section, and
//! doctor said "all is well" (a release found "nothing for the changelog", a hand tag too).
//! The merge's post-commit, doctor, the release and a hand tag now name the two releases, the
//! entries left out, and a way that ends with them released above the published release.

use crate::qa41_both_released::both_released;
use crate::support::{Repo, ok, stderr, stdout, text};

/// `both_released`, then this clone's pull of the other's release, its changelog conflict
/// settled with their file. Returns the clone and what the merge's post-commit said.
fn merged_theirs() -> (Repo, String) {
    let (repo, _b) = both_released();
    let pull = repo.git_output(&["pull", "--no-rebase", "origin", "main"]);
    assert!(!pull.status.success(), "{}", text(&pull));
    ok(repo.git_output(&["checkout", "--theirs", "CHANGELOG.md"]));
    ok(repo.git_output(&["add", "CHANGELOG.md"]));
    let merge = ok(repo.git_output(&["commit", "--no-edit"]));
    assert!(!repo.read("CHANGELOG.md").contains("from a"));
    (repo, stderr(&merge))
}

/// The `fix:` line doctor prints for tag `tag`.
fn doctor_fix(repo: &Repo, tag: &str) -> String {
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let doctor = stdout(&out);
    let row = doctor
        .split(&format!("tag {tag}: "))
        .nth(1)
        .unwrap_or_else(|| panic!("{doctor}"));
    assert!(row.contains("two release commits of 0.1.1"), "{doctor}");
    assert!(row.contains("`from a`"), "{doctor}");
    row.lines()
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("{doctor}"))
        .to_owned()
}

/// Runs `fix` as a person would and checks the end: this clone's work released above the
/// published release, pushable.
fn follow_to_the_end(repo: &Repo, fix: &str) {
    let out = repo.sh(fix);
    assert!(out.status.success(), "{fix}: {}", text(&out));
    let log = repo.read("CHANGELOG.md");
    let newest = log
        .split("## [0.1.2]")
        .nth(1)
        .unwrap_or_else(|| panic!("{log}"));
    let newest = newest.split("## [0.1.1]").next().unwrap();
    assert!(newest.contains("from a"), "{log}");
    assert_eq!(log.matches("## [0.1.1]").count(), 1, "{log}");
    assert!(repo.is_clean());
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
}

#[test]
fn the_merge_doctor_release_and_a_hand_tag_name_the_two_releases_and_the_way_on() {
    let (repo, merged) = merged_theirs();
    assert!(merged.contains("two release commits of 0.1.1"), "{merged}");
    assert!(merged.contains("`from a`"), "{merged}");
    let fix = doctor_fix(&repo, "v0.1.1");
    assert!(merged.contains(&format!("`{fix}`")), "{merged}\n{fix}");
    assert!(fix.starts_with("git tag -d v0.1.1 && "), "{fix}");
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stderr(&out).contains(&format!("`{fix}`")), "{}", text(&out));
    let tag = repo.git_output(&["tag", "-a", "v0.1.2", "-m", "release 0.1.2"]);
    assert!(!tag.status.success(), "{}", text(&tag));
    assert!(stderr(&tag).contains(&format!("`{fix}`")), "{}", text(&tag));
    assert!(
        !stderr(&tag).contains("nothing for the changelog"),
        "{}",
        text(&tag)
    );
    follow_to_the_end(&repo, &fix);
}

/// The other order: the remote's tag taken first (`git tag -d`, `git fetch origin tag`), as
/// the merge driver's advice ends; this clone's release commit is then the one to go.
#[test]
fn with_the_remote_tag_taken_the_way_drops_this_clones_release_commit() {
    let (repo, _) = merged_theirs();
    ok(repo.git_output(&["tag", "-d", "v0.1.1"]));
    ok(repo.git_output(&["fetch", "-q", "origin", "tag", "v0.1.1"]));
    let fix = doctor_fix(&repo, "v0.1.1");
    assert!(fix.starts_with("git rebase --onto "), "{fix}");
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    // Said as the two releases, not as a commit no branch here held.
    assert!(stderr(&out).contains(&format!("`{fix}`")), "{}", text(&out));
    assert!(
        !stderr(&out).contains("no branch here ever held"),
        "{}",
        text(&out)
    );
    follow_to_the_end(&repo, &fix);
}

/// Pulled from the other clone's folder (no remote-tracking branch holds either release):
/// this clone's tagged release stays, and the merge is made again without the other's
/// release commit; the entries named are the ones the file lost (this clone's, `from a`).
#[test]
fn pulled_from_a_folder_the_merge_is_made_again_without_the_other_release() {
    let (repo, b) = both_released();
    let folder = b.to_str().unwrap();
    let pull = repo.git_output(&["pull", "--no-rebase", folder, "main"]);
    assert!(!pull.status.success(), "{}", text(&pull));
    ok(repo.git_output(&["checkout", "--theirs", "CHANGELOG.md"]));
    ok(repo.git_output(&["add", "CHANGELOG.md"]));
    ok(repo.git_output(&["commit", "--no-edit"]));
    let ours = repo.git(&["rev-parse", "v0.1.1"]);
    let fix = doctor_fix(&repo, "v0.1.1");
    assert!(
        fix.starts_with("git reset --keep HEAD~1 && git merge"),
        "{fix}"
    );
    let out = repo.sh(&fix);
    assert!(out.status.success(), "{fix}: {}", text(&out));
    assert_eq!(repo.git(&["rev-parse", "v0.1.1"]), ours);
    let log = repo.read("CHANGELOG.md");
    let newest = log
        .split("## [0.1.2]")
        .nth(1)
        .unwrap_or_else(|| panic!("{log}"));
    let (newest, older) = newest.split_once("## [0.1.1]").unwrap();
    assert!(newest.contains("from b"), "{log}");
    assert!(older.contains("from a"), "{log}");
    let doctor = repo.relhook(&["doctor"]);
    assert!(
        !stdout(&doctor).contains("two release commits"),
        "{}",
        text(&doctor)
    );
}

/// A release commit cherry-picked from its release branch, that branch merged since: two
/// copies of one release, nothing lost, nothing said.
#[test]
fn a_picked_release_commit_whose_branch_is_merged_is_no_twin() {
    let repo = crate::support::untested_installed();
    repo.commit_hooked("feat: one");
    ok(repo.relhook(&["release", "1.0.0"]));
    repo.git(&["switch", "-q", "-c", "release/1.1"]);
    repo.commit_hooked("feat: rel1");
    ok(repo.relhook(&["release", "--allow-branch"]));
    repo.git(&["switch", "-q", "main"]);
    repo.commit_hooked("fix: main fix");
    ok(repo.git_output(&["cherry-pick", "release/1.1~1", "release/1.1"]));
    ok(repo.git_output(&["merge", "-q", "--no-edit", "release/1.1"]));
    repo.commit_hooked("fix: later");
    let doctor = repo.relhook(&["doctor"]);
    assert!(
        !stdout(&doctor).contains("two release commits"),
        "{}",
        text(&doctor)
    );
    let out = repo.relhook(&["release"]);
    assert!(out.status.success(), "{}", text(&out));
}
