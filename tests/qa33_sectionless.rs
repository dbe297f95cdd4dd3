//! QA33: a release tag made past the hook (`RELHOOK_SKIP=1 git tag -a v0.2.0`) on a commit
//! whose changelog has no section for it: doctor said "all is well" and `relhook release`
//! "nothing to release", while pre-push refused the tag.

use crate::support::{stderr, stdout, text, untested_installed};

#[test]
fn a_tag_made_past_the_hook_is_named_by_doctor_and_release_with_the_way_on() {
    let repo = untested_installed();
    repo.commit_hooked("feat: a");
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.commit_hooked("feat: n");
    let out = repo.git_skipping_relhook(&["tag", "-a", "v0.2.0", "-m", "r"]);
    assert!(out.status.success(), "{}", text(&out));

    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stdout(&out);
    assert!(said.contains("INVALID  tag v0.2.0"), "{said}");
    assert!(
        said.contains("fix: git tag -d v0.2.0 && relhook release 0.2.0"),
        "{said}"
    );
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("`git tag -d v0.2.0`, then `relhook release 0.2.0`"),
        "{}",
        text(&out)
    );

    // The way it names works.
    repo.git(&["tag", "-d", "v0.2.0"]);
    let out = repo.relhook(&["release", "0.2.0"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.read("CHANGELOG.md").contains("## [0.2.0]"));
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}
