//! QA49: a Python project's release was checked against PEP 440's order only where its
//! version files stood: after a release tagged `v1.3.0-post.1` (PEP 440's `1.3.0.post1`,
//! above `1.3.0`) and pyproject.toml set back to 1.3.0 by hand, `relhook release 1.3.0` and a
//! hand tag `v1.3.0` went through, and pip took the new release for older. A pyproject.toml
//! with no uv.lock took a version PEP 440 cannot spell (`1.2.1-rc.1.2`) that uv.lock's path
//! refuses. Both are now refused in one line before anything is written, naming the tag or
//! the spelling, with a version that is taken.

use crate::qa47_uv_lock_pre_release::advised;
use crate::qa48_pep440_order::refused;
use crate::support::{Repo, hand_tag_refused, ok, text};

/// `pyproject.toml` of the project at `version`.
fn pyproject(version: &str) -> String {
    format!("[project]\nname = \"demo\"\nversion = \"{version}\"\n")
}

/// A Python project (pyproject.toml alone, listed in .relconfig.toml when `listed`) at
/// `first`, tagged so, installed; then pyproject.toml set to `now` and a fix committed
/// through the hooks.
fn project(first: &str, now: &str, listed: bool) -> Repo {
    let repo = Repo::new();
    repo.write("pyproject.toml", pyproject(first));
    let list = "[version]\nfiles = [{ path = \"pyproject.toml\", key = \"project.version\" }]\n";
    let list = if listed { list } else { "" };
    repo.write(
        ".relconfig.toml",
        format!("[checks]\ntest = [\"true\"]\n{list}"),
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", &format!("v{first}"), "-m", first]);
    ok(repo.relhook(&["install"]));
    repo.write("pyproject.toml", pyproject(now));
    repo.git(&["add", "pyproject.toml"]);
    repo.commit_hooked("fix: y");
    repo
}

const BELOW_TAG: &str = "pyproject.toml: 1.3.0 is 1.3.0 in PEP 440, below the release tag \
                         v1.3.0-post.1 (1.3.0.post1), which pip takes for an older release";

#[test]
fn a_release_below_a_release_tag_in_pep_440_is_refused() {
    // Found by itself, the file is refused as it is at the tag's version or not.
    let found = project("1.3.0-post.1", "1.3.0", false);
    refused(&found, &["release", "1.3.0"], BELOW_TAG);
    let repo = project("1.3.0-post.1", "1.3.0", true);
    // A final release asked for is advised the next one, not a pre-release of it.
    let command = refused(&repo, &["release", "1.3.0"], BELOW_TAG);
    assert_eq!(command, "relhook release 1.3.1");
    ok(repo.sh(&command));
    assert_eq!(repo.read("pyproject.toml"), pyproject("1.3.1"));
}

#[test]
fn a_hand_tag_below_a_release_tag_in_pep_440_is_refused() {
    let repo = project("1.3.0-post.1", "1.3.0", true);
    let err = hand_tag_refused(&repo, "v1.3.0");
    assert!(err.contains(BELOW_TAG), "{err}");
    let command = advised(&err, "instead: ");
    assert_eq!(command, "git tag -a v1.3.1 -m \"release 1.3.1\"");
    let out = repo.sh(command);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.read("pyproject.toml"), pyproject("1.3.1"));
}

const UNSPELLED: &str = "pyproject.toml: 1.2.1-rc.1.2 has no PEP 440 spelling, which a Python \
                         package's version must have";

#[test]
fn a_pyproject_without_uv_lock_refuses_a_version_pep_440_cannot_spell() {
    let repo = project("1.2.0", "1.2.0", false);
    let command = refused(&repo, &["release", "1.2.1-rc.1.2"], UNSPELLED);
    assert_eq!(command, "relhook release 1.2.1-rc.2");
    let says = "1.2.1-next.1 has no PEP 440 spelling";
    let next = refused(&repo, &["release", "1.2.1-next.1"], says);
    assert_eq!(next, "relhook release 1.2.1-rc.1");
    ok(repo.sh(&command));
    assert_eq!(repo.read("pyproject.toml"), pyproject("1.2.1rc2"));
}

#[test]
fn a_hand_tag_pep_440_cannot_spell_is_refused_without_uv_lock() {
    let repo = project("1.2.0", "1.2.0", false);
    let err = hand_tag_refused(&repo, "v1.2.1-rc.1.2");
    assert!(err.contains(UNSPELLED), "{err}");
    let command = advised(&err, "instead: ");
    assert_eq!(command, "git tag -a v1.2.1-rc.2 -m \"release 1.2.1-rc.2\"");
    let out = repo.sh(command);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.read("pyproject.toml"), pyproject("1.2.1rc2"));
}
