//! QA55: a hand tag (`git tag -a v0.1.2`) above a tag that slipped the release tags' prefix
//! (`0.1.1` where they are `v0.1.0`) was refused with a CHANGELOG.md section to write by hand,
//! and one of the slip's own version (`v0.1.1`) with a version above it or `tag_prefix = ""`,
//! refused pasted. Now the tag hook gives the slip's fix as `relhook release` does, and lets
//! the slip's version be tagged beside it where a remote's branch holds it.

use crate::support::{Repo, hand_tag, ok, stderr, stdout, text};

/// relhook installed with a passing test, v0.1.0 released, `fix: b` and `fix: c` committed on
/// top, and `0.1.1` tagged past the hook on them; with `main` and it on `origin` if `pushed`.
fn slipped(pushed: bool) -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: cfg"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release"]));
    repo.commit_hooked("fix: b");
    repo.commit_hooked("fix: c");
    ok(repo.git_skipping_relhook(&["tag", "-a", "0.1.1", "-m", "0.1.1"]));
    if pushed {
        repo.with_origin();
        ok(repo.git_skipping_relhook(&["push", "-q", "--follow-tags", "origin", "main"]));
    }
    repo
}

/// The last command in backquotes on the `refusing tag` line of `git tag -a <tag>`.
fn refused(repo: &Repo, tag: &str) -> String {
    let out = hand_tag(repo, &["-a", tag, "-m", tag]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let line = (err.lines())
        .find(|l| l.starts_with(&format!("relhook: refusing tag {tag}: ")))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(!line.contains("move them"), "{line}");
    assert!(!line.contains("tag a version above"), "{line}");
    let words: Vec<&str> = line.split('`').skip(1).step_by(2).collect();
    words.last().unwrap().to_string()
}

#[test]
fn a_hand_tag_above_a_slip_of_this_clone_names_its_deletion_and_the_release() {
    let repo = slipped(false);
    let cmd = refused(&repo, "v0.1.2");
    assert_eq!(cmd, "git tag -d 0.1.1 && relhook release 0.1.2");
    assert_eq!(
        refused(&repo, "v0.1.1"),
        "git tag -d 0.1.1 && relhook release 0.1.1"
    );
    ok(repo.sh(&cmd));
    assert_eq!(repo.git(&["tag", "-l"]), "v0.1.0\nv0.1.2");
}

#[test]
fn a_published_slip_s_version_is_tagged_beside_it() {
    let repo = slipped(true);
    assert_eq!(refused(&repo, "v0.1.2"), "relhook release 0.1.1");
    let out = hand_tag(&repo, &["-a", "v0.1.1", "-m", "v0.1.1"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l"]), "0.1.1\nv0.1.0\nv0.1.1");
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("## [0.1.1] - 2026-11-21\n\n### Fixed\n\n- b\n- c\n"),
        "{log}"
    );
    assert_eq!(stdout(&ok(repo.relhook(&["version"]))).trim(), "0.1.1");
}
