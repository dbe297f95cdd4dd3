//! QA100: the kept answer to "which commit deleted CHANGELOG.md" was one a path, at the
//! commit last asked: a commit on another branch (one made off a walked branch, or switched
//! back to) met none within its first steps and had git walk its whole first-parent line
//! again (a second or more at 100,000 commits). Answers are now kept for several commits, and
//! a walk that meets none asks git where its line joins one's: that answer holds when the
//! joint is on its line no lower than its deletion and the file stayed missing on the way.

use crate::support::{Repo, ok, stderr};

const LOG: &str =
    "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-01-01\n\n### Added\n\n- one\n";

/// Commits appended to `branch` (from `from` when given) by one `git fast-import`: each a
/// message and its file changes.
pub(crate) fn import(repo: &Repo, branch: &str, from: Option<&str>, commits: &[(String, String)]) {
    let mut stream = String::new();
    for (i, (message, ops)) in commits.iter().enumerate() {
        let message = format!("{message}\n");
        stream.push_str(&format!(
            "commit refs/heads/{branch}\ncommitter A <a@b> {} +0000\ndata {}\n{message}",
            1_700_000_000 + i,
            message.len()
        ));
        if let (0, Some(from)) = (i, from) {
            stream.push_str(&format!("from {}\n", repo.git(&["rev-parse", from])));
        }
        stream.push_str(ops);
        stream.push('\n');
    }
    repo.fast_import(&stream);
}

pub(crate) fn inline(path: &str, text: &str) -> String {
    format!("M 100644 inline {path}\ndata {}\n{text}\n", text.len())
}

/// `n` empty commits.
pub(crate) fn empty(n: usize) -> Vec<(String, String)> {
    (0..n)
        .map(|i| (format!("feat: change {i}"), String::new()))
        .collect()
}

/// `chore: init` (no changelog yet), `feat: one` with CHANGELOG.md (a release's section),
/// `chore: drop the changelog`, then 300 empty commits on main; relhook installed.
pub(crate) fn deleted_long_ago() -> Repo {
    let repo = Repo::new();
    let config = "[checks]\nrequire_tested_tags = false\n";
    let mut commits = vec![
        ("chore: init".to_owned(), inline(".relconfig.toml", config)),
        ("feat: one".to_owned(), inline("CHANGELOG.md", LOG)),
        (
            "chore: drop the changelog".to_owned(),
            "D CHANGELOG.md\n".to_owned(),
        ),
    ];
    commits.extend(empty(300));
    import(&repo, "main", None, &commits);
    ok(repo.relhook(&["install"]));
    repo
}

/// What one hooked commit said, and the `git rev-list` processes relhook ran for it: all,
/// and those walking the file's history along the whole line (a pathspec, nothing hidden).
pub(crate) struct Traced {
    pub(crate) err: String,
    pub(crate) rev_lists: usize,
    pub(crate) whole_line: usize,
}

pub(crate) fn commit_traced(repo: &Repo, name: &str) -> Traced {
    let trace = repo.path().join(".git/qa100-trace.json");
    let _ = std::fs::remove_file(&trace);
    repo.write(name, "x\n");
    repo.git(&["add", name]);
    let out = ok(repo.git_in(
        &repo.path(),
        &["commit", "-q", "-m", &format!("feat: {name}")],
        &[("GIT_TRACE2_EVENT", trace.to_str().unwrap())],
    ));
    let events = std::fs::read_to_string(&trace).unwrap_or_default();
    let mut traced = Traced {
        err: stderr(&out),
        rev_lists: 0,
        whole_line: 0,
    };
    for line in events.lines() {
        let event: serde_json::Value = serde_json::from_str(line).expect("a trace2 event");
        let argv: Vec<&str> = event["argv"]
            .as_array()
            .map(|a| a.iter().filter_map(|w| w.as_str()).collect())
            .unwrap_or_default();
        if event["event"] != "start" || argv.get(1) != Some(&"rev-list") {
            continue;
        }
        traced.rev_lists += 1;
        if argv.contains(&"--") && !argv.iter().any(|w| w.starts_with('^')) {
            traced.whole_line += 1;
        }
    }
    traced
}

