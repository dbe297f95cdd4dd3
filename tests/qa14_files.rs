//! QA14: `--allow-dirty` released the work tree's uncommitted edits; `changelog --rebuild`
//! dropped committed hand edits; doctor missed a changelog path no commit can write; a
//! changelog path inside the git dir was accepted; and smaller nits.

use crate::support::{Repo, listing, stderr, stdout, text};

const PACKAGE: &str =
    "{\n  \"name\": \"x\",\n  \"version\": \"1.0.0\",\n  \"dependencies\": {}\n}\n";

/// relhook installed, package.json at 1.0.0 tagged v1.0.0 (by hand), a fix after it; then
/// uncommitted work: a dependency added beside the version line, a note appended to the
/// changelog.
fn released_with_wip(test: Option<&str>) -> Repo {
    let repo = Repo::new();
    if let Some(argv) = test {
        repo.write(".relconfig.toml", format!("[checks]\ntest = {argv}\n"));
    }
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.write("package.json", PACKAGE);
    repo.git(&["add", "."]);
    repo.commit_hooked("feat: init");
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.commit_hooked("fix: y");
    repo.write(
        "package.json",
        PACKAGE.replace("{}", "{\"left-pad\": \"9.9.9\"}"),
    );
    let log = repo.read("CHANGELOG.md");
    repo.write("CHANGELOG.md", log + "WIP note\n");
    repo
}

/// The release commit and tag hold HEAD's files with relhook's edits; the uncommitted work
/// stays uncommitted in the work tree, with the same edits made in it.
fn assert_released_without_wip(repo: &Repo) {
    let tagged = repo.git(&["show", "v1.0.1:package.json"]);
    assert_eq!(tagged, PACKAGE.replace("1.0.0", "1.0.1").trim_end());
    let log = repo.git(&["show", "v1.0.1:CHANGELOG.md"]);
    assert!(log.contains("## [1.0.1]") && !log.contains("WIP"), "{log}");
    let notes = repo.git(&["tag", "-l", "--format=%(contents)", "v1.0.1"]);
    assert!(notes.contains("- y") && !notes.contains("WIP"), "{notes}");
    let work = repo.read("package.json");
    assert!(
        work.contains("\"version\": \"1.0.1\"") && work.contains("left-pad"),
        "{work}"
    );
    let work = repo.read("CHANGELOG.md");
    assert!(
        work.contains("## [1.0.1]") && work.ends_with("WIP note\n"),
        "{work}"
    );
    assert_eq!(
        repo.git(&["status", "--porcelain"]),
        " M CHANGELOG.md\n M package.json",
        "the work stays uncommitted"
    );
    let diff = repo.git(&["diff", "HEAD", "-U0"]);
    let changed: Vec<_> = diff
        .lines()
        .filter(|l| (l.starts_with('+') || l.starts_with('-')) && !l.starts_with("+++"))
        .filter(|l| !l.starts_with("---"))
        .collect();
    assert_eq!(
        changed,
        [
            "+WIP note",
            "-  \"dependencies\": {}",
            "+  \"dependencies\": {\"left-pad\": \"9.9.9\"}"
        ],
        "{diff}"
    );
}

