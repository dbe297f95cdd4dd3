//! QA208: in a monorepo whose root is never released (changesets': a private root
//! package.json, each package with its own changelog), `init` writes no root changelog and
//! `--sync` syncs every package's; `relhook changelog --rebuild` created a root CHANGELOG.md
//! of the root's commits, an Unreleased no release can ever ship. It now rebuilds every
//! package's changelog (`--rebuild --all`), as `--sync` does, and says so.

use crate::support::{Repo, ok, stderr};

#[test]
fn rebuild_in_a_private_roots_monorepo_rebuilds_the_packages() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\"name\": \"mono\", \"private\": true, \"workspaces\": [\"packages/*\"]}\n",
    );
    repo.write(
        "packages/a/package.json",
        "{\"name\": \"a\", \"version\": \"0.3.0\"}\n",
    );
    repo.write("packages/a/index.js", "\n");
    repo.write(
        ".relconfig.toml",
        "[checks]\ntest = [\"true\"]\n[packages.a]\npath = \"packages/a\"\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "a-v0.3.0", "-m", "a-v0.3.0"]);
    repo.write("packages/a/index.js", "export {}\n");
    repo.write(".github.yml", "on: push\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "feat: add a thing to a"]);
    repo.write(".github.yml", "on: [push]\n");
    repo.git(&["commit", "-q", "-am", "fix(ci): run on push"]);
    let out = ok(repo.relhook(&["changelog", "--rebuild"]));
    assert!(
        !repo.path().join("CHANGELOG.md").exists(),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("rebuilding every package's changelog (`--rebuild --all`)"),
        "{}",
        stderr(&out)
    );
    let log = repo.read("packages/a/CHANGELOG.md");
    assert!(log.contains("- add a thing to a\n"), "{log}");
}
