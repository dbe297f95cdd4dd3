//! QA219: in a monorepo whose root is private and never released (changesets': a private
//! root package.json, each package with its own changelog, no root CHANGELOG.md), `relhook
//! install` registered the merge driver for a root CHANGELOG.md that is not there and never
//! will be. It now registers it for the changelogs the configuration keeps, the packages',
//! and two branches that each add an entry to one still merge cleanly through it.

use crate::support::{Repo, ok, stdout, text};

#[test]
fn a_private_roots_install_drives_the_packages_changelogs_only() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\"name\": \"mono\", \"private\": true, \"workspaces\": [\"packages/*\"]}\n",
    );
    repo.write(
        "packages/a/package.json",
        "{\"name\": \"a\", \"version\": \"1.0.0\"}\n",
    );
    repo.write(
        "packages/a/CHANGELOG.md",
        "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-01-01\n\n### Added\n\n- start\n",
    );
    repo.write(
        ".relconfig.toml",
        "[checks]\ntest = [\"true\"]\n[packages.a]\npath = \"packages/a\"\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    let out = ok(repo.relhook(&["install"]));
    let attributes = repo.read(".git/info/attributes");
    assert_eq!(
        attributes,
        "/packages/a/CHANGELOG.md merge=relhook-changelog\n",
        "{}",
        text(&out)
    );
    assert!(
        stdout(&out).contains(
            "registered the relhook-changelog merge driver for packages/a/CHANGELOG.md ("
        ),
        "{}",
        text(&out)
    );
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(
        doctor.contains(
            "ok  merge driver: the package's changelog merges without changelog conflicts"
        ),
        "{doctor}"
    );

    // Two branches, each with an entry under Unreleased: merged through the driver.
    repo.git(&["checkout", "-q", "-b", "side"]);
    repo.write("packages/a/side.js", "\n");
    repo.git(&["add", "."]);
    repo.commit_hooked("feat(a): add the side");
    repo.git(&["checkout", "-q", "main"]);
    repo.write("packages/a/main.js", "\n");
    repo.git(&["add", "."]);
    repo.commit_hooked("fix(a): mend the main");
    let merged = repo.git_output(&["merge", "-q", "--no-edit", "side"]);
    assert!(merged.status.success(), "{}", text(&merged));
    let log = repo.read("packages/a/CHANGELOG.md");
    assert!(
        log.contains("add the side\n") && log.contains("mend the main\n"),
        "{log}"
    );
    assert!(!log.contains("<<<<<<<"), "{log}");
    assert!(!repo.path().join("CHANGELOG.md").exists());
}