#[test]
fn release_allow_dirty_leaves_uncommitted_edits_of_the_files_it_edits_out() {
    let repo = released_with_wip(None);
    let out = repo.relhook(&["release", "--allow-dirty", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_released_without_wip(&repo);
}

#[test]
fn release_allow_dirty_tests_the_release_commit_not_the_work_tree() {
    // The test fails on the work tree's uncommitted dependency.
    let repo = released_with_wip(Some(r#"["sh", "-c", "! grep -q left-pad package.json"]"#));
    let out = repo.relhook(&["release", "--allow-dirty"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_released_without_wip(&repo);
}

#[test]
fn release_allow_dirty_refuses_when_the_edit_does_not_carry_over() {
    let repo = released_with_wip(None);
    // The version line itself edited by hand.
    let wip = PACKAGE.replace("\"1.0.0\",", "\"1.0.0\", \"private\": true,");
    repo.write("package.json", wip);
    let files = || {
        let mut all = listing(&repo.path());
        all.retain(|(p, _, _)| !p.starts_with(".git"));
        (all, repo.git(&["show-ref"]))
    };
    let before = files();
    let out = repo.relhook(&["release", "--allow-dirty", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("package.json has uncommitted changes where the release edits it")
            && err.contains("commit them first (`git commit -m "),
        "{err}"
    );
    assert!(files() == before, "nothing written");
    assert_eq!(repo.git(&["tag", "-l", "v1.0.1"]), "");
    let out = repo.relhook(&["release", "--allow-dirty", "--dry-run"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "the plan says so too: {}",
        text(&out)
    );
}

#[test]
fn release_resume_allow_dirty_tags_the_commit_without_the_work_trees_edits() {
    let repo = released_with_wip(None);
    repo.relhook_killed_at(
        "release-committed",
        &["release", "--allow-dirty", "--no-test"],
    );
    let out = repo.relhook(&["release", "--resume", "--allow-dirty", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_released_without_wip(&repo);
    assert!(stdout(&out).is_empty() || !stdout(&out).contains("WIP"));
}

#[test]
fn rebuild_refuses_to_drop_committed_hand_edits_without_force() {
    let repo = crate::support::installed_repo();
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    // Under Unreleased, which a rebuild writes from history (a release's section with a hand
    // line is kept as written: qa164).
    let log = repo.read("CHANGELOG.md");
    let hand = log.replacen(
        "## [Unreleased]\n",
        "## [Unreleased]\n\n### Security\n\n- CVE-2026-0001 patched (hand written)\n",
        1,
    );
    assert_ne!(hand, log);
    repo.write("CHANGELOG.md", &hand);
    repo.git(&["commit", "-qam", "docs: security note"]);
    let out = repo.relhook(&["changelog", "--rebuild"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("`### Security`")
            && err.contains("`- CVE-2026-0001 patched (hand written)` are not from history")
            && err.contains("pass --force to rebuild without them"),
        "{err}"
    );
    assert_eq!(repo.read("CHANGELOG.md"), hand, "nothing written");
    let out = repo.relhook(&["changelog", "--rebuild", "--stdout"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let out = repo.relhook(&["changelog", "--rebuild", "--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(!repo.read("CHANGELOG.md").contains("CVE"));
}

#[test]
fn doctor_reports_a_changelog_path_post_commit_cannot_write() {
    let repo = crate::support::installed_repo();
    std::fs::remove_file(repo.path().join("CHANGELOG.md")).unwrap();
    repo.write("CHANGELOG.md/k", "k\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: a folder"]);
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stdout(&out);
    assert!(
        said.contains("CHANGELOG.md is a directory: post-commit adds no entries")
            && said.contains("fix: point the changelog at a file"),
        "{said}"
    );

    let repo = crate::support::installed_repo();
    let log = repo.read("CHANGELOG.md");
    repo.write("docs/CHANGELOG.md", log);
    std::fs::remove_file(repo.path().join("CHANGELOG.md")).unwrap();
    std::os::unix::fs::symlink("docs/CHANGELOG.md", repo.path().join("CHANGELOG.md")).unwrap();
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: a link"]);
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stdout(&out);
    assert!(
        said.contains("CHANGELOG.md is a symbolic link (to `docs/CHANGELOG.md`)")
            && said.contains("`path = \"docs/CHANGELOG.md\"` under [changelog]"),
        "{said}"
    );
    // The fix it names works: the next commit gets its entry.
    repo.write(
        ".relconfig.toml",
        "[changelog]\npath = \"docs/CHANGELOG.md\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix: after");
    assert!(repo.read("docs/CHANGELOG.md").contains("- after"));
    assert!(repo.relhook(&["install"]).status.success());
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

#[test]
fn a_configured_path_inside_the_git_directory_is_refused_with_its_line() {
    let repo = crate::support::installed_repo();
    for path in [".git/CHANGELOG.md", ".GIT/CHANGELOG.md", "docs/.Git/x.md"] {
        repo.write(
            ".relconfig.toml",
            format!("[changelog]\npath = \"{path}\"\n"),
        );
        let out = repo.relhook(&["changelog", "--sync"]);
        assert_eq!(out.status.code(), Some(2), "{path}: {}", text(&out));
        let err = stderr(&out);
        assert!(
            err.contains(".relconfig.toml:2:8: `changelog.path`")
                && err.contains("is inside the git directory"),
            "{err}"
        );
        let out = repo.relhook(&["doctor"]);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        assert!(stdout(&out).contains("is inside the git directory"));
    }
    assert!(!repo.path().join(".git/CHANGELOG.md").exists());
    repo.write(
        ".relconfig.toml",
        "[version]\nfiles = [{ path = \".git/VERSION\", pattern = \"(.*)\" }]\n",
    );
    let out = repo.relhook(&["doctor"]);
    assert!(
        stdout(&out).contains("is inside the git directory"),
        "{}",
        text(&out)
    );
}

#[test]
fn a_changelog_that_is_not_utf8_is_named_at_its_bad_byte() {
    let repo = crate::support::installed_repo();
    let mut log = repo.read("CHANGELOG.md").into_bytes();
    let line = log.iter().filter(|b| **b == b'\n').count() + 2;
    log.extend_from_slice(b"\n- caf\xe9\n");
    repo.write("CHANGELOG.md", &log);
    repo.git(&["commit", "-q", "--no-verify", "-am", "docs: latin1"]);
    let out = repo.relhook(&["changelog", "--sync"]);
    let err = stderr(&out);
    assert!(
        err.contains(&format!("CHANGELOG.md:{line}: ")) && err.contains("column 6 (byte 0xE9)"),
        "line {line}: {err}"
    );
    let out = repo.try_commit("fix: after");
    let err = stderr(&out);
    assert!(err.contains(&format!("CHANGELOG.md:{line}: ")), "{err}");
}

#[test]
fn a_tags_settled_note_goes_with_the_next_commit() {
    let repo = crate::support::installed_repo();
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.git(&["tag", "-d", "v0.1.0"]);
    repo.git(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    let note = repo.path().join(".git/relhook-tag-settled");
    assert!(
        note.exists(),
        "the hand tag made no release commit and noted it settled"
    );
    repo.git(&["tag", "-d", "v0.1.0"]);
    repo.commit_hooked("fix: y");
    assert!(!note.exists(), "the note speaks for nothing any more");
}

#[test]
fn version_explain_before_any_tag_counts_from_the_start_of_history() {
    let repo = crate::support::installed_repo();
    repo.commit_hooked("fix: y");
    let out = repo.relhook(&["version", "--explain"]);
    let said = text(&out);
    assert!(
        said.contains("2 commits since the start of history") && !said.contains("first commit"),
        "{said}"
    );
}

#[test]
fn a_configured_path_inside_a_git_dir_named_otherwise_is_refused() {
    let repo = Repo::new();
    repo.git(&["init", "-q", "--separate-git-dir=meta.git"]);
    repo.write(
        ".relconfig.toml",
        "[changelog]\npath = \"meta.git/CHANGELOG.md\"\n",
    );
    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out)
            .contains(".relconfig.toml:2:8: `meta.git/CHANGELOG.md` is inside the git directory"),
        "{}",
        text(&out)
    );
    std::fs::remove_file(repo.path().join(".git")).unwrap();
    let out = repo
        .command_in(crate::support::relhook_bin(), &repo.path())
        .env("GIT_DIR", "meta.git")
        .args(["changelog", "--sync"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(!repo.path().join("meta.git/CHANGELOG.md").exists());
}
