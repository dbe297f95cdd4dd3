//! lerna's fixed mode, found after qa19: the dependents `lerna version` bumps with a package,
//! and npm's lock entries of a package bumped from an older version.

use crate::support::{Repo, hand_tag, ok, stderr, stdout, text};

fn pkg(name: &str, v: &str, deps: &str) -> String {
    format!("{{\n  \"name\": \"@s/{name}\",\n  \"version\": \"{v}\"{deps}\n}}\n")
}

fn dep(section: &str, name: &str, req: &str) -> String {
    format!(",\n  \"{section}\": {{\n    \"@s/{name}\": \"{req}\"\n  }}")
}

/// A lerna fixed-mode workspace at 1.0.0 (tagged): `a` at the version; `c` left at 0.8.0;
/// `b` (0.9.0) requires `c`; `d` (0.5.0) requires `b` as a dev dependency; `e` (0.3.0) has a
/// peer dependency on `d` through the workspace protocol; `f` (0.2.0) requires nothing and
/// `g` (0.1.0) requires a `c` its 0.8.0 does not meet (a published copy, no dependent).
fn workspace() -> Repo {
    let repo = Repo::new();
    repo.write(
        "lerna.json",
        "{ \"version\": \"1.0.0\", \"packages\": [\"packages/*\"] }\n",
    );
    repo.write(
        "package.json",
        "{ \"name\": \"root\", \"private\": true }\n",
    );
    repo.write("packages/a/package.json", pkg("a", "1.0.0", ""));
    repo.write(
        "packages/b/package.json",
        pkg("b", "0.9.0", &dep("dependencies", "c", "^0.8.0")),
    );
    repo.write("packages/c/package.json", pkg("c", "0.8.0", ""));
    repo.write(
        "packages/d/package.json",
        pkg("d", "0.5.0", &dep("devDependencies", "b", "~0.9.0")),
    );
    repo.write(
        "packages/e/package.json",
        pkg("e", "0.3.0", &dep("peerDependencies", "d", "workspace:*")),
    );
    repo.write("packages/f/package.json", pkg("f", "0.2.0", ""));
    repo.write(
        "packages/g/package.json",
        pkg("g", "0.1.0", &dep("optionalDependencies", "c", "^0.5.0")),
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.git_skipping_relhook(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]));
    ok(repo.relhook(&["install"]));
    repo.write("packages/c/index.js", "x\n");
    repo.git(&["add", "."]);
    repo.commit_hooked("fix(c): repair c");
    repo
}

/// Each package as the release of 1.0.1 leaves it: `c` changed, `b`, `d`, `e` depend on it
/// (transitively), each requirement moved as lerna moves it; `f` and `g` stay.
fn assert_released(repo: &Repo) {
    let v = "1.0.1";
    assert_eq!(repo.read("packages/a/package.json"), pkg("a", v, ""));
    assert_eq!(repo.read("packages/c/package.json"), pkg("c", v, ""));
    assert_eq!(
        repo.read("packages/b/package.json"),
        pkg("b", v, &dep("dependencies", "c", "^1.0.1"))
    );
    assert_eq!(
        repo.read("packages/d/package.json"),
        pkg("d", v, &dep("devDependencies", "b", "~1.0.1"))
    );
    assert_eq!(
        repo.read("packages/e/package.json"),
        pkg("e", v, &dep("peerDependencies", "d", "workspace:*"))
    );
    assert_eq!(repo.read("packages/f/package.json"), pkg("f", "0.2.0", ""));
    assert_eq!(
        repo.read("packages/g/package.json"),
        pkg("g", "0.1.0", &dep("optionalDependencies", "c", "^0.5.0"))
    );
    assert!(repo.is_clean());
}

/// The note that names the packages bumped from older versions, and why.
const NAMED: &str = "@s/c 0.8.0 (changed since v1.0.0), @s/b 0.9.0 (depends on @s/c), @s/d 0.5.0 (depends on @s/b), @s/e 0.3.0 (depends on @s/d)";

