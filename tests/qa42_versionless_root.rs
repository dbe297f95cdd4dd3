//! QA42: a single crate whose Cargo.toml has no `version` (Cargo reads it as 0.0.0) was
//! released as v0.1.0 with the manifest left saying no version, and not a word about it. It is
//! now refused as a package's versionless crate is, in one line naming the key to add.

use crate::support::{Repo, hand_tag_refused, ok, stderr, text};

/// A repository of one crate whose Cargo.toml is `manifest`, relhook installed.
fn installed_crate(manifest: &str) -> Repo {
    let repo = Repo::new();
    repo.write("Cargo.toml", manifest);
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo
}

#[test]
fn a_single_crate_without_a_version_is_not_released_under_a_tag_its_manifest_does_not_say() {
    let repo = installed_crate("[package]\nname = \"nv\"\nedition = \"2021\"\n");
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    repo.git(&["commit", "-q", "-m", "feat: a"]);
    let head = repo.git(&["rev-parse", "HEAD"]);

    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("Cargo.toml: crate nv has no `version` under [package]")
            && said.contains("add `version = \"0.1.0\"` under [package] in Cargo.toml and commit"),
        "{said}"
    );
    assert_eq!(said.lines().count(), 1, "{said}");
    assert_eq!(repo.git(&["tag", "-l"]), "", "no tag");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head, "no release commit");
    assert!(repo.is_clean());

    let said = hand_tag_refused(&repo, "v0.1.0");
    assert!(
        said.contains("Cargo.toml: crate nv has no `version` under [package]"),
        "{said}"
    );

    // `[version] detect = false` leaves the manifest out on purpose: released as asked.
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[version]\ndetect = false\n",
    );
    repo.git(&["commit", "-q", "-am", "build: no version files"]);
    ok(repo.relhook(&["release", "--no-test"]));
    assert_eq!(repo.git(&["tag", "-l"]), "v0.1.0");
    assert!(!repo.read("Cargo.toml").contains("version"));
}

#[test]
fn a_single_crate_given_its_version_is_released_with_it() {
    let repo = installed_crate("[package]\nname = \"nv\"\nedition = \"2021\"\n");
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"nv\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    );
    repo.git(&["commit", "-q", "-am", "feat: a version of its own"]);
    ok(repo.relhook(&["release", "--no-test"]));
    // The first release is the version the manifest now says.
    assert_eq!(repo.git(&["tag", "-l"]), "v0.1.0");
    assert!(repo.read("Cargo.toml").contains("version = \"0.1.0\""));
}

/// QA42, again: `version.workspace = true` in a single crate whose `[workspace.package]` has
/// no version was released as v0.1.0, its manifests saying no version.
#[test]
fn a_single_crate_inheriting_no_version_is_refused() {
    let repo =
        installed_crate("[package]\nname = \"foo\"\nversion.workspace = true\n\n[workspace]\n");
    repo.git(&["commit", "-q", "--allow-empty", "-m", "feat: a"]);
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("takes its version from [workspace.package] (`version.workspace = true`), which has no `version`")
            && stderr(&out).contains("add `version = \"0.1.0\"` under [workspace.package] in Cargo.toml"),
        "{}",
        text(&out)
    );
    let said = hand_tag_refused(&repo, "v0.1.0");
    assert!(said.contains("which has no `version`"), "{said}");
    // Given one, it is released with it.
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"foo\"\nversion.workspace = true\n\n[workspace]\n\n[workspace.package]\nversion = \"0.1.0\"\n",
    );
    repo.git(&["commit", "-q", "-am", "build: a version"]);
    ok(repo.relhook(&["release", "--no-test"]));
    assert_eq!(repo.git(&["tag", "-l"]), "v0.1.0");
}
