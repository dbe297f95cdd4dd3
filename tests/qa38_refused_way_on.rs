//! QA38: a package's hand tag that leaves a requirement behind was refused with "`relhook
//! release --package b 2.0.2` releases it", a command that was itself refused (b would be a
//! stable release requiring a sibling's pre-release). The command is planned before it is
//! named: when it is refused too, its refusal and fix are the way on.

use crate::support::{Repo, hand_tag_refused, ok};

#[test]
fn a_hand_tags_way_on_that_is_refused_too_says_so() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\"name\":\"root\",\"private\":true,\"workspaces\":[\"packages/*\",\"apps/*\"]}\n",
    );
    repo.write(
        "packages/a/package.json",
        "{\"name\":\"@s/a\",\"version\":\"1.0.0\"}\n",
    );
    repo.write(
        "packages/b/package.json",
        "{\"name\":\"@s/b\",\"version\":\"2.0.1\",\"dependencies\":{\"@s/a\":\"^1.0.0\"}}\n",
    );
    repo.write(
        "apps/web/package.json",
        "{\"name\":\"web\",\"private\":true,\"version\":\"0.0.0\",\"dependencies\":{\"@s/b\":\"2.0.1\"}}\n",
    );
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[packages.a]\npath = \"packages/a\"\ntag = \"@s/a@{version}\"\n[packages.b]\npath = \"packages/b\"\ntag = \"@s/b@{version}\"\n",
    );
    ok(repo.relhook(&["install"]));
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.write("packages/a/x.js", "x\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat: a x"]);
    ok(repo.relhook(&["release", "--package", "a", "--pre", "rc", "--no-test"]));
    repo.write("packages/b/y.js", "y\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "fix: b y"]);
    let said = hand_tag_refused(&repo, "@s/b@2.0.2");
    // QA40: the stable version on a sibling's pre-release is the tag's own refusal now, as
    // the release's is, before the requirement left behind.
    assert!(
        said.contains("b 2.0.2 would be a stable release that requires a pre-release of a")
            && said.contains("release a as stable first (`relhook release --package a`)")
            && !said.contains("2.0.2` releases it"),
        "{said}"
    );
}
