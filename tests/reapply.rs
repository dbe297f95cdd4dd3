//! Reverts of what shipped: git's `Reapply "<header>"` (a revert of a revert, git 2.43 and
//! later) is the reapplied change itself, its entry the original header's, carried by the
//! commit when the revert it undoes was released; `git revert -m 1` of a released merge
//! carries `revert "…"` for the branch's changes. `--sync` writes the same.

use crate::support::{Repo, hand_tag, installed_repo, ok, stderr, stdout, text};

/// `fix: beta` released in v0.1.0, its revert released in v0.1.1 (`- revert "beta"`).
fn revert_released() -> Repo {
    let repo = installed_repo();
    repo.write("b.txt", "1\n");
    repo.git(&["add", "b.txt"]);
    repo.git(&["commit", "-q", "-m", "fix: beta"]);
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "r"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_output(&["revert", "--no-edit", ":/^fix: beta"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = hand_tag(&repo, &["-a", "v0.1.1", "-m", "r"]);
    assert!(out.status.success(), "{}", text(&out));
    repo
}

/// HEAD's changelog above the last release.
fn unreleased(repo: &Repo) -> String {
    let log = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    log.split("## [0.1.1]")
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// The commit git just made (`out`) carries `- entry` under `section`, said in relhook's
/// line; the tree is clean and `--sync` then has nothing to add.
fn carries(repo: &Repo, out: &std::process::Output, section: &str, entry: &str) {
    assert!(out.status.success(), "{}", text(out));
    assert!(
        stderr(out).contains(&format!("added `- {entry}` under {section}")),
        "{}",
        text(out)
    );
    assert!(
        unreleased(repo).contains(&format!("### {section}\n\n- {entry}\n")),
        "{}",
        unreleased(repo)
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    let before = repo.read("CHANGELOG.md");
    ok(repo.relhook(&["changelog", "--sync"]));
    assert_eq!(repo.read("CHANGELOG.md"), before);
}

#[test]
fn a_reapply_of_a_released_revert_carries_the_original_entry() {
    let repo = revert_released();
    let out = repo.git_output(&["revert", "--no-edit", ":/^Revert"]);
    assert_eq!(repo.head_subject(), "Reapply \"fix: beta\"");
    // `--sync` agrees, lint and check pass it, the version counts it, the notes list it.
    carries(&repo, &out, "Fixed", "beta");
    ok(repo.relhook(&["check", "v0.1.1..HEAD"]));
    let next = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(stdout(&next).trim(), "0.1.2", "{}", text(&next));
    let rebuilt = ok(repo.relhook(&["changelog", "--rebuild", "--stdout"]));
    assert!(
        stdout(&rebuilt).contains("## [Unreleased]\n\n### Fixed\n\n- beta\n"),
        "{}",
        text(&rebuilt)
    );
    let dry = ok(repo.relhook(&["release", "--dry-run"]));
    assert!(
        !stderr(&dry).contains("not a Conventional Commit"),
        "{}",
        text(&dry)
    );
    assert!(stdout(&dry).contains("- beta"), "{}", text(&dry));
}

#[test]
fn a_reapply_of_an_unreleased_revert_adds_nothing() {
    // The revert of a released change, still unreleased: git's revert of the revert takes
    // `- revert "beta"` out again, and beta's release stands, so nothing is added (said).
    let repo = installed_repo();
    repo.write("b.txt", "1\n");
    repo.git(&["add", "b.txt"]);
    repo.git(&["commit", "-q", "-m", "fix: beta"]);
    let out = hand_tag(&repo, &["-a", "v0.1.1", "-m", "r"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.git(&["revert", "--no-edit", ":/^fix: beta"]);
    assert!(
        unreleased(&repo).contains("- revert \"beta\""),
        "{}",
        unreleased(&repo)
    );
    let out = repo.git_output(&["revert", "--no-edit", "HEAD"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.head_subject(), "Reapply \"fix: beta\"");
    // One line says why nothing is added.
    assert!(
        stderr(&out).contains("no entry added: this commit reverts `- revert \"beta\"`, which no release has, and git's revert took that entry out of CHANGELOG.md, so neither ships"),
        "{}",
        text(&out)
    );
    assert!(!unreleased(&repo).contains("beta"), "{}", unreleased(&repo));
    let before = repo.read("CHANGELOG.md");
    ok(repo.relhook(&["changelog", "--sync"]));
    assert_eq!(repo.read("CHANGELOG.md"), before);

    // Both unreleased: the change, its revert and the reapply leave the change's entry.
    repo.write("c.txt", "1\n");
    repo.git(&["add", "c.txt"]);
    repo.git(&["commit", "-q", "-m", "fix: gamma"]);
    repo.git(&["revert", "--no-edit", "HEAD"]);
    repo.git(&["revert", "--no-edit", "HEAD"]);
    assert_eq!(repo.head_subject(), "Reapply \"fix: gamma\"");
    let log = unreleased(&repo);
    assert_eq!(log.matches("- gamma").count(), 1, "{log}");
    let before = repo.read("CHANGELOG.md");
    ok(repo.relhook(&["changelog", "--sync"]));
    assert_eq!(repo.read("CHANGELOG.md"), before);
    let dry = ok(repo.relhook(&["release", "--dry-run"]));
    assert_eq!(stdout(&dry).matches("- gamma").count(), 1, "{}", text(&dry));
}

/// `feat: topic thing` merged from branch `topic` with `--no-ff`.
fn merged_topic(repo: &Repo) {
    repo.git(&["switch", "-q", "-c", "topic"]);
    repo.write("t.txt", "1\n");
    repo.git(&["add", "t.txt"]);
    repo.git(&["commit", "-q", "-m", "feat: topic thing"]);
    repo.git(&["switch", "-q", "main"]);
    repo.git(&["merge", "-q", "--no-ff", "--no-edit", "topic"]);
}

/// An installed repository whose merged topic branch was released as v0.1.1, then reverted
/// with `git revert -m 1` through the hooks; with git's output for that revert.
fn released_merge_reverted() -> (Repo, std::process::Output) {
    let repo = installed_repo();
    repo.git(&["branch", "-M", "main"]);
    merged_topic(&repo);
    let out = hand_tag(&repo, &["-a", "v0.1.1", "-m", "r"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_output(&["revert", "--no-edit", "-m", "1", ":/^Merge branch"]);
    (repo, out)
}

#[test]
fn a_merge_revert_of_a_released_branch_carries_its_removed_entry() {
    let (repo, out) = released_merge_reverted();
    carries(&repo, &out, "Removed", "revert \"topic thing\"");
    let before = repo.read("CHANGELOG.md");

    // `--sync` writes the same entry for a revert the hook did not see.
    let other = installed_repo();
    other.git(&["branch", "-M", "main"]);
    merged_topic(&other);
    let out = hand_tag(&other, &["-a", "v0.1.1", "-m", "r"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = other.git_skipping_relhook(&["revert", "--no-edit", "-m", "1", ":/^Merge branch"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        !unreleased(&other).contains("topic thing"),
        "{}",
        unreleased(&other)
    );
    ok(other.relhook(&["changelog", "--sync"]));
    assert_eq!(other.read("CHANGELOG.md"), before);

    let rebuilt = ok(other.relhook(&["changelog", "--rebuild", "--stdout"]));
    assert!(
        stdout(&rebuilt).contains("## [Unreleased]\n\n### Removed\n\n- revert \"topic thing\"\n"),
        "{}",
        text(&rebuilt)
    );

    // Notes built from history (a tag without its section) list it too.
    other.git_skipping_relhook(&["tag", "-a", "v0.2.0", "-m", "r"]);
    let notes = ok(other.relhook(&["notes", "v0.2.0"]));
    assert!(
        stdout(&notes).contains("### Removed\n\n- revert \"topic thing\""),
        "{}",
        text(&notes)
    );
}

#[test]
fn a_merge_revert_of_an_unreleased_branch_still_adds_nothing() {
    let repo = installed_repo();
    repo.git(&["branch", "-M", "main"]);
    merged_topic(&repo);
    let out = repo.git_output(&["revert", "--no-edit", "-m", "1", "HEAD"]);
    assert!(out.status.success(), "{}", text(&out));
    // Said in one line, as a plain revert of an unreleased change is (nothing added).
    let said: Vec<_> = stderr(&out)
        .lines()
        .filter(|l| l.starts_with("relhook"))
        .map(str::to_owned)
        .collect();
    assert_eq!(said.len(), 1, "{}", text(&out));
    assert!(
        said[0].contains("git's revert took its entries out of CHANGELOG.md (`- topic thing`)"),
        "{}",
        text(&out)
    );
    let log = repo.read("CHANGELOG.md");
    assert!(!log.contains("topic thing"), "{log}");
    ok(repo.relhook(&["changelog", "--sync"]));
    assert_eq!(repo.read("CHANGELOG.md"), log);
}

#[test]
fn a_released_merge_reverted_and_reapplied_before_the_next_release_is_nothing_new() {
    let (repo, out) = released_merge_reverted();
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_output(&["revert", "--no-edit", "HEAD"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        !unreleased(&repo).contains("topic"),
        "{}",
        unreleased(&repo)
    );
    let before = repo.read("CHANGELOG.md");
    ok(repo.relhook(&["changelog", "--sync"]));
    assert_eq!(repo.read("CHANGELOG.md"), before);
    let rebuilt = ok(repo.relhook(&["changelog", "--rebuild", "--stdout"]));
    assert!(
        stdout(&rebuilt).contains("## [Unreleased]\n\n## [0.1.1]"),
        "{}",
        text(&rebuilt)
    );
}
