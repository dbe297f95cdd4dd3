//! QA273: the advice for a stable release tag whose commit a stable branch of the remote holds
//! (`main`), given while HEAD is on a channel's branch (`beta`). The 45th session's fix named
//! `main` for a tag pushed with no section; a tag a push of `main` leaves behind (its name past,
//! below v1.0.0) and a commit of `main` pushed as a tag still got beta's advice (a pre-release,
//! or a stable one only `--allow-stable`). Both now name `main` and the release made there.

use crate::qa224_release_channels::{CONFIG, on_beta};
use crate::support::{Repo, ok, stderr, text};

/// `main` (with `fix: b`), `beta` and v1.0.0 pushed to `origin`; `fix: c` on `main`, not
/// pushed; HEAD back on `beta`.
pub fn main_ahead_from_beta() -> Repo {
    let repo = on_beta(CONFIG);
    repo.git(&["switch", "-q", "main"]);
    repo.commit_hooked("fix: b");
    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "origin", "main", "beta", "v1.0.0"]));
    repo.commit_hooked("fix: c");
    repo
}

/// The line of `said` holding `marker`, which names `main` and none of beta's advice.
pub fn advised_on_main(said: &str, marker: &str) {
    let line = (said.lines())
        .find(|l| l.contains(marker))
        .unwrap_or_else(|| panic!("no line with {marker}:\n{said}"));
    assert!(
        line.contains("on its branch main (`git switch main`)"),
        "{said}"
    );
    assert!(
        !line.contains("--pre") && !line.contains("--allow-stable") && !line.contains("beta"),
        "{said}"
    );
}

#[test]
fn a_past_tag_main_leaves_behind_is_advised_on_main() {
    let repo = main_ahead_from_beta();
    ok(repo.git_skipping_relhook(&["tag", "-a", "v0.9.0", "-m", "x"]));
    repo.git(&["switch", "-q", "beta"]);
    let out = repo.git_output(&["push", "origin", "main"]);
    let said = stderr(&out);
    assert!(said.contains("v0.9.0"), "{}", text(&out));
    advised_on_main(&said, "git tag -d v0.9.0");
}

#[test]
fn a_commit_of_main_pushed_as_a_tag_is_released_on_main() {
    let repo = main_ahead_from_beta();
    ok(repo.git_output(&["push", "-q", "origin", "main"]));
    repo.git(&["switch", "-q", "beta"]);
    let out = repo.git_output(&["push", "origin", "main:refs/tags/v1.0.1"]);
    assert!(!out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    advised_on_main(&said, "make the release");
    assert!(
        said.contains("`git push --follow-tags origin main`"),
        "{said}"
    );
}
