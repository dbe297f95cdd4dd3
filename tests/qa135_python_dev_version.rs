//! QA135: poetry keeps `version = "2.5.0.dev0"` in pyproject.toml between releases (the
//! version main works towards) while its tags say 2.4.1. A release of the fixes since was
//! refused (right: 2.4.2 would write the file down) with the advice to release
//! `2.5.0-dev.0`, a development tag nobody wants; `relhook release 2.5.0` and a hand tag
//! `2.5.0` were refused too, as the file found by itself said neither 2.4.1 nor 2.5.0. A
//! development version now names its final release, and a found file at a pre-release of the
//! version released is bumped to it.

use crate::support::{Repo, hand_tag, ok, stderr, text};

/// poetry's shape: released as `2.4.1` (no prefix), pyproject.toml then moved to
/// `2.5.0.dev0`, and a fix since, committed through the hooks.
pub(crate) fn poetry_main() -> Repo {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        "[version]\ntag_prefix = \"\"\n\n[checks]\ntest = [\"true\"]\n",
    );
    repo.write(
        "pyproject.toml",
        "[project]\nname = \"poetry\"\nversion = \"2.4.1\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "2.4.1", "-m", "2.4.1"]);
    ok(repo.relhook(&["install"]));
    repo.write(
        "pyproject.toml",
        "[project]\nname = \"poetry\"\nversion = \"2.5.0.dev0\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.commit_hooked("chore: bump version to 2.5.0.dev0");
    repo.write("installer.py", "x = 1\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(installer): keep x");
    repo
}

#[test]
fn a_development_version_names_its_final_release_which_works_pasted() {
    let repo = poetry_main();
    let out = repo.relhook(&["release"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("pyproject.toml says 2.5.0.dev0 (TOML key `project.version`), above 2.4.2"),
        "{err}"
    );
    let way = "release a version above it: `relhook release 2.5.0`";
    assert!(err.contains(way), "{err}");
    let out = repo.relhook(&["doctor"]);
    assert!(text(&out).contains(way), "{}", text(&out));

    let out = repo.sh("relhook release 2.5.0");
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l", "2.5*"]), "2.5.0");
    assert!(
        repo.read("pyproject.toml")
            .contains("version = \"2.5.0\"\n"),
        "{}",
        repo.read("pyproject.toml")
    );
    assert!(repo.read("CHANGELOG.md").contains("## [2.5.0] - "));
    assert!(repo.is_clean());
}

#[test]
fn a_hand_tag_of_the_final_release_bumps_the_development_version() {
    let repo = poetry_main();
    let out = hand_tag(&repo, &["-a", "2.5.0", "-m", "2.5.0"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        repo.read("pyproject.toml")
            .contains("version = \"2.5.0\"\n"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.head_subject(), "chore(release): 2.5.0");
    assert_eq!(
        repo.git(&["rev-parse", "2.5.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD"])
    );
    assert!(repo.is_clean());
}
