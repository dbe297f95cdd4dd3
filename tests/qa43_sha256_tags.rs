//! QA43: in a SHA-256 repository that has relhook's hooks (copied by `init.templateDir` or a
//! shared `core.hooksPath`), a release tag made or moved by hand went by unchecked without a
//! word (the hook read no SHA-1 ids in its input, so it saw no tag). It is refused now, as in a
//! reftable repository, with the line that says relhook cannot work here; a tag that names no
//! version goes, with a word; the moves of a release tag by `git update-ref` are refused too.

use std::path::{Path, PathBuf};

use crate::support::{Repo, stderr, text};

/// A repository with `format` (`--object-format=sha256`, `--ref-format=reftable`) whose
/// hooks are relhook's, copied from an installed repository by `--template`, with one commit.
fn hooked(format: &str) -> (Repo, PathBuf) {
    let repo = Repo::new();
    let out = repo.relhook(&["install"]);
    assert!(out.status.success(), "{}", text(&out));
    let template = repo.scratch("template");
    let hooks = template.join("hooks");
    std::fs::create_dir_all(&hooks).unwrap();
    for name in [
        "commit-msg",
        "post-commit",
        "pre-push",
        "reference-transaction",
    ] {
        std::fs::copy(repo.hooks_dir().join(name), hooks.join(name)).unwrap();
    }
    let dir = repo.scratch("other");
    let t = format!("--template={}", template.display());
    let out = repo.git_in(
        &repo.path(),
        &["init", "-q", format, &t, dir.to_str().unwrap()],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out));
    std::fs::write(dir.join("a"), "a\n").unwrap();
    let out = repo.git_in(&dir, &["add", "a"], &[]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_in(&dir, &["commit", "-q", "-m", "feat: a"], &[]);
    assert!(out.status.success(), "{}", text(&out));
    (repo, dir)
}

fn tags(repo: &Repo, dir: &Path) -> String {
    let out = repo.git_in(dir, &["tag", "-l"], &[]);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `out` refused `tag`, saying in one line why relhook cannot check it.
fn refused(out: &std::process::Output, tag: &str, why: &str) {
    assert!(!out.status.success(), "{}", text(out));
    let err = stderr(out);
    let line = err
        .lines()
        .find(|l| l.starts_with(&format!("relhook: refusing tag {tag}: ")))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(line.contains("relhook cannot work here"), "{err}");
    assert!(line.contains(why), "{err}");
}

#[test]
fn a_hand_tag_in_a_sha256_repository_is_refused_not_let_by() {
    let (repo, dir) = hooked("--object-format=sha256");
    let out = repo.git_in(&dir, &["tag", "v2.0.0"], &[]);
    refused(&out, "v2.0.0", "SHA-256");
    let out = repo.git_in(&dir, &["tag", "-a", "v1.0.0", "-m", "x"], &[]);
    refused(&out, "v1.0.0", "SHA-256");
    assert_eq!(tags(&repo, &dir), "");
    // Made without relhook, the tag is not moved with it.
    let out = repo.git_in(
        &dir,
        &["tag", "-a", "v1.0.0", "-m", "x"],
        &[("RELHOOK_SKIP", "1")],
    );
    assert!(out.status.success(), "{}", text(&out));
    let before = repo.git_in(&dir, &["rev-parse", "v1.0.0"], &[]).stdout;
    let out = repo.git_in(&dir, &["tag", "-f", "-a", "v1.0.0", "-m", "moved"], &[]);
    refused(&out, "v1.0.0", "SHA-256");
    let out = repo.git_in(
        &dir,
        &["commit", "-q", "--allow-empty", "-m", "fix: b"],
        &[],
    );
    let out2 = repo.git_in(&dir, &["update-ref", "refs/tags/v1.0.0", "HEAD"], &[]);
    assert!(!out2.status.success(), "{}\n{}", text(&out), text(&out2));
    assert!(
        stderr(&out2).contains("relhook cannot work here"),
        "{}",
        text(&out2)
    );
    assert_eq!(
        repo.git_in(&dir, &["rev-parse", "v1.0.0"], &[]).stdout,
        before
    );
    // A tag that names no version goes, with a word.
    let out = repo.git_in(&dir, &["tag", "build-7"], &[]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("relhook cannot work here"),
        "{}",
        text(&out)
    );
}

#[test]
fn a_release_tag_moved_by_update_ref_in_a_reftable_repository_is_refused() {
    let (repo, dir) = hooked("--ref-format=reftable");
    let out = repo.git_in(&dir, &["tag", "v2.0.0"], &[]);
    refused(&out, "v2.0.0", "reftable");
    let out = repo.git_in(
        &dir,
        &["tag", "-a", "v1.0.0", "-m", "x"],
        &[("RELHOOK_SKIP", "1")],
    );
    assert!(out.status.success(), "{}", text(&out));
    let before = repo.git_in(&dir, &["rev-parse", "v1.0.0"], &[]).stdout;
    let out = repo.git_in(
        &dir,
        &["commit", "-q", "--allow-empty", "-m", "fix: b"],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_in(&dir, &["update-ref", "refs/tags/v1.0.0", "HEAD"], &[]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("relhook cannot work here"),
        "{}",
        text(&out)
    );
    assert_eq!(
        repo.git_in(&dir, &["rev-parse", "v1.0.0"], &[]).stdout,
        before
    );
}

#[test]
fn a_push_and_a_commit_in_a_sha256_repository_say_relhook_cannot_work_here() {
    let (repo, dir) = hooked("--object-format=sha256");
    let remote = repo.scratch("remote.git");
    let out = repo.git_in(
        &remote,
        &["init", "-q", "--bare", "--object-format=sha256"],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_in(&dir, &["push", remote.to_str().unwrap(), "HEAD:main"], &[]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("relhook cannot work here"),
        "{}",
        text(&out)
    );
    let out = repo.git_in(
        &dir,
        &["commit", "-q", "--allow-empty", "-m", "feat: c"],
        &[],
    );
    assert!(
        stderr(&out).contains("relhook cannot work here"),
        "{}",
        text(&out)
    );
}
