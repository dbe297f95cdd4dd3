//! QA127: `relhook notes 3.5.41` in a repository whose release tags are `v3.5.41` exited 2
//! with "did you mean `v3.5.41`?", though the tag prefix left no doubt which tag was meant.
//! A bare version now names the one release tag of it under the configured prefix (a
//! package's with `--package`), for `notes` and `test --tag` alike; several are refused,
//! naming them, and none is refused as before.

use crate::support::{Repo, stderr, stdout, text};

/// A project with `[checks] test` and a changelog section for 3.5.41 (and, with `packages`,
/// package `api` at `api/`, with its own section), tagged `v3.5.41` (and `api-v3.5.41`).
fn tagged(packages: bool) -> Repo {
    let repo = Repo::new();
    let mut config = "[checks]\ntest = [\"true\"]\n".to_owned();
    if packages {
        config.push_str("\n[packages.api]\npath = \"api\"\n");
        repo.write(
            "api/CHANGELOG.md",
            "# Changelog\n\n## [3.5.41] - 2026-01-02\n\n### Fixed\n\n- api thing\n",
        );
        repo.write("api/a.txt", "a\n");
    }
    repo.write(".relconfig.toml", config);
    repo.write(
        "CHANGELOG.md",
        "# Changelog\n\n## [3.5.41] - 2026-01-02\n\n### Fixed\n\n- root thing\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: release 3.5.41"]);
    repo.git(&["tag", "-a", "v3.5.41", "-m", "v3.5.41"]);
    if packages {
        repo.git(&["tag", "-a", "api-v3.5.41", "-m", "api-v3.5.41"]);
    }
    repo
}

#[test]
fn a_bare_version_names_its_release_tag() {
    let repo = tagged(false);
    let out = repo.relhook(&["notes", "3.5.41"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(stdout(&out).contains("- root thing"), "{}", text(&out));
    let out = repo.relhook(&["notes", "3.5.41", "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stdout(&out).contains("\"tag\": \"v3.5.41\""),
        "{}",
        text(&out)
    );

    let out = repo.relhook(&["test", "--tag", "3.5.41"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("v3.5.41"), "{}", text(&out));

    // No such release: refused as before.
    let out = repo.relhook(&["notes", "3.5.40"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains("no tag `3.5.40` here (`git tag -l` lists the tags"),
        "{}",
        text(&out)
    );
}

#[test]
fn a_bare_version_of_several_release_tags_is_refused_naming_them() {
    let repo = tagged(true);
    let out = repo.relhook(&["notes", "3.5.41"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains(
            "no tag `3.5.41` here, and 3.5.41 is the version of several release tags (`api-v3.5.41`, `v3.5.41`): name the one meant"
        ),
        "{}",
        text(&out)
    );
    assert_eq!(stderr(&out).lines().count(), 1, "{}", text(&out));
    // The package names which: its prefix alone is looked under.
    let out = repo.relhook(&["test", "--package", "api", "--tag", "3.5.41"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("api-v3.5.41"), "{}", text(&out));
    // The full names work as ever.
    let out = repo.relhook(&["notes", "api-v3.5.41"]);
    assert!(stdout(&out).contains("- api thing"), "{}", text(&out));
}
