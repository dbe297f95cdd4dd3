//! QA83: a released root whose CHANGELOG.md a later commit moved into a package folder (the
//! repository became a monorepo, `git mv CHANGELOG.md pkg/CHANGELOG.md`) was INVALID in
//! doctor once a new root CHANGELOG.md was written: "section no longer in CHANGELOG.md". The
//! section moved with its file and is still released there; one that really left is still
//! named.

use crate::support::{Repo, ok, stdout};

/// v0.1.0 released at the root, then the repository made a monorepo of package `pkg` with
/// the root's changelog moved into it, then a new root changelog written by hand.
fn moved() -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: cfg"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release"]));
    repo.write(
        ".relconfig.toml",
        "[checks]\ntest = [\"true\"]\n\n[packages.pkg]\npath = \"pkg\"\n",
    );
    repo.write("pkg/p", "p\n");
    repo.git(&["mv", "CHANGELOG.md", "pkg/CHANGELOG.md"]);
    repo.git(&["add", "-A"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "chore: become a monorepo"]));
    ok(repo.relhook(&["install"]));
    repo.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n");
    repo.git(&["add", "CHANGELOG.md"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "docs: root changelog"]));
    repo
}

#[test]
fn a_released_section_moved_with_its_file_is_no_invalid_release() {
    let repo = moved();
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("INVALID"), "{doctor}");
    // What the package's first release needs is said, in one line (QA292): the root's tag
    // marked as its last release.
    let warned: Vec<&str> = (doctor.lines())
        .filter(|l| l.starts_with(" WARNING"))
        .collect();
    assert_eq!(warned.len(), 1, "{doctor}");
    assert!(
        warned[0].contains("package pkg: `## [0.1.0]` in pkg/CHANGELOG.md was released by the repository's own tag v0.1.0"),
        "{doctor}"
    );
    assert!(
        doctor.contains("`RELHOOK_SKIP=1 git tag -a pkg-v0.1.0 -m pkg-v0.1.0 v0.1.0^{}`"),
        "{doctor}"
    );
}

#[test]
fn the_section_taken_out_of_the_moved_file_is_still_named() {
    let repo = moved();
    let log = repo.read("pkg/CHANGELOG.md");
    let kept = &log[..log.find("## [0.1.0]").expect("the released section")];
    repo.write("pkg/CHANGELOG.md", kept);
    repo.git(&["add", "-A"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "docs: drop the section"]));
    let dropped = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(
        doctor.contains(
            "its section `## [0.1.0]` is no longer in pkg/CHANGELOG.md (commit {dropped}"
                .replace("{dropped}", &dropped)
                .as_str()
        ),
        "{doctor}"
    );
}

#[test]
fn a_root_changelog_rewritten_in_place_is_still_named() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: cfg"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release"]));
    // A package changelog of its own beside it, not the root's moved.
    repo.write(
        ".relconfig.toml",
        "[checks]\ntest = [\"true\"]\n\n[packages.pkg]\npath = \"pkg\"\n",
    );
    repo.write("pkg/CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n");
    repo.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n");
    repo.git(&["add", "-A"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "chore: become a monorepo"]));
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(
        doctor.contains("its section `## [0.1.0]` is no longer in CHANGELOG.md"),
        "{doctor}"
    );
}
