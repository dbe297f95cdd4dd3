//! QA133: main released v1.0.0 and cut `release/1.0`; main then made `fix: a` and `feat: b`,
//! and `fix: a` went to `release/1.0` by `git cherry-pick -x`, released there as v1.0.1.
//! Main's 1.1.0 lists the fix when the release line is not merged in (main's history has no
//! 1.0.1), and only 1.0.1 does once it is merged before 1.1.0: the hooks' file, `--sync`,
//! `--rebuild` and the next version agree on it. A merge of the release line concluded after a
//! conflict (its code clashed with main's) used to put `- a` back into Unreleased, "dropped by
//! the conflict's resolution", where the merge driver had left it out for v1.0.1: post-commit
//! now asks history the driver's question (was it released, by its pick?). Merged after 1.1.0,
//! the fix stays in both releases (each was made with it).

use std::process::Output;

use crate::support::{Repo, ok, relhook_bin, stdout, text, untested_installed};

/// `relhook release ARGS --no-test`, dated as the test's commits and tags are (2026-01-01),
/// so that `--rebuild`, which dates a section by its tag, writes the same heading.
fn release(repo: &Repo, args: &[&str]) -> Output {
    let mut cmd = repo.command_in(relhook_bin(), &repo.path());
    cmd.env("RELHOOK_DATE", "2026-01-01")
        .args(["release", "--no-test"])
        .args(args);
    ok(cmd.output().expect("run relhook release"))
}

/// The `## [Unreleased]` or `## [version]` section of `log`, up to the next release heading.
fn section<'a>(log: &'a str, version: &str) -> &'a str {
    let start = log
        .find(&format!("## [{version}]"))
        .unwrap_or_else(|| panic!("no {version} in {log}"));
    let rest = &log[start + 4..];
    &log[start..start + 4 + rest.find("\n## [").unwrap_or(rest.len())]
}

/// The file the hooks built is the one `--sync` and `--rebuild` give.
fn three_agree(repo: &Repo) -> String {
    let log = repo.read("CHANGELOG.md");
    for how in ["--sync", "--rebuild"] {
        let out = ok(repo.relhook(&["changelog", how, "--stdout"]));
        assert_eq!(stdout(&out), log, "{how} disagrees with the hooks' file");
    }
    log
}

/// The code file, as its line 2 has it.
fn code(repo: &Repo, line2: &str) {
    repo.write("code", format!("l1\n{line2}\nl3\n"));
    repo.git(&["add", "code"]);
}

/// Main at `fix: a`, `feat: b` above v1.0.0; `release/1.0` released v1.0.1 with the fix picked
/// (`-x`); HEAD on main. With `clash`, the release line changed the fix's line first, so the
/// pick stopped on it and was resolved by hand.
fn picked_and_released(clash: bool) -> Repo {
    let repo = untested_installed();
    repo.write(
        ".relconfig.toml",
        "[release]\nbranches = [\"main\", \"release/*\"]\n[checks]\nrequire_tested_tags = false\n",
    );
    repo.git(&["add", "."]);
    code(&repo, "l2");
    repo.commit_hooked("feat: first");
    release(&repo, &["1.0.0"]);
    repo.git(&["branch", "release/1.0"]);
    code(&repo, "l2 fixed");
    repo.commit_hooked("fix: a");
    let fix = repo.git(&["rev-parse", "HEAD"]);
    repo.write("b", "b\n");
    repo.git(&["add", "b"]);
    repo.commit_hooked("feat: b");
    repo.git(&["switch", "-q", "release/1.0"]);
    if clash {
        code(&repo, "l2 maint");
        repo.commit_hooked("refactor: maint only");
        let out = repo.git_output(&["cherry-pick", "-x", &fix]);
        assert!(!out.status.success(), "the pick stops: {}", text(&out));
        code(&repo, "l2 maint fixed");
        ok(repo.git_output(&["cherry-pick", "--continue", "--no-edit"]));
    } else {
        ok(repo.git_output(&["cherry-pick", "-x", &fix]));
    }
    assert!(section(&repo.read("CHANGELOG.md"), "Unreleased").contains("- a"));
    release(&repo, &[]);
    assert!(section(&repo.read("CHANGELOG.md"), "1.0.1").contains("- a"));
    repo.git(&["switch", "-q", "main"]);
    repo
}

/// Main releases 1.1.0: the hooks, --sync and --rebuild agree before and after; returns the
/// released file.
fn release_main(repo: &Repo) -> String {
    three_agree(repo);
    let next = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(stdout(&next).trim(), "1.1.0", "{}", text(&next));
    release(repo, &[]);
    three_agree(repo)
}

#[test]
fn unmerged_the_picked_fix_is_listed_in_mains_release_too() {
    let repo = picked_and_released(false);
    let log = release_main(&repo);
    let ours = section(&log, "1.1.0");
    assert!(ours.contains("- a") && ours.contains("- b"), "{log}");
    assert!(
        !log.contains("## [1.0.1]"),
        "main's history has no 1.0.1: {log}"
    );
}

#[test]
fn the_release_line_merged_before_mains_release_lists_the_fix_in_1_0_1_only() {
    let repo = picked_and_released(false);
    ok(repo.git_output(&["merge", "-q", "--no-edit", "release/1.0"]));
    let log = release_main(&repo);
    assert!(section(&log, "1.0.1").contains("- a"), "{log}");
    assert!(!section(&log, "1.1.0").contains("- a"), "{log}");
}

#[test]
fn a_conflicted_merge_of_the_release_line_does_not_put_the_released_fix_back() {
    let repo = picked_and_released(true);
    let out = repo.git_output(&["merge", "--no-edit", "release/1.0"]);
    assert!(
        !out.status.success(),
        "the merge stops on `code`: {}",
        text(&out)
    );
    code(&repo, "l2 maint fixed");
    let out = ok(repo.git_output(&["commit", "--no-edit"]));
    assert!(!text(&out).contains("put back"), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(!section(&log, "Unreleased").contains("- a"), "{log}");
    let log = release_main(&repo);
    assert!(section(&log, "1.0.1").contains("- a"), "{log}");
    assert!(!section(&log, "1.1.0").contains("- a"), "{log}");
}

#[test]
fn the_release_line_merged_after_mains_release_keeps_the_fix_in_both_releases() {
    let repo = picked_and_released(false);
    release_main(&repo);
    ok(repo.git_output(&["merge", "-q", "--no-edit", "release/1.0"]));
    let log = three_agree(&repo);
    assert!(section(&log, "1.1.0").contains("- a"), "{log}");
    assert!(section(&log, "1.0.1").contains("- a"), "{log}");
    assert!(!section(&log, "Unreleased").contains("- "), "{log}");
    let next = repo.relhook(&["version", "--next"]);
    assert_eq!(next.status.code(), Some(1), "nothing new: {}", text(&next));
}
