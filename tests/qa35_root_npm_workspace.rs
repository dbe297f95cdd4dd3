//! QA35: a Cargo workspace's `[workspace.dependencies]` were passed over whenever a package sat
//! at the root, a private root `package.json` among them: a core release then planned nothing
//! for its dependents (the release was refused for an empty section of theirs), and a hand tag
//! of core went through, leaving the workspace requiring a version no longer built.

use crate::support::{Repo, ok, text};

#[test]
fn a_root_package_json_leaves_the_workspace_requirements_followed() {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"crates/*\"]\n\n[workspace.dependencies]\ncore = { path = \"crates/core\", version = \"0.3.0\" }\n",
    );
    repo.write(
        "crates/core/Cargo.toml",
        "[package]\nname = \"core\"\nversion = \"0.3.0\"\nedition = \"2021\"\n",
    );
    repo.write(
        "crates/api/Cargo.toml",
        "[package]\nname = \"api\"\nversion = \"1.2.0\"\nedition = \"2021\"\n\n[dependencies]\ncore = { workspace = true }\n",
    );
    repo.write(
        "package.json",
        "{ \"name\": \"root\", \"private\": true }\n",
    );
    repo.write("crates/core/src/lib.rs", "\n");
    repo.write("crates/api/src/lib.rs", "\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["init"]));
    let config = repo.read(".relconfig.toml");
    let config: Vec<String> = config
        .lines()
        .map(|l| match l.starts_with("test = ") {
            true => "test = [\"true\"]".to_owned(),
            false => l.to_owned(),
        })
        .collect();
    repo.write(".relconfig.toml", config.join("\n") + "\n");
    ok(repo.relhook(&["install"]));
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: adopt"]);
    repo.write("crates/core/src/lib.rs", "//\n");
    repo.write("crates/api/src/lib.rs", "//\n");
    ok(repo.git_output(&["commit", "-q", "-am", "fix: both"]));
    ok(repo.relhook(&["release", "--all"]));
    repo.write("crates/core/src/lib.rs", "//b\n");
    ok(repo.git_output(&["commit", "-q", "-am", "feat(core)!: break"]));

    let out = repo.relhook(&["release", "--package", "core", "--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        text(&out).contains("+core = { path = \"crates/core\", version = \"0.4.0\" }"),
        "{}",
        text(&out)
    );
    let out = repo.git_output(&["tag", "-a", "core-v0.4.0", "-m", "core"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("Cargo.toml requires core"),
        "{}",
        text(&out)
    );
}
