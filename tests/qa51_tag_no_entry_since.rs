//! QA51: a release tag made past the hook (`RELHOOK_SKIP=1`) above its line's last release,
//! over commits with no changelog entry (`chore:` only): pre-push said its section was missing
//! and advised `git tag -d v0.1.1`, then `relhook release 0.1.1` (or `relhook release`), both
//! refused with nothing for the changelog. It now says there is nothing to release since the
//! last release and advises only the tag's deletion; a tag over a change keeps its advice.

use crate::support::{Repo, ok, stderr, text};

/// relhook installed, a `feat:` released and pushed to `origin`, then a commit `subject`.
fn released_then(subject: &str) -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.with_origin();
    repo.write("a.txt", "a\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat: first"]);
    ok(repo.relhook(&["release", "--no-test"]));
    ok(repo.git_skipping_relhook(&["push", "-q", "--follow-tags", "-u", "origin", "main"]));
    repo.write("b.txt", "b\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", subject]);
    repo.git_env(
        &["tag", "-a", "v0.1.1", "-m", "v0.1.1"],
        &[("RELHOOK_SKIP", "1")],
    );
    repo
}

/// The refusal of a push of `v0.1.1`, as its `- ` and `fix:` lines.
fn pushed(repo: &Repo) -> Vec<String> {
    let out = repo.git_output(&["push", "origin", "main", "v0.1.1"]);
    assert!(!out.status.success(), "{}", text(&out));
    stderr(&out)
        .lines()
        .map(str::trim_start)
        .filter(|l| l.starts_with("- ") || l.starts_with("fix: "))
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_tag_over_chore_commits_only_is_advised_only_its_deletion() {
    let repo = released_then("chore: tidy");
    assert_eq!(
        pushed(&repo),
        [
            "- no commit since release v0.1.0 has a changelog entry (`chore:` and `docs:` have none, a change and its revert cancel out): there is nothing to release as 0.1.1",
            "fix: origin does not have it yet, so delete it here: `git tag -d v0.1.1`",
        ]
    );
}

#[test]
fn a_tag_over_a_change_is_still_advised_its_release() {
    let repo = released_then("fix: mend");
    let lines = pushed(&repo);
    let fix = lines.last().unwrap();
    assert!(fix.contains("then `relhook release 0.1.1`"), "{lines:?}");
}
