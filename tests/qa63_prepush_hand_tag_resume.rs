//! QA63: `git tag -a` killed while relhook's hook made the hand release left the tag without
//! its release commit, or on the commit before it. `relhook doctor` named `relhook release
//! --resume`, which finishes it, but pre-push's refusal of the tag advised deleting it and
//! running `relhook release X.Y.Z`. Pre-push now names the same finishing command.

use crate::support::{Repo, ok, stderr, text};

#[test]
fn pre_push_of_an_interrupted_hand_tag_names_the_resume_that_finishes_it() {
    for step in ["hand-started", "refs-moved"] {
        let repo = Repo::new();
        repo.with_origin();
        repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
        repo.git(&["add", "."]);
        repo.git(&["commit", "-q", "-m", "chore: init"]);
        ok(repo.relhook(&["install"]));
        repo.commit_hooked("feat: a");
        repo.git_killed_at(step, &["tag", "-a", "v0.1.0", "-m", "x"], &[]);
        let push = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
        assert!(!push.status.success(), "{step}: {}", text(&push));
        let err = stderr(&push);
        let fix = err
            .lines()
            .skip_while(|l| !l.contains("refs/tags/v0.1.0"))
            .find(|l| l.trim_start().starts_with("fix: "))
            .unwrap_or_else(|| panic!("{step}: {err}"));
        assert!(fix.contains("`relhook release --resume`"), "{step}: {fix}");
        assert!(!fix.contains("git tag -d"), "{step}: {fix}");
        ok(repo.relhook(&["release", "--resume"]));
        let push = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
        assert!(push.status.success(), "{step}: {}", text(&push));
    }
}