pub(crate) fn says_deleted_by(repo: &Repo, traced: &Traced, rev: &str) {
    let id = repo.git(&["rev-parse", "--short=9", rev]);
    assert!(
        traced
            .err
            .contains(&format!("CHANGELOG.md was deleted by commit {id}")),
        "not {rev} ({id}):\n{}",
        traced.err
    );
    assert!(!repo.path().join("CHANGELOG.md").exists(), "{}", traced.err);
}

#[test]
fn a_branch_off_a_walked_branch_takes_its_answer_without_walking_the_line() {
    let repo = deleted_long_ago();
    let first = commit_traced(&repo, "on-main");
    says_deleted_by(&repo, &first, "main~301");
    assert_eq!(first.whole_line, 1, "the first walk is git's");
    // Forked 200 commits down: further than relhook's own steps reach.
    repo.git(&["switch", "-q", "-c", "b1", "main~200"]);
    let branch = commit_traced(&repo, "on-b1");
    says_deleted_by(&repo, &branch, "main~301");
    assert_eq!(
        branch.whole_line, 0,
        "walked the line again:\n{}",
        branch.err
    );
    // Switched back and forth, each finds its own answer kept: no git walk at all.
    for (to, name) in [("main", "on-main-2"), ("b1", "on-b1-2")] {
        repo.git(&["switch", "-q", to]);
        let again = commit_traced(&repo, name);
        says_deleted_by(&repo, &again, "main~302");
        assert_eq!(again.rev_lists, 0, "{name} walked again:\n{}", again.err);
    }
    let kept = std::fs::read_to_string(repo.path().join(".git/relhook-deleted-walk")).unwrap();
    assert_eq!(kept.lines().count(), 2, "{kept}");
}

#[test]
fn a_branch_from_before_the_deletion_says_its_own() {
    let repo = deleted_long_ago();
    says_deleted_by(&repo, &commit_traced(&repo, "on-main"), "main~301");
    // Off `feat: one`, which has the file: this branch deletes it itself, far down.
    let mut commits = vec![(
        "chore: drop it here too".to_owned(),
        "D CHANGELOG.md\n".to_owned(),
    )];
    commits.extend(empty(150));
    import(&repo, "old", Some("main~302"), &commits);
    repo.git(&["switch", "-q", "old"]);
    says_deleted_by(&repo, &commit_traced(&repo, "on-old"), "old~151");
}

#[test]
fn a_branch_from_before_the_file_was_made_starts_it() {
    let repo = deleted_long_ago();
    says_deleted_by(&repo, &commit_traced(&repo, "on-main"), "main~301");
    // Off `chore: init`: its line never had the file, and its own first entry starts it.
    import(&repo, "older", Some("main~303"), &empty(150));
    repo.git(&["switch", "-q", "older"]);
    let traced = commit_traced(&repo, "on-older");
    assert!(!traced.err.contains("deleted"), "{}", traced.err);
    let log = std::fs::read_to_string(repo.path().join("CHANGELOG.md")).expect(&traced.err);
    assert!(log.contains("on-older"), "{log}");
}

#[test]
fn a_file_added_back_and_deleted_again_says_the_new_deletion() {
    let repo = deleted_long_ago();
    says_deleted_by(&repo, &commit_traced(&repo, "on-main"), "main~301");
    // Off the walked commit: the file comes back, then goes again, far down.
    let mut commits = vec![
        ("feat: back".to_owned(), inline("CHANGELOG.md", LOG)),
        (
            "chore: drop it again".to_owned(),
            "D CHANGELOG.md\n".to_owned(),
        ),
    ];
    commits.extend(empty(150));
    import(&repo, "back", Some("main"), &commits);
    repo.git(&["switch", "-q", "back"]);
    says_deleted_by(&repo, &commit_traced(&repo, "on-back"), "back~151");
}

#[test]
fn a_kept_answer_at_a_commit_pruned_since_is_passed_over() {
    let repo = deleted_long_ago();
    says_deleted_by(&repo, &commit_traced(&repo, "on-main"), "main~301");
    // The walked commit rewritten away and pruned (an amend, a rebase).
    repo.git(&["reset", "-q", "--hard", "HEAD~1"]);
    repo.git(&["reflog", "expire", "--expire=now", "--all"]);
    repo.git(&["gc", "-q", "--prune=now"]);
    repo.git(&["switch", "-q", "-c", "b1", "main~150"]);
    says_deleted_by(&repo, &commit_traced(&repo, "on-b1"), "main~300");
}
