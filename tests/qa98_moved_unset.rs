//! QA98: a release tag pushed with the hooks off above a hand-written changelog section whose
//! commit does not set the version files. pre-push said to move the tag to that commit
//! (`git tag -d v0.1.0 && git tag -a v0.1.0 -m v0.1.0 <commit>`), which the hand-tag hook
//! then refuses for its version files. The fix now says so, and the way `relhook release`
//! gives: the files set in that commit itself, then that commit tagged.

use crate::support::{Repo, ok, stderr, text};

/// relhook installed with a package.json at 0.0.0, `origin`, `feat: a`, and a `## [0.1.0]`
/// section written by hand in a commit that leaves package.json alone: its short id (shared
/// with the QA104 tests).
pub(crate) fn section_written_by_hand() -> (Repo, String) {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.write(
        "package.json",
        "{\n  \"name\": \"x\",\n  \"version\": \"0.0.0\"\n}\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.with_origin();
    repo.commit_hooked("feat: a");
    let log = repo.read("CHANGELOG.md").replacen(
        "## [Unreleased]",
        "## [Unreleased]\n\n## [0.1.0] - 2026-01-01",
        1,
    );
    repo.write("CHANGELOG.md", log);
    ok(repo.git_output(&["commit", "-q", "-a", "-m", "docs: write the 0.1.0 notes"]));
    let section = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    (repo, section)
}

#[test]
fn the_fix_sets_the_version_in_the_section_commit_before_tagging_it() {
    let (repo, section) = section_written_by_hand();
    repo.commit_hooked("fix: b");
    ok(repo.git_skipping_relhook(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]));

    let out = repo.git_output(&["push", "-q", "origin", "main", "v0.1.0"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let fix = err
        .lines()
        .find(|l| l.trim_start().starts_with("fix:"))
        .unwrap_or_else(|| panic!("{err}"));
    // The move the hook refuses is not the advice.
    assert!(!fix.contains(&format!("-m v0.1.0 {section}")), "{fix}");
    let cmds: Vec<&str> = fix.split('`').skip(1).step_by(2).collect();
    let rebase = format!("git rebase -i {section}~1");
    assert_eq!(
        cmds,
        [
            "git tag -d v0.1.0",
            rebase.as_str(),
            "edit",
            "git tag -a v0.1.0 -m 'release 0.1.0' HEAD~1"
        ],
        "{fix}"
    );
    assert!(fix.contains("set package.json to 0.1.0"), "{fix}");

    // Followed: deleted, the section commit edited to set the version, then tagged.
    ok(repo.sh(cmds[0]));
    let edit = [("GIT_SEQUENCE_EDITOR", "sed -i 1s/^pick/edit/")];
    let out = repo.git_in(
        &repo.path(),
        &["rebase", "-i", &format!("{section}~1")],
        &edit,
    );
    assert!(out.status.success(), "{}", text(&out));
    let json = repo.read("package.json").replace("0.0.0", "0.1.0");
    repo.write("package.json", json);
    ok(repo.git_output(&["commit", "-q", "-a", "--amend", "--no-edit"]));
    ok(repo.git_output(&["rebase", "--continue"]));
    let tagged = repo.git_output(&["tag", "-a", "v0.1.0", "-m", "v0.1.0", "HEAD~1"]);
    assert!(tagged.status.success(), "{}", text(&tagged));
    let out = repo.git_output(&["push", "-q", "origin", "main", "v0.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
}
