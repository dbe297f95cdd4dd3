//! QA: `relhook init` passed over a standalone crate beside an npm workspace in silence (its
//! commits then went to the root's changelog with nothing said); a manifest at the root's
//! version (git-cliff's npm wrapper) was passed over the same way.

use crate::support::{Repo, ok, stdout};

#[test]
fn init_names_a_crate_no_workspace_lists() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\"private\": true, \"workspaces\": [\"packages/*\"]}\n",
    );
    repo.write(
        "packages/a/package.json",
        "{\"name\": \"a\", \"version\": \"1.0.0\"}\n",
    );
    repo.write(
        "packages/b/package.json",
        "{\"name\": \"b\", \"version\": \"1.0.0\"}\n",
    );
    repo.write(
        "tools/cli/Cargo.toml",
        "[package]\nname = \"cli\"\nversion = \"0.3.0\"\n",
    );
    let out = stdout(&ok(repo.relhook(&["init"])));
    assert!(
        out.contains("Not proposed as packages, as no workspace lists them: tools/cli/Cargo.toml. Their commits go to the root project's changelog"),
        "{out}"
    );
    assert!(out.contains("found 2 packages"), "{out}");
    let config = repo.read(".relconfig.toml");
    assert!(
        config.contains("# Not proposed as packages, as no workspace lists them:"),
        "{config}"
    );
}

#[test]
fn init_names_a_manifest_at_the_root_version() {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"c\"\nversion = \"2.1.0\"\n",
    );
    repo.write(
        "npm/c/package.json",
        "{\"name\": \"c\", \"version\": \"2.1.0\"}\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v2.1.0", "-m", "v2.1.0"]);
    let out = stdout(&ok(repo.relhook(&["init"])));
    assert!(
        out.contains("Not bumped by a release, though at the root project's version 2.1.0: npm/c/package.json; list it in `[version] files`"),
        "{out}"
    );
}
