//! QA38: the merge driver, handing two Unreleased sections it does not combine (each side
//! reworded an entry) to git's line merge, said "merge conflict … resolve the changelog by
//! hand" before that merge ran; the merge then went through cleanly. Now the line is said once
//! the line merge is done: "no conflict; check it" when clean, "by hand" only with markers.

use crate::support::{installed_repo, stderr, text};

#[test]
fn a_clean_line_merge_is_not_called_a_conflict() {
    let repo = installed_repo();
    repo.commit_hooked("feat: add a");
    repo.commit_hooked("fix: fix b");
    let reword = |from: &str, to: &str, subject: &str| {
        let log = repo.read("CHANGELOG.md").replace(from, to);
        repo.write("CHANGELOG.md", log);
        repo.git(&["commit", "-q", "-am", subject]);
    };
    repo.git(&["switch", "-q", "-c", "side"]);
    reword("- add a\n", "- add a, reworded\n", "docs: reword a");
    repo.commit_hooked("feat: add x");
    repo.git(&["switch", "-q", "main"]);
    reword("- fix b\n", "- fix b, reworded\n", "docs: reword b");
    repo.commit_hooked("fix: fix y");
    let out = repo.git_output(&["merge", "--no-edit", "side"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("merged line by line, with no conflict; check its Unreleased section"),
        "{said}"
    );
    assert!(
        !said.contains("by hand") && !said.contains("merge conflict"),
        "{said}"
    );
    let log = repo.read("CHANGELOG.md");
    for entry in [
        "- add a, reworded\n",
        "- fix b, reworded\n",
        "- add x\n",
        "- fix y\n",
    ] {
        assert!(log.contains(entry), "{entry}: {log}");
    }
    assert!(repo.is_clean());
}

/// A rebase stopped on the changelog is named as one (the line said "a merge, revert or
/// cherry-pick").
#[test]
fn a_rebase_stopped_on_the_changelog_is_named() {
    let repo = installed_repo();
    let released = |line: &str, subject: &str| {
        let log = repo.read("CHANGELOG.md");
        let (head, _) = log
            .split_once("\n## [0.1.0]")
            .unwrap_or((log.trim_end(), ""));
        let log = format!("{head}\n## [0.1.0] - 2020-01-01\n\n### Added\n\n- {line}\n");
        repo.write("CHANGELOG.md", log);
        repo.git(&["commit", "-q", "-am", subject]);
    };
    released("old", "docs: old");
    repo.git(&["switch", "-q", "-c", "side"]);
    released("old one", "docs: one");
    repo.git(&["switch", "-q", "main"]);
    released("old two", "docs: two");
    let out = repo.git_output(&["rebase", "main", "side"]);
    assert!(!out.status.success(), "{}", text(&out));
    let out = repo.relhook(&["changelog", "--sync"]);
    assert!(
        stderr(&out).contains("CHANGELOG.md is in conflict (a rebase stopped on it)"),
        "{}",
        text(&out)
    );
}

/// A merge the user runs while a rebase is stopped (`break`) and that stops on the file is
/// named as the merge it is, not the rebase.
#[test]
fn a_merge_stopped_at_a_rebase_break_is_named_a_merge() {
    let repo = installed_repo();
    repo.commit_hooked("feat: a");
    let reword = |to: &str, subject: &str| {
        let log = repo
            .read("CHANGELOG.md")
            .replace("- a\n", &format!("- {to}\n"));
        repo.write("CHANGELOG.md", log);
        repo.git(&["commit", "-q", "-am", subject]);
    };
    repo.git(&["switch", "-q", "-c", "side"]);
    reword("A side", "docs: side");
    repo.git(&["switch", "-q", "main"]);
    reword("A main", "docs: main");
    let out = repo.git_in(
        &repo.path(),
        &["rebase", "-q", "-i", "HEAD~1"],
        &[("GIT_SEQUENCE_EDITOR", "sed -i 1abreak")],
    );
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_output(&["merge", "side", "-m", "m"]);
    assert!(!out.status.success(), "{}", text(&out));
    let out = repo.relhook(&["changelog", "--sync"]);
    assert!(
        stderr(&out).contains("CHANGELOG.md is in conflict (a merge stopped on it)"),
        "{}",
        text(&out)
    );
}

/// In a rebase git's "ours" is the branch rebased onto: the driver's line names the sides so.
#[test]
fn the_drivers_line_names_a_rebases_sides() {
    let repo = installed_repo();
    repo.git(&["switch", "-q", "-c", "topic"]);
    repo.commit_hooked("feat: topic");
    repo.git(&["switch", "-q", "main"]);
    let log = repo.read("CHANGELOG.md") + "\n## Not a version heading\n\ntext\n";
    repo.write("CHANGELOG.md", log);
    repo.git(&["commit", "-q", "-am", "docs: bad heading"]);
    let out = repo.git_output(&["rebase", "main", "topic"]);
    let said = stderr(&out);
    assert!(
        said.contains("the version rebased onto does not parse"),
        "{}",
        text(&out)
    );
    assert!(!said.contains("this branch's version"), "{said}");
}
