//! QA47: a hand tag on the user's own commit that wrote the release's section (relhook made no
//! release commit) whose tests failed in pre-push was advised `git tag -d v0.1.0 && git reset
//! --keep HEAD~1`, which, pasted, dropped that commit and its hand-written section. The reset
//! (or the rebase) is advised only for a release commit relhook made; else the tag alone goes.

use crate::support::{Repo, hand_tag, ok, stderr, text};

const CONFIG: &str =
    "[checks]\ntest = [\"sh\", \"-c\", \"test -e ok\"]\nrun_tests_on_push = true\n";

/// relhook's hooks with tests that fail, `chore: start` pushed, `feat: add a` committed, and
/// the `## [0.1.0]` section written by hand, not committed yet.
pub(crate) fn hand_section_written() -> Repo {
    let repo = Repo::new();
    repo.with_origin();
    repo.write(".relconfig.toml", CONFIG);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo.git(&["push", "-q", "-u", "origin", "main"]);
    repo.commit_hooked("feat: add a");
    let log = repo.read("CHANGELOG.md").replace(
        "## [Unreleased]\n",
        "## [Unreleased]\n\n## [0.1.0] - 2026-01-01\n\nHand-written intro.\n",
    );
    repo.write("CHANGELOG.md", log);
    repo
}

/// [`hand_section_written`], committed as the user's own commit and tagged `v0.1.0` by hand.
fn hand_section_tagged() -> Repo {
    let repo = hand_section_written();
    repo.git(&["commit", "-q", "-am", "docs: write the 0.1.0 section"]);
    ok(hand_tag(&repo, &["-a", "v0.1.0", "-m", "release 0.1.0"]));
    assert_eq!(
        repo.git(&["rev-parse", "v0.1.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD"]),
        "the tag stays on the user's commit"
    );
    repo
}

/// The command in the first backticks after `after` in `said`.
fn command_after(said: &str, after: &str) -> String {
    let rest = &said[said.find(after).unwrap_or_else(|| panic!("{said}")) + after.len()..];
    rest.split('`').nth(1).unwrap().to_owned()
}

#[test]
fn the_advice_for_a_failing_tag_on_the_users_own_commit_keeps_that_commit() {
    let repo = hand_section_tagged();
    let ours = repo.git(&["rev-parse", "HEAD"]);
    let push = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    assert!(!push.status.success(), "{}", text(&push));
    let err = stderr(&push);
    assert!(!err.contains("reset") && !err.contains("rebase"), "{err}");
    let undo = command_after(&err, "if the release is");
    assert_eq!(undo, "git tag -d v0.1.0", "{err}");
    // Pasted: the tag goes, the user's commit and its section stay.
    ok(repo.sh(&undo));
    assert_eq!(repo.git(&["tag", "-l"]), "");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), ours);
    assert!(repo.read("CHANGELOG.md").contains("Hand-written intro."));
    // Then as said: fixed and committed, its entry moved into the section, tagged again.
    repo.write("ok", "");
    repo.git(&["add", "ok"]);
    repo.commit_hooked("fix: add ok");
    let log = repo.read("CHANGELOG.md");
    let log = log
        .replace(
            "## [Unreleased]\n\n### Fixed\n\n- add ok\n\n",
            "## [Unreleased]\n\n",
        )
        .replace("\n- add a\n", "\n- add a\n\n### Fixed\n\n- add ok\n");
    repo.write("CHANGELOG.md", log);
    repo.git(&["commit", "-q", "-am", "docs: release the fix in 0.1.0"]);
    ok(hand_tag(&repo, &["-a", "v0.1.0", "-m", "release 0.1.0"]));
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
    assert_eq!(
        repo.git(&["rev-list", "--count", &format!("{ours}..v0.1.0")]),
        "2"
    );
}
