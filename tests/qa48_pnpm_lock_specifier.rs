//! QA48: in a pnpm workspace, `release --package` rewrote the dependant's `"@p/core":
//! "workspace:^1.0.0"` to `workspace:^2.0.0` but left pnpm-lock.yaml's `specifier:` behind,
//! so the tagged tree failed `pnpm install --frozen-lockfile` (and tests run with pnpm
//! rewrote the lock mid-run). The specifier now moves with the requirement, every other byte
//! kept; a lock relhook cannot edit as pnpm would is refused before anything is written,
//! naming `pnpm install`, and a hand tag's way on says so too.

use crate::support::{Repo, hand_tag_refused, ok, text};

/// The lock as pnpm 9 writes it for the two packages.
const LOCK: &str = "lockfileVersion: '9.0'\n\nsettings:\n  autoInstallPeers: true\n  excludeLinksFromLockfile: false\n\nimporters:\n\n  .: {}\n\n  p/a: {}\n\n  p/b:\n    dependencies:\n      '@p/core':\n        specifier: workspace:^1.0.0\n        version: link:../a\n";

/// Packages a (`@p/core` 1.0.0) and b (requiring it as `workspace:^1.0.0`) with `lock` as
/// pnpm-lock.yaml, then a breaking change of a.
fn workspace(lock: &str) -> Repo {
    let repo = crate::support::two_packages(
        "{\n  \"name\": \"@p/core\",\n  \"version\": \"1.0.0\"\n}\n",
        "{\n  \"name\": \"@p/ui\",\n  \"version\": \"2.1.0\",\n  \"dependencies\": {\"@p/core\": \"workspace:^1.0.0\"}\n}\n",
    );
    repo.write("pnpm-workspace.yaml", "packages:\n  - \"p/*\"\n");
    repo.write(
        "package.json",
        "{\n  \"name\": \"mono\",\n  \"private\": true\n}\n",
    );
    repo.write("pnpm-lock.yaml", lock);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: pnpm workspace"]);
    repo.write("p/a/x.js", "x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat(a)!: x");
    repo
}

#[test]
fn a_package_release_moves_the_pnpm_lock_specifier() {
    let repo = workspace(LOCK);
    let out = ok(repo.relhook(&["release", "--package", "a", "--no-test"]));
    assert!(
        repo.read("p/b/package.json")
            .contains("\"@p/core\": \"workspace:^2.0.0\""),
        "{}",
        text(&out)
    );
    assert_eq!(
        repo.read("pnpm-lock.yaml"),
        LOCK.replace("workspace:^1.0.0", "workspace:^2.0.0")
    );
    let committed = repo.git(&["show", "--name-only", "--format=", "HEAD"]);
    assert!(committed.contains("pnpm-lock.yaml"), "{committed}");
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
}

#[test]
fn a_lock_relhook_cannot_edit_is_refused_before_anything_is_written() {
    // A lock out of step: p/b was never installed.
    let stale = LOCK.replace(
        "  p/b:\n    dependencies:\n      '@p/core':\n        specifier: workspace:^1.0.0\n        version: link:../a\n",
        "",
    );
    let repo = workspace(&stale);
    let head = repo.git(&["rev-parse", "HEAD"]);
    for dry in [true, false] {
        let mut args = vec!["release", "--package", "a", "--no-test"];
        if dry {
            args.push("--dry-run");
        }
        let out = repo.relhook(&args);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        let said = "pnpm-lock.yaml has no importer p/b, so the release cannot move the requirement on @p/core of p/b/package.json there (`workspace:^1.0.0` → `workspace:^2.0.0`); refresh it with `pnpm install`, commit pnpm-lock.yaml, and release again";
        assert!(text(&out).contains(said), "{}", text(&out));
    }
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert_eq!(repo.git(&["tag", "-l"]), "");
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
    // A hand tag's way on is that release, refused the same way.
    let err = hand_tag_refused(&repo, "a-v2.0.0");
    assert!(
        err.contains("is refused too: pnpm-lock.yaml has no importer p/b")
            && err.contains("`pnpm install`"),
        "{err}"
    );
}

#[test]
fn a_hand_tag_names_the_release_that_moves_the_lock_too() {
    let repo = workspace(LOCK);
    let err = hand_tag_refused(&repo, "a-v2.0.0");
    assert!(
        err.contains(
            "`relhook release --package a 2.0.0` releases it and rewrites that requirement"
        ),
        "{err}"
    );
    ok(repo.relhook(&["release", "--package", "a", "2.0.0", "--no-test"]));
    assert_eq!(
        repo.read("pnpm-lock.yaml"),
        LOCK.replace("workspace:^1.0.0", "workspace:^2.0.0")
    );
}
