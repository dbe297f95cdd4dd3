//! A version file whose version is not SemVer (PEP 440's `1.2.3rc1`, `1.2.3.post1`, a
//! calendar `2024.1`) before the first release tag: relhook once took it for no version at
//! all and released `version.initial` (0.1.0), writing it over the file's 1.2.3rc1.

use crate::support::{Repo, dated_release, hand_tag_refused, installed_repo, stderr, stdout, text};

/// An installed repository whose pyproject.toml says `version`, with a feature to release.
fn python_project(version: &str) -> Repo {
    let repo = installed_repo();
    repo.write(
        "pyproject.toml",
        format!("[project]\nname = \"x\"\nversion = \"{version}\"\n"),
    );
    repo.git(&["add", "pyproject.toml"]);
    repo.commit_hooked("feat: packaging");
    repo
}

/// `relhook release`, `version --next`, `version` and a hand tag refuse alike, each naming
/// the file, what it says and the SemVer spelling to write; nothing is written.
#[test]
fn a_pep_440_version_is_refused_not_released_over() {
    let repo = python_project("1.2.3rc1");
    let head = repo.git(&["rev-parse", "HEAD"]);
    let said = "pyproject.toml (TOML key `project.version`) says `1.2.3rc1`, which is not a SemVer version (PEP 440's spelling of SemVer `1.2.3-rc.1`)";
    let fix = "write `1.2.3-rc.1` in pyproject.toml (the same version, as SemVer) and commit, then release";
    for args in [
        &["release"][..],
        &["release", "1.3.0"],
        &["release", "--dry-run"],
    ] {
        let out = dated_release(&repo, &args[1..]);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
        let err = stderr(&out);
        assert!(err.contains(said) && err.contains(fix), "{args:?}: {err}");
    }
    for args in [&["version", "--next"][..], &["version"]] {
        let out = repo.relhook(args);
        assert_ne!(out.status.code(), Some(0), "{args:?}: {}", text(&out));
        assert!(stderr(&out).contains(said), "{args:?}: {}", text(&out));
        assert_eq!(stdout(&out), "", "{args:?}: no version printed");
    }
    let err = hand_tag_refused(&repo, "v1.3.0");
    assert!(err.contains(said) && err.contains(fix), "{err}");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert!(repo.read("pyproject.toml").contains("\"1.2.3rc1\""));
    assert_eq!(repo.git(&["tag", "-l"]), "");
    // Written as SemVer, the same version is released from: the stable release above it.
    repo.write(
        "pyproject.toml",
        "[project]\nname = \"x\"\nversion = \"1.2.3-rc.1\"\n",
    );
    repo.git(&["commit", "-q", "-am", "chore: the version as SemVer"]);
    let out = dated_release(&repo, &["1.2.3", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.read("pyproject.toml").contains("version = \"1.2.3\""));
}

/// A post-release or a calendar version has no SemVer spelling: the fix says to write one.
#[test]
fn a_version_with_no_semver_spelling_is_refused_too() {
    for version in ["1.2.3.post1", "2024.1"] {
        let repo = python_project(version);
        let out = repo.relhook(&["version", "--next"]);
        let err = stderr(&out);
        assert!(
            err.contains(&format!("says `{version}`, which is not a SemVer version, and no release tag says where releases start"))
                && err.contains("write the SemVer version it stands for (`X.Y.Z`) in pyproject.toml and commit, then release"),
            "{version}: {}",
            text(&out)
        );
    }
}

/// Once a release tag says where releases start, the file's spelling is no longer asked:
/// nor is a placeholder `0.0.0`, which is no version yet.
#[test]
fn a_release_tag_or_a_placeholder_leaves_the_file_alone() {
    let repo = python_project("0.0.0");
    let out = repo.relhook(&["version", "--next"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let repo = python_project("1.2.3rc1");
    repo.git_skipping_relhook(&["tag", "-a", "v1.2.2", "-m", "v1.2.2"]);
    let out = repo.relhook(&["version", "--next"]);
    assert!(
        !stderr(&out).contains("not a SemVer version"),
        "{}",
        text(&out)
    );
}

/// semantic-release's placeholder (`"version": "0.0.0-development"` in package.json, which
/// its users keep) is no version, as `0.0.0` is not: the first release is `version.initial`,
/// never v0.0.0.
#[test]
fn semantic_releases_placeholder_is_no_version() {
    for placeholder in ["0.0.0-development", "0.0.0-semantically-released"] {
        let repo = installed_repo();
        repo.write(
            "package.json",
            format!("{{\n  \"name\": \"x\",\n  \"version\": \"{placeholder}\"\n}}\n"),
        );
        repo.git(&["add", "package.json"]);
        repo.commit_hooked("feat: packaging");
        let next = repo.relhook(&["version", "--next"]);
        assert_eq!(stdout(&next), "0.1.0\n", "{placeholder}: {}", text(&next));
        let out = dated_release(&repo, &["--no-test"]);
        assert_eq!(out.status.code(), Some(0), "{placeholder}: {}", text(&out));
        assert_eq!(repo.git(&["tag", "-l"]), "v0.1.0");
        assert!(repo.read("package.json").contains("\"version\": \"0.1.0\""));
    }
}

/// semantic-release's layout: package.json at its `0.0.0-development` placeholder, release
/// tag `tag` on the commit that added it, and a `feat:` commit above.
pub(crate) fn placeholder_beside_a_tag(tag: &str) -> Repo {
    // The tag comes from before the install, as in a clone of the project.
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\n  \"name\": \"x\",\n  \"version\": \"0.0.0-development\"\n}\n",
    );
    repo.git(&["add", "package.json"]);
    repo.git(&["commit", "-q", "-m", "feat: packaging"]);
    repo.git(&["tag", tag]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.commit_hooked("feat: more");
    repo
}

/// semantic-release's own history: releases tagged, package.json kept at the placeholder. The
/// release was refused until `.relconfig.toml` said what to do with it; since QA137 the
/// placeholder says the versions come from tags: the release leaves it, with a note, and
/// listing the file still has each release write its version there.
#[test]
fn a_placeholder_beside_release_tags_is_left_alone_unless_listed() {
    let setup = || placeholder_beside_a_tag("v1.4.0");
    let repo = setup();
    let out = dated_release(&repo, &["--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        text(&out).contains("package.json holds semantic-release's placeholder 0.0.0-development: versions come from tags"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["describe", "--exact-match", "HEAD"]), "v1.5.0");
    assert!(repo.read("package.json").contains("0.0.0-development"));
    // Or have each release write its version there.
    let repo = setup();
    repo.write(
        ".relconfig.toml",
        "[version]\nfiles = [{ path = \"package.json\", key = \"version\" }]\n",
    );
    repo.git(&["add", ".relconfig.toml"]);
    repo.git(&["commit", "-qm", "chore: bump package.json"]);
    let out = dated_release(&repo, &["--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.read("package.json").contains("\"version\": \"1.5.0\""));
}
