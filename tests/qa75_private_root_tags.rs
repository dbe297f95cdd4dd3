//! QA75: conventional-changelog's root package.json became a private workspace root
//! (`"private": true`, `"version": "0.0.0"`) long after the root's own `v1.1.0` tag. `relhook
//! init` said the root is not released and wrote each package's table, yet `relhook doctor`
//! at once said INVALID "version files: package.json says 0.0.0, not 1.1.0 ... releases and
//! hand tags are refused", for a root no release is made of. Doctor now leaves the version
//! files of a root that is never released alone; each package's release is judged on its own.

use crate::support::{Repo, ok, stdout, text};

#[test]
fn a_private_workspace_root_below_an_old_root_tag_is_not_said_invalid() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\"name\": \"x\", \"version\": \"1.1.0\"}\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "chore: the old single package"]);
    repo.git(&["tag", "-a", "v1.1.0", "-m", "v1.1.0"]);
    repo.write(
        "package.json",
        "{\"name\": \"x-root\", \"private\": true, \"version\": \"0.0.0\", \"workspaces\": [\"pkgs/*\"]}\n",
    );
    repo.write(
        "pkgs/a/package.json",
        "{\"name\": \"a\", \"version\": \"2.0.0\"}\n",
    );
    repo.write("pkgs/a/CHANGELOG.md", "# a\n\n## [Unreleased]\n");
    repo.write(
        ".relconfig.toml",
        "[packages.a]\npath = \"pkgs/a\"\ntag = \"a-v{version}\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "chore: a workspace"]);
    repo.git(&["tag", "-a", "a-v2.0.0", "-m", "a-v2.0.0"]);
    ok(repo.relhook(&["install"]));
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(!said.contains("version files"), "{}", text(&out));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    // A package's own release still judges its files: one behind its tag is refused.
    repo.write(
        "pkgs/a/package.json",
        "{\"name\": \"a\", \"version\": \"1.0.0\"}\n",
    );
    repo.git(&["commit", "-qam", "chore: a back"]);
    let out = repo.relhook(&[
        "release",
        "--package",
        "a",
        "patch",
        "--dry-run",
        "--no-test",
    ]);
    assert_ne!(out.status.code(), Some(0), "{}", text(&out));
}
