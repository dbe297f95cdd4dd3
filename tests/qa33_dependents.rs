//! QA33: a package's pre-release gave a dependent a stable release (`cli 0.3.1`) that
//! requires the release candidate: a stable release built on a pre-release.

use crate::support::{Repo, text};

/// A Cargo workspace: core 1.0.0, and cli 0.3.0 requiring core `1.0`; relhook installed.
pub(crate) fn workspace() -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"crates/*\"]\nresolver = \"2\"\n",
    );
    repo.write(
        "crates/core/Cargo.toml",
        "[package]\nname = \"core\"\nversion = \"1.0.0\"\nedition = \"2021\"\n",
    );
    repo.write("crates/core/src/lib.rs", "\n");
    repo.write(
        "crates/cli/Cargo.toml",
        "[package]\nname = \"cli\"\nversion = \"0.3.0\"\nedition = \"2021\"\n\n[dependencies]\ncore = { path = \"../core\", version = \"1.0\" }\n",
    );
    repo.write("crates/cli/src/main.rs", "fn main() {}\n");
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[packages.core]\npath = \"crates/core\"\n[packages.cli]\npath = \"crates/cli\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo
}

/// [`workspace`] with both crates released once (core 1.0.0, cli 0.3.0).
fn both_released() -> Repo {
    let repo = workspace();
    change_core(&repo, "feat(core): one");
    repo.write("crates/cli/src/main.rs", "fn main() { }\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat(cli): one");
    let out = repo.relhook(&["release", "--all", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo
}

fn change_core(repo: &Repo, message: &str) {
    let lib = repo.read("crates/core/src/lib.rs");
    repo.write("crates/core/src/lib.rs", format!("{lib}// {message}\n"));
    repo.git(&["add", "-A"]);
    repo.commit_hooked(message);
}

fn release(repo: &Repo, args: &[&str]) -> String {
    let mut all = vec!["release", "--package", "core", "--no-test"];
    all.extend_from_slice(args);
    let out = repo.relhook(&all);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.git(&["tag", "-l", "cli-*"])
}

#[test]
fn a_released_dependent_of_a_pre_release_is_a_pre_release_on_its_line() {
    let repo = both_released();
    assert_eq!(repo.git(&["tag", "-l", "cli-*"]), "cli-v0.3.0");
    change_core(&repo, "feat(core)!: drop the old api");
    assert_eq!(
        release(&repo, &["--pre", "rc"]),
        "cli-v0.3.0\ncli-v0.3.1-rc.1"
    );
    assert!(
        repo.read("crates/cli/Cargo.toml")
            .contains("version = \"0.3.1-rc.1\"")
    );
    change_core(&repo, "fix(core): two");
    let tags = release(&repo, &["--pre", "rc"]);
    assert!(tags.ends_with("cli-v0.3.1-rc.2"), "{tags}");
    // The stable release of the dependency gives the dependent its stable release.
    change_core(&repo, "fix(core): three");
    let dry = repo.relhook(&["release", "--package", "core", "--no-test", "--dry-run"]);
    let plan = crate::support::stdout(&dry);
    assert!(
        plan.contains("cli-v0.3.1: 0.3.1-rc.2 → 0.3.1 (stable, ending its pre-releases"),
        "{plan}"
    );
    let tags = release(&repo, &[]);
    assert!(tags.contains("\ncli-v0.3.1\n"), "{tags}");
    assert!(repo.git(&["tag"]).contains("core-v2.0.0\n"));
}

#[test]
fn a_never_released_dependent_of_a_pre_release_starts_as_one() {
    let repo = workspace();
    change_core(&repo, "feat(core)!: drop the old api");
    assert_eq!(release(&repo, &["--pre", "rc"]), "cli-v0.3.0-rc.1");
    let manifest = repo.read("crates/cli/Cargo.toml");
    assert!(manifest.contains("version = \"0.3.0-rc.1\""), "{manifest}");
    assert!(
        manifest.contains("version = \"2.0.0-rc.1\" }"),
        "{manifest}"
    );
}

/// QA33: `release --package a` gave its dependent b a patch (2.0.1) though b had a breaking
/// change of its own since its release: `## [2.0.1]` held a **BREAKING** entry.
#[test]
fn a_dependent_with_a_breaking_change_of_its_own_gets_its_major() {
    let repo = crate::support::two_packages(
        r#"{"name":"a","version":"1.2.3"}"#,
        r#"{"name":"b","version":"2.0.0","dependencies":{"a":"^1.2.3"}}"#,
    );
    repo.write("package.json", r#"{"private":true,"workspaces":["p/*"]}"#);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: workspaces"]);
    for (file, message) in [("p/a/x", "fix(a): x"), ("p/b/y", "fix(b): y")] {
        repo.write(file, "1\n");
        repo.git(&["add", "-A"]);
        repo.commit_hooked(message);
    }
    let out = repo.relhook(&["release", "--all", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    for (file, message) in [
        ("p/b/y", "feat(b)!: drop the old api"),
        ("p/a/x", "feat(a): new"),
    ] {
        repo.write(file, "2\n");
        repo.git(&["add", "-A"]);
        repo.commit_hooked(message);
    }
    let out = repo.relhook(&["release", "--package", "a", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let tags = repo.git(&["tag"]);
    assert!(tags.contains("b-v3.0.0"), "{tags}\n{}", text(&out));
    assert!(!tags.contains("b-v2.0.1"), "{tags}");
    let log = repo.read("p/b/CHANGELOG.md");
    assert!(log.contains("## [3.0.0]"), "{log}");
}

/// QA33: a dependent's next tag held on another branch (a release made there) refused the
/// release, naming `relhook release --package cli 0.3.2`, which was refused in turn.
#[test]
fn a_dependent_skips_a_tag_another_branch_holds() {
    let repo = both_released();
    // Another branch releases core 1.1.0, and with it cli 0.3.1.
    repo.git(&["switch", "-q", "-c", "other"]);
    change_core(&repo, "feat(core): there");
    let out = repo.relhook(&[
        "release",
        "--package",
        "core",
        "--no-test",
        "--allow-branch",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.git(&["tag"]).contains("cli-v0.3.1"), "{}", text(&out));
    repo.git(&["switch", "-q", "-"]);
    change_core(&repo, "feat(core): here");
    let out = repo.relhook(&["release", "--package", "core", "--no-test", "1.1.1"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let tags = repo.git(&["tag", "--merged", "HEAD"]);
    assert!(
        tags.contains("cli-v0.3.2") && tags.contains("core-v1.1.1"),
        "{tags}\n{}",
        text(&out)
    );
}

/// QA33: after a pre-release of core (its dependent cli a pre-release with it), a stable
/// release of cli alone shipped requiring core's release candidate.
#[test]
fn a_stable_release_requiring_a_pre_release_is_refused_with_both_ways_on() {
    let repo = workspace();
    change_core(&repo, "feat(core): one");
    release(&repo, &["--pre", "rc"]);
    let manifest = repo.read("crates/cli/Cargo.toml");
    assert!(manifest.contains("-rc.1\" }"), "{manifest}");
    repo.write("crates/cli/src/main.rs", "fn main() { }\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(cli): c");
    let out = repo.relhook(&["release", "--package", "cli", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = crate::support::stderr(&out);
    assert!(
        said.contains("would be a stable release that requires a pre-release of core"),
        "{said}"
    );
    assert!(
        said.contains("`relhook release --package core --no-test`"),
        "{said}"
    );
    // Either way on works: cli as a pre-release too.
    let out = repo.relhook(&["release", "--package", "cli", "--no-test", "--pre", "rc"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}
