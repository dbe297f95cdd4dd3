//! QA44: two clones released one version; the second one's `git pull --rebase` (or merge
//! pull) stops on the changelog, and the merge driver's way on is right. `relhook doctor` run
//! while git was stopped contradicted it: resolve the markers keeping both sides' entries,
//! keep one heading for the version (a blend of both releases under the published heading),
//! and a tag fix `git rebase --onto … && git merge main` that git refuses mid-rebase. doctor
//! now gives the driver's way on as one fix, for the rebase or the merge, and no fix that
//! rewrites history while git is stopped.

use crate::support::{Repo, ok, stdout, text};

/// doctor's rows that need fixing, and their `fix:` lines.
fn doctor(repo: &Repo) -> (String, Vec<String>) {
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let report = stdout(&out);
    let fixes = report
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("fix: "))
        .map(str::to_owned)
        .collect();
    (report, fixes)
}

/// No advice that blends the two releases or rewrites history under the stopped operation.
fn no_contrary_advice(report: &str) {
    for wrong in ["keep both sides", "keep one heading", "rebase --onto"] {
        assert!(!report.contains(wrong), "{wrong}: {report}");
    }
}

/// Pasted, the fix ends with origin's release kept, and this clone's work released above it.
fn followed_ends_released_above(repo: &Repo, fix: &str, theirs: &str) {
    let out = repo.sh(fix);
    assert!(out.status.success(), "{fix}: {}", text(&out));
    let after = repo.relhook(&["doctor"]);
    assert!(after.status.success(), "{}", text(&after));
    ok(repo.relhook(&["release"]));
    assert_eq!(repo.git(&["rev-parse", "v0.1.1^{}"]), theirs);
    assert_eq!(repo.head_subject(), "chore(release): 0.1.2");
    let log = repo.read("CHANGELOG.md");
    assert_eq!(log.matches("## [0.1.1]").count(), 1, "{log}");
    let push = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(push.status.success(), "{}", text(&push));
}

#[test]
fn doctor_in_a_stopped_pull_rebase_gives_the_drivers_way_once() {
    let (repo, b) = crate::qa41_both_released::both_released();
    let theirs = String::from_utf8_lossy(&repo.git_in(&b, &["rev-parse", "v0.1.1^{}"], &[]).stdout)
        .trim()
        .to_owned();
    let pull = repo.git_output(&["pull", "-q", "--rebase", "origin", "main"]);
    assert!(!pull.status.success(), "{}", text(&pull));
    let (report, fixes) = doctor(&repo);
    no_contrary_advice(&report);
    assert!(
        report.contains("both sides released 0.1.1, differently"),
        "{report}"
    );
    assert_eq!(
        fixes,
        ["git rebase --skip && git tag -d v0.1.1 && git fetch origin tag v0.1.1"],
        "{report}"
    );
    followed_ends_released_above(&repo, &fixes[0], &theirs);
}

#[test]
fn doctor_in_a_stopped_pull_merge_gives_the_drivers_way_once() {
    let (repo, b) = crate::qa41_both_released::both_released();
    let theirs = String::from_utf8_lossy(&repo.git_in(&b, &["rev-parse", "v0.1.1^{}"], &[]).stdout)
        .trim()
        .to_owned();
    let pull = repo.git_output(&["pull", "-q", "--no-rebase", "origin", "main"]);
    assert!(!pull.status.success(), "{}", text(&pull));
    let (report, fixes) = doctor(&repo);
    no_contrary_advice(&report);
    assert_eq!(
        fixes,
        [
            "git merge --abort && git reset --keep HEAD~1 && git tag -d v0.1.1 && git fetch origin tag v0.1.1 && git merge origin/main"
        ],
        "{report}"
    );
    followed_ends_released_above(&repo, &fixes[0], &theirs);
}

/// A rewritten release commit's tag, while a merge is stopped on another file: its fix
/// waits for the merge (a release refuses while one is in progress).
#[test]
fn a_tag_fix_waits_for_a_stopped_merge() {
    let repo = crate::support::untested_installed();
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release"]));
    ok(repo.git_output(&[
        "commit",
        "-q",
        "--amend",
        "-m",
        "chore(release): 0.1.0 again",
    ]));
    let before = stdout(&repo.relhook(&["doctor"]));
    assert!(before.contains("relhook release --resume"), "{before}");
    repo.git(&["checkout", "-q", "-b", "side", "HEAD~1"]);
    repo.write("f.txt", "side\n");
    repo.git(&["add", "f.txt"]);
    repo.git(&["commit", "-q", "-m", "fix: side f"]);
    repo.git(&["checkout", "-q", "main"]);
    repo.write("f.txt", "main\n");
    repo.git(&["add", "f.txt"]);
    repo.git(&["commit", "-q", "-m", "fix: main f"]);
    let merge = repo.git_output(&["merge", "side"]);
    assert!(!merge.status.success(), "{}", text(&merge));
    let (report, fixes) = doctor(&repo);
    for fix in &fixes {
        for rewrite in ["relhook release", "git rebase", "git reset"] {
            assert!(!fix.contains(rewrite), "{fix}: {report}");
        }
    }
    assert!(
        fixes.iter().any(|f| f.starts_with("finish a merge first")),
        "{report}"
    );
}
