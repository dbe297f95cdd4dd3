//! Files under a `filter` attribute (git-lfs's `filter=lfs`): a release (and a hand tag's
//! release commit) commits what git's clean filter makes of a version file, the blob `git add`
//! would store, or refuses before it writes anything when the filter cannot run. A changelog
//! under a filter never gets a raw blob committed either. A stand-in filter (`tr a-z A-Z`)
//! shows the blob; git-lfs itself is used too where it is installed.

use crate::support::{
    Repo, SKELETON, dated_release, hand_tag, hand_tag_refused, installed_repo, ok, stderr, text,
};

const PACKAGE: &str = "{\n  \"name\": \"app\",\n  \"version\": \"0.1.0\"\n}\n";

/// The filter `upper` (its clean command upper-cases) on package.json, committed as `git add`
/// stores it.
fn with_upper_filter(repo: &Repo) {
    repo.git(&["config", "filter.upper.clean", "tr a-z A-Z"]);
    repo.write(".gitattributes", "package.json filter=upper\n");
    repo.write("package.json", PACKAGE);
    repo.git(&["add", "."]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "chore: package"]));
}

/// A repository with a changelog and package.json under `upper`, and a feature since.
fn upper_repo() -> Repo {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", SKELETON);
    with_upper_filter(&repo);
    repo.git(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    repo.commit("feat: one");
    repo
}

/// The blob git stores for the work tree's `path` (its clean filter run), and the committed one.
fn git_blob_and_committed(repo: &Repo, rev: &str, path: &str) -> (String, String) {
    let git = repo.git(&["hash-object", &format!("--path={path}"), path]);
    (git, repo.git(&["rev-parse", &format!("{rev}:{path}")]))
}

#[test]
fn a_release_commits_a_filtered_version_file_as_git_add_would() {
    let repo = upper_repo();
    let out = dated_release(&repo, &["--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.read("package.json").contains("\"version\": \"0.1.1\""));
    let (git, committed) = git_blob_and_committed(&repo, "HEAD", "package.json");
    assert_eq!(committed, git, "the blob `git add` stores");
    assert!(
        repo.git(&["show", "HEAD:package.json"])
            .contains("\"VERSION\": \"0.1.1\"")
    );
    // A file under no filter is committed as it is.
    assert!(
        repo.git(&["show", "HEAD:CHANGELOG.md"])
            .contains("## [0.1.1] - 2026-11-21")
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

#[test]
fn a_hand_tag_commits_a_filtered_version_file_as_git_add_would() {
    let repo = installed_repo();
    with_upper_filter(&repo);
    repo.commit_hooked("feat: two");
    let out = hand_tag(&repo, &["-a", "v0.2.0", "-m", "second"]);
    assert!(out.status.success(), "{}", text(&out));
    let (git, committed) = git_blob_and_committed(&repo, "v0.2.0", "package.json");
    assert_eq!(committed, git, "the blob `git add` stores");
    assert!(
        repo.git(&["show", "v0.2.0:package.json"])
            .contains("\"VERSION\": \"0.2.0\"")
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

/// What a refused release must leave as it was.
fn state(repo: &Repo) -> (String, String, String, String) {
    (
        repo.git(&["rev-parse", "HEAD"]),
        repo.git(&["tag"]),
        repo.read("package.json"),
        repo.read("CHANGELOG.md"),
    )
}

/// A filter that fails (git-lfs's `filter.lfs.required` with git-lfs gone), and one
/// .gitattributes names but git has no command for: refused in one line naming the file and
/// the fix, before anything is written; the dry run says the same.
#[test]
fn a_filter_that_cannot_run_refuses_the_release_before_anything_is_written() {
    let repo = upper_repo();
    repo.git(&["config", "filter.upper.clean", "false"]);
    repo.git(&["config", "filter.upper.required", "true"]);
    let before = state(&repo);
    for args in [&["--no-test", "--dry-run"][..], &["--no-test"]] {
        let out = dated_release(&repo, args);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains("package.json is under git's `upper` filter")
                && err.contains("the filter failed")
                && err.contains("filter.upper"),
            "{err}"
        );
        assert_eq!(state(&repo), before);
    }
    repo.git(&["config", "--unset", "filter.upper.clean"]);
    let out = dated_release(&repo, &["--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("package.json is under git's `upper` filter")
            && err.contains("git has no `filter.upper.clean`"),
        "{err}"
    );
    assert_eq!(state(&repo), before);
}

#[test]
fn a_hand_tag_whose_filter_cannot_run_is_refused_before_the_tag() {
    let repo = installed_repo();
    with_upper_filter(&repo);
    repo.commit_hooked("feat: two");
    repo.git(&["config", "filter.upper.clean", "false"]);
    repo.git(&["config", "filter.upper.required", "true"]);
    let package = repo.read("package.json");
    let err = hand_tag_refused(&repo, "v0.2.0");
    assert!(
        err.contains("package.json is under git's `upper` filter"),
        "{err}"
    );
    assert_eq!(repo.read("package.json"), package);
}

fn has_git_lfs(repo: &Repo) -> bool {
    repo.git_output(&["lfs", "version"]).status.success()
}

/// git-lfs itself: the release commits package.json as an LFS pointer; with git-lfs's
/// program gone (its filter required), the release is refused.
#[test]
fn with_git_lfs_a_release_commits_the_pointer_or_refuses() {
    let repo = Repo::new();
    if !has_git_lfs(&repo) {
        return;
    }
    repo.git(&["lfs", "install", "--local"]);
    repo.git(&["lfs", "track", "package.json"]);
    repo.write("CHANGELOG.md", SKELETON);
    repo.write("package.json", PACKAGE);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: package"]);
    repo.git(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    repo.commit("feat: one");
    let out = dated_release(&repo, &["--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let stored = repo.git(&["show", "HEAD:package.json"]);
    assert!(
        stored.starts_with("version https://git-lfs.github.com/spec/v1\n"),
        "{stored}"
    );
    let (git, committed) = git_blob_and_committed(&repo, "HEAD", "package.json");
    assert_eq!(committed, git);
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    assert!(repo.read("package.json").contains("\"version\": \"0.1.1\""));

    // git-lfs gone from this machine: its filter commands name a program that is not there.
    repo.commit("feat: two");
    for (key, value) in [
        ("filter.lfs.process", "git-lfs-gone filter-process"),
        ("filter.lfs.clean", "git-lfs-gone clean -- %f"),
    ] {
        repo.git(&["config", key, value]);
    }
    let before = state(&repo);
    let out = dated_release(&repo, &["--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("package.json is under git's `lfs` filter"),
        "{}",
        text(&out)
    );
    assert_eq!(state(&repo), before);
}

/// CHANGELOG.md under git-lfs: post-commit commits no raw blob (whether the file is
/// committed as a pointer or not committed yet) and says so in one line; `--sync` writes the
/// work tree only, and a release commits the pointer git-lfs makes.
#[test]
fn a_changelog_under_git_lfs_never_gets_a_raw_blob_committed() {
    let repo = Repo::new();
    if !has_git_lfs(&repo) {
        return;
    }
    repo.git(&["lfs", "install", "--local"]);
    assert!(repo.relhook(&["install", "--force"]).status.success());
    repo.git(&["lfs", "track", "CHANGELOG.md"]);
    repo.git(&["add", ".gitattributes"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "chore: lfs"]));
    // Not committed yet: post-commit would create it inside the commit.
    std::fs::remove_file(repo.path().join("CHANGELOG.md")).ok();
    let out = repo.try_commit("feat: one");
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("CHANGELOG.md is under git's `lfs` filter"),
        "{said}"
    );
    assert_eq!(said.lines().filter(|l| l.contains("relhook")).count(), 1);
    assert_eq!(repo.git(&["ls-tree", "HEAD", "CHANGELOG.md"]), "");

    // Committed as a pointer: it stays the pointer.
    repo.write("CHANGELOG.md", SKELETON);
    repo.git(&["add", "CHANGELOG.md"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "chore: changelog"]));
    let pointer = repo.git(&["rev-parse", "HEAD:CHANGELOG.md"]);
    let out = repo.try_commit("feat: two");
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("CHANGELOG.md is under git's `lfs` filter"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["rev-parse", "HEAD:CHANGELOG.md"]), pointer);

    // `--sync` writes the entries into the work tree's file, and commits nothing.
    let head = repo.git(&["rev-parse", "HEAD"]);
    ok(repo.relhook(&["changelog", "--sync"]));
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert!(repo.read("CHANGELOG.md").contains("- two"));
    repo.git(&["add", "CHANGELOG.md"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "docs: entries"]));

    // A release commits git-lfs's pointer of the new changelog.
    let out = dated_release(&repo, &["--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let (git, committed) = git_blob_and_committed(&repo, "HEAD", "CHANGELOG.md");
    assert_eq!(committed, git);
    assert!(
        repo.git(&["show", "HEAD:CHANGELOG.md"])
            .starts_with("version https://git-lfs.github.com/spec/v1\n")
    );
    assert!(
        repo.read("CHANGELOG.md")
            .contains("## [0.1.0] - 2026-11-21")
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}
