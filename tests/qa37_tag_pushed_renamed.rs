//! QA37: `git push origin v0.1.1:refs/tags/v9.9.9` was judged as a tag v9.9.9 of this clone,
//! and the fix named `git tag -d v9.9.9`, a tag that does not exist here.

use crate::support::{dated_release, ok, stderr, text, untested_installed};

#[test]
fn a_tag_pushed_under_another_name_is_said_as_that() {
    let repo = untested_installed();
    repo.with_origin();
    repo.commit_hooked("feat: a");
    ok(dated_release(&repo, &["--no-test"]));
    ok(repo.git_output(&["push", "-q", "-u", "origin", "main"]));
    let out = repo.git_output(&["push", "origin", "v0.1.0:refs/tags/v9.9.9"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("tag v0.1.0 of this clone is pushed as refs/tags/v9.9.9: origin would get v9.9.9 for the release made as v0.1.0"),
        "{err}"
    );
    assert!(
        err.contains("push it under its own name (`git push origin v0.1.0`)"),
        "{err}"
    );
    assert!(!err.contains("git tag -d v9.9.9"), "{err}");
    // Under its own name it goes.
    ok(repo.git_output(&["push", "-q", "origin", "v0.1.0"]));
}
