//! QA pass 4 of monorepo support: each test is a fault reproduced end to end before it was
//! fixed (notes of a package tag, a moved package at pre-push, silent post-commit, the
//! version grep of a package release, package hints, a dependent's first release).

use std::process::Output;

use crate::support::{Repo, SKELETON, relhook_bin, stderr, stdout, text};

fn release(repo: &Repo, args: &[&str]) -> Output {
    let mut cmd = repo.command_in(relhook_bin(), &repo.path());
    cmd.env("RELHOOK_DATE", "2026-11-21")
        .arg("release")
        .args(args);
    cmd.output().unwrap()
}

fn ok(out: &Output) {
    assert_eq!(out.status.code(), Some(0), "{}", text(out));
}

fn commit_all(repo: &Repo, message: &str) {
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", message]);
}

/// `relhook notes` of a package's tag prints the package's section (what the tag message
/// holds), never the root changelog or the root's commits, and `version` is the version.
#[test]
fn notes_of_a_package_tag_come_from_the_package_changelog() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        r#"{"name":"root","private":true,"workspaces":["packages/*"]}"#,
    );
    repo.write(
        "packages/a/package.json",
        r#"{"name":"@s/a","version":"1.0.0"}"#,
    );
    repo.write(
        ".relconfig.toml",
        "[packages.\"@s/a\"]\npath = \"packages/a\"\ntag = \"@s/a@{version}\"\n",
    );
    commit_all(&repo, "chore: start");
    repo.git(&["tag", "-a", "@s/a@1.0.0", "-m", "a"]);
    repo.commit("fix: root level thing");
    repo.write("packages/a/x.js", "x\n");
    commit_all(&repo, "feat: a thing");
    ok(&release(&repo, &["--package", "@s/a", "--no-test"]));
    let message = repo.git(&["tag", "-l", "--format=%(contents)", "@s/a@1.1.0"]);
    assert!(message.contains("- a thing"), "{message}");

    let out = repo.relhook(&["notes", "@s/a@1.1.0"]);
    ok(&out);
    assert_eq!(stdout(&out), "### Added\n\n- a thing\n", "{}", text(&out));
    assert!(!text(&out).contains("root level thing"), "{}", text(&out));
    assert_eq!(stderr(&out), "", "{}", text(&out));
    let json = repo.relhook(&["notes", "@s/a@1.1.0", "--format", "json"]);
    ok(&json);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(doc["version"], "1.1.0", "{doc}");
    assert_eq!(doc["tag"], "@s/a@1.1.0", "{doc}");
}

/// A package tag made by hand (`{name}-v{version}`) whose package changelog has the section,
/// while the root changelog has none: the package's section is printed.
#[test]
fn notes_of_a_hand_made_package_tag_read_its_section() {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", SKELETON);
    repo.write(
        "crates/dictgen/Cargo.toml",
        "[package]\nname = \"dictgen\"\nversion = \"0.6.0\"\n",
    );
    repo.write(
        "crates/dictgen/CHANGELOG.md",
        format!("{SKELETON}\n## [0.6.0] - 2026-01-01\n\n### Fixed\n\n- dictgen's fix\n"),
    );
    repo.write(
        ".relconfig.toml",
        "[packages.dictgen]\npath = \"crates/dictgen\"\n",
    );
    commit_all(&repo, "chore: start");
    repo.git(&["tag", "-a", "v1.0.0", "-m", "root"]);
    repo.write("crates/dictgen/src/lib.rs", "\n");
    commit_all(&repo, "fix: dictgen's fix");
    repo.git(&["tag", "-a", "dictgen-v0.6.0", "-m", "dictgen"]);

    let out = repo.relhook(&["notes", "dictgen-v0.6.0"]);
    ok(&out);
    assert_eq!(
        stdout(&out),
        "### Fixed\n\n- dictgen's fix\n",
        "{}",
        text(&out)
    );
}
