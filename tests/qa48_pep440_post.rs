//! QA48: PEP 440 reads a SemVer pre-release `1.3.0-post.1` (also `-rev.1`, `-r.1`, `-1`)
//! as the post-release `1.3.0.post1`, above `1.3.0` and `1.3.0rc1`, yet relhook released
//! it into a Python project, then `1.3.0-rc.1` and `1.3.0` without a word: pip took both
//! for older. Such a pre-release is now refused in one line naming `-rc.N`, which means the
//! same to both orders, and a version file already holding one takes only a release above
//! it in PEP 440's order too.

use crate::qa47_uv_lock::{lock, project};
use crate::qa48_pep440_order::refused;
use crate::support::{Repo, hand_tag_refused, ok};

const EDITABLE: &str = "{ editable = \".\" }";

#[test]
fn a_post_release_spelling_is_refused_for_rc() {
    let repo = project(&lock("1.2.0", EDITABLE));
    let says = "1.3.0-post.1 is a pre-release of 1.3.0 in SemVer but the post-release \
                1.3.0.post1 in PEP 440";
    let command = refused(&repo, &["release", "1.3.0-post.1"], says);
    assert_eq!(command, "relhook release 1.3.0-rc.1");
    for other in ["1.3.0-rev.2", "1.3.0-r.1", "1.3.0-1"] {
        refused(
            &repo,
            &["release", other],
            "in PEP 440, which pip puts above 1.3.0",
        );
    }
    ok(repo.sh(&command));
    assert_eq!(repo.read("uv.lock"), lock("1.3.0rc1", EDITABLE));
}

#[test]
fn a_hand_tag_of_a_post_release_spelling_is_refused() {
    let repo = project(&lock("1.2.0", EDITABLE));
    let err = hand_tag_refused(&repo, "v1.2.1-post.1");
    assert!(
        err.contains("the post-release 1.2.1.post1 in PEP 440"),
        "{err}"
    );
    assert!(err.contains("tag v1.2.1-rc.1 instead"), "{err}");
}

#[test]
fn after_a_post_release_only_a_version_above_it_in_pep_440_is_released() {
    let repo = Repo::new();
    repo.write(
        "pyproject.toml",
        "[project]\nname = \"demo\"\nversion = \"1.3.0-post.1\"\n",
    );
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v1.3.0-post.1", "-m", "1.3.0-post.1"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("fix: y");
    let says = "PEP 440 puts 1.3.0rc1 (1.3.0-rc.1) below the 1.3.0.post1 (1.3.0-post.1)";
    let command = refused(&repo, &["release", "1.3.0-rc.1"], says);
    assert_eq!(command, "relhook release 1.3.1-rc.1");
    // A final release asked for is advised the next one, not a pre-release of it.
    let says = "PEP 440 puts 1.3.0 below the 1.3.0.post1 (1.3.0-post.1)";
    assert_eq!(
        refused(&repo, &["release", "1.3.0"], says),
        "relhook release 1.3.1"
    );
    ok(repo.sh(&command));
    assert!(repo.read("pyproject.toml").contains("\"1.3.1-rc.1\""));
}
