//! QA132: `git tag -a v0.1.0` whose hook was killed before its release commit, then pushed
//! (`--follow-tags`, or the tag alone). Pre-push refused it naming the resume in its `fix:`,
//! but its problem line advised "release with `relhook release`", which refuses that release.
//! The problem is now the one line `relhook release` and doctor give (the interrupted release
//! and the resume that finishes it), as for a hook killed after its release commit (QA126),
//! with or without a version file.

use crate::qa126_prepush_interrupted_hand_release::problems_and_fix;
use crate::support::{Repo, ok, stderr, text};

/// relhook's hooks, `feat: a` pushed, `fix: b` (and `package.json` at 0.0.1 when
/// `manifest`), then the hand tag v0.1.0 killed before its release commit.
fn killed_before_release_commit(manifest: bool) -> Repo {
    let repo = Repo::new();
    repo.with_origin();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    if manifest {
        repo.write("package.json", "{\"name\":\"x\",\"version\":\"0.0.1\"}\n");
    }
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    ok(repo.git_output(&["push", "-q", "-u", "origin", "main"]));
    repo.commit_hooked("fix: b");
    repo.git_killed_at(
        "hand-started",
        &["tag", "-a", "v0.1.0", "-m", "v0.1.0"],
        &[],
    );
    repo
}

/// The problem lines and the `fix:` line of pre-push's refusal of v0.1.0 for `git args`.
fn refusal(repo: &Repo, args: &[&str]) -> (Vec<String>, String) {
    let push = repo.git_output(args);
    assert!(!push.status.success(), "{args:?}: {}", text(&push));
    let said = stderr(&push);
    assert!(said.contains("refused: 1 problem"), "{args:?}: {said}");
    problems_and_fix(&said, "v0.1.0")
}

#[test]
fn prepush_says_the_interrupted_release_as_relhook_release_does() {
    for manifest in [false, true] {
        let repo = killed_before_release_commit(manifest);
        let out = repo.relhook(&["release"]);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        let refused = stderr(&out);
        let refused = refused
            .trim()
            .strip_prefix("relhook: release refused: ")
            .unwrap_or_else(|| panic!("{refused}"))
            .to_owned();
        assert!(refused.contains("tag v0.1.0"), "{refused}");
        for args in [
            &["push", "--follow-tags", "origin", "main"][..],
            &["push", "origin", "v0.1.0"][..],
        ] {
            let (problems, fix) = refusal(&repo, args);
            assert_eq!(
                problems,
                std::slice::from_ref(&refused),
                "{manifest} {args:?}: {fix}"
            );
            assert!(
                problems[0].contains("`relhook release --resume` makes the release commit"),
                "{problems:?}"
            );
            assert!(fix.contains("`relhook release --resume`"), "{fix}");
        }
        // The resume, pasted, finishes it; then both pushes go through.
        let (_, fix) = refusal(&repo, &["push", "origin", "v0.1.0"]);
        let resume = fix.split('`').nth(1).unwrap();
        assert_eq!(resume, "relhook release --resume");
        ok(repo.sh(resume));
        assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
        ok(repo.git_output(&["push", "--follow-tags", "origin", "main"]));
    }
}
