//! QA51: pnpm's workspace protocol with a pre-release (`workspace:^1.1.1-rc.1`, left by a
//! release of x's rc) let a stable release of y, and its hand tag, through where npm's
//! `^1.1.1-rc.1` is refused; `workspace:*` (published as x's own version) too.

use crate::support::{Repo, hand_tag, ok, stderr, text};

/// Writes `file` and commits it as `message`, through the hooks.
fn change(repo: &Repo, file: &str, body: &str, message: &str) {
    repo.write(file, body);
    repo.git(&["add", "-A"]);
    let out = repo.git_output(&["commit", "-qm", message]);
    assert!(out.status.success(), "{}", text(&out));
}

/// A pnpm workspace: x 1.1.0 and y 0.5.0 requiring x as `spec`, both released; then x's
/// `1.1.1-rc.1` (y's requirement rewritten when it names a version) and a fix of y.
fn y_after_x_rc(spec: &str) -> Repo {
    let repo = Repo::new();
    repo.write("pnpm-workspace.yaml", "packages:\n  - \"packages/*\"\n");
    repo.write("package.json", "{\"name\":\"root\",\"private\":true}\n");
    repo.write(
        "packages/x/package.json",
        "{\n  \"name\": \"x\",\n  \"version\": \"1.1.0\"\n}\n",
    );
    repo.write(
        "packages/y/package.json",
        format!(
            "{{\n  \"name\": \"y\",\n  \"version\": \"0.5.0\",\n  \"dependencies\": {{ \"x\": \"{spec}\" }}\n}}\n"
        ),
    );
    repo.write(
        "pnpm-lock.yaml",
        format!(
            "lockfileVersion: '9.0'\n\nsettings:\n  autoInstallPeers: true\n  excludeLinksFromLockfile: false\n\nimporters:\n\n  .: {{}}\n\n  packages/x: {{}}\n\n  packages/y:\n    dependencies:\n      x:\n        specifier: {spec}\n        version: link:../x\n"
        ),
    );
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[packages.x]\npath = \"packages/x\"\n[packages.y]\npath = \"packages/y\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "chore: start"]);
    ok(repo.relhook(&["install"]));
    change(&repo, "packages/x/i.js", "a\n", "feat(x): a");
    change(&repo, "packages/y/i.js", "a\n", "feat(y): a");
    ok(repo.relhook(&["release", "--no-test", "--all"]));
    change(&repo, "packages/x/i.js", "b\n", "fix(x): b");
    ok(repo.relhook(&["release", "--no-test", "--package", "x", "--pre", "rc"]));
    change(&repo, "packages/y/i.js", "b\n", "fix(y): b");
    repo
}

/// `y 0.5.1` is refused, by the dry run, the release and a hand tag, naming `said`.
fn stable_y_refused(repo: &Repo, said: &str) {
    let tags = repo.git(&["tag"]);
    for args in [&["--dry-run"][..], &[]] {
        let mut all = vec!["release", "--no-test", "--package", "y"];
        all.extend(args);
        let out = repo.relhook(&all);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
        assert!(stderr(&out).contains(said), "{args:?}: {}", text(&out));
        assert!(
            stderr(&out).contains("release x as stable first (`relhook release --package x"),
            "{}",
            text(&out)
        );
    }
    let out = hand_tag(repo, &["-a", "y-v0.5.1", "-m", "y"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains(said), "{}", text(&out));
    assert_eq!(repo.git(&["tag"]), tags);
    assert!(repo.is_clean());
}

#[test]
fn a_workspace_range_on_a_pre_release_refuses_a_stable_release() {
    for (spec, after) in [
        ("workspace:^1.1.0", "workspace:^1.1.1-rc.1"),
        ("workspace:~1.1.0", "workspace:~1.1.1-rc.1"),
        ("workspace:1.1.0", "workspace:1.1.1-rc.1"),
    ] {
        let repo = y_after_x_rc(spec);
        assert!(
            repo.read("packages/y/package.json").contains(after),
            "{spec}"
        );
        let said = format!(
            "y 0.5.1 would be a stable release that requires a pre-release of x (`{after}` in packages/y/package.json)"
        );
        stable_y_refused(&repo, &said);
    }
}

#[test]
fn the_workspace_protocol_without_a_range_requires_the_pre_release_it_links() {
    for spec in ["workspace:*", "workspace:^", "workspace:~"] {
        let repo = y_after_x_rc(spec);
        let said = format!(
            "y 0.5.1 would be a stable release that requires a pre-release of x (`{spec}` in packages/y/package.json, published as `1.1.1-rc.1`)"
        );
        stable_y_refused(&repo, &said);
    }
    // x stable (by hand): y links its stable version, and is released.
    let repo = y_after_x_rc("workspace:*");
    let out = hand_tag(&repo, &["-a", "x-v1.1.1", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
    ok(repo.relhook(&["release", "--no-test", "--package", "y"]));
    assert_eq!(repo.git(&["tag", "-l", "y-v0.5.1"]), "y-v0.5.1");
}

#[test]
fn after_a_stable_hand_tag_the_workspace_range_to_require_is_named_with_the_install() {
    let repo = y_after_x_rc("workspace:^1.1.0");
    let out = hand_tag(&repo, &["-a", "x-v1.1.1", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
    let edit = "(`workspace:^1.1.1-rc.1` → `workspace:^1.1.1` in packages/y/package.json, then `pnpm install`) and commit";
    let note = format!("before y's next stable release, require x 1.1.1 instead {edit}");
    assert!(stderr(&out).contains(&note), "{}", text(&out));
    let out = repo.relhook(&["release", "--no-test", "--package", "y"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let fix = format!("x 1.1.1 is released: require it instead {edit}");
    assert!(stderr(&out).contains(&fix), "{}", text(&out));
}
