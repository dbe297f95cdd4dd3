//! QA51: after api's rc (cli rewritten to require `1.0.1-rc.1`) and api's stable release by
//! hand tag (which rewrites no requirement), a stable release of cli was refused advising to
//! release api as stable first, which has nothing to release; `version --all --next` said
//! nothing. Now the requirement to edit is named, at the hand tag already.

use crate::support::{Repo, hand_tag, ok, stderr, text};

/// Writes `file` and commits it as `message`, through the hooks.
fn change(repo: &Repo, file: &str, body: &str, message: &str) {
    repo.write(file, body);
    repo.git(&["add", "-A"]);
    let out = repo.git_output(&["commit", "-qm", message]);
    assert!(out.status.success(), "{}", text(&out));
}

const EDIT: &str = "(`1.0.1-rc.1` → `1.0.1` in crates/cli/Cargo.toml) and commit";

/// Crates api 1.0.0 and cli 0.1.0 (`api = { path, version = "1.0.0" }`), released; api's
/// `1.0.1-rc.1` (cli's rc with it), a fix of api, then `git tag -a api-v1.0.1` (its output).
fn api_stable_by_hand() -> (Repo, String) {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"crates/*\"]\nresolver = \"2\"\n",
    );
    repo.write(
        "crates/api/Cargo.toml",
        "[package]\nname = \"api\"\nversion = \"1.0.0\"\nedition = \"2021\"\n",
    );
    repo.write(
        "crates/cli/Cargo.toml",
        "[package]\nname = \"cli\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\napi = { path = \"../api\", version = \"1.0.0\" }\n",
    );
    repo.write("crates/api/src/lib.rs", "\n");
    repo.write("crates/cli/src/lib.rs", "\n");
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[packages.api]\npath = \"crates/api\"\n[packages.cli]\npath = \"crates/cli\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo.write("crates/api/src/lib.rs", "//\n");
    change(&repo, "crates/cli/src/lib.rs", "//\n", "feat: first");
    ok(repo.relhook(&["release", "--no-test", "--all"]));
    change(&repo, "crates/api/src/lib.rs", "// e\n", "fix(api): e");
    ok(repo.relhook(&["release", "--no-test", "--package", "api", "--pre", "rc"]));
    change(&repo, "crates/api/src/lib.rs", "// f\n", "fix(api): f");
    let out = hand_tag(&repo, &["-a", "api-v1.0.1", "-m", "api 1.0.1"]);
    assert!(out.status.success(), "{}", text(&out));
    let cli = repo.read("crates/cli/Cargo.toml");
    assert!(cli.contains("version = \"1.0.1-rc.1\""), "{cli}");
    change(&repo, "crates/cli/src/lib.rs", "// g\n", "fix(cli): g");
    (repo, stderr(&out))
}

#[test]
fn the_stable_hand_tag_says_the_rc_requirement_it_leaves() {
    let (_, said) = api_stable_by_hand();
    let note = format!(
        "relhook: note: cli still requires a pre-release of api (a hand tag rewrites no requirement): before cli's next stable release, require api 1.0.1 instead {EDIT}\n"
    );
    assert!(said.contains(&note), "{said}");
}

#[test]
fn a_stable_release_on_a_finished_pre_release_names_the_edit() {
    let (repo, _) = api_stable_by_hand();
    let refused = "cli 0.1.1 would be a stable release that requires a pre-release of api (`1.0.1-rc.1` in crates/cli/Cargo.toml)";
    let fix = format!("api 1.0.1 is released: require it instead {EDIT}");
    let out = repo.relhook(&["release", "--no-test", "--package", "cli"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains(refused) && err.contains(&fix), "{err}");
    assert!(
        err.contains("then run `relhook release --package cli --no-test` again"),
        "{err}"
    );
    assert!(!err.contains("as stable first"), "{err}");
    // The overview says it as the release would, and fails as it.
    let out = repo.relhook(&["version", "--all", "--next"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("relhook: release refused: {refused}")) && err.contains(&fix),
        "{err}"
    );
    // So does a hand tag of cli.
    let out = hand_tag(&repo, &["-a", "cli-v0.1.1", "-m", "cli"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains(&format!("{fix}, then make the tag again")),
        "{}",
        text(&out)
    );
    // The edit done as said, the release goes through.
    let cli = repo
        .read("crates/cli/Cargo.toml")
        .replace("1.0.1-rc.1", "1.0.1");
    change(
        &repo,
        "crates/cli/Cargo.toml",
        &cli,
        "fix(cli): require api 1.0.1",
    );
    ok(repo.relhook(&["release", "--no-test", "--package", "cli"]));
    assert_eq!(repo.git(&["tag", "-l", "cli-v0.1.1"]), "cli-v0.1.1");
}
