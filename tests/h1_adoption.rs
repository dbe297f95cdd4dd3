//! Adopting relhook on real repositories (casey/just, cocogitto, pypa/hatch): what `init`
//! proposes always loads and follows the tags already there, tags in another form than the
//! configured one are named rather than ignored, and doctor checks every changelog.

use crate::support::{Repo, ok, stdout, text};

/// `Cargo.toml` of a crate.
fn krate(name: &str, version: &str, extra: &str) -> String {
    format!("[package]\nname = \"{name}\"\nversion = \"{version}\"\nedition = \"2021\"\n{extra}")
}

/// casey/just: the root crate is a workspace member (`"."`), and a tool crate is never
/// published. init proposes neither as a package, says why for the tool, and what it writes
/// loads: every command works, and commits go through.
#[test]
fn init_leaves_out_the_root_member_and_unpublished_crates() {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        krate(
            "app",
            "1.0.0",
            "\n[workspace]\nmembers = [\".\", \"crates/*\"]\n",
        ),
    );
    repo.write("src/main.rs", "fn main(){}\n");
    repo.write("crates/tool/src/main.rs", "fn main(){}\n");
    repo.write(
        "crates/tool/Cargo.toml",
        krate("tool", "0.0.0", "publish = false\n"),
    );
    repo.write("crates/lib/src/lib.rs", "\n");
    repo.write("crates/lib/Cargo.toml", krate("lib", "0.3.0", ""));
    repo.git(&["add", "."]);
    repo.git(&["commit", "-qm", "chore: init"]);
    let out = ok(repo.relhook(&["init"]));
    let said = stdout(&out);
    let config = repo.read(".relconfig.toml");
    assert!(!config.contains("[packages.app]"), "{config}");
    assert!(!config.contains("\n[packages.tool]"), "{config}");
    assert!(
        config.contains("\n[packages.lib]\npath = \"crates/lib\"\n"),
        "{config}"
    );
    assert!(
        said.contains("crates/tool") && said.contains("publish = false"),
        "init says why tool is left out:\n{said}"
    );
    let out = ok(repo.relhook(&["version"]));
    assert_eq!(stdout(&out).trim(), "1.0.0", "{}", text(&out));
    ok(repo.relhook(&["version", "--package", "lib"]));
    ok(repo.relhook(&["install"]));
    repo.write("crates/lib/src/lib.rs", "// x\n");
    repo.git(&["add", "."]);
    let out = repo.git_output(&["commit", "-qm", "fix(lib): x"]);
    assert!(out.status.success(), "{}", text(&out));
}

/// npm and pnpm workspaces that list the root (`"."`), with a private package: what init
/// writes loads.
#[test]
fn init_output_loads_for_npm_and_pnpm_workspaces_listing_the_root() {
    for pnpm in [false, true] {
        let repo = Repo::new();
        if pnpm {
            repo.write("package.json", r#"{"name": "root", "version": "2.0.0"}"#);
            repo.write(
                "pnpm-workspace.yaml",
                "packages:\n  - '.'\n  - 'packages/*'\n",
            );
        } else {
            repo.write(
                "package.json",
                r#"{"name": "root", "version": "2.0.0", "workspaces": [".", "packages/*"]}"#,
            );
        }
        repo.write(
            "packages/web/package.json",
            r#"{"name": "web", "version": "1.0.0"}"#,
        );
        repo.write(
            "packages/demo/package.json",
            r#"{"name": "demo", "version": "0.0.0", "private": true}"#,
        );
        repo.git(&["add", "."]);
        repo.git(&["commit", "-qm", "chore: init"]);
        let out = ok(repo.relhook(&["init"]));
        let config = repo.read(".relconfig.toml");
        assert!(!config.contains("[packages.root]"), "{config}");
        assert!(config.contains("\n[packages.web]\n"), "{config}");
        assert!(stdout(&out).contains("packages/demo"), "{}", text(&out));
        ok(repo.relhook(&["version"]));
    }
}
