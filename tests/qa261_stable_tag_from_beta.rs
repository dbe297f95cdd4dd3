//! QA261: a stable release tag whose commit only a stable branch of the remote holds (`main`),
//! pushed from a channel's branch (`beta`). Pre-push gave beta's advice for it (a release on
//! beta, refused there as stable); its missing-section line names the branch that holds the
//! tag and the release made there (`git switch main`, then `relhook release`), single package
//! and monorepo alike.

use crate::qa224_release_channels::{CONFIG, on_beta};
use crate::qa243_channel_advice_accepted::each_release_taken;
use crate::support::{Repo, dated_release, ok, stderr, text};

/// The missing-section line of `tag`, pushed from `beta` with only `main` holding it: it
/// names `main` and a stable release; each release it names is taken on `main`.
fn advised_from_beta(repo: &Repo, tag: &str, version: &str) {
    repo.git(&["switch", "-q", "beta"]);
    let out = repo.git_output(&["push", "origin", tag]);
    assert!(!out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    let marker = format!("has no `## [{version}]` section");
    let line = (said.lines())
        .find(|l| l.contains(&marker))
        .unwrap_or_else(|| panic!("no missing-section line:\n{said}"));
    assert!(line.contains("git switch main"), "{said}");
    assert!(
        !line.contains("--pre") && !line.contains("--allow-stable"),
        "{said}"
    );
    let fix = (said.lines())
        .find(|l| l.contains("fix:"))
        .unwrap_or_else(|| panic!("no fix line:\n{said}"));
    assert!(fix.contains("git switch main"), "{said}");
    assert!(!said.contains("beta"), "beta's advice given:\n{said}");
    repo.git(&["switch", "-q", "main"]);
    ok(repo.git_output(&["tag", "-d", tag]));
    each_release_taken(repo, &said, &marker);
}

#[test]
fn a_stable_tag_held_by_main_pushed_from_beta_is_advised_on_main() {
    let repo = on_beta(CONFIG);
    repo.git(&["switch", "-q", "main"]);
    repo.commit_hooked("fix: b");
    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "origin", "main", "beta", "v1.0.0"]));
    ok(repo.git_skipping_relhook(&["tag", "-a", "v1.0.1", "-m", "x"]));
    advised_from_beta(&repo, "v1.0.1", "1.0.1");
}

#[test]
fn a_stable_package_tag_held_by_main_pushed_from_beta_is_advised_on_main() {
    let repo = Repo::new();
    repo.write("p/a/package.json", r#"{"name":"a","version":"1.0.0"}"#);
    repo.write("p/b/package.json", r#"{"name":"b","version":"1.0.0"}"#);
    repo.write(
        ".relconfig.toml",
        format!("{CONFIG}\n[packages.a]\npath = \"p/a\"\n[packages.b]\npath = \"p/b\"\n"),
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat: start"]);
    ok(repo.relhook(&["install"]));
    ok(dated_release(&repo, &["--all", "--no-test"]));
    repo.git(&["switch", "-q", "-c", "beta"]);
    repo.write("p/a/x.txt", "x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat(a)!: new api");
    repo.git(&["switch", "-q", "main"]);
    repo.write("p/a/y.txt", "y\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(a): y");
    repo.with_origin();
    let push = [
        "push", "-q", "origin", "main", "beta", "a-v1.0.0", "b-v1.0.0",
    ];
    ok(repo.git_output(&push));
    ok(repo.git_skipping_relhook(&["tag", "-a", "a-v1.0.1", "-m", "x"]));
    advised_from_beta(&repo, "a-v1.0.1", "1.0.1");
}
