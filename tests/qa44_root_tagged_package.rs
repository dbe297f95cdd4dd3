//! QA44: a root crate and member `core` both at 0.1.0, `[packages.core]` configured from the
//! start: after the root's release (`v0.1.0`), core's first release was refused as one the
//! root's tag had made, and the advice (mark it `core-v0.1.0` on `v0.1.0`) led doctor back to
//! the release: a loop. The root's tag of a commit whose stored configuration has core's table
//! did not release core; and the mark, where advised, is taken as core's last release.

use crate::support::{Repo, ok, stderr, stdout};

/// Root crate `root` and member `core`, both at 0.1.0, relhook installed with `packages`
/// as the configuration, one feature each, and the root released (`v0.1.0`).
fn released_root(packages: &str, core_changelog: bool) -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"root\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\nmembers = [\".\", \"crates/*\"]\n",
    );
    repo.write("src/main.rs", "fn main() {}\n");
    repo.write(
        "crates/core/Cargo.toml",
        "[package]\nname = \"core\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    );
    repo.write("crates/core/src/lib.rs", "\n");
    if core_changelog {
        repo.write(
            "crates/core/CHANGELOG.md",
            "# Changelog\n\n## [Unreleased]\n",
        );
    }
    repo.write(".gitignore", "/target\nCargo.lock\n");
    repo.write(
        ".relconfig.toml",
        format!("[checks]\ntest = [\"true\"]\n{packages}"),
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo.write("crates/core/src/lib.rs", "pub fn y() {}\n");
    repo.git(&["commit", "-q", "-am", "feat: core y"]);
    repo.write("src/main.rs", "fn main() {}\nfn x() {}\n");
    repo.git(&["commit", "-q", "-am", "feat: root x"]);
    ok(repo.relhook(&["release"]));
    repo
}

const CORE: &str = "\n[packages.core]\npath = \"crates/core\"\n";

/// Configured before the root's tag: that tag did not release core, which releases 0.1.0.
#[test]
fn a_package_configured_before_the_root_s_tag_makes_its_first_release() {
    let repo = released_root(CORE, false);
    let out = repo.relhook(&["release", "--package", "core", "0.2.0", "--dry-run"]);
    assert!(
        stdout(&out).contains("core-v0.2.0: 0.1.0 → 0.2.0"),
        "{}",
        stderr(&out)
    );
    let out = repo.relhook(&["release", "--package", "core"]);
    assert!(
        stderr(&out).contains("core-v0.1.0 tagged"),
        "{}",
        stderr(&out)
    );
    let out = repo.relhook(&["doctor"]);
    assert!(!stdout(&out).contains("INVALID"), "{}", stdout(&out));
}

/// Configured after the root's tag: still refused, and its advice, followed, is taken (a
/// changelog of core's own without the section, doctor, the next release and the push).
#[test]
fn the_advised_mark_of_a_package_the_root_s_tag_released_is_its_last_release() {
    let repo = released_root("", true);
    let mut config = repo.read(".relconfig.toml");
    config.push_str(CORE);
    repo.write(".relconfig.toml", config);
    repo.git(&["commit", "-q", "-am", "chore: core alone"]);
    repo.write("crates/core/src/lib.rs", "pub fn y() {}\npub fn z() {}\n");
    repo.git(&["commit", "-q", "-am", "feat(core): z"]);
    let out = repo.relhook(&["release", "--package", "core", "--dry-run"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let advice = "RELHOOK_SKIP=1 git tag -a core-v0.1.0 -m core-v0.1.0 v0.1.0^{}";
    assert!(stderr(&out).contains(advice), "{}", stderr(&out));
    repo.git_env(
        &["tag", "-a", "core-v0.1.0", "-m", "core-v0.1.0", "v0.1.0^{}"],
        &[("RELHOOK_SKIP", "1")],
    );
    let out = repo.relhook(&["doctor"]);
    assert!(!stdout(&out).contains("INVALID"), "{}", stdout(&out));
    let out = repo.relhook(&["release", "--package", "core"]);
    assert!(
        stderr(&out).contains("core-v0.1.1 tagged"),
        "{}",
        stderr(&out)
    );
    let out = repo.relhook(&["doctor"]);
    assert!(!stdout(&out).contains("INVALID"), "{}", stdout(&out));
    ok(repo.relhook(&["test", "--tag", "core-v0.1.0"]));
    let remote = repo.scratch("remote.git");
    repo.git(&["init", "-q", "--bare", remote.to_str().unwrap()]);
    repo.git(&["remote", "add", "origin", remote.to_str().unwrap()]);
    repo.git(&["push", "-q", "--follow-tags", "origin", "main"]);
}
