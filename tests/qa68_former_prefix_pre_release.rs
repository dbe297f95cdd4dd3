//! QA68: above a pre-release tagged under the former prefix (`release-1.0.0-rc.1`, then
//! `tag_prefix = "v"`), with the version file at `1.0.0-rc.1` and no tag above, the way on
//! named `relhook release 1.0.1`: by SemVer's precedence that passes 1.0.0 over. The version
//! named is the pre-release's own release, and pasted it releases.

use crate::support::{Repo, ok, stderr, text};

#[test]
fn the_version_named_above_a_former_prefix_pre_release_is_its_release() {
    let repo = Repo::new();
    let config = "[checks]\nrequire_tested_tags = false\n[version]\ntag_prefix = \"release-\"\n";
    repo.write(".relconfig.toml", config);
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"x\"\nversion = \"0.9.0\"\nedition = \"2021\"\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release", "1.0.0-rc.1"]));
    repo.write(".relconfig.toml", config.replace("release-", "v"));
    repo.git(&["commit", "-q", "-am", "chore: tag releases v"]);
    repo.commit_hooked("fix: b");
    assert!(repo.read("Cargo.toml").contains("version = \"1.0.0-rc.1\""));
    for args in [&["version"][..], &["release", "1.0.0-rc.1", "--dry-run"]] {
        let out = repo.relhook(args);
        assert_ne!(out.status.code(), Some(0), "{}", text(&out));
        let err = stderr(&out);
        assert!(err.contains("`relhook release 1.0.0`"), "{args:?}: {err}");
        assert!(!err.contains("1.0.1"), "{args:?}: {err}");
    }
    let out = repo.relhook(&["release", "1.0.0"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.git(&["tag", "-l"]).lines().any(|t| t == "v1.0.0"));
    assert!(repo.read("Cargo.toml").contains("version = \"1.0.0\""));
}
