//! QA86: `git commit --amend` of git's `Reapply "fix: x"` (a revert of an unreleased revert)
//! took `- x` out again, saying the new message no longer called for it, though it does; and
//! `--sync` and doctor then accepted the empty Unreleased, because the entry the fix itself
//! wrote still counted as written though its revert had taken it out (`--rebuild` and the
//! next version count the fix). Now the amend keeps the entry, and a reapply that left it out
//! of the file gets it from `--sync` and a warning from doctor.

use crate::support::{Repo, ok, stderr, stdout, text, untested_installed};

/// `fix: x` made, reverted and reapplied by git through the hooks, on top of `before`
/// (committed first when given, so that CHANGELOG.md exists before the fix).
fn reapplied(before: Option<&str>) -> Repo {
    let repo = untested_installed();
    if let Some(message) = before {
        repo.commit_hooked(message);
    }
    repo.commit_hooked("fix: x");
    for _ in 0..2 {
        let out = repo.git_output(&["revert", "--no-edit", "HEAD"]);
        assert!(out.status.success(), "{}", text(&out));
    }
    assert_eq!(repo.head_subject(), "Reapply \"fix: x\"");
    assert!(unreleased(&repo).contains("- x\n"), "{}", unreleased(&repo));
    repo
}

fn unreleased(repo: &Repo) -> String {
    repo.read("CHANGELOG.md")
        .split("## [Unreleased]")
        .nth(1)
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn an_amend_of_git_s_reapply_keeps_its_entry() {
    for before in [None, Some("feat: base")] {
        let repo = reapplied(before);
        let out = repo.git_output(&["commit", "--amend", "--no-edit"]);
        assert!(out.status.success(), "{}", text(&out));
        assert!(!stderr(&out).contains("no longer calls"), "{}", text(&out));
        assert!(
            unreleased(&repo).contains("### Fixed\n\n- x\n"),
            "{before:?}"
        );
        assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
        let sync = ok(repo.relhook(&["changelog", "--sync"]));
        assert!(stderr(&sync).contains("up to date"), "{}", text(&sync));
        assert_eq!(
            stdout(&ok(repo.relhook(&["version", "--next"]))).trim(),
            "0.1.0"
        );
    }
}

#[test]
fn a_reapply_whose_entry_was_taken_out_gets_it_from_sync_and_doctor_says_so() {
    for before in [None, Some("feat: base")] {
        let repo = reapplied(before);
        // The entry taken out by an amend that ran no hook: the fix's own line, which its
        // revert took out, no longer accounts for it.
        let log = repo.read("CHANGELOG.md").replace("### Fixed\n\n- x\n", "");
        repo.write("CHANGELOG.md", log);
        repo.git(&["add", "CHANGELOG.md"]);
        ok(repo.git_skipping_relhook(&["commit", "-q", "--amend", "--no-edit"]));
        assert!(!unreleased(&repo).contains("- x"), "{}", unreleased(&repo));
        let doctor = repo.relhook(&["doctor"]);
        assert!(
            stdout(&doctor).contains("has no entry for 1 commit"),
            "{before:?}: {}",
            text(&doctor)
        );
        let sync = ok(repo.relhook(&["changelog", "--sync"]));
        assert!(
            stderr(&sync).contains("`- x` under Fixed"),
            "{}",
            text(&sync)
        );
        let rebuilt = stdout(&ok(repo.relhook(&["changelog", "--rebuild", "--stdout"])));
        let synced = unreleased(&repo);
        assert!(synced.contains("### Fixed\n\n- x\n"), "{synced}");
        assert!(rebuilt.contains("### Fixed\n\n- x\n"), "{rebuilt}");
    }
}
