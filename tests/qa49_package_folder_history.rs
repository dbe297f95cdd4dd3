//! QA49: which package a commit belongs to, by the .relconfig.toml committed with it.
//! A new package b given the folder package a moved out of inherited a's history: its
//! post-commit added no entry ("packages/a/CHANGELOG.md was deleted by commit X") and doctor
//! advised `git revert X`, which moves a back; b's rebuild took a's released fix, and in a
//! Cargo workspace gateway's next version counted api's feature. A crate committed before its
//! table got its entry in the root changelog, yet doctor and `--sync --all` gave it to the
//! crate too, while the root's rebuild and next version left it out. Now each commit is read
//! with the packages its own configuration has: a package's history starts with its table.

use crate::support::{Repo, ok, stderr, stdout, text};

/// Package a (npm) released with `fix(a): old a fix`, moved to legacy/a, and package b made
/// in packages/a with its table in the same commit; the last post-commit's output.
fn new_package_on_moved_folder() -> (Repo, String) {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\"name\":\"root\",\"private\":true,\"workspaces\":[\"packages/*\",\"legacy/*\"]}\n",
    );
    repo.write(
        "packages/a/package.json",
        "{\"name\":\"a\",\"version\":\"1.0.0\"}\n",
    );
    repo.write(".relconfig.toml", "[packages.a]\npath = \"packages/a\"\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: adopt relhook"]);
    ok(repo.relhook(&["install"]));
    repo.write("packages/a/a.js", "1\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "fix(a): old a fix"]);
    ok(repo.relhook(&["release", "--package", "a", "--no-test"]));
    repo.write("legacy/.keep", "");
    repo.git(&["mv", "packages/a", "legacy/a"]);
    repo.write(".relconfig.toml", "[packages.a]\npath = \"legacy/a\"\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "refactor: move a to legacy"]);
    repo.write(
        "packages/a/package.json",
        "{\"name\":\"b\",\"version\":\"0.1.0\"}\n",
    );
    repo.write("packages/a/b.js", "2\n");
    let both = "[packages.a]\npath = \"legacy/a\"\n\n[packages.b]\npath = \"packages/a\"\n";
    repo.write(".relconfig.toml", both);
    repo.git(&["add", "-A"]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat(b): new package b"]);
    assert!(out.status.success(), "{}", text(&out));
    (repo, stderr(&out))
}

#[test]
fn a_new_package_on_a_moved_package_s_folder_gets_its_entry() {
    let (repo, said) = new_package_on_moved_folder();
    assert!(
        said.contains("packages/a/CHANGELOG.md: created it, and added `- **b:** new package b`"),
        "{said}"
    );
    for wrong in ["deleted by", "git revert", "commits before this one"] {
        assert!(!said.contains(wrong), "{wrong}: {said}");
    }
    let log = repo.read("packages/a/CHANGELOG.md");
    assert!(
        log.contains("new package b") && !log.contains("old a fix"),
        "{log}"
    );
    assert!(repo.read("legacy/a/CHANGELOG.md").contains("## [1.0.0]"));
    assert!(repo.is_clean());
}

#[test]
fn doctor_and_history_leave_the_moved_package_s_commits_to_it() {
    let (repo, _) = new_package_on_moved_folder();
    let out = repo.relhook(&["doctor"]);
    let report = stdout(&out);
    assert!(!report.contains("INVALID"), "{report}");
    assert!(!report.contains("git revert"), "{report}");
    assert!(!report.contains("changelog of package b"), "{report}");
    // a's test advice names a, the package released, not what its old folder holds now.
    assert!(
        report.contains("`[packages.a] test = [\"npm\", \"test\", \"--workspace\", \"a\"]`"),
        "{report}"
    );
    let out = ok(repo.relhook(&["changelog", "--rebuild", "--package", "b", "--stdout"]));
    let rebuilt = stdout(&out);
    assert!(
        rebuilt.contains("new package b") && !rebuilt.contains("old a fix"),
        "{rebuilt}"
    );
    let out = ok(repo.relhook(&["changelog", "--sync", "--all"]));
    assert!(repo.is_clean(), "{}", text(&out));
    let out = ok(repo.relhook(&["version", "--package", "b", "--next", "--explain"]));
    let explained = stdout(&out);
    assert!(explained.contains("1 commit since"), "{explained}");
    assert!(!explained.contains("old a fix"), "{explained}");
}

#[test]
fn a_cargo_package_on_a_moved_crate_s_folder_counts_its_own_commits() {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"crates/*\", \"legacy/*\"]\nresolver = \"2\"\n",
    );
    let api = "[package]\nname = \"api\"\nversion = \"1.0.0\"\nedition = \"2021\"\n";
    repo.write("crates/api/Cargo.toml", api);
    repo.write("crates/api/src/lib.rs", "pub fn a() {}\n");
    let checks = "[checks]\nrequire_tested_tags = false\n\n";
    repo.write(
        ".relconfig.toml",
        format!("{checks}[packages.api]\npath = \"crates/api\"\n"),
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.write("crates/api/src/lib.rs", "pub fn a() {}\n//\n");
    repo.git(&["commit", "-q", "-am", "feat(api): api feature"]);
    repo.write("legacy/.keep", "");
    repo.git(&["mv", "crates/api", "legacy/api"]);
    let moved = format!("{checks}[packages.api]\npath = \"legacy/api\"\n");
    repo.write(".relconfig.toml", &moved);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "refactor: move api to legacy"]);
    let gateway = "[package]\nname = \"gateway\"\nversion = \"0.2.0\"\nedition = \"2021\"\n";
    repo.write("crates/api/Cargo.toml", gateway);
    repo.write("crates/api/src/lib.rs", "pub fn g() {}\n");
    repo.write(
        ".relconfig.toml",
        format!("{moved}\n[packages.gateway]\npath = \"crates/api\"\n"),
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "fix(gateway): new gateway"]);
    let out = ok(repo.relhook(&["version", "--package", "gateway", "--next", "--explain"]));
    let explained = stdout(&out);
    assert!(
        explained.contains("1 commit since") && explained.contains("fix(gateway): new gateway"),
        "{explained}"
    );
    assert!(!explained.contains("api feature"), "{explained}");
    let out = ok(repo.relhook(&["version", "--package", "api", "--next", "--explain"]));
    assert!(
        stdout(&out).contains("feat(api): api feature"),
        "{}",
        text(&out)
    );
}

