//! QA122: a slip of the release tags' prefix (`0.1.1` where they are `v0.1.0`), made past the
//! tag hook and pushed alone (`git push origin 0.1.1` with the hooks skipped). `relhook
//! version`, doctor and releases advised `git tag -d 0.1.1 && relhook release 0.1.1` without
//! saying that this deletes it here only (the remote keeps it, and a fetch brings it back);
//! and the push of its branch said it "stays behind" and to delete it, while the remote had
//! it already and doctor, once the push was done, said to keep it. The advice now says what
//! deleting does and the way that keeps it; pre-push, asking the remote, keeps it too.

use crate::support::{Repo, ok, released_and_pushed, stderr, stdout, text};

/// v0.1.0 released and pushed, `fix: b` and `fix: c` committed (not pushed), and `0.1.1`
/// tagged on HEAD past the hook, then pushed alone past pre-push.
fn pushed_alone() -> Repo {
    let repo = released_and_pushed("[checks]\nrequire_tested_tags = false\n");
    repo.commit_hooked("fix: c");
    ok(repo.git_skipping_relhook(&["tag", "-a", "0.1.1", "-m", "0.1.1"]));
    ok(repo.git_skipping_relhook(&["push", "-q", "origin", "0.1.1"]));
    repo
}

/// The delete advice, with what it does to a tag pushed alone and the way that keeps it said
/// first, so that the line's last command is still the fix for this clone's own tag.
const ADVICE: &str = "`0.1.1` is on no remote's branch here (this clone's own, unless it was pushed alone: then `git tag -d` deletes it here only, as the remote keeps it and a fetch brings it back, so keep it, push the branch that holds it and release v0.1.1 beside it: `relhook release 0.1.1`), so delete it and release v0.1.1 instead: `git tag -d 0.1.1 && relhook release 0.1.1`";

#[test]
fn the_delete_advice_says_what_it_does_to_a_tag_pushed_alone() {
    let repo = pushed_alone();
    let out = repo.relhook(&["version"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains(&format!("hint: {ADVICE}\n")), "{err}");
    let said = stdout(&repo.relhook(&["doctor"]));
    assert!(said.contains(&format!("fix: {ADVICE}\n")), "{said}");
}

#[test]
fn the_push_of_its_branch_keeps_a_slip_the_remote_has() {
    let repo = pushed_alone();
    // The branch push names the slip as the remote's: kept, never deleted.
    let out = ok(repo.git_output(&["push", "origin", "main"]));
    let err = stderr(&out);
    let line = err
        .lines()
        .find(|l| l.contains("tag 0.1.1"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(
        line.contains("is on origin already (pushed alone)")
            && line.contains("keep it")
            && line.ends_with(
                "once this push is done, release v0.1.1 beside it: `relhook release 0.1.1`"
            )
            && !line.contains("stays behind")
            && !line.contains("delete it (`"),
        "{err}"
    );
    // Doctor now says the same, and the way on, pasted, releases v0.1.1 beside it.
    let said = stdout(&repo.relhook(&["doctor"]));
    assert!(said.contains("so keep it"), "{said}");
    ok(repo.sh("relhook release 0.1.1"));
    ok(repo.git_output(&["push", "--follow-tags", "origin", "main"]));
    let remote = repo.git(&["ls-remote", "--tags", "origin"]);
    assert!(
        remote.contains("refs/tags/0.1.1") && remote.contains("refs/tags/v0.1.1"),
        "{remote}"
    );
    assert_eq!(stdout(&ok(repo.relhook(&["version"]))).trim(), "0.1.1");
}
