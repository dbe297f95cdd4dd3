//! QA40: `relhook init` in a uv workspace proposed every folder with a pyproject.toml, an
//! example under docs/ and a member the workspace excludes among them: `[tool.uv.workspace]`
//! says which are its packages, as a Cargo workspace's `members` and `exclude` do.

use crate::support::{Repo, ok, stdout, text};

#[test]
fn init_takes_a_uv_workspace_s_members_and_exclusions() {
    let repo = Repo::new();
    repo.write(
        "pyproject.toml",
        "[project]\nname = \"root\"\nversion = \"0.1.0\"\n\n[tool.uv.workspace]\nmembers = [\"packages/*\"]\nexclude = [\"packages/beta\"]\n",
    );
    for dir in ["packages/alpha", "packages/beta", "docs/examples/ex1"] {
        let name = dir.rsplit('/').next().unwrap();
        repo.write(
            &format!("{dir}/pyproject.toml"),
            format!("[project]\nname = \"{name}\"\nversion = \"0.1.0\"\n"),
        );
    }
    let out = ok(repo.relhook(&["init"]));
    assert!(
        stdout(&out).contains("found 1 package") && stdout(&out).contains("alpha (packages/alpha)"),
        "{}",
        text(&out)
    );
    let config = repo.read(".relconfig.toml");
    assert!(config.contains("[packages.alpha]"), "{config}");
    assert!(
        !config.contains("[packages.beta]") && !config.contains("[packages.ex1]"),
        "{config}"
    );
}
