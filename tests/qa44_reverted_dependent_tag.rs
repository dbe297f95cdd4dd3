//! QA44: `release --all` made a-v1.0.1 and b-v1.0.1 (b a dependent of a), the release commit
//! was reverted and only a-v1.0.1 deleted. doctor said b-v1.0.1 must go too, but a release
//! refused on b's version file (set back by the revert) and advised setting it to 1.0.1 by
//! hand, which released b-v1.0.2 with b-v1.0.1 left on the reverted commit. A dependent's
//! reverted release is now said first, with doctor's `git tag -d`.

use crate::support::{Repo, ok, stderr, text};

#[test]
fn a_dependents_reverted_release_is_refused_with_its_tag_to_delete() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        r#"{"name":"mono","private":true,"workspaces":["packages/*"]}"#,
    );
    repo.write(
        "packages/a/package.json",
        r#"{"name":"a","version":"1.0.0","scripts":{"test":"true"}}"#,
    );
    repo.write(
        "packages/b/package.json",
        r#"{"name":"b","version":"1.0.0","dependencies":{"a":"^1.0.0"},"scripts":{"test":"true"}}"#,
    );
    repo.write("packages/a/i.js", "x\n");
    repo.write("packages/b/i.js", "x\n");
    crate::qa44_moved_package_record::adopted(&repo);
    repo.write("packages/a/i.js", "x\ny\n");
    repo.write("packages/b/i.js", "x\ny\n");
    repo.git(&["commit", "-q", "-a", "-m", "feat: a and b"]);
    ok(repo.relhook(&["release", "--all"]));
    repo.write("packages/a/i.js", "x\ny\nz\n");
    repo.git(&["commit", "-q", "-a", "-m", "fix: a z"]);
    ok(repo.relhook(&["release", "--all"]));
    assert_eq!(
        repo.git(&["tag", "--points-at", "HEAD"]),
        "a-v1.0.1\nb-v1.0.1"
    );
    repo.git(&["revert", "--no-edit", "HEAD"]);
    repo.git(&["tag", "-d", "a-v1.0.1"]);
    // `--all` asks for b itself (QA261: refused as `--package b` is, not left out), `--package
    // a` brings it along.
    for (args, whose) in [
        (&["release", "--all"][..], "b: "),
        (
            &["release", "--package", "a"],
            "b (a dependent the release brings along): ",
        ),
    ] {
        let refused = repo.relhook(args);
        assert!(!refused.status.success(), "{}", text(&refused));
        let err = stderr(&refused);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains(&format!("{whose}release tag b-v1.0.1 is in HEAD's history"))
                && err.contains("(`git tag -d b-v1.0.1`)")
                && !err.contains("set it to 1.0.1"),
            "{err}"
        );
    }
    // The advice followed, the release is made again under the same versions.
    repo.git(&["tag", "-d", "b-v1.0.1"]);
    ok(repo.relhook(&["release", "--all"]));
    assert_eq!(
        repo.git(&["tag", "--points-at", "HEAD"]),
        "a-v1.0.1\nb-v1.0.1"
    );
}
