//! QA119: on a clone of vuejs/core, where the 3.6.0 pre-releases (up to v3.6.0-rc.5) are on
//! branch `minor`, a `feat:` commit on main made `relhook release --dry-run` plan v3.6.0 with
//! no word about them: the release would finish minor's 3.6.0 line without any of its commits.
//! A tag above the release on an unmerged branch was named; one of the release's own
//! pre-releases was not. It now is, with the merge that brings the line in.

use crate::support::{Repo, text};

#[test]
fn a_release_finishing_another_branchs_pre_release_line_says_so() {
    let repo = Repo::new();
    repo.commit("feat: a");
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.git(&["checkout", "-q", "-b", "minor"]);
    repo.commit("feat: b");
    repo.git(&["tag", "-a", "v1.1.0-rc.1", "-m", "v1.1.0-rc.1"]);
    repo.git(&["checkout", "-q", "main"]);
    repo.commit("feat: c");

    let out = repo.relhook(&["release", "--dry-run", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        text(&out).contains(
            "relhook: note: v1.1.0-rc.1 is on branch `minor`, which this branch has not merged, \
             and is a pre-release of 1.1.0: this release makes 1.1.0 without that line's \
             commits; if `minor`'s release belongs here, `git merge minor` before releasing"
        ),
        "{}",
        text(&out)
    );
}
