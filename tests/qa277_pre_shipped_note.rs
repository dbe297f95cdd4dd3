//! QA277: `version --pre rc` on a pre-release line that already shipped a breaking change
//! (vuejs/core's `minor` at v3.6.0-rc.5, nothing since) gave 4.0.0-rc.1 and said nothing,
//! where `--explain` without `--pre` named `relhook release 3.6.0`: a pre-release of nothing
//! new has no notes, so none stays on the line, but the release that finishes it does. The
//! same one line is said now, naming the pre-release that goes on with the line once there
//! is something new.

use crate::support::{Repo, ok, stderr, stdout, text};

/// v1.0.0, `feat!: b`, then v1.1.0-rc.1 on it.
fn shipped_in_rc() -> Repo {
    let repo = Repo::new();
    repo.commit("chore: init");
    repo.git(&["tag", "v1.0.0"]);
    repo.commit("feat!: b");
    repo.git(&["tag", "-a", "v1.1.0-rc.1", "-m", "x"]);
    repo
}

/// The lines of `relhook version --pre rc` that note what already shipped.
fn notes(repo: &Repo) -> Vec<String> {
    let out = ok(repo.relhook(&["version", "--pre", "rc"]));
    assert_eq!(stdout(&out).trim(), "2.0.0-rc.1", "{}", text(&out));
    let err = stderr(&out);
    err.lines()
        .filter(|l| l.contains("already shipped"))
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_pre_release_past_a_line_that_shipped_its_break_names_the_release_that_stays() {
    let repo = shipped_in_rc();
    assert_eq!(
        notes(&repo),
        [
            "relhook: note: the breaking change that calls for 2.0.0 (`feat!: b`) already shipped in v1.1.0-rc.1: `relhook release 1.1.0` finishes the 1.1.0-rc line instead"
        ]
    );
    repo.commit("fix: c");
    assert_eq!(
        notes(&repo),
        [
            "relhook: note: the breaking change that calls for 2.0.0 (`feat!: b`) already shipped in v1.1.0-rc.1: `relhook release 1.1.0-rc.2` goes on with the 1.1.0-rc line instead"
        ]
    );
}
