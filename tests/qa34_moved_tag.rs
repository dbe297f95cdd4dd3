//! QA34: a release tag moved past the hook (`RELHOOK_SKIP=1 git tag -f`) above its release
//! commit. Only pre-push saw it, and its fix (`relhook release 0.1.0`) contradicted its own
//! detail line; doctor said "all is well" and `relhook release` "no commits since v0.1.0".
//! Also in a repository installed before its first commit, which has no adoption note.

use crate::support::{hand_tag, installed_repo, stderr, stdout, text};

/// An installed repository with no test record required and `feat: one` released as v0.1.0
/// by a hand tag (its release commit at HEAD).
fn released() -> crate::support::Repo {
    let repo = installed_repo();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", ".relconfig.toml"]);
    repo.git(&["commit", "-q", "-m", "chore: config"]);
    repo.commit_hooked("feat: one");
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "r"]);
    assert!(out.status.success(), "{}", text(&out));
    repo
}

#[test]
fn a_tag_moved_above_its_release_commit_is_named_everywhere_with_one_fix_that_works() {
    let repo = released();
    let release = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    repo.commit_hooked("fix: two");
    let out = repo.git_skipping_relhook(&["tag", "-f", "-a", "v0.1.0", "-m", "moved"]);
    assert!(out.status.success(), "{}", text(&out));
    let retag = format!("git tag -d v0.1.0 && git tag -a v0.1.0 -m v0.1.0 {release}");

    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stdout(&out);
    assert!(said.contains("INVALID  tag v0.1.0"), "{said}");
    assert!(said.contains("(`- two`)"), "{said}");
    assert!(said.contains(&format!("fix: {retag}")), "{said}");

    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(!err.contains("nothing to release"), "{err}");
    assert!(
        err.contains(&format!("so it can be moved: `{retag}`")),
        "{err}"
    );

    repo.with_origin();
    let out = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let fix = err.lines().find(|l| l.trim_start().starts_with("fix:"));
    let fix = fix.unwrap_or_else(|| panic!("no fix line: {err}"));
    assert!(fix.contains(&format!("`{retag}`")), "{err}");
    assert!(!fix.contains("relhook release"), "{err}");

    // The way named works, with the hooks on: the tag goes back, then 0.1.1 releases `two`.
    repo.git(&["tag", "-d", "v0.1.0"]);
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0", &release]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let out = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.read("CHANGELOG.md").contains("## [0.1.1]"));
}

#[test]
fn a_tag_made_past_the_hook_is_named_in_a_repository_installed_before_its_first_commit() {
    let repo = installed_repo();
    repo.commit_hooked("feat: one");
    let out = repo.git_skipping_relhook(&["tag", "-a", "v0.1.0", "-m", "r"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stdout(&out).contains("INVALID  tag v0.1.0"),
        "{}",
        text(&out)
    );
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("`git tag -d v0.1.0`, then `relhook release 0.1.0`"),
        "{}",
        text(&out)
    );
}

#[test]
fn a_tag_made_past_the_hook_outside_an_installed_repository_is_left_alone() {
    let repo = crate::support::Repo::new();
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    repo.git(&["commit", "-q", "-m", "feat: a"]);
    repo.write(
        "CHANGELOG.md",
        "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- a\n",
    );
    repo.git(&["add", "CHANGELOG.md"]);
    repo.git(&["commit", "-q", "-m", "docs: changelog"]);
    repo.git(&["tag", "-a", "v0.1.0", "-m", "r"]);
    let out = repo.relhook(&["doctor"]);
    assert!(!stdout(&out).contains("tag v0.1.0"), "{}", text(&out));
}

/// QA34: a release tag made with plumbing (`git update-ref`), which the hook leaves alone as it
/// is no `git tag`: doctor said "all is well".
#[test]
fn a_release_tag_made_with_update_ref_is_named_by_doctor() {
    let repo = installed_repo();
    repo.commit_hooked("feat: one");
    repo.git(&["update-ref", "refs/tags/v0.1.0", "HEAD"]);
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stdout(&out);
    assert!(said.contains("INVALID  tag v0.1.0"), "{said}");
    assert!(said.contains("`git update-ref`"), "{said}");
    assert!(
        said.contains("fix: git tag -d v0.1.0 && relhook release 0.1.0"),
        "{said}"
    );
}

