//! QA87: `relhook version --all` in a monorepo whose package's version file was set by hand
//! above what its commits call for (p/a/package.json at 2.0.0, a fix since a-v0.1.0) showed
//! `a 0.1.0 -> 0.1.1`, a version `relhook release` refuses, where `version --package a`
//! refuses it and names the version to release. Now `--all` says so too, with that advice,
//! and the advice, pasted, releases.

use crate::support::{Repo, ok, stderr, stdout, text, two_packages};

/// Package `a` released at 0.1.0, then a fix and a hand bump of its package.json to 2.0.0.
fn a_bumped_by_hand() -> Repo {
    let repo = two_packages(
        r#"{"name":"a","version":"0.1.0"}"#,
        r#"{"name":"b","version":"0.1.0"}"#,
    );
    repo.write("p/a/x.txt", "x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat: a thing");
    ok(repo.relhook(&["release", "--package", "a", "--no-test"]));
    repo.write("p/a/y.txt", "y\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix: y");
    repo.write("p/a/package.json", r#"{"name":"a","version":"2.0.0"}"#);
    repo.git(&["add", "-A"]);
    repo.commit_hooked("chore: bump a by hand");
    repo
}

const WHY: &str = "p/a/package.json says 2.0.0 (JSON key `version`), above 0.1.1, the version this release would make, and a release never writes a version file's version down; release the version it holds: `relhook release --package a 2.0.0`";

#[test]
fn all_flags_a_version_file_above_the_next_version_as_the_package_view_does() {
    let repo = a_bumped_by_hand();
    // The package's own view refuses it: `--all` must say the same.
    let alone = repo.relhook(&["version", "--package", "a", "--next"]);
    assert_eq!(alone.status.code(), Some(1), "{}", text(&alone));
    assert!(stderr(&alone).contains(WHY), "{}", text(&alone));

    let next = repo.relhook(&["version", "--all", "--next"]);
    assert_eq!(next.status.code(), Some(1), "{}", text(&next));
    assert_eq!(
        stdout(&next),
        "a 0.1.0 (its release is refused)\nb 0.1.0 (nothing to release)\n",
        "{}",
        text(&next)
    );
    assert!(
        stderr(&next).contains(&format!("relhook: release refused: {WHY}")),
        "{}",
        text(&next)
    );

    let explain = stdout(&ok(repo.relhook(&["version", "--all", "--explain"])));
    assert!(!explain.contains("0.1.0 -> 0.1.1"), "{explain}");
    assert!(
        explain.contains(&format!(
            "next: 0.1.1, which `relhook release --package a` refuses: {WHY}"
        )),
        "{explain}"
    );

    let json = stdout(&ok(repo.relhook(&["version", "--all", "--format", "json"])));
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let a = &doc["packages"][0];
    assert_eq!(a["package"], "a", "{json}");
    assert_eq!(a["refused"]["reason"], "version-file", "{json}");
    assert_eq!(a["refused"]["message"], WHY, "{json}");

    // The advice, pasted, releases the version the file holds.
    ok(repo.relhook(&["release", "--package", "a", "2.0.0"]));
    assert!(!repo.git(&["tag", "-l", "a-v2.0.0"]).is_empty());
    let after = ok(repo.relhook(&["version", "--all", "--next"]));
    assert_eq!(
        stdout(&after),
        "a 2.0.0 (nothing to release)\nb 0.1.0 (nothing to release)\n",
        "{}",
        text(&after)
    );
}
