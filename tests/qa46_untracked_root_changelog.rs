//! QA46: a monorepo whose root CHANGELOG.md `relhook init` wrote but nobody committed yet. A
//! commit of the root crate and a package was told "the commit changes no package's files"
//! (it changed crates/core) and "CHANGELOG.md does not exist" (it does, untracked). Now, as
//! in a repository of one project: the file is not committed, with the `git add` that fixes it.

use crate::support::{Repo, ok, stderr};

#[test]
fn an_uncommitted_root_changelog_is_said_as_uncommitted_never_as_absent() {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\nmembers = [\"crates/*\"]\n",
    );
    repo.write(
        "crates/core/Cargo.toml",
        "[package]\nname = \"core\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    );
    repo.write("src/main.rs", "fn main() {}\n");
    repo.write("crates/core/src/lib.rs", "\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["init"]));
    assert!(repo.path().join("CHANGELOG.md").is_file());
    repo.git(&["add", ".relconfig.toml"]);
    repo.git(&["commit", "-q", "-m", "chore: adopt relhook"]);
    ok(repo.relhook(&["install"]));

    repo.write("src/main.rs", "fn main() {}\n// a\n");
    repo.write("crates/core/src/lib.rs", "\n// a\n");
    let out = ok(repo.git_output(&["commit", "-q", "-a", "-m", "fix: both"]));
    let said = stderr(&out);
    assert!(
        said.contains(
            "no entry added: CHANGELOG.md is not committed yet; `git add :/CHANGELOG.md && git commit`, then `relhook changelog --sync` adds this one"
        ),
        "{said}"
    );
    assert!(
        !said.contains("no package's files") && !said.contains("does not exist"),
        "{said}"
    );
    assert!(repo.read("crates/core/CHANGELOG.md").contains("- both"));

    // Without the file, the reason names what the commit changes, truly.
    std::fs::remove_file(repo.path().join("CHANGELOG.md")).unwrap();
    repo.write("src/main.rs", "fn main() {}\n// b\n");
    repo.write("crates/core/src/lib.rs", "\n// b\n");
    let out = ok(repo.git_output(&["commit", "-q", "-a", "-m", "fix: both again"]));
    let said = stderr(&out);
    assert!(
        said.contains("no entry added: the commit changes the root project's files besides a package's, and the root changelog CHANGELOG.md does not exist"),
        "{said}"
    );
}
