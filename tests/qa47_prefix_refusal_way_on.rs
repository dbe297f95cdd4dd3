//! QA47: after `tag_prefix` "v" → "release-", `relhook release 0.1.0` (a version the former
//! prefix already tags) was refused with `next: … or let relhook choose: relhook release`, and
//! `relhook release` alone refuses there. The refusal now names the version to release.

use crate::support::{Repo, ok, stderr, text};

#[test]
fn the_refusal_names_a_version_that_releases_when_pasted() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    ok(repo.relhook(&["install"]));
    repo.git(&["add", "."]);
    repo.commit_hooked("chore: start");
    repo.write("a", "a\n");
    repo.git(&["add", "a"]);
    repo.commit_hooked("feat: add a");
    ok(repo.relhook(&["release", "--no-test"]));
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[version]\ntag_prefix = \"release-\"\n",
    );
    ok(repo.git_output(&[
        "commit",
        "-q",
        "-a",
        "-m",
        "chore: tag releases as release-X.Y.Z",
    ]));
    repo.write("b", "b\n");
    repo.git(&["add", "b"]);
    repo.commit_hooked("fix: b");

    let out = repo.relhook(&["release", "0.1.0", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(!err.contains("let relhook choose"), "{err}");
    let advised = "`relhook release --no-test 0.1.1`";
    assert!(err.contains(advised), "{err}");
    let pasted = repo.relhook(&["release", "0.1.1", "--no-test"]);
    assert_eq!(pasted.status.code(), Some(0), "{}", text(&pasted));
    let tags = repo.git_output(&["tag", "--list", "release-*"]);
    assert_eq!(
        String::from_utf8_lossy(&tags.stdout).trim(),
        "release-0.1.1"
    );
}