/// QA34: `git tag -f` of a release tag with a new message on its own commit was told to
/// "release the later work", of which there is none.
#[test]
fn a_release_tag_made_again_on_its_commit_is_refused_without_later_work() {
    let repo = installed_repo();
    repo.commit_hooked("feat: one");
    assert!(
        hand_tag(&repo, &["-a", "v0.1.0", "-m", "r"])
            .status
            .success()
    );
    let out = hand_tag(&repo, &["-f", "-a", "v0.1.0", "-m", "new message"]);
    assert_eq!(out.status.code(), Some(128), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("never moved or replaced"), "{err}");
    assert!(!err.contains("later work"), "{err}");
    repo.commit_hooked("fix: two");
    let out = hand_tag(&repo, &["-f", "-a", "v0.1.0", "-m", "moved"]);
    assert_eq!(out.status.code(), Some(128), "{}", text(&out));
    assert!(
        stderr(&out).contains("release the later work"),
        "{}",
        text(&out)
    );
}

/// QA34: a release tag moved down below its release commit had two fixes in doctor, `--resume`
/// and `git tag -d && relhook release`, whose release is refused there; `--resume` is the one.
#[test]
fn a_tag_moved_below_its_release_commit_has_the_one_fix_that_works() {
    let repo = released();
    let out = repo.git_skipping_relhook(&["tag", "-f", "-a", "v0.1.0", "-m", "x", "HEAD~1"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert_eq!(said.matches("INVALID").count(), 1, "{said}");
    assert!(said.contains("fix: relhook release --resume"), "{said}");
    let out = repo.relhook(&["release", "--resume"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

/// QA34: a release tag moved onto another branch's commit was called a copy of its release
/// commit, published though nothing was pushed, and the fix dropped the real release commit
/// and merged the other branch. It is told as moved, and the fix moves it back.
#[test]
fn a_tag_moved_onto_another_branch_is_moved_back() {
    let repo = released();
    let release = repo.git(&["rev-parse", "HEAD"]);
    repo.git(&["switch", "-q", "-c", "side", "HEAD~1"]);
    repo.commit_hooked("feat: side");
    let out = repo.git_skipping_relhook(&["tag", "-f", "-a", "v0.1.0", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.git(&["switch", "-q", "main"]);

    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(
        said.contains("the tag moved off its release commit?"),
        "{said}"
    );
    assert!(
        !said.contains("published") && !said.contains("git merge"),
        "{said}"
    );
    let fix = said
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("no fix: {said}"));
    assert!(fix.starts_with("RELHOOK_SKIP=1 git tag -f -a"), "{said}");
    let out = repo.sh(fix);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["rev-parse", "v0.1.0^{commit}"]), release);
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

/// QA34: a release tag pushed with its release commit, then moved above it here: doctor said
/// "it is not pushed, so it can be moved", and moving it by hand made another tag object,
/// which pre-push refuses as the published tag made again. The fix fetches it back.
#[test]
fn a_published_tag_moved_above_its_release_commit_is_fetched_back() {
    let repo = released();
    let published = repo.git(&["rev-parse", "v0.1.0"]);
    repo.with_origin();
    let out = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.commit_hooked("fix: two");
    let out = repo.git_skipping_relhook(&["tag", "-f", "-a", "v0.1.0", "-m", "moved"]);
    assert!(out.status.success(), "{}", text(&out));

    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(!said.contains("it is not pushed"), "{said}");
    let fix = said
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("no fix: {said}"));
    assert!(
        fix.starts_with("git fetch --force origin tag v0.1.0 || {"),
        "{said}"
    );
    let out = repo.sh(fix);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["rev-parse", "v0.1.0"]), published);
    let out = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
}
