//! QA161: in a project whose release tags spell pre-releases as PEP 440 does (poetry's
//! `1.1.0rc1`), a hand tag so spelled (`git tag -a 1.1.0rc2`) was accepted and read as
//! 1.1.0-rc.2, but no release commit was made for it: Unreleased stayed Unreleased and the
//! version files kept the last release's version. It now gets the release commit a SemVer
//! hand tag gets, its section headed as the changelog spells its pre-releases, the version
//! files each in their own spelling, and pre-push and doctor take it as the release it is.

use crate::support::{Repo, hand_tag, ok, text};

/// A project at `{prefix}1.1.0rc1` (pyproject.toml in PEP 440's spelling, package.json in
/// SemVer's, the changelog heading it as `heading`), with a fix since.
fn poetry_like(prefix: &str, heading: &str) -> Repo {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        format!("[version]\ntag_prefix = \"{prefix}\"\n[checks]\ntest = [\"true\"]\n"),
    );
    repo.write(
        "pyproject.toml",
        "[tool.poetry]\nname = \"demo\"\nversion = \"1.1.0rc1\"\n",
    );
    repo.write(
        "package.json",
        "{\n  \"name\": \"demo\",\n  \"version\": \"1.1.0-rc.1\"\n}\n",
    );
    repo.write(
        "CHANGELOG.md",
        format!("# Changelog\n\n## [Unreleased]\n\n## [{heading}] - 2026-01-02\n\n### Fixed\n\n- b\n\n## [1.0.0] - 2026-01-01\n\n- start\n"),
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    for tag in ["1.0.0", "1.1.0rc1"] {
        let tag = format!("{prefix}{tag}");
        repo.git(&["tag", "-a", &tag, "-m", &tag]);
    }
    ok(repo.relhook(&["install"]));
    repo.write("a.txt", "x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix: a");
    repo
}

/// Tags `{prefix}1.1.0rc2` by hand and checks its release commit: the section headed
/// `heading`, the version files bumped, the tag on the commit, pushed through pre-push.
fn tagged_and_pushed(prefix: &str, heading: &str) {
    let repo = poetry_like(prefix, heading);
    let tag = format!("{prefix}1.1.0rc2");
    let out = hand_tag(&repo, &["-a", &tag, "-m", "release 1.1.0rc2"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        repo.head_subject(),
        "chore(release): 1.1.0-rc.2",
        "{}",
        text(&out)
    );
    let head = repo.git(&["rev-parse", "HEAD"]);
    assert_eq!(repo.git(&["rev-parse", &format!("{tag}^{{commit}}")]), head);
    let log = repo.read("CHANGELOG.md");
    let new = if heading.contains('-') {
        "1.1.0-rc.2"
    } else {
        "1.1.0rc2"
    };
    assert!(
        log.contains(&format!(
            "## [Unreleased]\n\n## [{new}] - 2026-11-21\n\n### Fixed\n\n- a\n\n## [{heading}]"
        )),
        "{log}"
    );
    assert!(
        repo.read("pyproject.toml")
            .contains("version = \"1.1.0rc2\"\n")
    );
    assert!(
        repo.read("package.json")
            .contains("\"version\": \"1.1.0-rc.2\"")
    );
    assert!(repo.is_clean());
    // No section left awaiting a tag: the release is the tag's.
    let doctor = repo.relhook(&["doctor"]);
    assert!(
        !text(&doctor).contains("awaits its tag"),
        "{}",
        text(&doctor)
    );
    ok(repo.relhook(&["test"]));
    repo.with_origin();
    let pushed = repo.git_output(&["push", "--follow-tags", "origin", "HEAD:main"]);
    assert!(pushed.status.success(), "{}", text(&pushed));
    let remote = repo.git(&["ls-remote", "--tags", "origin", &tag]);
    assert!(remote.contains(&format!("refs/tags/{tag}")), "{remote}");
}

#[test]
fn a_pep_440_hand_tag_gets_its_release_commit_headed_as_the_changelog_spells_it() {
    tagged_and_pushed("", "1.1.0rc1");
    tagged_and_pushed("v", "1.1.0rc1");
}

#[test]
fn a_changelog_heading_pre_releases_as_semver_keeps_that_spelling() {
    tagged_and_pushed("", "1.1.0-rc.1");
}
