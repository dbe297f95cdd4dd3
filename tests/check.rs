//! `relhook check` on real histories.

use crate::support::{Repo, stdout, text};

#[test]
fn reports_the_bad_commit_in_the_middle() {
    let repo = Repo::new();
    repo.commit("feat: first");
    let bad = repo.commit("added some stuff");
    repo.commit("fix: third");
    let out = repo.relhook(&["check"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let o = stdout(&out);
    assert!(
        o.contains(&format!("✗ {} added some stuff", &bad[..9])),
        "{o}"
    );
    assert!(o.contains("checked 3 commits"), "{o}");
    assert!(o.contains("1 failed"), "{o}");
    assert!(!o.contains("third"), "passing commits are not listed: {o}");
}

#[test]
fn explicit_range_and_single_commit() {
    let repo = Repo::new();
    let first = repo.commit("bad first");
    repo.commit("feat: good");
    let out = repo.relhook(&["check", &format!("{first}..HEAD")]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.relhook(&["check", &first]).status.code(), Some(1));
    let bad = repo.relhook(&["check", "nope..HEAD"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(crate::support::stderr(&bad).contains("cannot resolve revision range `nope..HEAD`"));
}

#[test]
fn default_range_starts_at_the_last_release_tag() {
    let repo = Repo::new();
    repo.commit("not conventional, before the release");
    repo.commit("feat: x");
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.git(&["checkout", "-q", "-b", "elsewhere"]);
    repo.commit("feat: on another branch");
    repo.git(&["tag", "v9.0.0"]);
    repo.git(&["checkout", "-q", "main"]);
    repo.commit("fix: after");
    let out = repo.relhook(&["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        stdout(&out).contains("checked 1 commit in v1.0.0..HEAD"),
        "{}",
        text(&out)
    );
}

#[test]
fn default_range_prefers_the_upstream() {
    let repo = Repo::new();
    repo.commit("legacy message");
    let remote = repo.dir.path().join("remote.git");
    repo.git(&["init", "-q", "--bare", remote.to_str().unwrap()]);
    repo.git(&["remote", "add", "origin", remote.to_str().unwrap()]);
    repo.git(&["push", "-q", "-u", "origin", "main"]);
    repo.commit("feat: new work");
    let out = repo.relhook(&["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        stdout(&out).contains("in origin/main..HEAD"),
        "{}",
        text(&out)
    );
}

#[test]
fn fixups_fail_check_and_merges_are_ignored() {
    let repo = Repo::new();
    repo.commit("feat: base");
    repo.merged_history("fix: side work", "feat: main work", "Merge branch 'side'");
    assert_eq!(repo.relhook(&["check"]).status.code(), Some(0));
    repo.commit("fixup! feat: main work");
    let out = repo.relhook(&["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["failed"], 1);
    assert_eq!(v["commits"][0]["findings"][0]["rule"], "fixup");
}

#[test]
fn empty_repository_and_outside_a_repository() {
    let repo = Repo::new();
    let out = repo.relhook(&["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let outside = repo
        .command_in(crate::support::relhook_bin(), repo.dir.path())
        .args(["check"])
        .env("GIT_CEILING_DIRECTORIES", repo.dir.path().parent().unwrap())
        .output()
        .unwrap();
    assert_eq!(outside.status.code(), Some(2), "{}", text(&outside));
}

#[test]
fn shallow_clones_are_walked_to_their_boundary() {
    let upstream = Repo::new();
    upstream.commit("feat: one");
    upstream.commit("fix: two");
    upstream.commit("feat: three");
    let repo = Repo::new();
    let url = format!("file://{}", upstream.path().display());
    std::fs::remove_dir_all(repo.path()).unwrap();
    let out = repo
        .command_in("git", repo.dir.path())
        .args(["clone", "-q", "--depth", "1", &url, "repo"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.relhook(&["check", "HEAD"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    // What needs the history beyond the boundary is refused with what to do, never guessed.
    for args in [
        &["version", "--next"][..],
        &["changelog", "--rebuild", "--stdout"],
    ] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text(&out));
        assert!(
            text(&out).contains("git fetch --tags --unshallow"),
            "{}",
            text(&out)
        );
    }
}
