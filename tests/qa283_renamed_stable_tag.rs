//! QA283: a tag of this clone pushed under another release's name (`git push origin
//! v1.0.0:refs/tags/v1.0.1`) from the beta branch, its commit held by the remote's `main`. The
//! other refusals for such a tag name `main` (QA273); this one said "a release v1.0.1 is made as
//! itself" with no branch, as if HEAD's beta branch could make it. It now names `main` and
//! the push that publishes the release made there.

use crate::qa273_stable_tag_advice::{advised_on_main, main_ahead_from_beta};
use crate::support::{ok, stderr, text};

#[test]
fn a_renamed_tag_of_main_pushed_from_beta_is_released_on_main() {
    let repo = main_ahead_from_beta();
    ok(repo.git_output(&["push", "-q", "origin", "main"]));
    repo.git(&["switch", "-q", "beta"]);
    let out = repo.git_output(&["push", "origin", "v1.0.0:refs/tags/v1.0.1"]);
    assert!(!out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("tag v1.0.0 of this clone is pushed as refs/tags/v1.0.1"),
        "{said}"
    );
    advised_on_main(
        &said,
        "push it under its own name (`git push origin v1.0.0`)",
    );
    assert!(
        said.contains("`git push --follow-tags origin main`"),
        "{said}"
    );
}
