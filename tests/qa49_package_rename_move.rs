//! QA49: a package renamed together with its folder (`git mv packages/a packages/core`,
//! `[packages.a]` → `[packages.core]`), in one commit or moved in one and renamed in the
//! next, lost its history: core's started at the rename, so its release tag `a-v1.1.0`
//! (kept with `tag = "a-v{version}"`) was said to lack its section, and release and doctor
//! advised deleting it. The former table is recognised now: the history goes on, and the tag
//! is judged by the changelog where the package was when it was made.

use crate::support::{Repo, ok, stderr, stdout};

const CORE: &str = "[packages.core]\npath = \"packages/core\"\ntag = \"a-v{version}\"\n";

/// Package `a`, released as `a-v1.1.0` through the hook, with a fix since, then moved to
/// packages/core and renamed `core` by `steps` (the configuration each commit makes; the
/// first also moves the folder).
fn renamed(steps: &[&str]) -> Repo {
    let repo = Repo::new();
    repo.write(
        "packages/a/package.json",
        "{\"name\":\"a\",\"version\":\"1.0.0\"}\n",
    );
    repo.write(".relconfig.toml", "[packages.a]\npath = \"packages/a\"\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo.write("packages/a/x", "x\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "feat: a one"]);
    repo.git(&["tag", "-a", "a-v1.1.0", "-m", "a"]);
    repo.write("packages/a/y", "y\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "fix: a two"]);
    for (i, config) in steps.iter().enumerate() {
        if i == 0 {
            repo.git(&["mv", "packages/a", "packages/core"]);
        }
        repo.write(".relconfig.toml", config);
        repo.git(&["add", "-A"]);
        repo.git(&["commit", "-q", "-m", "refactor: rename package a to core"]);
    }
    repo
}

fn keeps_its_history(repo: &Repo) {
    let dry = ok(repo.relhook(&["release", "--package", "core", "--dry-run", "--no-test"]));
    assert!(
        stdout(&dry).contains("a-v1.1.1: 1.1.0 → 1.1.1 (patch since a-v1.1.0)"),
        "{}",
        stdout(&dry)
    );
    let doctor = repo.relhook(&["doctor"]);
    let said = format!("{}{}", stdout(&doctor), stderr(&doctor));
    assert!(
        !said.contains("INVALID") && !said.contains("git tag -d"),
        "{said}"
    );
    // The rebuild has a's release and its fix since (the file, as the hook wrote it, too).
    let rebuild = ok(repo.relhook(&["changelog", "--rebuild", "--package", "core", "--stdout"]));
    for log in [stdout(&rebuild), repo.read("packages/core/CHANGELOG.md")] {
        let (unreleased, released) = log.split_once("## [1.1.0]").expect("1.1.0");
        assert!(
            unreleased.contains("- a two") && released.contains("- a one"),
            "{log}"
        );
    }
    assert_eq!(repo.git(&["tag", "-l"]), "a-v1.1.0");
}

#[test]
fn renamed_with_its_folder_in_one_commit() {
    keeps_its_history(&renamed(&[CORE]));
}

#[test]
fn moved_then_renamed_in_the_next_commit() {
    let moved = "[packages.a]\npath = \"packages/core\"\n";
    keeps_its_history(&renamed(&[moved, CORE]));
}

#[test]
fn folder_moved_alone_then_renamed_in_the_next_commit() {
    let unchanged = "[packages.a]\npath = \"packages/a\"\n";
    keeps_its_history(&renamed(&[unchanged, CORE]));
}

/// Every file changed with the move (no rename git would tell): the tag is still not said to
/// lack its section, which the changelog where the package was then has.
#[test]
fn a_tag_whose_former_changelog_has_its_section_is_never_advised_deleted() {
    let repo = renamed(&[]);
    repo.git(&["mv", "packages/a", "packages/core"]);
    for file in ["x", "y", "package.json", "CHANGELOG.md"] {
        let path = format!("packages/core/{file}");
        let text = repo.read(&path);
        repo.write(&path, format!("{text}\n"));
    }
    repo.write(".relconfig.toml", CORE);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "refactor: rename package a to core"]);
    let doctor = repo.relhook(&["doctor"]);
    let said = format!("{}{}", stdout(&doctor), stderr(&doctor));
    assert!(!said.contains("git tag -d"), "{said}");
    let dry = repo.relhook(&["release", "--package", "core", "--dry-run", "--no-test"]);
    assert!(!stderr(&dry).contains("git tag -d"), "{}", stderr(&dry));
    assert_eq!(repo.git(&["tag", "-l"]), "a-v1.1.0");
}
