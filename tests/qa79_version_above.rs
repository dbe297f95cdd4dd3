//! QA79: Cargo.toml set to 0.3.0 after v0.1.0, then a `fix:` commit: `relhook release` and
//! `version --next` refuse 0.1.1, a release never writing a version file's version down, but
//! `version --explain` and `--format json` showed `next: 0.1.1` as a version to release. They
//! now say the release refuses it, and why, with the way on, which works pasted.

use crate::support::{Repo, ok, stderr, stdout, text};

/// A crate released as v0.1.0, Cargo.toml then set to 0.3.0, and a fix since.
pub(crate) fn set_above() -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    );
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.write("a.txt", "a\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release"]));
    let manifest = repo.read("Cargo.toml").replace("0.1.0", "0.3.0");
    repo.write("Cargo.toml", manifest);
    repo.git(&["add", "-A"]);
    repo.commit_hooked("chore: set the version to 0.3.0");
    repo.write("b.txt", "b\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix: b");
    repo
}

const WAY_ON: &str = "release the version it holds: `relhook release 0.3.0`";

#[test]
fn explain_and_json_say_the_release_refuses_the_next_version() {
    let repo = set_above();
    let out = repo.relhook(&["release", "--dry-run"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stderr(&out).contains(WAY_ON), "{}", text(&out));
    let out = repo.relhook(&["version", "--next"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));

    let explain = stdout(&ok(repo.relhook(&["version", "--explain"])));
    let next: Vec<&str> = explain.lines().filter(|l| l.starts_with("next:")).collect();
    assert_eq!(next.len(), 1, "{explain}");
    assert!(
        next[0].starts_with("next: 0.1.1, which `relhook release` refuses: Cargo.toml says 0.3.0"),
        "{explain}"
    );
    assert!(next[0].ends_with(WAY_ON), "{explain}");

    let json = stdout(&ok(repo.relhook(&["version", "--format", "json"])));
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    // The fields consumers read are as they were; the refusal is beside them.
    assert_eq!(doc["next"], "0.1.1", "{json}");
    assert_eq!(doc["next_tag"], "v0.1.1", "{json}");
    assert_eq!(doc["level"], "patch", "{json}");
    assert_eq!(doc["refused"]["reason"], "version-file", "{json}");
    assert_eq!(doc["refused"]["hint"], WAY_ON, "{json}");
    let message = doc["refused"]["message"].as_str().unwrap();
    assert!(message.starts_with("Cargo.toml says 0.3.0"), "{json}");

    // The way on, pasted, releases.
    let out = repo.sh("relhook release 0.3.0");
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["tag"]), "v0.1.0\nv0.3.0");
}

#[test]
fn a_next_version_the_release_makes_has_no_refusal() {
    let repo = set_above();
    repo.git(&["reset", "-q", "--hard", "v0.1.0"]);
    repo.write("b.txt", "b\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix: b");
    let explain = stdout(&ok(repo.relhook(&["version", "--explain"])));
    assert!(explain.lines().any(|l| l == "next: 0.1.1"), "{explain}");
    let json = stdout(&ok(repo.relhook(&["version", "--format", "json"])));
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(doc.get("refused").is_none(), "{json}");
}
