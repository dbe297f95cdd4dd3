//! QA42: two clones released the same version and the other pushed first. The refusal of this
//! clone's branch push named the origin's tag object by a bare id (`at fb4d46372 (not in this
//! clone)`), which reads as a commit; it now says `tag object X on commit Y`. And once the
//! origin's tag was fetched over this clone's, doctor said the tag's commit was one "HEAD's
//! history no longer holds", as for an amend; HEAD never held it: another clone's release,
//! whose tag replaced this clone's.

use crate::support::{ok, stderr, stdout, text};

#[test]
fn the_origins_tag_object_is_labelled_in_the_refusal() {
    let (repo, b) = crate::qa41_both_released::both_released();
    let rev = |what: &str| {
        let out = ok(repo.git_in(&b, &["rev-parse", what], &[]));
        String::from_utf8_lossy(&out.stdout).trim()[..9].to_owned()
    };
    let (object, commit) = (rev("v0.1.1"), rev("v0.1.1^{commit}"));
    let out = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "origin already has v0.1.1 at tag object {object} on commit {commit} (not in this clone), another release"
        )),
        "{err}"
    );
}

#[test]
fn a_tag_fetched_over_this_clones_is_not_said_to_have_left_heads_history() {
    let (repo, _) = crate::qa41_both_released::both_released();
    ok(repo.git_output(&["fetch", "-q", "--force", "origin", "tag", "v0.1.1"]));
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let line = stdout(&out)
        .lines()
        .find(|l| l.contains("tag v0.1.1:"))
        .unwrap_or_else(|| panic!("no line for the tag: {}", text(&out)))
        .to_owned();
    assert!(!line.contains("no longer holds"), "{line}");
    assert!(
        line.contains("another clone's release of it, which HEAD's history never held")
            && line.contains("the remote's tag replaced this clone's"),
        "{line}"
    );
}
