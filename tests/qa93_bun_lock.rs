//! QA93: in a bun workspace, `release --package` moved the package's version and its
//! sibling's requirement in the package.json files but left bun.lock (bun 1.2's text lock,
//! whose `"workspaces"` repeat both) behind with no word, so the tagged tree failed
//! `bun install --frozen-lockfile`. Both now move in place, every other byte kept; a lock
//! out of step is refused before anything is written, naming `bun install`; the binary
//! bun.lockb is never edited, and a release leaving it stale says so.

use crate::support::{Repo, ok, text};

/// The lock as bun 1.2 writes it for the two packages (trailing commas and all).
const LOCK: &str = r#"{
  "lockfileVersion": 1,
  "workspaces": {
    "": {
      "name": "mono",
    },
    "p/a": {
      "name": "@p/core",
      "version": "1.0.0",
    },
    "p/b": {
      "name": "@p/ui",
      "version": "2.1.0",
      "dependencies": {
        "@p/core": "^1.0.0",
      },
    },
  },
  "packages": {
    "@p/core": ["@p/core@workspace:p/a"],

    "@p/ui": ["@p/ui@workspace:p/b"],
  }
}
"#;

/// Packages a (`@p/core` 1.0.0) and b (requiring it as `^1.0.0`) in a bun workspace with
/// `lock` at `lock_name`, then a breaking change of a.
fn workspace(lock_name: &str, lock: &str) -> Repo {
    let repo = crate::support::two_packages(
        "{\n  \"name\": \"@p/core\",\n  \"version\": \"1.0.0\"\n}\n",
        "{\n  \"name\": \"@p/ui\",\n  \"version\": \"2.1.0\",\n  \"dependencies\": {\"@p/core\": \"^1.0.0\"}\n}\n",
    );
    repo.write(
        "package.json",
        "{\n  \"name\": \"mono\",\n  \"private\": true,\n  \"workspaces\": [\"p/*\"]\n}\n",
    );
    repo.write(lock_name, lock);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: bun workspace"]);
    repo.write("p/a/x.js", "x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat(a)!: x");
    repo
}

#[test]
fn a_package_release_moves_the_version_and_the_requirement_in_bun_lock() {
    let repo = workspace("bun.lock", LOCK);
    let out = ok(repo.relhook(&["release", "--package", "a", "--no-test"]));
    assert!(
        repo.read("p/b/package.json")
            .contains("\"@p/core\": \"^2.0.0\""),
        "{}",
        text(&out)
    );
    let moved = LOCK
        .replace("\"version\": \"1.0.0\"", "\"version\": \"2.0.0\"")
        .replace("\"^1.0.0\"", "\"^2.0.0\"");
    assert_eq!(repo.read("bun.lock"), moved);
    let committed = repo.git(&["show", "--name-only", "--format=", "HEAD"]);
    assert!(committed.contains("bun.lock"), "{committed}");
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
}

#[test]
fn a_bun_lock_out_of_step_is_refused_before_anything_is_written() {
    let stale = LOCK.replace("\"@p/core\": \"^1.0.0\"", "\"@p/core\": \"^0.9.0\"");
    let repo = workspace("bun.lock", &stale);
    let head = repo.git(&["rev-parse", "HEAD"]);
    for dry in [true, false] {
        let mut args = vec!["release", "--package", "a", "--no-test"];
        if dry {
            args.push("--dry-run");
        }
        let out = repo.relhook(&args);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        let said = "bun.lock requires @p/core as `^0.9.0` in dependencies of workspace p/b, not `^1.0.0`, so the release cannot move the requirement on @p/core of p/b/package.json there (`^1.0.0` → `^2.0.0`); refresh it with `bun install`, commit bun.lock, and release again";
        assert!(text(&out).contains(said), "{}", text(&out));
    }
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert_eq!(repo.git(&["tag", "-l"]), "");
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
}

#[test]
fn a_bun_lock_bun_does_not_write_is_refused_in_one_line() {
    let repo = workspace("bun.lock", "{\n  \"lockfileVersion\": 1,\n}\n");
    let out = repo.relhook(&["release", "--package", "a", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = "bun.lock has no \"workspaces\" object, so the release cannot move the version of p/a/package.json there (1.0.0 → 2.0.0); refresh it with `bun install`, commit bun.lock, and release again";
    assert!(text(&out).contains(said), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l"]), "");
}

#[test]
fn the_binary_lock_is_left_as_it_is_with_a_note() {
    let binary = "\u{1}bun-lockfile-format-v0\n";
    let repo = workspace("bun.lockb", binary);
    let out = ok(repo.relhook(&["release", "--package", "a", "--no-test"]));
    assert_eq!(repo.read("bun.lockb"), binary);
    let said =
        "bun.lockb is binary and left as it is: refresh it with `bun install` and commit bun.lockb";
    assert!(text(&out).contains(said), "{}", text(&out));
    assert_eq!(text(&out).matches(said).count(), 1, "{}", text(&out));
    assert!(repo.git(&["tag", "-l"]).contains("a-v2.0.0"));
}
