//! QA33: a package whose crate takes its version from its workspace (`version.workspace =
//! true`, `[workspace.package] version = "0.5.0"`) was said to be at `version.initial` 0.1.0,
//! and its first release at 0.1.0 was refused, blocking `release --all` for every package.

use crate::support::{Repo, stdout, text};

#[test]
fn an_inheriting_crate_s_first_release_is_its_workspace_s_version() {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"crates/*\"]\nresolver = \"2\"\n[workspace.package]\nversion = \"0.5.0\"\n",
    );
    repo.write(
        "crates/shared/Cargo.toml",
        "[package]\nname = \"shared\"\nversion.workspace = true\nedition = \"2021\"\n",
    );
    repo.write("crates/shared/src/lib.rs", "\n");
    repo.write(
        "crates/app/Cargo.toml",
        "[package]\nname = \"app\"\nversion = \"1.0.0\"\nedition = \"2021\"\n",
    );
    repo.write("crates/app/src/main.rs", "fn main() {}\n");
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[packages.shared]\npath = \"crates/shared\"\n[packages.app]\npath = \"crates/app\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.write("crates/shared/src/lib.rs", "// x\n");
    repo.write("crates/app/src/main.rs", "fn main() { }\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat: both");

    let out = repo.relhook(&["version", "--package", "shared", "--explain"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let said = stdout(&out);
    assert!(said.starts_with("0.5.0\n"), "{said}");
    assert!(said.contains("[workspace.package] version"), "{said}");
    let out = repo.relhook(&["version", "--all", "--next"]);
    assert!(
        stdout(&out).contains("shared 0.5.0 (first release)"),
        "{}",
        text(&out)
    );
    let out = repo.relhook(&["release", "--all", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let tags = repo.git(&["tag"]);
    assert_eq!(tags, "app-v1.0.0\nshared-v0.5.0", "{}", text(&out));
}
