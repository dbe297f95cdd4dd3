//! QA12, found on real histories: a breaking change on a malformed header (standard-version's
//! `feat(conventional-changelog-standard):` with a `BREAKING CHANGE:` footer) was skipped in
//! silence; floating major tags (`v1`, the GitHub Actions convention) were refused by the hook.

use crate::support::{Repo, SKELETON, stderr, text};

/// A released project (`v1.1.0`, hooks off) with `messages` committed after the tag.
fn released_then(messages: &[&str]) -> Repo {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", SKELETON);
    repo.git(&["add", "."]);
    repo.commit("feat: first");
    repo.git(&["tag", "-a", "v1.1.0", "-m", "x"]);
    for m in messages {
        repo.commit(m);
    }
    repo
}

#[test]
fn a_skipped_breaking_change_is_said_and_the_refusal_names_the_rule() {
    let malformed = "feat(standard):\n\nBREAKING CHANGE: the preset is gone";
    let repo = released_then(&[malformed]);
    let out = repo.relhook(&["version", "--next"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(!err.contains("maps to a changelog section"), "{err}");
    assert!(
        err.contains("is not a Conventional Commit") && err.contains("the description is empty"),
        "{err}"
    );
    assert!(
        err.contains("BREAKING CHANGE") && err.contains("relhook release 2.0.0"),
        "{err}"
    );

    // With another commit that makes a version, the skipped breaking change is said in one
    // line by `version --next`, `--explain` and `release --dry-run`; it is still not counted.
    repo.commit("fix: a fix");
    repo.commit("feat!:\n\nthe bang, on an empty description");
    for args in [
        &["version", "--next"][..],
        &["version", "--explain"],
        &["release", "--dry-run"],
    ] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", text(&out));
        let err = stderr(&out);
        let said: Vec<&str> = err
            .lines()
            .filter(|l| l.contains("breaking change") && l.contains("not counted"))
            .collect();
        assert_eq!(said.len(), 2, "{args:?}: {err}");
        assert!(
            said.iter().all(|l| l.contains("relhook release 2.0.0")),
            "{args:?}: {err}"
        );
        assert!(
            said.iter().any(|l| l.contains("`!` before the colon")),
            "{err}"
        );
        assert!(text(&out).contains("1.1.1"), "{args:?}: {}", text(&out));
    }
}
