//! QA32: a Cargo pre-release of a crate with a dependent rewrote the requirement `1.0` to
//! `2.0`, which admits no `2.0.0-rc.1` (cargo matches a pre-release only against a
//! requirement naming it): the workspace no longer resolved.

use crate::support::text;

#[test]
fn a_pre_release_gives_its_dependents_a_requirement_that_admits_it() {
    let repo = crate::qa33_dependents::workspace();
    repo.write("crates/core/src/lib.rs", "// new\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat(core)!: drop the old api");

    let out = repo.relhook(&["release", "--package", "core", "--pre", "rc", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.git(&["tag"]).contains("core-v2.0.0-rc.1"));
    assert!(
        repo.read("crates/cli/Cargo.toml")
            .contains("core = { path = \"../core\", version = \"2.0.0-rc.1\" }"),
        "{}",
        repo.read("crates/cli/Cargo.toml")
    );
}
