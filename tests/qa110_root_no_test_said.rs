//! QA110: `relhook release --no-test` at the root said nothing of the tests it skipped, where
//! a package's release and `--resume` say `vX.Y.Z was not tested (--no-test)`: pre-push then
//! refused the tag with no warning. The root release now says it the same way, before the
//! `next:` line that names `relhook test`, which finishes it.

use crate::support::{Repo, ok, stderr, text};

/// A repository with `config` committed and relhook installed, and `feat: one` committed
/// through the hooks.
fn with_a_feature(config: &str) -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", config);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: one");
    repo
}

#[test]
fn a_root_release_with_no_test_says_the_tag_is_untested() {
    let repo = with_a_feature("[checks]\ntest = [\"true\"]\n");
    let out = ok(repo.relhook(&["release", "--no-test"]));
    let id = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines,
        [
            "relhook: releasing v0.1.0 (first release; `version.initial`, no release tag or version file yet)",
            &format!("relhook: v0.1.0 is tagged on {id} (release commit `chore(release): 0.1.0`)"),
            "relhook: v0.1.0 was not tested (--no-test)",
            "next: relhook test, then git remote add origin <url> && git push --follow-tags -u origin main   (pre-push refuses a release tag with no test record)",
        ],
        "{}",
        text(&out)
    );

    // The next release's line: the same, from the release tag.
    repo.commit_hooked("fix: two");
    let out = ok(repo.relhook(&["release", "--no-test"]));
    assert!(
        stderr(&out).contains("relhook: v0.1.1 was not tested (--no-test)\nnext: relhook test"),
        "{}",
        text(&out)
    );
}

#[test]
fn a_root_release_with_no_test_a_push_takes_says_nothing_of_it() {
    // No test record required: pre-push takes the tag, so there is nothing to say.
    let repo = with_a_feature("[checks]\ntest = [\"true\"]\nrequire_tested_tags = false\n");
    let out = ok(repo.relhook(&["release", "--no-test"]));
    assert!(!stderr(&out).contains("not tested"), "{}", text(&out));
}
