//! QA84: a lightweight release tag made past the hook (`RELHOOK_SKIP=1 git tag v0.1.1`) and
//! found later by pre-push was refused with `git tag -a v0.1.1 -m ...` as the way to an
//! annotated one, which git refuses pasted: the tag is there already. The advice now deletes
//! it first, then makes it again annotated where it is (nothing else wrong there), or
//! releases its version.

use crate::support::{Repo, ok, stderr, text};

/// relhook installed, v0.1.0 released over `feat: a`, `fix: b` committed, and `origin`.
fn released() -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.with_origin();
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release"]));
    repo.commit_hooked("fix: b");
    repo
}

/// The command in backquotes in pre-push's refusal of lightweight `tag`.
fn advice(repo: &Repo, tag: &str) -> String {
    let out = repo.git_output(&["push", "-q", "origin", "main", tag]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let line = err
        .lines()
        .find(|l| l.contains("is a lightweight tag"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(!line.contains("(`git tag -a"), "{line}");
    let cmd: Vec<&str> = line.split('`').skip(1).step_by(2).collect();
    cmd.iter()
        .find(|c| c.starts_with("git tag -d "))
        .unwrap_or_else(|| panic!("{line}"))
        .to_string()
}

fn pasted_then_pushed(repo: &Repo, line: &str, tag: &str) {
    let out = repo.sh(line);
    assert!(out.status.success(), "{line}\n{}", text(&out));
    assert_eq!(repo.git(&["cat-file", "-t", tag]), "tag");
    let out = repo.git_output(&["push", "-q", "origin", "main", tag]);
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn a_lightweight_tag_on_a_commit_without_its_release_is_deleted_and_released() {
    let repo = released();
    ok(repo.git_skipping_relhook(&["tag", "v0.1.1"]));
    let line = advice(&repo, "v0.1.1");
    assert_eq!(line, "git tag -d v0.1.1 && relhook release 0.1.1");
    pasted_then_pushed(&repo, &line, "v0.1.1");
    assert_eq!(repo.head_subject(), "chore(release): 0.1.1");
}

#[test]
fn a_lightweight_tag_on_its_release_commit_is_made_again_annotated_there() {
    let repo = released();
    ok(repo.relhook(&["release"]));
    let commit = repo.git(&["rev-parse", "v0.1.1^{commit}"]);
    repo.git(&["tag", "-d", "v0.1.1"]);
    ok(repo.git_skipping_relhook(&["tag", "v0.1.1", &commit]));
    repo.commit_hooked("fix: c");
    let line = advice(&repo, "v0.1.1");
    assert!(
        line.starts_with("git tag -d v0.1.1 && git tag -a v0.1.1 "),
        "{line}"
    );
    pasted_then_pushed(&repo, &line, "v0.1.1");
    assert_eq!(repo.git(&["rev-parse", "v0.1.1^{commit}"]), commit);
}
