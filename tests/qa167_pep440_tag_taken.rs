//! QA167: poetry's history holds its pre-releases' tags as PEP 440 spells them (`1.2.0rc2`),
//! some on maintenance branches the trunk never merged. On a branch that stayed at `1.1.0rc1`
//! while `1.1.0rc2` was tagged on another, `relhook release --pre rc` made a second tag of
//! the same version, `1.1.0-rc.2` (which PyPI refuses once the first is published), and
//! `version --next --pre rc` named it: only a tag spelled `1.1.0-rc.2` counted as taken. A
//! tag of the same version, however spelled, now takes it: the release is refused naming that
//! tag and the first free version, which `version --next` names too.

use crate::support::{Repo, ok, stderr, stdout, text};

/// Tags without a prefix, as poetry's: `1.0.0`, `fix: a` tagged `1.1.0rc1`; then `fix: b`
/// tagged `1.1.0rc2` on branch `other`, and `fix: c` on main.
fn rc2_elsewhere() -> Repo {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        "[version]\ntag_prefix = \"\"\n[checks]\ntest = [\"true\"]\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "1.0.0", "-m", "1.0.0"]);
    repo.commit("fix: a");
    repo.git(&["tag", "-a", "1.1.0rc1", "-m", "1.1.0rc1"]);
    repo.git(&["checkout", "-q", "-b", "other"]);
    repo.commit("fix: b");
    repo.git(&["tag", "-a", "1.1.0rc2", "-m", "1.1.0rc2"]);
    repo.git(&["checkout", "-q", "main"]);
    repo.commit("fix: c");
    repo
}

#[test]
fn a_pep_440_tag_of_the_version_takes_it() {
    let repo = rc2_elsewhere();

    let out = ok(repo.relhook(&["version", "--next", "--pre", "rc"]));
    assert_eq!(stdout(&out).trim(), "1.1.0-rc.3", "{}", text(&out));
    assert!(
        stderr(&out).contains("tag 1.1.0rc2 already exists, on a commit this branch does not hold"),
        "{}",
        text(&out)
    );

    let out = ok(repo.relhook(&["version", "--next", "--pre", "rc", "--explain"]));
    assert!(
        stdout(&out).contains("that would be 1.1.0-rc.2, but tag 1.1.0rc2 already exists"),
        "{}",
        text(&out)
    );

    // Refused before anything is written, naming the tag that holds it and the way on.
    let out = repo.relhook(&["release", "--pre", "rc"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains(
            "tag 1.1.0rc2 already exists; a released tag is never reused: `relhook release 1.1.0-rc.3`"
        ),
        "{}",
        text(&out)
    );
    assert!(repo.git(&["tag", "-l", "1.1.0-rc.2"]).is_empty());

    // The way on, pasted, makes rc.3.
    ok(repo.relhook(&["release", "1.1.0-rc.3"]));
    assert_eq!(
        repo.git(&["describe", "--tags", "--exact-match"]),
        "1.1.0-rc.3"
    );
}

#[test]
fn a_pep_440_release_of_its_own_version_is_a_release_of_it() {
    let repo = rc2_elsewhere();
    // `1.1.0` released on the other branch (and no rc.2): a pre-release of it is none to make,
    // said of the release's tag, not of a pre-release's.
    repo.git(&["tag", "-d", "1.1.0rc2"]);
    repo.git(&["tag", "-a", "1.1.0", "-m", "1.1.0", "other"]);
    let out = repo.relhook(&["release", "--pre", "rc"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains(
            "1.1.0-rc.2 would be a pre-release of a released version: tag 1.1.0 already exists"
        ),
        "{}",
        text(&out)
    );
}
