//! QA44: a root package.json that holds only `workspaces` (no `private`, no `name` or
//! `version`) was taken for a root project: a package's commit that also changed a tooling
//! file at the top got a root entry and a root bump. A bare workspace root is tooling: only a
//! package.json with a `name` and a `version`, not `"private": true`, is a root project.

use crate::support::{Repo, SKELETON, ok, stderr, stdout};

/// An npm workspace whose root package.json is `root` (released `v1.0.0`), package `a` at
/// packages/a (`a-v0.3.0`), relhook's hooks and the root's CHANGELOG.md.
fn workspace(root: &str) -> Repo {
    let repo = Repo::new();
    repo.hooks(&["commit-msg", "post-commit"]);
    repo.write("package.json", root);
    repo.write("tsconfig.json", "{}\n");
    repo.write(
        "packages/a/package.json",
        "{\"name\": \"a\", \"version\": \"0.3.0\"}\n",
    );
    repo.write("packages/a/index.js", "\n");
    repo.write("CHANGELOG.md", SKELETON);
    repo.write(
        ".relconfig.toml",
        "[checks]\ntest = [\"true\"]\n[packages.a]\npath = \"packages/a\"\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.git(&["tag", "-a", "a-v0.3.0", "-m", "a-v0.3.0"]);
    // A package's change that touches a tooling file at the top too.
    repo.write("tsconfig.json", "{\"strict\": true}\n");
    repo.write("packages/a/index.js", "export {}\n");
    repo.git(&["add", "."]);
    ok(repo.git_output(&["commit", "-q", "-m", "feat: strict a"]));
    repo
}

#[test]
fn a_workspaces_only_root_is_no_project() {
    let roots = [
        "{\"workspaces\": [\"packages/*\"]}\n",
        "{\"workspaces\": [\"packages/*\"], \"devDependencies\": {\"typescript\": \"^5\"}, \"scripts\": {\"build\": \"tsc\"}}\n",
        "{\"name\": \"mono\", \"workspaces\": [\"packages/*\"]}\n",
        "{\"name\": \"mono\", \"version\": \"1.0.0\", \"private\": true, \"workspaces\": [\"packages/*\"]}\n",
    ];
    for root in roots {
        let repo = workspace(root);
        assert!(repo.read("packages/a/CHANGELOG.md").contains("- strict a"));
        let log = repo.read("CHANGELOG.md");
        assert!(!log.contains("strict a"), "{root}post-commit:\n{log}");
        for args in [&["--sync", "--stdout"][..], &["--rebuild", "--stdout"]] {
            let out = ok(repo.relhook(&[&["changelog"][..], args].concat()));
            assert!(!stdout(&out).contains("strict a"), "{root}{args:?}");
        }
        let next = repo.relhook(&["version", "--next"]);
        assert_eq!(next.status.code(), Some(1), "{root}{}", stderr(&next));
        let release = repo.relhook(&["release", "--dry-run"]);
        assert_eq!(release.status.code(), Some(1), "{root}{}", stderr(&release));
    }
}

#[test]
fn a_named_and_versioned_root_package_is_a_project() {
    let repo = workspace(
        "{\"name\": \"mono\", \"version\": \"1.0.0\", \"workspaces\": [\"packages/*\"]}\n",
    );
    assert!(repo.read("CHANGELOG.md").contains("- strict a"));
    let next = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(stdout(&next).trim(), "1.1.0");
}
