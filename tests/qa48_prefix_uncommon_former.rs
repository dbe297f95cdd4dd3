//! QA48: after `tag_prefix` changed from an uncommon prefix (`release-`) to "v", the complete
//! release `release-0.1.0` read as an interrupted one: `relhook release` advised `--resume`,
//! which tagged it a second time (`v0.1.0`), and `version --next` advised releasing 0.1.0
//! again. A prefix its release commit stores as `tag_prefix` is a former prefix like "v".

use crate::support::{Repo, ok, stderr, stdout, text, untested_installed};

const CONFIG: &str =
    "[checks]\nrequire_tested_tags = false\n[version]\ntag_prefix = \"release-\"\n";

/// `release-0.1.0` released by relhook, then `tag_prefix = "v"` and `fix: b`.
fn prefix_changed() -> Repo {
    let repo = untested_installed();
    repo.write(".relconfig.toml", CONFIG);
    ok(repo.git_output(&["commit", "-q", "-a", "-m", "chore: prefix"]));
    repo.commit_hooked("fix: a");
    ok(repo.relhook(&["release"]));
    repo.write(".relconfig.toml", CONFIG.replace("release-", "v"));
    ok(repo.git_output(&["commit", "-q", "-a", "-m", "chore: tag as v"]));
    repo.write("b", "b\n");
    repo.git(&["add", "b"]);
    repo.commit_hooked("fix: b");
    repo
}

fn tags(repo: &Repo) -> String {
    stdout(&repo.git_output(&["tag", "-l"]))
}

#[test]
fn the_release_is_not_taken_for_an_interrupted_one() {
    let repo = prefix_changed();
    let out = repo.relhook(&["release"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(!err.contains("interrupted"), "{err}");
    assert!(err.contains("(e.g. `release-0.1.0`)"), "{err}");
    assert!(
        err.contains("to go on under \"v\", name a version above it: `relhook release 0.1.1`"),
        "{err}"
    );
    let out = repo.relhook(&["release", "--resume"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stderr(&out).contains("nothing to resume"), "{}", text(&out));
    assert_eq!(tags(&repo).trim(), "release-0.1.0");
}

#[test]
fn version_next_and_doctor_go_on_from_it() {
    let repo = prefix_changed();
    let out = repo.relhook(&["version", "--next"]);
    let err = stderr(&out);
    assert!(err.contains("(e.g. `release-0.1.0`)"), "{err}");
    assert!(err.contains("`relhook release 0.1.1`"), "{err}");
    assert!(!err.contains("`relhook release 0.1.0`"), "{err}");
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("all is well"), "{doctor}");
    assert!(!doctor.contains("--resume"), "{doctor}");
    assert!(doctor.contains("`relhook release 0.1.1`"), "{doctor}");
}

#[test]
fn the_advised_release_follows_it() {
    let repo = prefix_changed();
    let out = repo.relhook(&["release", "0.1.1"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("relhook: releasing v0.1.1 (0.1.0 → 0.1.1, release tag release-0.1.0, made under tag_prefix \"release-\")"),
        "{err}"
    );
    assert_eq!(tags(&repo).trim(), "release-0.1.0\nv0.1.1");
}

#[test]
fn tags_of_a_prefix_never_configured_are_no_former_release() {
    // A CI's `build-0.1.0` is not the project's release: the first release is named as before.
    let repo = untested_installed();
    repo.commit_hooked("fix: a");
    repo.git(&["-c", "core.hooksPath=/dev/null", "tag", "build-0.1.0"]);
    repo.commit_hooked("fix: b");
    let err = stderr(&repo.relhook(&["version", "--next"]));
    assert!(err.contains("name the first release's version"), "{err}");
}
