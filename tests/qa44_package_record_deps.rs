//! QA44: a package's test record was keyed by the tree of its directory alone. api depends on
//! util by path; util broke api, api was tagged by hand (untested), util was fixed, and
//! `relhook test --package api` at HEAD (api's directory as at the tag) made pre-push call the
//! tag tested, though api did not build there. A record now also names what the package's
//! tests build on outside its directory (its path dependencies, transitively, and the root
//! lock file): the tag is refused untested, naming `relhook test --tag`, which fails on it.

use crate::support::{Repo, hand_tag, ok, stderr, stdout, text};

/// A Cargo workspace: api requires util by path; util requires core through the workspace's
/// `[workspace.dependencies]`. api's tests pass while util's `lib.rs` has `fn g`.
fn workspace() -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"crates/*\"]\n\n[workspace.dependencies]\ncore = { path = \"crates/core\", version = \"0.1.0\" }\n",
    );
    repo.write(
        "crates/core/Cargo.toml",
        "[package]\nname = \"core\"\nversion = \"0.1.0\"\n",
    );
    repo.write("crates/core/src/lib.rs", "pub fn h() {}\n");
    repo.write(
        "crates/util/Cargo.toml",
        "[package]\nname = \"util\"\nversion = \"0.1.0\"\n\n[dependencies]\ncore = { workspace = true }\n",
    );
    repo.write("crates/util/src/lib.rs", "pub fn g() {}\n");
    repo.write(
        "crates/api/Cargo.toml",
        "[package]\nname = \"api\"\nversion = \"0.1.0\"\n\n[dependencies]\nutil = { path = \"../util\", version = \"0.1.0\" }\n",
    );
    repo.write("crates/api/src/lib.rs", "pub fn uses() {}\n");
    repo.write(
        ".relconfig.toml",
        "[packages.api]\npath = \"crates/api\"\ntest = [\"sh\", \"-c\", \"grep -q 'fn g' crates/util/src/lib.rs && grep -q 'fn h' crates/core/src/lib.rs\"]\n[packages.util]\npath = \"crates/util\"\n[packages.core]\npath = \"crates/core\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo.with_origin();
    repo
}

/// Commits every change, through the hooks.
fn commit(repo: &Repo, message: &str) {
    repo.git(&["add", "-A"]);
    ok(repo.git_output(&["commit", "-q", "-m", message]));
}

#[test]
fn a_record_made_where_a_dependency_differs_does_not_count_for_the_tag() {
    let repo = workspace();
    repo.write("crates/api/src/lib.rs", "pub fn uses() {}\n// x\n");
    commit(&repo, "fix(api): tweak");
    repo.write("crates/util/src/lib.rs", "// nothing\n");
    commit(&repo, "feat(util)!: drop g");
    ok(hand_tag(&repo, &["-a", "api-v0.1.1", "-m", "api"]));
    repo.write("crates/util/src/lib.rs", "pub fn g() {}\n");
    commit(&repo, "fix(util): bring g back");
    // HEAD's api directory is the tag's.
    assert_eq!(
        repo.git(&["rev-parse", "HEAD:crates/api"]),
        repo.git(&["rev-parse", "api-v0.1.1:crates/api"])
    );
    let tested = ok(repo.relhook(&["test", "--package", "api"]));
    assert!(
        stderr(&tested).contains("(crates/api, with crates/core "),
        "{}",
        text(&tested)
    );

    let push = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(!push.status.success(), "{}", text(&push));
    let said = stderr(&push);
    assert!(
        said.contains("no passing test record for api-v0.1.1's tree (crates/api "),
        "{said}"
    );
    assert!(said.contains(", with crates/core "), "{said}");
    assert!(said.contains("`relhook test --tag api-v0.1.1`"), "{said}");
    assert!(!said.contains("releasing api-v0.1.1 (tested)"), "{said}");

    // The command named tests the tag's own tree, where api's tests fail.
    let at_tag = repo.relhook(&["test", "--tag", "api-v0.1.1"]);
    assert_eq!(at_tag.status.code(), Some(1), "{}", text(&at_tag));
}

