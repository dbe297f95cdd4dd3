//! QA49: advice that could not work when followed, each case said at its test.

use crate::support::{Repo, ok, stderr, text};

/// relhook installed with a test command, `fix: b` pushed to `origin` past the hooks, and
/// `tag` made past them on it.
fn tagged_past_the_hooks(tag: &str) -> Repo {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.with_origin();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: start"]);
    repo.commit("fix: b");
    ok(repo.git_skipping_relhook(&["push", "-q", "origin", "main"]));
    ok(repo.git_skipping_relhook(&["tag", "-a", tag, "-m", "typo'd release"]));
    repo
}

/// pre-push advised making a tag whose name is no release name (`v1.2.3.4`) again under that
/// name on a commit that passes, and a test record for it: neither makes it pass.
#[test]
fn a_tag_of_no_release_name_is_advised_a_new_name_and_no_test_record() {
    let repo = tagged_past_the_hooks("v1.2.3.4");
    let out = repo.git_output(&["push", "origin", "v1.2.3.4"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("refused: 1 problem"), "{err}");
    assert!(
        err.contains(
            "fix: origin does not have it yet, and no tag of that name passes: delete it (`git tag -d v1.2.3.4`) and make a release tag named `v` + a SemVer version: `relhook release`, or a hand tag of such a name (e.g. `git tag -a v1.2.3`) on a commit that passes, and push again"
        ),
        "{err}"
    );
    assert!(!err.contains("git tag -a v1.2.3.4"), "{err}");
    assert!(!err.contains("relhook test"), "{err}");
    assert!(!err.contains("untested"), "{err}");
    // A test record changes nothing: it is not asked for.
    ok(repo.relhook(&["test", "--tag", "v1.2.3.4"]));
    let err = stderr(&repo.git_output(&["push", "origin", "v1.2.3.4"]));
    assert!(err.contains("refused: 1 problem"), "{err}");
    // The advice, followed, is pushed.
    ok(repo.sh("git tag -d v1.2.3.4 && relhook release"));
    let out = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}
