//! QA83: `git revert -n` of an unreleased change stopped on a CHANGELOG.md conflict (no merge
//! driver applies: the attribute line is gone), the conflict region was deleted wholesale,
//! losing the later commits' entries with the reverted one's, and `git commit` concluded it.
//! post-commit put nothing back (only a concluded pick's reflog line was read), so the later
//! commits had no entry until `--sync`. Now a commit of git's revert gets back the entries
//! of unreleased commits it did not revert; the reverted one's stays out, and a line written
//! by hand is never taken out.

use crate::support::{Repo, ok, stderr, text, untested_installed};

/// `feat: z` (which creates CHANGELOG.md), then `feat: a`, `feat: b`, `feat: c`, each with
/// its entry, and no attribute line sending CHANGELOG.md to the merge driver.
fn three_features() -> Repo {
    let repo = untested_installed();
    for name in ["z", "a", "b", "c"] {
        repo.write(name, format!("{name}\n"));
        repo.git(&["add", name]);
        repo.commit_hooked(&format!("feat: {name}"));
    }
    std::fs::write(repo.path().join(".git/info/attributes"), "").unwrap();
    repo
}

/// The file with every conflict region (markers and both sides) taken out.
fn without_conflict(log: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for line in log.split_inclusive('\n') {
        if line.starts_with("<<<<<<< ") {
            inside = true;
        } else if line.starts_with(">>>>>>> ") {
            inside = false;
        } else if !inside {
            out.push_str(line);
        }
    }
    out
}

/// `git revert -n` of `feat: a`, stopped on CHANGELOG.md, the region deleted (plus `extra`
/// appended), then `git commit --no-edit`: post-commit's output.
fn revert_resolved_by_hand(repo: &Repo, extra: &str) -> String {
    let a = repo.git(&["rev-parse", "HEAD~2"]);
    let out = repo.git_output(&["revert", "-n", &a]);
    assert!(!out.status.success(), "no conflict: {}", text(&out));
    let resolved = without_conflict(&repo.read("CHANGELOG.md")) + extra;
    assert!(!resolved.contains("- b"), "{resolved}");
    repo.write("CHANGELOG.md", resolved);
    repo.git(&["add", "CHANGELOG.md"]);
    let out = ok(repo.git_output(&["commit", "-q", "--no-edit"]));
    stderr(&out)
}

#[test]
fn a_revert_concluded_by_commit_gets_back_the_later_entries_its_resolution_dropped() {
    let repo = three_features();
    let said = revert_resolved_by_hand(&repo, "");
    assert!(said.contains("put back 2 entries"), "{said}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- z\n- b\n- c\n"), "{log}");
    assert!(
        !log.contains("- a\n"),
        "the reverted entry stays out:\n{log}"
    );
    // Nothing left for `--sync` to add.
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert_eq!(repo.read("CHANGELOG.md"), log, "{}", text(&out));
}

#[test]
fn a_hand_written_line_of_the_resolution_stays() {
    let repo = three_features();
    let said = revert_resolved_by_hand(&repo, "\nA note written by hand.\n");
    assert!(said.contains("put back 2 entries"), "{said}");
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("A note written by hand."), "{log}");
    assert!(log.contains("- b") && log.contains("- c"), "{log}");
    assert!(!log.contains("- a\n"), "{log}");
}
