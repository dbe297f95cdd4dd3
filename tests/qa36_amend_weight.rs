//! QA36: a commit whose entry was written by hand, amended to weigh more (`feat:` →
//! `feat!:`): post-commit kept the hand entry alone, and `changelog --sync` then added a
//! `**BREAKING**` twin, so the two disagreed. A fresh `feat!:` commit with that hand entry gets
//! both; the amend now does too, and the amend back takes the generated one out again.

use crate::support::{Repo, ok, stderr, text, untested_installed};

const HAND: &str = "- The X command, written by hand";

/// A commit `message` that writes its own entry under `section`.
fn commit_with_hand_entry(repo: &Repo, section: &str, message: &str) {
    repo.write(
        "CHANGELOG.md",
        format!("# Changelog\n\n## [Unreleased]\n\n### {section}\n\n{HAND}\n"),
    );
    repo.write("a.txt", "a\n");
    repo.git(&["add", "-A"]);
    let out = ok(repo.git_output(&["commit", "-q", "-m", message]));
    assert!(
        stderr(&out).contains("this commit writes its own entry"),
        "{}",
        text(&out)
    );
}

fn unreleased(repo: &Repo) -> String {
    repo.read("CHANGELOG.md")
        .split("## [Unreleased]")
        .nth(1)
        .unwrap()
        .to_owned()
}

fn sync_agrees(repo: &Repo) {
    let before = repo.read("CHANGELOG.md");
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(stderr(&out).contains("up to date"), "{}", text(&out));
    assert_eq!(repo.read("CHANGELOG.md"), before);
}

#[test]
fn an_amend_to_a_breaking_change_adds_its_entry_beside_the_hand_one() {
    let repo = untested_installed();
    commit_with_hand_entry(&repo, "Added", "feat: x command");
    assert_eq!(unreleased(&repo), format!("\n\n### Added\n\n{HAND}\n"));

    let out = ok(repo.git_output(&["commit", "-q", "--amend", "-m", "feat!: x command"]));
    assert!(
        stderr(&out).contains("added `- **BREAKING** x command` under Added beside `- The X command, written by hand` (under Added), written by hand, which no longer stands for the commit"),
        "{}",
        text(&out)
    );
    assert_eq!(
        unreleased(&repo),
        format!("\n\n### Added\n\n- **BREAKING** x command\n{HAND}\n")
    );
    sync_agrees(&repo);

    let out = ok(repo.git_output(&["commit", "-q", "--amend", "-m", "feat: x command"]));
    assert!(
        stderr(&out).contains("took out `- **BREAKING** x command`"),
        "{}",
        text(&out)
    );
    assert_eq!(unreleased(&repo), format!("\n\n### Added\n\n{HAND}\n"));
    sync_agrees(&repo);
    assert!(repo.is_clean());
}

#[test]
fn an_amend_from_a_fix_to_a_feature_adds_the_features_entry() {
    let repo = untested_installed();
    commit_with_hand_entry(&repo, "Fixed", "fix: x command");
    let out = ok(repo.git_output(&["commit", "-q", "--amend", "-m", "feat: x command"]));
    // QA36: the hand entry left behind is said, with where it stands.
    assert!(
        stderr(&out).contains("beside `- The X command, written by hand` (under Fixed)"),
        "{}",
        text(&out)
    );
    let now = unreleased(&repo);
    assert!(now.contains("### Added\n\n- x command\n"), "{now}");
    assert!(now.contains(&format!("### Fixed\n\n{HAND}\n")), "{now}");
    sync_agrees(&repo);
}

/// QA36: an amend that moved the generated entry to a lighter heading and reworded it said
/// nothing; `--sync` then put the generated one back beside it.
#[test]
fn an_amend_that_rewords_the_entry_under_a_lighter_heading_says_sync_adds_one() {
    let repo = untested_installed();
    repo.write("x.txt", "x\n");
    repo.git(&["add", "x.txt"]);
    repo.commit_hooked("feat: x");
    let moved = repo
        .read("CHANGELOG.md")
        .replace("### Added", "### Fixed")
        .replace("- x\n", "- x moved\n");
    repo.write("CHANGELOG.md", &moved);
    let out = ok(repo.git_output(&["commit", "-q", "-a", "--amend", "--no-edit"]));
    assert!(
        stderr(&out).contains("`- x moved` (under Fixed), which this amend wrote in place of `- x`, weighs less than the entry under Added"),
        "{}",
        text(&out)
    );
}
