//! QA41: release-plz's own repository keeps its release-plz crate's changelog at the top
//! (release-plz.toml: `changelog_path = "./CHANGELOG.md"`), its sections released as
//! `release-plz-v0.3.160`. `init` proposed a package with crates/release_plz/CHANGELOG.md (a
//! file a commit deleted) and left the root at `v`: doctor said all was well, and every
//! release was refused. `init` now makes that crate the root project's (its tags the root's,
//! its Cargo.toml a version file), and doctor names both faults in a configuration with them.

use crate::support::{Repo, ok, stdout, text};

/// The layout: a Cargo workspace of two crates, one with its changelog moved to the top.
fn release_plz_like() -> Repo {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"crates/*\"]\nresolver = \"2\"\n",
    );
    for (dir, name, version) in [
        ("release_plz", "release-plz", "0.3.1"),
        ("git_cmd", "git_cmd", "0.6.2"),
    ] {
        repo.write(
            &format!("crates/{dir}/Cargo.toml"),
            format!("[package]\nname = \"{name}\"\nversion = \"{version}\"\n"),
        );
        repo.write(&format!("crates/{dir}/src/lib.rs"), "\n");
    }
    repo.write(
        "crates/git_cmd/CHANGELOG.md",
        "# Changelog\n\n## [Unreleased]\n\n## [0.6.2] - 2024-01-01\n\n### Fixed\n\n- one\n",
    );
    repo.write(
        "CHANGELOG.md",
        "# Changelog\n\n## [Unreleased]\n\n## [0.3.1] - 2024-01-01\n\n### Fixed\n\n- two\n",
    );
    repo.write(
        "release-plz.toml",
        "[[package]]\nname = \"release-plz\"\nchangelog_path = \"./CHANGELOG.md\"\n",
    );
    repo.git(&["add", "-A"]);
    let skip = [("RELHOOK_SKIP", "1")];
    repo.git_env(&["commit", "-qm", "chore: init"], &skip);
    for tag in ["release-plz-v0.3.1", "git_cmd-v0.6.2"] {
        repo.git_env(&["tag", "-a", tag, "-m", tag], &skip);
    }
    repo
}

#[test]
fn init_makes_the_crate_with_the_root_changelog_the_root_project() {
    let repo = release_plz_like();
    let out = ok(repo.relhook(&["init"]));
    assert!(
        stdout(&out).contains(
            "release-plz.toml's `changelog_path` gives release-plz the top's CHANGELOG.md"
        ),
        "{}",
        text(&out)
    );
    let config = repo.read(".relconfig.toml");
    assert!(!config.contains("[packages.release-plz]"), "{config}");
    assert!(config.contains("[packages.git_cmd]"), "{config}");
    assert!(
        config.contains("\ntag_prefix = \"release-plz-v\"\n"),
        "{config}"
    );
    assert!(
        config.contains("{ path = \"crates/release_plz/Cargo.toml\", key = \"package.version\" }"),
        "{config}"
    );
    repo.git(&["add", ".relconfig.toml"]);
    repo.commit_hooked("chore: adopt relhook");
    ok(repo.relhook(&["install"]));
    let said = stdout(&repo.relhook(&["doctor"]));
    assert!(said.contains("nothing needs fixing now"), "{said}");
    assert!(!said.contains("WARNING  changelog"), "{said}");
    repo.write("crates/release_plz/src/lib.rs", "// x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix: x");
    let out = ok(repo.relhook(&["release", "--dry-run", "--no-test"]));
    assert!(text(&out).contains("release-plz-v0.3.2"), "{}", text(&out));
}

#[test]
fn doctor_names_a_missing_package_changelog_and_a_root_without_its_tags() {
    let repo = release_plz_like();
    // What init proposed before: the crate a package, its changelog gone from its folder.
    repo.write(
        ".relconfig.toml",
        "[packages.release-plz]\npath = \"crates/release_plz\"\n\n[packages.git_cmd]\npath = \"crates/git_cmd\"\n",
    );
    repo.git(&["add", ".relconfig.toml"]);
    repo.commit_hooked("chore: adopt relhook");
    let said = stdout(&repo.relhook(&["doctor"]));
    assert!(!said.contains("all is well"), "{said}");
    assert!(
        said.contains(
            "package release-plz's changelog crates/release_plz/CHANGELOG.md does not exist"
        ),
        "{said}"
    );
    assert!(
        said.contains("`## [0.3.1]` in CHANGELOG.md was released as tag release-plz-v0.3.1"),
        "{said}"
    );
}
