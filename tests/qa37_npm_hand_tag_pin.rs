//! QA37: in an npm workspace a hand tag of `lib` 1.1.0 went through while `web` pinned
//! `"lib": "1.0.0"`: read as Cargo reads it (`^1.0.0`), the pin looked met. In a package.json a
//! bare version is that version exactly, and the hand tag is refused as Cargo's is.

use crate::support::{Repo, hand_tag, ok, stderr, text};

/// An npm workspace of `lib` (1.0.0) and `web`, whose package.json is `web`; with `tags`, both
/// released already; relhook installed and one `feat:` of lib's committed.
fn workspace(web: &str, tags: bool) -> Repo {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\"name\":\"root\",\"private\":true,\"workspaces\":[\"packages/*\"]}\n",
    );
    repo.write(
        "packages/lib/package.json",
        "{\"name\":\"lib\",\"version\":\"1.0.0\"}\n",
    );
    repo.write("packages/web/package.json", web);
    repo.write(
        ".relconfig.toml",
        "[checks]\ntest = [\"true\"]\nrequire_tested_tags = false\n[packages.lib]\npath = \"packages/lib\"\n[packages.web]\npath = \"packages/web\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    if tags {
        repo.git(&["tag", "-a", "lib-v1.0.0", "-m", "lib"]);
        repo.git(&["tag", "-a", "web-v0.4.0", "-m", "web"]);
    }
    ok(repo.relhook(&["install"]));
    repo.write("packages/lib/a.js", "x\n");
    repo.git(&["add", "-A"]);
    ok(repo.git_output(&["commit", "-q", "-m", "feat: x"]));
    repo
}

#[test]
fn a_hand_tag_that_leaves_an_exact_npm_pin_behind_is_refused() {
    let repo = workspace(
        "{\"name\":\"web\",\"version\":\"0.4.0\",\"dependencies\":{\"lib\":\"1.0.0\"}}\n",
        false,
    );
    let out = hand_tag(&repo, &["-a", "lib-v1.1.0", "-m", "lib"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out)
            .contains("packages/web/package.json requires lib `1.0.0`, which 1.1.0 does not meet"),
        "{}",
        text(&out)
    );
    assert!(repo.git(&["tag", "-l", "lib-v1.1.0"]).is_empty());
    // A range that admits the new version is no reason to refuse.
    repo.write(
        "packages/web/package.json",
        "{\"name\":\"web\",\"version\":\"0.4.0\",\"dependencies\":{\"lib\":\"^1.0.0\"}}\n",
    );
    repo.git(&["add", "-A"]);
    ok(repo.git_output(&["commit", "-q", "-m", "fix(web): lib range"]));
    ok(hand_tag(&repo, &["-a", "lib-v1.1.0", "-m", "lib"]));
}

/// QA37: `release --package lib` rewrote web's `dependencies` pin but left its exact
/// `peerDependencies` pin `1.0.0`, read as `^1.0.0` and so taken to admit 1.1.0: the released
/// web needed lib 1.1.0 and peer-required exactly 1.0.0, which npm refuses to install.
#[test]
fn a_release_rewrites_an_exact_peer_pin_the_new_version_does_not_meet() {
    let repo = workspace(
        "{\"name\":\"web\",\"version\":\"0.4.0\",\"dependencies\":{\"lib\":\"1.0.0\"},\"peerDependencies\":{\"lib\":\"1.0.0\"}}\n",
        false,
    );
    // The first release is the version the files hold (1.0.0); the next one moves it, and
    // releases web with it, its requirement said once though two fields moved.
    ok(repo.relhook(&["release", "--package", "lib"]));
    repo.write("packages/lib/b.js", "y\n");
    repo.git(&["add", "-A"]);
    ok(repo.git_output(&["commit", "-q", "-m", "feat: y"]));
    let out = ok(repo.relhook(&["release", "--all"]));
    assert_eq!(
        text(&out).matches("requires lib 1.1.0").count(),
        1,
        "{}",
        text(&out)
    );
    let web = repo.read("packages/web/package.json");
    assert!(!web.contains("\"1.0.0\""), "{web}");
    assert!(
        web.contains("\"peerDependencies\":{\"lib\":\"1.1.0\"}"),
        "{web}"
    );
}

/// QA37 (second round): npm's own range forms, which admit 1.1.0, were refused (`^ 1.0.0`,
/// `>= 1.0.0`, hyphen and `||` ranges) or narrowed by the release, with a spurious release of
/// the package that held them.
#[test]
fn npm_ranges_that_admit_the_new_version_are_left_alone() {
    for spec in ["^ 1.0.0", ">= 1.0.0", "1.0.0 - 1.2.0", "^1.0.0 || ^2.0.0"] {
        let web = format!(
            "{{\"name\":\"web\",\"version\":\"0.4.0\",\"peerDependencies\":{{\"lib\":\"{spec}\"}}}}\n"
        );
        let repo = workspace(&web, true);
        let out = repo.relhook(&["release", "--all", "--dry-run"]);
        assert!(out.status.success(), "{spec}: {}", text(&out));
        assert!(!text(&out).contains("web-v0.4.1"), "{spec}: {}", text(&out));
        let tag = hand_tag(&repo, &["-a", "lib-v1.1.0", "-m", "lib"]);
        assert!(tag.status.success(), "{spec}: {}", text(&tag));
        assert_eq!(repo.read("packages/web/package.json"), web, "{spec}");
    }
}
