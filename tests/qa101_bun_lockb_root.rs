//! QA101: a release that leaves bun's binary lock (bun.lockb) stale beside the package.json
//! it bumps said so in a package's release only: the root project's release, and its hand
//! tag, left it behind without a word. Both now give the same one-line note.

use crate::support::{Repo, hand_tag, ok, text};

const NOTE: &str =
    "bun.lockb is binary and left as it is: refresh it with `bun install` and commit bun.lockb";

/// A package.json project at 0.1.0 with a tracked bun.lockb, relhook installed, and a fix.
fn project() -> Repo {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\n  \"name\": \"a\",\n  \"version\": \"0.1.0\"\n}\n",
    );
    repo.write("bun.lockb", "\u{1}bun-lockfile-format-v0\n");
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    ok(repo.relhook(&["install"]));
    repo.write("x.js", "x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix: x");
    repo
}

#[test]
fn the_root_release_notes_the_binary_lock_once() {
    let repo = project();
    let plan = ok(repo.relhook(&["release", "--dry-run"]));
    assert_eq!(text(&plan).matches(NOTE).count(), 1, "{}", text(&plan));
    let out = ok(repo.relhook(&["release"]));
    assert_eq!(text(&out).matches(NOTE).count(), 1, "{}", text(&out));
    assert_eq!(repo.read("bun.lockb"), "\u{1}bun-lockfile-format-v0\n");
    assert!(repo.git(&["tag", "-l"]).contains("v0.1.1"));
}

#[test]
fn the_root_hand_tag_notes_the_binary_lock() {
    let repo = project();
    let out = hand_tag(&repo, &["-a", "v0.1.1", "-m", "v0.1.1"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains(NOTE), "{}", text(&out));
    assert!(repo.read("package.json").contains("0.1.1"));
}
