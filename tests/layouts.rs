//! Repositories relhook must read as git does: a git dir apart from its work tree (relhook
//! writes the work tree git uses, never the git dir's parent folder), and release tags of
//! another scheme beside relhook's.

use crate::support::{Repo, stderr, text};

/// `git init --separate-git-dir`: the work tree has a `.git` file and the repository has no
/// `core.worktree`; git runs the hooks with `GIT_DIR` set and no `GIT_WORK_TREE`. The
/// changelog is written in the work tree, by post-commit, `--sync` and a hand tag alike, and
/// nothing appears beside the git dir.
#[test]
fn a_separate_git_dir_gets_its_changelog_in_the_work_tree() {
    let repo = Repo::new();
    std::fs::remove_dir_all(repo.path().join(".git")).unwrap();
    let store = repo.scratch("store");
    let gd = store.join("gd");
    repo.git(&[
        "init",
        "-q",
        "-b",
        "main",
        "--separate-git-dir",
        gd.to_str().unwrap(),
    ]);
    assert!(repo.path().join(".git").is_file());
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let beside = store.join("CHANGELOG.md");

    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat: one"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains("created it"), "{}", text(&out));
    assert!(repo.read("CHANGELOG.md").contains("- one"));
    assert!(!beside.exists(), "written beside the git dir");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));

    repo.write("a.txt", "a, fixed\n");
    let out = repo.git_output(&["commit", "-q", "-am", "fix: two"]);
    assert!(out.status.success(), "{}", text(&out));
    let stored = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert!(
        stored.contains("- one") && stored.contains("- two"),
        "{stored}"
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));

    // A command run by hand finds the same work tree.
    let out = repo.git_skipping_relhook(&["commit", "-q", "--allow-empty", "-m", "feat: three"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!repo.read("CHANGELOG.md").contains("- three"));
    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.read("CHANGELOG.md").contains("- three"));
    assert!(!beside.exists(), "written beside the git dir");
    repo.git(&["commit", "-q", "-am", "docs: the missing entry"]);

    let out = repo.git_output(&["tag", "-a", "v0.1.0", "-m", "first"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        repo.head_subject(),
        "chore(release): 0.1.0",
        "{}",
        text(&out)
    );
    assert!(repo.read("CHANGELOG.md").contains("## [0.1.0] - "));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    assert!(!beside.exists());
}

/// A tag of another scheme (`0.1.0`, where tag_prefix is `v`) above a new pre-release: the
/// hand tag is refused before git writes it (git tag fails), as a stable tag at or above it is
/// accepted, never made and then taken away with `git tag` exiting 0.
#[test]
fn a_hand_pre_release_below_an_unprefixed_tag_is_refused_before_it_exists() {
    // No entry under Unreleased from before the old tag, which would have shipped in it.
    let repo = crate::support::untested_installed();
    // Tagged before relhook (whose hand tag refuses a bare version where tags are `v…`).
    let out = repo.git_skipping_relhook(&["tag", "-a", "0.1.0", "-m", "the old scheme"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.commit_hooked("feat: one");
    let err = crate::support::hand_tag_refused(&repo, "v0.1.0-rc.1");
    assert!(
        err.contains("`0.1.0`") && err.contains("tag a version above 0.1.0"),
        "{err}"
    );
    assert!(err.contains("tag_prefix = \"\""), "{err}");
    let out = crate::support::hand_tag(&repo, &["-a", "v0.2.0-rc.1", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        repo.head_subject(),
        "chore(release): 0.2.0-rc.1",
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["tag", "-l", "v0.2.0-rc.1"]), "v0.2.0-rc.1");
}

/// The same version under the other scheme: a release commit for it would release that
/// version a second time (its entries again), so the hand tag is refused before it exists, as
/// `relhook release` refuses it.
#[test]
fn a_hand_tag_of_a_version_the_other_scheme_tagged_is_refused() {
    // No entry under Unreleased from before the old tag, which would have shipped in it.
    let repo = crate::support::untested_installed();
    // The project's old scheme, tagged by hand without the `v`.
    // Tagged before relhook (whose hand tag refuses a bare version where tags are `v…`).
    let out = repo.git_skipping_relhook(&["tag", "-a", "0.2.0", "-m", "old scheme"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.commit_hooked("fix: beta");
    let err = crate::support::hand_tag_refused(&repo, "v0.2.0");
    assert!(
        err.contains("`0.2.0`") && err.contains("already tags 0.2.0"),
        "{err}"
    );
    let out = repo.relhook(&["release", "0.2.0", "--no-test", "--dry-run"]);
    assert_ne!(out.status.code(), Some(0), "{}", text(&out));
    let out = crate::support::hand_tag(&repo, &["-a", "v0.3.0", "-m", "above it"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.head_subject(), "chore(release): 0.3.0");
}

/// `core.worktree` naming a folder apart from the git dir's (a dotfiles-style checkout), run
/// from the git dir's folder as git allows: install, doctor, the hooks, a release and `init`
/// all use that work tree, and the `git` relhook starts finds the repository.
#[test]
fn a_core_worktree_elsewhere_is_the_work_tree_for_every_command() {
    let repo = Repo::new();
    let tree = repo.scratch("tree");
    let meta = repo.path();
    repo.git(&["config", "core.worktree", tree.to_str().unwrap()]);
    let out = repo.relhook(&["init"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(tree.join(".relconfig.toml").is_file(), "{}", text(&out));
    assert!(!meta.join(".relconfig.toml").exists());
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    std::fs::write(tree.join("x.txt"), "x\n").unwrap();
    repo.git(&["add", "x.txt"]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat: one"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = std::fs::read_to_string(tree.join("CHANGELOG.md")).unwrap();
    assert!(log.contains("- one"), "{log}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l"]), "v0.1.0");
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}
