//! QA193: in a virtual Cargo workspace (a root Cargo.toml with `[workspace]`, no `[package]`
//! and no `[workspace.package] version`) whose crates are packages, `relhook init` wrote a root
//! CHANGELOG.md, post-commit filled it with the root's tooling commits, `relhook release --all`
//! never said a word of them, and `relhook release` tagged the root `v0.1.0`, a version no file
//! says. The root has no version of its own: it is now treated as a private npm root is (no
//! root changelog, one line at each root commit, the root's release refused with the way on).

use crate::support::{Repo, ok, stderr, stdout, text};

/// The reason every line gives.
const VIRTUAL: &str = "the root Cargo.toml is a virtual manifest (`[workspace]` with no `[package]` and no `[workspace.package] version`), so the root has no version of its own and is not released";

/// A virtual workspace of crates `a` and `b` at 0.1.0, committed.
fn workspace() -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"crates/*\"]\nresolver = \"2\"\n",
    );
    for c in ["a", "b"] {
        repo.write(
            &format!("crates/{c}/Cargo.toml"),
            format!("[package]\nname = \"{c}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n"),
        );
        repo.write(&format!("crates/{c}/src/lib.rs"), "\n");
    }
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat: start"]);
    repo
}

#[test]
fn init_writes_no_root_changelog_for_a_virtual_manifest() {
    let repo = workspace();
    let out = ok(repo.relhook(&["init"]));
    let said = stdout(&out);
    assert!(
        said.lines().any(|l| l
            == format!(
                "wrote no CHANGELOG.md: {VIRTUAL}, and each package keeps its own changelog"
            )),
        "{}",
        text(&out)
    );
    assert!(!repo.path().join("CHANGELOG.md").exists());
    let config = repo.read(".relconfig.toml");
    assert!(
        config.contains("[packages.a]") && config.contains("[packages.b]"),
        "{config}"
    );
}

#[test]
fn the_root_of_a_virtual_workspace_is_never_released() {
    let repo = workspace();
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[packages.a]\npath = \"crates/a\"\n[packages.b]\npath = \"crates/b\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: adopt relhook"]);
    ok(repo.relhook(&["install"]));

    // A root commit: said in one line, and no root changelog started for it.
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"crates/*\"]\nresolver = \"3\"\n",
    );
    let out = repo.git_output(&["commit", "-q", "-am", "fix: resolver 3"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains(&format!("{VIRTUAL}, and relhook makes none for it")),
        "{}",
        text(&out)
    );
    assert!(!repo.path().join("CHANGELOG.md").exists());

    // The root's release: refused, with the packages' release instead.
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stderr(&out);
    assert!(said.contains(VIRTUAL), "{said}");
    assert!(
        said.contains("release the packages with changes: `relhook release --all`"),
        "{said}"
    );
    assert!(
        said.contains(r#"give Cargo.toml a `[workspace.package] version`, list its Cargo.toml in `[version] files` in .relconfig.toml (`files = [{ path = "Cargo.toml", key = "workspace.package.version" }]`)"#),
        "{said}"
    );
    assert_eq!(repo.git(&["tag", "--list"]), "");
    // A hand tag of the root: refused before it exists, for the same reason.
    let out = repo.git_output(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains(VIRTUAL), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "--list"]), "");

    // The packages are released, under their own tags.
    ok(repo.relhook(&["release", "--all"]));
    assert_eq!(repo.git(&["tag", "--list"]), "a-v0.1.0\nb-v0.1.0");
    assert!(!repo.path().join("CHANGELOG.md").exists());
}
