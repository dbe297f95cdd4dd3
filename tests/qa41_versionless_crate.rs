//! QA41: a Cargo crate with no `version` key (Cargo reads it as 0.0.0) released as package x
//! was tagged `x-v0.1.0` while its manifest stayed as it was, saying no version. The release,
//! and a hand tag, are now refused in one line that names the manifest and the key to add.

use crate::support::{Repo, hand_tag_refused, ok, stderr, text};

fn versionless_crate() -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"crates/*\"]\nresolver = \"2\"\n",
    );
    repo.write(
        "crates/x/Cargo.toml",
        "[package]\nname = \"x\"\nedition = \"2021\"\npublish = false\n",
    );
    repo.write(
        "crates/y/Cargo.toml",
        "[package]\nname = \"y\"\nversion = \"1.0.0\"\nedition = \"2021\"\n",
    );
    repo.write("crates/x/src/lib.rs", "");
    repo.write("crates/y/src/lib.rs", "");
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[packages.x]\npath = \"crates/x\"\n[packages.y]\npath = \"crates/y\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo.write("crates/x/src/lib.rs", "//\n");
    repo.git(&["commit", "-q", "-am", "feat(x): a"]);
    repo
}

#[test]
fn a_crate_without_a_version_is_not_released_under_a_tag_its_manifest_does_not_say() {
    let repo = versionless_crate();
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = repo.relhook(&["release", "--package", "x", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("crates/x/Cargo.toml: crate x has no `version` under [package]")
            && said.contains("add `version = \"0.1.0\"` under [package] in crates/x/Cargo.toml"),
        "{said}"
    );
    assert_eq!(repo.git(&["tag", "-l"]), "", "no tag");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head, "no release commit");
    assert!(repo.is_clean());

    let said = hand_tag_refused(&repo, "x-v0.1.0");
    assert!(
        said.contains("crates/x/Cargo.toml: crate x has no `version` under [package]"),
        "{said}"
    );

    // Followed: the version in the manifest, the release goes.
    repo.write(
        "crates/x/Cargo.toml",
        "[package]\nname = \"x\"\nversion = \"0.1.0\"\nedition = \"2021\"\npublish = false\n",
    );
    repo.git(&["commit", "-q", "-am", "build(x): a version of its own"]);
    ok(repo.relhook(&["release", "--package", "x", "--no-test"]));
    assert_eq!(repo.git(&["tag", "-l"]), "x-v0.1.0");
    assert!(
        repo.read("crates/x/Cargo.toml")
            .contains("version = \"0.1.0\"")
    );
}
