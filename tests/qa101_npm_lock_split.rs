//! QA101: an npm lock whose two copies of the version disagree (`version` and
//! `packages[""].version`, one edited by hand) reads no version, so detection passed it over
//! and a release left it as committed beside the bumped package.json, with no word: the
//! tagged tree failed `npm ci`. The release is refused, as a Cargo.lock entry at a third
//! version is, on one line naming the npm command that sets the lock.

use crate::support::{Repo, ok, stderr, text, two_packages};

fn lock(top: &str, inner: &str) -> String {
    format!(
        "{{\n  \"name\": \"a\",\n  \"version\": \"{top}\",\n  \"lockfileVersion\": 3,\n  \"packages\": {{\n    \"\": {{\n      \"name\": \"a\",\n      \"version\": \"{inner}\"\n    }}\n  }}\n}}\n"
    )
}

const MANIFEST: &str = "{\n  \"name\": \"a\",\n  \"version\": \"0.1.0\"\n}\n";

/// The refusal's one line naming the lock, asserting nothing was released.
fn refused(repo: &Repo, args: &[&str]) -> String {
    let head = repo.git(&["rev-parse", "HEAD"]);
    let tags = repo.git(&["tag", "-l"]);
    let out = repo.relhook(args);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert_eq!(repo.git(&["tag", "-l"]), tags);
    assert!(repo.is_clean());
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().filter(|l| l.contains("package-lock")).collect();
    assert_eq!(lines.len(), 1, "{err}");
    lines[0].to_owned()
}

#[test]
fn a_root_lock_whose_copies_disagree_refuses_the_release() {
    let repo = Repo::new();
    repo.write("package.json", MANIFEST);
    repo.write("package-lock.json", lock("0.1.0", "0.1.5"));
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    ok(repo.relhook(&["install"]));
    repo.write("x.js", "x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix: x");
    let line = refused(&repo, &["release", "--dry-run"]);
    assert_eq!(
        line,
        "relhook: release refused: package-lock.json: its copies of the version say 0.1.0 and 0.1.5 where package.json says 0.1.0, so the release cannot move it with the package (`npm ci` fails on a lock out of step); update the lock to match (`npm install --package-lock-only`), commit it, then release again"
    );
    assert_eq!(refused(&repo, &["release"]), line);
    // Set as npm sets it and committed, the lock moves with the release.
    repo.write("package-lock.json", lock("0.1.0", "0.1.0"));
    repo.git(&["add", "-A"]);
    repo.commit_hooked("build: set the lock");
    ok(repo.relhook(&["release"]));
    assert_eq!(repo.read("package-lock.json"), lock("0.1.1", "0.1.1"));
}

#[test]
fn a_packages_own_lock_whose_copies_disagree_refuses_its_release() {
    let repo = two_packages(MANIFEST, &MANIFEST.replace("\"a\"", "\"b\""));
    repo.write("p/a/package-lock.json", lock("0.1.5", "0.1.0"));
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: lock"]);
    repo.write("p/a/x.js", "x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(a): x");
    let line = refused(&repo, &["release", "--package", "a", "0.2.0"]);
    assert!(
        line.contains("p/a/package-lock.json: its copies of the version say 0.1.5 and 0.1.0 where p/a/package.json says 0.1.0"),
        "{line}"
    );
    assert!(
        line.ends_with(
            "(`npm install --package-lock-only --prefix p/a`), commit it, then release again"
        ),
        "{line}"
    );
}