#[test]
fn a_dependency_reached_through_another_counts_too() {
    let repo = workspace();
    repo.write("crates/api/src/lib.rs", "pub fn uses() {}\n// x\n");
    commit(&repo, "fix(api): tweak");
    // core, which api reaches through util's `core = { workspace = true }`, breaks api.
    repo.write("crates/core/src/lib.rs", "// nothing\n");
    commit(&repo, "feat(core)!: drop h");
    ok(hand_tag(&repo, &["-a", "api-v0.1.1", "-m", "api"]));
    repo.write("crates/core/src/lib.rs", "pub fn h() {}\n");
    commit(&repo, "fix(core): bring h back");
    ok(repo.relhook(&["test", "--package", "api"]));
    let doctor = repo.relhook(&["doctor"]);
    assert!(
        stdout(&doctor)
            .contains("release tag api-v0.1.1 is on no remote yet: no passing test record"),
        "{}",
        text(&doctor)
    );
}

#[test]
fn a_record_from_another_commit_counts_where_all_api_builds_on_is_the_same() {
    let repo = workspace();
    repo.write("crates/api/src/lib.rs", "pub fn uses() {}\n// x\n");
    commit(&repo, "fix(api): tweak");
    ok(hand_tag(&repo, &["-a", "api-v0.1.1", "-m", "api"]));
    repo.write("README.md", "# w\n");
    commit(&repo, "docs: readme");
    ok(repo.relhook(&["test", "--package", "api"]));
    let push = ok(repo.git_output(&["push", "--follow-tags", "origin", "main"]));
    assert!(
        stderr(&push).contains("releasing api-v0.1.1 (tested)"),
        "{}",
        text(&push)
    );
}

#[test]
fn a_record_written_before_dependencies_were_named_counts_for_no_tag() {
    let repo = workspace();
    repo.write("crates/api/src/lib.rs", "pub fn uses() {}\n// x\n");
    commit(&repo, "fix(api): tweak");
    ok(hand_tag(&repo, &["-a", "api-v0.1.1", "-m", "api"]));
    let tree = repo.git(&["rev-parse", "api-v0.1.1:crates/api"]);
    let old = format!(
        "relhook-test-record: pass\ntree: {}\npackage: api\ncommand: sh\ntime: 1767268800 (2026-01-01)\nrelhook: 0.1.0\n",
        tree.trim()
    );
    repo.git(&[
        "notes",
        "--ref=refs/notes/relhook-tests",
        "add",
        "-f",
        "-m",
        &old,
        "api-v0.1.1^{commit}",
    ]);
    let push = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(!push.status.success(), "{}", text(&push));
    assert!(
        stderr(&push).contains("`relhook test --package api` (runs `sh -c"),
        "{}",
        text(&push)
    );
}

/// The root Cargo.toml is what a member inherits lints, dependencies and profiles from
/// (`lints.workspace = true`): a record made where it differs counts for no tag.
#[test]
fn a_record_made_where_the_workspace_manifest_differs_does_not_count() {
    let repo = workspace();
    repo.write("crates/api/src/lib.rs", "pub fn uses() {}\n// x\n");
    commit(&repo, "fix(api): tweak");
    let manifest = repo.read("Cargo.toml");
    repo.write(
        "Cargo.toml",
        format!("{manifest}\n[workspace.lints.rust]\nunsafe_code = \"forbid\"\n"),
    );
    commit(&repo, "build: forbid unsafe code");
    ok(hand_tag(&repo, &["-a", "api-v0.1.1", "-m", "api"]));
    repo.write("Cargo.toml", &manifest);
    commit(&repo, "build: allow unsafe code again");
    ok(repo.relhook(&["test", "--package", "api"]));
    let push = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(!push.status.success(), "{}", text(&push));
    let said = stderr(&push);
    assert!(
        said.contains("no passing test record for api-v0.1.1's tree"),
        "{said}"
    );
    assert!(said.contains("Cargo.toml "), "{said}");
}
