//! QA40: in a monorepo without a root changelog, a commit of no package was told to amend it
//! with a package's scope as `feat(server): ...`, whatever its type: following that advice
//! turned a `perf` or `fix` into a feature (another changelog section, a minor bump).

use crate::support::{Repo, stderr};

/// Package `core` with `scopes = ["server"]`, no root changelog, relhook installed.
fn scoped_monorepo() -> Repo {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        "[packages.core]\npath = \"core\"\nscopes = [\"server\"]\n",
    );
    repo.write("core/lib.txt", "x\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0));
    repo
}

#[test]
fn the_advised_amend_keeps_the_commits_type() {
    let repo = scoped_monorepo();
    let said = stderr(&repo.try_commit("perf: faster root"));
    assert!(
        said.contains(
            "amend it with that package's scope (`git commit --amend -m \"perf(server): ...\"`)"
        ),
        "{said}"
    );
    assert!(!said.contains("feat(server)"), "{said}");
}

#[test]
fn the_advised_amend_keeps_the_breaking_mark() {
    let repo = scoped_monorepo();
    let said = stderr(&repo.try_commit("fix(core)!: root thing"));
    assert!(
        said.contains("(`git commit --amend -m \"fix(server)!: ...\"`)"),
        "{said}"
    );
}
