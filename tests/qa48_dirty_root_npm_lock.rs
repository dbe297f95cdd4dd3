//! QA48: `relhook release --allow-dirty` beside a version hand-set in one of the two copies
//! of the root project's version in package-lock.json (the top `version`) released as if the
//! lock were no version file: the work tree's lock read no version, so detection passed it
//! over, and the release commit kept HEAD's lock at 0.1.0 beside package.json at 0.1.1 (rc 0;
//! pre-push then refused the tag). Such a lock is now refused before anything is made, as
//! Cargo.lock's own entry is; committed so, it is refused too (QA101).

use crate::support::{Repo, ok, text};

const MANIFEST: &str = "{\n  \"name\": \"demo\",\n  \"version\": \"0.1.0\"\n}\n";
const LOCK: &str = "{\n  \"name\": \"demo\",\n  \"version\": \"0.1.0\",\n  \"lockfileVersion\": 3,\n  \"requires\": true,\n  \"packages\": {\n    \"\": {\n      \"name\": \"demo\",\n      \"version\": \"0.1.0\"\n    }\n  }\n}\n";

/// relhook's hooks, package.json and its lock released at 0.1.0, then a `fix: b` to release.
fn released() -> Repo {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.write("package.json", MANIFEST);
    repo.write("package-lock.json", LOCK);
    repo.git(&["add", "."]);
    repo.commit_hooked("feat: add demo");
    ok(repo.relhook(&["release", "--no-test"]));
    repo.write("b.txt", "b\n");
    repo.git(&["add", "b.txt"]);
    repo.commit_hooked("fix: b");
    repo
}

#[test]
fn a_hand_set_version_in_the_root_npm_lock_is_refused_not_left_behind() {
    let repo = released();
    // The top copy only: the lock's two copies now disagree.
    let dirty = LOCK.replacen("\"0.1.0\"", "\"0.1.5\"", 1);
    repo.write("package-lock.json", &dirty);
    let head = repo.git(&["rev-parse", "HEAD"]);
    for dry in [true, false] {
        let mut args = vec!["release", "--allow-dirty", "--no-test"];
        if dry {
            args.push("--dry-run");
        }
        let out = repo.relhook(&args);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        assert!(
            text(&out).contains(
                "package-lock.json has uncommitted changes where the release edits it; commit them first (`git commit -m \"chore: edit package-lock.json\" -- :/package-lock.json`)"
            ),
            "{}",
            text(&out)
        );
    }
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head, "nothing committed");
    assert_eq!(repo.git(&["tag", "-l"]), "v0.1.0");
    assert_eq!(
        repo.read("package-lock.json"),
        dirty,
        "the hand edit is kept"
    );
    assert!(repo.read("package.json").contains("\"0.1.0\""));
    // Done as advised, the release goes ahead and tags what was committed.
    ok(repo.git_output(&[
        "commit",
        "-q",
        "-m",
        "chore: edit package-lock.json",
        "--",
        ":/package-lock.json",
    ]));
    // Committed, the lock's copies still disagree: refused (QA101), not tagged as it is.
    let out = repo.relhook(&["release", "--allow-dirty", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        text(&out).contains("package-lock.json: its copies of the version say 0.1.5 and 0.1.0"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["tag", "-l"]), "v0.1.0");
}

#[test]
fn a_clean_root_npm_lock_is_still_bumped_beside_another_dirty_file() {
    let repo = released();
    repo.write("b.txt", "b, in progress\n");
    ok(repo.relhook(&["release", "--allow-dirty", "--no-test"]));
    assert_eq!(
        repo.git(&["show", "v0.1.1:package-lock.json"]),
        LOCK.replace("\"0.1.0\"", "\"0.1.1\"").trim_end()
    );
}