/// A Cargo workspace (one shared version, the root's) with crate core's table; crate util
/// committed (`feat(util): new util crate`, through the hooks) before its table is added.
fn crate_before_its_table() -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"crates/*\"]\nresolver = \"2\"\n\n[workspace.package]\nversion = \"0.5.0\"\n",
    );
    let core = "[package]\nname = \"core\"\nversion = \"1.0.0\"\nedition = \"2021\"\n";
    repo.write("crates/core/Cargo.toml", core);
    repo.write("crates/core/src/lib.rs", "pub fn c() {}\n");
    repo.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n");
    let core_table =
        "[checks]\nrequire_tested_tags = false\n\n[packages.core]\npath = \"crates/core\"\n";
    repo.write(".relconfig.toml", core_table);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: adopt relhook"]);
    ok(repo.relhook(&["install"]));
    let util = "[package]\nname = \"util\"\nversion = \"2.0.0\"\nedition = \"2021\"\n";
    repo.write("crates/util/Cargo.toml", util);
    repo.write("crates/util/src/lib.rs", "pub fn u() {}\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat(util): new util crate"]);
    assert!(
        repo.read("CHANGELOG.md")
            .contains("- **util:** new util crate")
    );
    let tables = format!("{core_table}\n[packages.util]\npath = \"crates/util\"\n");
    repo.write(".relconfig.toml", tables);
    repo.git(&["commit", "-q", "-am", "chore: util is a package"]);
    ok(repo.relhook(&["install"]));
    repo
}

#[test]
fn a_crate_s_commit_before_its_table_stays_the_root_s() {
    let repo = crate_before_its_table();
    let out = repo.relhook(&["doctor"]);
    let report = stdout(&out);
    assert!(!report.contains("package util"), "{report}");
    assert!(!report.contains("WARNING"), "{report}");
    let out = ok(repo.relhook(&["changelog", "--sync", "--all"]));
    assert!(
        !repo.path().join("crates/util/CHANGELOG.md").exists(),
        "{}",
        text(&out)
    );
    assert!(repo.is_clean(), "{}", text(&out));
    // The root's rebuild (its own preamble aside) is the file post-commit kept.
    let out = ok(repo.relhook(&["changelog", "--rebuild", "--stdout"]));
    let unreleased = |log: &str| log.split_once("## [Unreleased]").map(|(_, r)| r.to_owned());
    let rebuilt = unreleased(&stdout(&out));
    assert_eq!(
        rebuilt,
        unreleased(&repo.read("CHANGELOG.md")),
        "{}",
        text(&out)
    );
    let out = ok(repo.relhook(&["version", "--next", "--explain"]));
    assert!(
        stdout(&out).contains("feat(util): new util crate  (minor)"),
        "{}",
        text(&out)
    );
    let out = repo.relhook(&["version", "--package", "util", "--next"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("nothing to release"),
        "{}",
        text(&out)
    );
    let out = ok(repo.relhook(&["release", "--dry-run", "--no-test"]));
    assert!(
        text(&out).contains("- **util:** new util crate"),
        "{}",
        text(&out)
    );
}