/// lerna's fixed mode bumps every package that depends on a bumped one, transitively, so a
/// dependent's version and its published requirement stay coherent: `relhook release` does,
/// `--dry-run` shows it, and the note (and `relhook version --explain`) names each package and
/// why.
#[test]
fn a_lerna_release_bumps_the_dependents_of_the_packages_it_bumps() {
    let repo = workspace();
    // `relhook version --explain` names them before any release.
    let out = ok(repo.relhook(&["version", "--next", "--explain"]));
    assert!(stdout(&out).contains(NAMED), "{}", text(&out));
    let out = crate::support::dated_release(&repo, &["--dry-run", "--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    let plan = stdout(&out);
    for p in ["b", "c", "d", "e"] {
        assert!(
            plan.contains(&format!("+++ b/packages/{p}/package.json")),
            "{plan}"
        );
    }
    assert!(
        !plan.contains("packages/f/") && !plan.contains("packages/g/"),
        "{plan}"
    );
    assert!(stderr(&out).contains(NAMED), "{}", text(&out));
    let out = crate::support::dated_release(&repo, &["--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains(NAMED), "{}", text(&out));
    assert_released(&repo);
}

/// A hand tag (`git tag -a v1.0.1`) makes the same release commit and names the same packages.
#[test]
fn a_lerna_hand_tag_bumps_the_dependents_too() {
    let repo = workspace();
    let out = hand_tag(&repo, &["-a", "v1.0.1", "-m", "v1.0.1"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains(NAMED), "{}", text(&out));
    assert_released(&repo);
}

/// `[release] bump_dependents = false`: only the changed package leaves its older version.
#[test]
fn lerna_dependents_stay_when_dependents_are_not_bumped() {
    let repo = workspace();
    repo.write(".relconfig.toml", "[release]\nbump_dependents = false\n");
    repo.git(&["add", "."]);
    repo.commit_hooked("chore: keep dependents");
    let out = crate::support::dated_release(&repo, &["--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.read("packages/c/package.json"), pkg("c", "1.0.1", ""));
    assert_eq!(
        repo.read("packages/b/package.json"),
        pkg("b", "0.9.0", &dep("dependencies", "c", "^0.8.0"))
    );
    assert!(
        stderr(&out).contains("@s/c 0.8.0 (changed since v1.0.0)"),
        "{}",
        text(&out)
    );
    assert!(!stderr(&out).contains("@s/b 0.9.0"), "{}", text(&out));
}

/// npm's lockfileVersion 3 for `workspace()` with `a`, `b` and `c`, as `npm install` writes
/// it (before the release, or as the release must leave it): `b`'s requirement on `c` is
/// repeated, `c`'s link carries a version (some npm versions write one), a published
/// `left-pad` at the same 0.8.0 must stay.
fn lock_v3(released: bool) -> String {
    let (a, b, b_req, c) = if released {
        ("1.0.1", "1.0.1", "^1.0.1", "1.0.1")
    } else {
        ("1.0.0", "0.9.0", "^0.8.0", "0.8.0")
    };
    format!(
        r#"{{
  "name": "root",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {{
    "": {{
      "name": "root",
      "workspaces": [
        "packages/*"
      ]
    }},
    "node_modules/@s/a": {{
      "resolved": "packages/a",
      "link": true
    }},
    "node_modules/@s/c": {{
      "version": "{c}",
      "resolved": "packages/c",
      "link": true
    }},
    "node_modules/left-pad": {{
      "version": "0.8.0",
      "resolved": "https://registry.npmjs.org/left-pad/-/left-pad-0.8.0.tgz",
      "integrity": "sha512-x"
    }},
    "packages/a": {{
      "name": "@s/a",
      "version": "{a}"
    }},
    "packages/b": {{
      "name": "@s/b",
      "version": "{b}",
      "dependencies": {{
        "@s/c": "{b_req}"
      }}
    }},
    "packages/c": {{
      "name": "@s/c",
      "version": "{c}"
    }}
  }}
}}
"#
    )
}

/// lockfileVersion 1 (npm 6): `dependencies` by name; a published copy has `integrity`.
fn lock_v1(c: &str) -> String {
    format!(
        "{{\n  \"name\": \"root\",\n  \"lockfileVersion\": 1,\n  \"requires\": true,\n  \"dependencies\": {{\n    \"@s/c\": {{\n      \"version\": \"{c}\"\n    }},\n    \"left-pad\": {{\n      \"version\": \"0.8.0\",\n      \"resolved\": \"https://registry.npmjs.org/left-pad/-/left-pad-0.8.0.tgz\",\n      \"integrity\": \"sha512-x\"\n    }}\n  }}\n}}\n"
    )
}

/// A package bumped from an older version (`c`, changed since the release; `b`, its dependent)
/// gets its npm lock entries moved, as a package at the version does: `packages["packages/c"]`,
/// its `node_modules/@s/c` link's version, lockfileVersion 1's `dependencies["@s/c"]`, and
/// the lock's copy of `b`'s requirement on `c` (as `npm install` would rewrite it); every other
/// byte of the lock file stays, the published copy at the same number included.
#[test]
fn a_lerna_package_bumped_from_an_older_version_moves_its_lock_entries() {
    for (lock, before, after) in [
        ("package-lock.json", lock_v3(false), lock_v3(true)),
        ("npm-shrinkwrap.json", lock_v1("0.8.0"), lock_v1("1.0.1")),
    ] {
        let repo = workspace();
        repo.write(lock, &before);
        repo.git(&["add", "."]);
        repo.git(&["commit", "-q", "-m", "chore: lock"]);
        let out = crate::support::dated_release(&repo, &["--dry-run", "--no-test"]);
        assert!(out.status.success(), "{}", text(&out));
        assert!(
            stdout(&out).contains(&format!("+++ b/{lock}")),
            "{}",
            text(&out)
        );
        let out = crate::support::dated_release(&repo, &["--no-test"]);
        assert!(out.status.success(), "{}", text(&out));
        assert_eq!(repo.read(lock), after, "{lock}");
        assert_released(&repo);
        assert!(
            repo.git(&["show", "--stat", "HEAD"]).contains(lock),
            "{lock} is in the release commit"
        );
    }
}

/// The hand tag moves the same lock entries.
#[test]
fn a_lerna_hand_tag_moves_the_lock_entries_of_an_older_package() {
    let repo = workspace();
    repo.write("package-lock.json", lock_v3(false));
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: lock"]);
    let out = hand_tag(&repo, &["-a", "v1.0.1", "-m", "v1.0.1"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.read("package-lock.json"), lock_v3(true));
    assert!(repo.is_clean());
}
