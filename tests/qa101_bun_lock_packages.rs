//! QA101: bun.lock was looked for at the top of the repository only. A package of a bun
//! workspace whose top is a folder below (`js/bun.lock` listing `p/a`), or a package with a
//! bun.lock of its own beside its package.json, was released with the lock left behind, with
//! no word: the tagged tree failed `bun install --frozen-lockfile` there. A package's lock is
//! now its workspace's (the nearest one above that lists it), else its own, as npm's lock
//! beside a package's package.json moves with it.

use crate::support::{Repo, ok, text};

const CORE: &str = "{\n  \"name\": \"@p/core\",\n  \"version\": \"1.0.0\"\n}\n";
const UI: &str = "{\n  \"name\": \"@p/ui\",\n  \"version\": \"2.1.0\",\n  \"dependencies\": {\"@p/core\": \"^1.0.0\"}\n}\n";

/// The lock bun writes for the workspace of p/a and p/b.
const WORKSPACE_LOCK: &str = r#"{
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

/// The lock bun writes for b alone, which takes @p/core from the registry.
const OWN_LOCK: &str = r#"{
  "lockfileVersion": 1,
  "workspaces": {
    "": {
      "name": "@p/ui",
      "dependencies": {
        "@p/core": "^1.0.0",
      },
    },
  },
  "packages": {
    "@p/core": ["@p/core@1.0.0", "", {}, "sha512-x"],
  }
}
"#;

/// Packages a and b in `p/` below `dir` (`""`: the top) with `files` written too, committed,
/// relhook installed, then a breaking change of a.
fn repo_with(dir: &str, files: &[(&str, &str)]) -> Repo {
    let at = |rel: &str| format!("{dir}/{rel}").trim_start_matches('/').to_owned();
    let repo = Repo::new();
    repo.write(&at("p/a/package.json"), CORE);
    repo.write(&at("p/b/package.json"), UI);
    let config = format!(
        "[checks]\nrequire_tested_tags = false\n[packages.a]\npath = \"{}\"\n[packages.b]\npath = \"{}\"\n",
        at("p/a"),
        at("p/b")
    );
    repo.write(".relconfig.toml", config);
    for (path, contents) in files {
        repo.write(path, contents);
    }
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo.write(&at("p/a/x.js"), "x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat(a)!: x");
    repo
}

const WORKSPACE_JSON: &str =
    "{\n  \"name\": \"mono\",\n  \"private\": true,\n  \"workspaces\": [\"p/*\"]\n}\n";

#[test]
fn a_workspace_below_the_top_has_its_lock_moved() {
    let repo = repo_with(
        "js",
        &[
            ("js/package.json", WORKSPACE_JSON),
            ("js/bun.lock", WORKSPACE_LOCK),
        ],
    );
    let out = ok(repo.relhook(&["release", "--package", "a", "--no-test"]));
    assert!(
        repo.read("js/p/b/package.json")
            .contains("\"@p/core\": \"^2.0.0\""),
        "{}",
        text(&out)
    );
    let moved = WORKSPACE_LOCK
        .replace("\"version\": \"1.0.0\"", "\"version\": \"2.0.0\"")
        .replace("\"^1.0.0\"", "\"^2.0.0\"");
    assert_eq!(repo.read("js/bun.lock"), moved, "{}", text(&out));
    let committed = repo.git(&["show", "--name-only", "--format=", "HEAD"]);
    assert!(committed.contains("js/bun.lock"), "{committed}");
    assert!(repo.is_clean());
}

#[test]
fn a_workspace_lock_below_the_top_out_of_step_is_refused_with_its_folder() {
    let stale = WORKSPACE_LOCK.replace("\"version\": \"1.0.0\"", "\"version\": \"0.9.0\"");
    let repo = repo_with(
        "js",
        &[("js/package.json", WORKSPACE_JSON), ("js/bun.lock", &stale)],
    );
    let out = repo.relhook(&["release", "--package", "a", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = "js/bun.lock says workspace p/a is at 0.9.0, not 1.0.0, so the release cannot move the version of js/p/a/package.json there (1.0.0 → 2.0.0); refresh it with `bun install --cwd js`, commit js/bun.lock, and release again";
    assert!(text(&out).contains(said), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l"]), "");
    assert!(repo.is_clean());
}

#[test]
fn a_packages_own_lock_from_the_registry_is_refused() {
    // b's own lock takes @p/core from the registry: it cannot follow `^2.0.0` before 2.0.0
    // is published (QA112).
    let repo = repo_with("", &[("p/b/bun.lock", OWN_LOCK)]);
    let out = repo.relhook(&["release", "--package", "a", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = "p/b/bun.lock takes @p/core 1.0.0 from the registry (its `packages` entry `@p/core`), which does not meet `^2.0.0`, so the release cannot move the requirement on @p/core of p/b/package.json there (`^1.0.0` → `^2.0.0`) before @p/core 2.0.0 is published; set `[release] bump_dependents = false` to release a alone, then once it is published move p/b to it with `bun add --cwd p/b '@p/core@^2.0.0'` and commit";
    assert!(text(&out).contains(said), "{}", text(&out));
    assert_eq!(repo.read("p/b/bun.lock"), OWN_LOCK);
    assert_eq!(repo.git(&["tag", "-l"]), "");
    assert!(repo.is_clean());
}
