//! QA107: `relhook release --resume` of a hand tag whose hook was killed, with failing tests,
//! ended two ways. Killed before its release commit (or mid-way through the transaction that
//! makes it), the resume moved the tag onto the release commit and then tested it: failing,
//! the tag stood on the release commit, looking released, and `--resume` had nothing left to
//! resume. Killed after that commit, the tag stayed on the commit before it. Both now test
//! first and move the tag only once the tests pass: failing, the release commit stays, the
//! tag stays where it was, and `relhook release --resume` finishes it.

use crate::support::{Repo, ok, stderr, text};

/// Every step a hand tag's hook can be killed at: before its release commit, inside the
/// transaction that makes it (its journal left for the next relhook), and after it.
const STEPS: [&str; 5] = [
    "hand-started",
    "files-written",
    "index-staged",
    "refs-moved",
    "hand-committed",
];

/// `[checks] test` passing once `flag` (outside the repository) exists, relhook's hooks,
/// `feat: a`, and the hand tag v0.1.0 killed at `step`.
fn killed_at(step: &str) -> (Repo, std::path::PathBuf) {
    let repo = Repo::new();
    let flag = repo.scratch("flags").join("pass");
    repo.write(
        ".relconfig.toml",
        format!(
            "[checks]\ntest = [\"sh\", \"-c\", \"test -f '{}'\"]\n",
            flag.display()
        ),
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    repo.git_killed_at(step, &["tag", "-a", "v0.1.0", "-m", "x"], &[]);
    (repo, flag)
}

fn records(repo: &Repo) -> String {
    repo.git(&["notes", "--ref=refs/notes/relhook-tests", "list"])
}

fn tagged(repo: &Repo) -> String {
    repo.git(&["rev-parse", "v0.1.0^{commit}"])
}

#[test]
fn failing_tests_leave_the_tag_on_the_commit_before_whichever_step_the_hook_was_killed_at() {
    for step in STEPS {
        let (repo, flag) = killed_at(step);
        let out = repo.relhook(&["release", "--resume"]);
        assert_eq!(out.status.code(), Some(1), "{step}: {}", text(&out));
        let err = stderr(&out);
        // The release commit is made, the tag left on the commit before it, untested.
        assert_eq!(repo.head_subject(), "chore(release): 0.1.0", "{step}");
        let before = repo.git(&["rev-parse", "HEAD~1"]);
        assert_eq!(tagged(&repo), before, "{step}: {err}");
        assert_eq!(records(&repo), "", "{step}");
        assert!(
            err.contains(&format!(
                "the tests failed on its release commit {}",
                &repo.git(&["rev-parse", "HEAD"])[..9]
            )) && err.contains(&format!(
                "the release commit stays, and v0.1.0 stays on {}",
                &before[..9]
            )),
            "{step}: {err}"
        );
        assert!(
            !err.contains("now points at") && !err.contains("is left untested"),
            "{step}: {err}"
        );
        // The killed transaction's journal is gone: what is left is that state alone.
        assert!(!repo.path().join(".git/relhook-txn").exists(), "{step}");
        // The command it names finishes it, once the tests pass.
        let next = err
            .lines()
            .find_map(|l| l.strip_prefix("next: "))
            .unwrap_or_else(|| panic!("{step}: {err}"));
        assert!(
            next.contains("fix that, then `relhook release --resume`"),
            "{step}: {next}"
        );
        std::fs::write(&flag, "").unwrap();
        let out = ok(repo.relhook(&["release", "--resume"]));
        let err = stderr(&out);
        assert!(err.contains("tested"), "{step}: {err}");
        assert_eq!(tagged(&repo), repo.git(&["rev-parse", "HEAD"]), "{step}");
        assert_ne!(records(&repo), "", "{step}");
        // Nothing of the killed hook is left: neither its journal nor its marker.
        for left in ["relhook-hand-tag", "relhook-txn"] {
            assert!(
                !repo.path().join(".git").join(left).exists(),
                "{step}: {left}"
            );
        }
        // The tag is the user's: its message kept.
        assert_eq!(
            repo.git(&["tag", "-l", "--format=%(contents)", "v0.1.0"]),
            "x",
            "{step}"
        );
    }
}

/// Passing tests finish it in one run, whichever the step: the tag on the tested release commit.
#[test]
fn passing_tests_move_the_tag_onto_the_tested_release_commit() {
    for step in ["hand-started", "index-staged"] {
        let (repo, flag) = killed_at(step);
        std::fs::write(&flag, "").unwrap();
        let out = ok(repo.relhook(&["release", "--resume"]));
        let err = stderr(&out);
        assert!(
            err.contains("v0.1.0 now points at release commit")
                && err.contains("(CHANGELOG.md updated, tested)"),
            "{step}: {err}"
        );
        assert_eq!(tagged(&repo), repo.git(&["rev-parse", "HEAD"]), "{step}");
        assert_ne!(records(&repo), "", "{step}");
    }
}
