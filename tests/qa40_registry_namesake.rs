//! QA40: a Cargo requirement on a workspace crate's name that is no `path` dependency (a
//! crates.io `a = "0.1"`, a git dependency, a renamed `reglog = { package = "log", … }`) was
//! taken for a requirement on the workspace crate: releasing `a` rewrote it and released its
//! dependent, though it names another crate that happens to share the name.

use crate::support::{Repo, ok, stdout, text};

/// A virtual workspace of `a`, `log` and `b` (packages all), `b` requiring `a` and `log` as
/// `deps` writes them (the workspace's own `[workspace.dependencies]` being `shared`), relhook
/// installed and a breaking change of `a` and of `log`.
fn workspace(shared: &str, deps: &str) -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        format!("[workspace]\nmembers = [\"crates/*\"]\n\n[workspace.dependencies]\n{shared}"),
    );
    for name in ["a", "log"] {
        repo.write(
            &format!("crates/{name}/Cargo.toml"),
            format!("[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n"),
        );
        repo.write(&format!("crates/{name}/src/lib.rs"), "\n");
    }
    repo.write(
        "crates/b/Cargo.toml",
        format!(
            "[package]\nname = \"b\"\nversion = \"1.0.0\"\nedition = \"2021\"\n\n[dependencies]\n{deps}"
        ),
    );
    repo.write("crates/b/src/lib.rs", "\n");
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n\n[packages.a]\npath = \"crates/a\"\n\n[packages.log]\npath = \"crates/log\"\n\n[packages.b]\npath = \"crates/b\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.write("crates/a/src/lib.rs", "//\n");
    repo.write("crates/log/src/lib.rs", "//\n");
    ok(repo.git_output(&["commit", "-q", "-am", "feat!: x"]));
    repo
}

#[test]
fn a_registry_or_git_namesake_is_left_alone() {
    for (shared, deps) in [
        (
            "",
            "a = \"0.1\"\nreglog = { package = \"log\", version = \"0.1.0\" }\n",
        ),
        (
            "",
            "a = { git = \"https://example.com/a.git\", version = \"0.1\" }\n",
        ),
        ("a = \"0.1\"\n", "a = { workspace = true }\n"),
    ] {
        let repo = workspace(shared, deps);
        for package in ["a", "log"] {
            let out = repo.relhook(&["release", "--package", package, "--dry-run"]);
            assert_eq!(out.status.code(), Some(0), "{deps}: {}", text(&out));
            assert!(
                !stdout(&out).contains("**deps:**"),
                "{deps}: {}",
                stdout(&out)
            );
            assert!(
                !stdout(&out).contains("crates/b/"),
                "{deps}: {}",
                stdout(&out)
            );
        }
        ok(repo.relhook(&["release", "--package", "a", "--no-test"]));
        assert_eq!(repo.git(&["tag", "-l", "b-v*"]), "", "{deps}");
        assert!(repo.read("crates/b/Cargo.toml").ends_with(deps), "{deps}");
        assert!(repo.read("Cargo.toml").ends_with(shared), "{shared}");
    }
}

#[test]
fn a_path_requirement_still_moves() {
    let repo = workspace("", "a = { path = \"../a\", version = \"0.1\" }\n");
    let out = repo.relhook(&["release", "--package", "a", "--dry-run"]);
    assert!(
        stdout(&out).contains("**deps:** require a 0.2.0 (`0.1` → `0.2` in crates/b/Cargo.toml)"),
        "{}",
        text(&out)
    );
}
