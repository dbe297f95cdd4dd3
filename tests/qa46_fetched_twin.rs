//! QA46: two clones released 0.1.0 and the other pushed first. After a fetch, doctor said all
//! was well and `relhook release` advised `git pull --rebase --tags origin main`, which git
//! refused (`would clobber existing tag`). Both now name the twin release and the way that
//! works: this clone's tag and release commit dropped, origin's tag taken, then the pull.

use std::path::PathBuf;

use crate::support::{Repo, ok, stderr, stdout, text};

/// The repository (clone `a`) with relhook installed, `shared` committed if given, pushed,
/// and cloned as `b` with relhook installed. Returns `b`.
fn two_clones(repo: &Repo, shared: Option<&str>) -> PathBuf {
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    if let Some(message) = shared {
        repo.commit_hooked(message);
    }
    let remote = repo.with_origin();
    repo.git(&["push", "-q", "-u", "origin", "main"]);
    let b = repo.dir.path().join("b");
    let (remote, at) = (remote.to_str().unwrap(), b.to_str().unwrap());
    repo.git(&["clone", "-q", "-b", "main", remote, at]);
    ok(repo.relhook_in(&b, &["install"]));
    b
}

/// Clone `a` (the repository) released `fix: a` as 0.1.0 and pushed; clone `b` released
/// `fix: c` as 0.1.0 too, then fetched. Returns `b`.
fn twin_clones(repo: &Repo) -> PathBuf {
    let b = two_clones(repo, None);
    repo.commit_hooked("fix: a");
    ok(repo.relhook(&["release"]));
    repo.git(&["push", "-q", "--follow-tags"]);
    ok(repo.try_commit_in(&b, "fix: c"));
    ok(repo.relhook_in(&b, &["release"]));
    ok(repo.git_in(&b, &["fetch", "-q"], &[]));
    b
}

const FIX: &str = "git tag -d v0.1.0 && git reset --keep ";

#[test]
fn doctor_names_the_release_origin_made_of_a_tagged_version() {
    let repo = Repo::new();
    let b = twin_clones(&repo);
    let out = repo.relhook_in(&b, &["doctor"]);
    let said = stdout(&out);
    assert!(!said.contains("all is well"), "{}", text(&out));
    assert!(
        said.contains("another release commit of v0.1.0 than this clone's"),
        "{}",
        text(&out)
    );
    assert!(said.contains(FIX), "{}", text(&out));
}

#[test]
fn the_release_refusal_gives_a_fix_that_works_when_pasted() {
    let repo = Repo::new();
    let b = twin_clones(&repo);
    let out = repo.relhook_in(&b, &["release"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(!err.contains("behind"), "{err}");
    let start = err.find(FIX).unwrap_or_else(|| panic!("{err}"));
    let fix = &err[start..err[start..].find('`').map_or(err.len(), |e| start + e)];
    assert!(
        fix.contains("git fetch origin tag v0.1.0 && git pull --rebase --tags origin main"),
        "{fix}"
    );
    let run = repo.sh(&format!("cd {} && {fix}", b.display()));
    assert!(run.status.success(), "{fix}\n{}", text(&run));
    // Origin's 0.1.0 kept; this clone's work released above it.
    let tags = ok(repo.git_in(&b, &["tag", "--points-at", "origin/main"], &[]));
    assert_eq!(stdout(&tags).trim(), "v0.1.0");
    let log = std::fs::read_to_string(b.join("CHANGELOG.md")).unwrap();
    assert!(log.contains("## [0.1.1]"), "{log}");
    let out = repo.relhook_in(&b, &["doctor"]);
    assert!(stdout(&out).contains("all is well"), "{}", text(&out));
}

#[test]
fn a_clone_with_nothing_of_its_own_is_not_told_to_release_again() {
    let repo = Repo::new();
    let b = two_clones(&repo, Some("fix: one"));
    ok(repo.relhook(&["release"]));
    repo.git(&["push", "-q", "--follow-tags"]);
    // The same commits released in b an hour later: another release commit of 0.1.0.
    let later = |cmd: &mut std::process::Command| {
        cmd.env("GIT_COMMITTER_DATE", "2026-01-01T13:00:00Z")
            .env("GIT_AUTHOR_DATE", "2026-01-01T13:00:00Z")
            .output()
            .expect("run relhook")
    };
    ok(later(
        repo.command_in(crate::support::relhook_bin(), &b)
            .arg("release"),
    ));
    ok(repo.git_in(&b, &["fetch", "-q"], &[]));
    let out = repo.relhook_in(&b, &["doctor"]);
    let said = stdout(&out);
    let start = said.find(FIX).unwrap_or_else(|| panic!("{}", text(&out)));
    let fix = said[start..].lines().next().unwrap_or_default();
    assert!(!fix.contains("relhook release"), "{fix}");
    let run = repo.sh(&format!("cd {} && {fix}", b.display()));
    assert!(run.status.success(), "{fix}\n{}", text(&run));
    let out = repo.relhook_in(&b, &["doctor"]);
    assert!(stdout(&out).contains("all is well"), "{}", text(&out));
}
