//! What relhook says around a monorepo release (a pnpm workspace, as `relhook init` sets it
//! up): an interrupted `release --all` is reported by doctor, an untested package tag gets the
//! command pre-push accepts, and the dry run refuses what the release would.

use crate::support::{Repo, stderr, stdout, text};

/// A pnpm workspace of `@x/a` (a `test` script, so init gives it a `test` key, made
/// `a_test` here) and `@x/b` (no tests), set up by `relhook init` and installed, with one
/// feature touching both packages.
fn pnpm_workspace(a_test: &str) -> Repo {
    let repo = Repo::new();
    repo.write("pnpm-workspace.yaml", "packages:\n  - \"packages/*\"\n");
    repo.write("package.json", "{\"name\":\"root\",\"private\":true}\n");
    repo.write(
        "packages/a/package.json",
        "{\"name\":\"@x/a\",\"version\":\"1.0.0\",\"scripts\":{\"test\":\"true\"}}\n",
    );
    repo.write(
        "packages/b/package.json",
        "{\"name\":\"@x/b\",\"version\":\"2.0.0\"}\n",
    );
    for args in [&["init"][..], &["install"]] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    }
    let config = repo.read(".relconfig.toml");
    let written = "test = [\"pnpm\", \"--filter\", \"@x/a\", \"test\"]\n";
    assert!(config.contains(written), "{config}");
    repo.write(
        ".relconfig.toml",
        config.replace(written, &format!("test = {a_test}\n")),
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.write("packages/a/x", "x\n");
    repo.write("packages/b/y", "y\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "feat: touch both"]);
    repo
}

#[test]
fn doctor_reports_an_interrupted_release_of_packages() {
    let repo = pnpm_workspace("[\"true\"]");
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.relhook_killed_at("release-committed", &["release", "--all"]);
    assert_eq!(
        repo.head_subject(),
        "chore(release): @x/a@1.0.0, @x/b@2.0.0"
    );
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let report = stdout(&out);
    assert!(
        report.contains("INVALID  release @x/a@1.0.0, @x/b@2.0.0:")
            && report.contains("fix: relhook release --resume")
            && !report.contains("all is well"),
        "{report}"
    );
    let out = repo.relhook(&["release", "--resume"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(!stderr(&out).contains("INVALID"), "{}", text(&out));
}
