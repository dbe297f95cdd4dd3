//! QA40: a stable release of a package that requires a sibling's pre-release is refused by
//! `relhook release` when the requirement is the package's own; inherited from the
//! workspace's `[workspace.dependencies]` it went through, and a hand tag of the stable
//! version went through either way.

use crate::support::{Repo, hand_tag, ok, stderr, text};

/// `a` and `b`, `b` taking `a` from `[workspace.dependencies]`; `a` released as `0.1.0-rc.1`
/// (b with it), then a fix of `b`.
fn inherited_on_rc() -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"a\", \"b\"]\nresolver = \"2\"\n\n[workspace.dependencies]\na = { path = \"a\", version = \"0.1.0\" }\n",
    );
    repo.write(
        "a/Cargo.toml",
        "[package]\nname = \"a\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    );
    repo.write("a/src/lib.rs", "\n");
    repo.write(
        "b/Cargo.toml",
        "[package]\nname = \"b\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\na = { workspace = true }\n",
    );
    repo.write("b/src/lib.rs", "\n");
    repo.write(
        ".relconfig.toml",
        "[packages.a]\npath = \"a\"\n\n[packages.b]\npath = \"b\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.write("a/src/lib.rs", "//\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(a): one");
    ok(repo.relhook(&["release", "--no-test", "--package", "a", "--pre", "rc"]));
    assert!(repo.read("Cargo.toml").contains("version = \"0.1.0-rc.1\""));
    repo.write("b/src/lib.rs", "//\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(b): two");
    repo
}

const REFUSED: &str =
    "would be a stable release that requires a pre-release of a (`0.1.0-rc.1` in Cargo.toml)";

#[test]
fn a_stable_release_on_an_inherited_pre_release_requirement_is_refused() {
    let repo = inherited_on_rc();
    let tags = repo.git(&["tag"]);
    let out = repo.relhook(&["release", "--no-test", "--package", "b"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stderr(&out).contains(REFUSED), "{}", text(&out));
    assert_eq!(repo.git(&["tag"]), tags);
    assert!(repo.is_clean());
}

#[test]
fn a_hand_tag_of_a_stable_version_on_a_pre_release_requirement_is_refused() {
    let repo = inherited_on_rc();
    let out = hand_tag(&repo, &["-a", "b-v0.1.1", "-m", "b"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains(REFUSED), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l", "b-v0.1.1"]), "");
    // A pre-release tag of it stands.
    let out = hand_tag(&repo, &["-a", "b-v0.1.1-rc.1", "-m", "b"]);
    assert!(out.status.success(), "{}", text(&out));
}
