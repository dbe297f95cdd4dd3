//! QA33: `version --all --next` named a next version whose tag another line already had
//! (cocogitto's `cocogitto-7.0.0`, checked out one commit below it), where `version
//! --package` skipped past it and `release` refused it.

use crate::support::{Repo, stderr, stdout, text};

#[test]
fn version_all_skips_a_tag_another_line_holds_as_version_package_does() {
    let repo = Repo::new();
    repo.write("a/package.json", r#"{"name":"a","version":"1.0.0"}"#);
    repo.write("b/package.json", r#"{"name":"b","version":"1.0.0"}"#);
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[packages.a]\npath = \"a\"\n[packages.b]\npath = \"b\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.write("a/x", "1\n");
    repo.write("b/x", "1\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat: both");
    let out = repo.relhook(&["release", "--all", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.write("a/y", "2\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat(a): y");
    // Another line already released a 1.1.0.
    repo.git(&["switch", "-q", "-c", "side"]);
    repo.write("a/s", "s\n");
    repo.git(&["add", "-A"]);
    let out = repo.git_skipping_relhook(&["commit", "-q", "-m", "feat(a): s"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_skipping_relhook(&["tag", "-a", "a-v1.1.0", "-m", "a 1.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.git(&["switch", "-q", "-"]);

    let single = repo.relhook(&["version", "--package", "a", "--next"]);
    assert_eq!(stdout(&single).trim(), "1.1.1", "{}", text(&single));
    let all = repo.relhook(&["version", "--all", "--next"]);
    assert_eq!(all.status.code(), Some(0), "{}", text(&all));
    assert!(stdout(&all).contains("a 1.0.0 -> 1.1.1"), "{}", text(&all));
    assert!(
        stderr(&all).contains("tag a-v1.1.0 already exists")
            && stderr(&all).contains("`relhook release --package a 1.1.1`"),
        "{}",
        text(&all)
    );
    let json = repo.relhook(&["version", "--all", "--next", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    let a = &doc["packages"][0];
    assert_eq!(a["next_tag"], "a-v1.1.1", "{doc}");
    assert_eq!(a["taken"], "a-v1.1.0", "{doc}");
}
