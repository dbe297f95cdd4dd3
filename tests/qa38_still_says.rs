//! QA38: after a release, "Cargo.toml:2 still says 1.0.0: `foo = \"1.0.0\"`" named a bare Cargo
//! requirement on another crate (Cargo reads it as `^1.0.0`) as a copy of the version left
//! behind. Lines of a manifest's dependency tables are requirements, as `^1.0.0` is.

use crate::support::{Repo, ok, stderr};

#[test]
fn a_bare_cargo_requirement_is_not_a_version_left_behind() {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[dependencies]\nfoo = \"1.0.0\"\n\n[package]\nname = \"odd\"\nversion = \"1.0.0\"\n\n[package.metadata.docs]\nsays = \"1.0.0\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.commit("chore: init");
    ok(repo.relhook(&["install"]));
    repo.commit("fix: x");
    let out = ok(repo.relhook(&["release", "1.0.1", "--no-test"]));
    let said = stderr(&out);
    assert!(!said.contains("Cargo.toml:2"), "{said}");
    assert!(said.contains("Cargo.toml:9 still says 1.0.0"), "{said}");
    assert!(repo.read("Cargo.toml").contains("foo = \"1.0.0\"\n"));
}
