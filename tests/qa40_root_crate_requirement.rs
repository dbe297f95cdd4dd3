//! QA40: a Cargo workspace's root crate (a `[package]` in the root `Cargo.toml`, no relhook
//! package of its own) kept its requirement on a released member: `relhook release --package
//! lib1` moved lib1 to 0.2.0 and left `lib1 = { …, version = "0.1.0" }` at the root, and the
//! workspace no longer resolved (`failed to select a version for the requirement`).

use crate::qa22_cargo_inherit::{cargo, resolves};
use crate::support::{Repo, hand_tag, ok, text};

/// The root crate `app` requiring the member `lib1` (the only package) by path, with
/// `members` as given, a lock file, relhook installed and a breaking change of lib1.
fn workspace(members: &str) -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        format!(
            "[package]\nname = \"app\"\nversion = \"2.0.0\"\nedition = \"2021\"\n\n[dependencies]\nlib1 = {{ path = \"crates/lib1\", version = \"0.1.0\" }}\n\n[workspace]\nmembers = {members}\n"
        ),
    );
    repo.write("src/main.rs", "fn main() {}\n");
    repo.write(
        "crates/lib1/Cargo.toml",
        "[package]\nname = \"lib1\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    );
    repo.write("crates/lib1/src/lib.rs", "\n");
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n\n[packages.lib1]\npath = \"crates/lib1\"\n",
    );
    ok(cargo(&repo, &["generate-lockfile"]));
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.write("crates/lib1/src/lib.rs", "//\n");
    ok(repo.git_output(&["commit", "-q", "-am", "feat(lib1)!: x"]));
    repo
}

#[test]
fn a_release_moves_the_root_crates_requirement() {
    for members in ["[\"crates/*\"]", "[\".\", \"crates/*\"]"] {
        let repo = workspace(members);
        let out = repo.relhook(&["release", "--package", "lib1", "--dry-run"]);
        assert!(
            text(&out)
                .contains("also: **deps:** require lib1 0.2.0 (`0.1.0` → `0.2.0` in Cargo.toml)"),
            "{members}: {}",
            text(&out)
        );
        ok(repo.relhook(&["release", "--package", "lib1", "--no-test"]));
        assert!(
            repo.read("Cargo.toml")
                .contains("lib1 = { path = \"crates/lib1\", version = \"0.2.0\" }"),
            "{members}: {}",
            repo.read("Cargo.toml")
        );
        assert!(repo.is_clean(), "{members}");
        resolves(&repo);
    }
}

#[test]
fn a_hand_tag_moves_the_root_crates_requirement_or_is_refused() {
    let repo = workspace("[\"crates/*\"]");
    let out = hand_tag(&repo, &["-a", "lib1-v0.2.0", "-m", "lib1"]);
    if out.status.success() {
        assert!(
            repo.read("Cargo.toml").contains("version = \"0.2.0\" }"),
            "{}",
            text(&out)
        );
        resolves(&repo);
    } else {
        assert!(
            text(&out).contains("Cargo.toml requires lib1"),
            "{}",
            text(&out)
        );
        assert_eq!(repo.git(&["tag", "-l", "lib1-v0.2.0"]), "");
    }
}
