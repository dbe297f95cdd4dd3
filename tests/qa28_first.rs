//! The changelog post-commit creates starts at that commit: a clone that committed before
//! `relhook install` is told which command writes the entries of the commits before it.

use crate::support::{Repo, next_command, stderr, text};

#[test]
fn a_changelog_created_after_earlier_commits_names_the_sync_that_adds_them() {
    let repo = Repo::new();
    repo.git(&["commit", "-q", "--allow-empty", "-m", "feat: alpha"]);
    repo.git(&["commit", "-q", "--allow-empty", "-m", "fix: beta"]);
    let out = repo.relhook(&["install"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_output(&["commit", "-q", "--allow-empty", "-m", "fix: gamma"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(said.contains("created it"), "{said}");
    let quoted = "the commits before this one are not in it: `relhook changelog --sync`";
    assert!(said.contains(quoted), "{said}");
    assert_eq!(said.lines().count(), 1, "{said}");
    let log = repo.read("CHANGELOG.md");
    assert!(!log.contains("- alpha"), "{log}");

    // The command it names writes them, and says how to commit them.
    let out = repo.relhook(&["changelog", "--sync"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    for entry in ["- alpha", "- beta", "- gamma"] {
        assert!(log.contains(entry), "{entry} missing:\n{log}");
    }
    assert!(!next_command(&stderr(&out)).is_empty(), "{}", text(&out));
}

#[test]
fn a_changelog_created_by_the_first_commit_says_nothing_of_earlier_ones() {
    let repo = Repo::new();
    let out = repo.relhook(&["install"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_output(&["commit", "-q", "--allow-empty", "-m", "feat: first"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(said.contains("created it"), "{said}");
    assert!(!said.contains("not in it"), "{said}");
}

/// QA: earlier commits that call for no entry (`chore:` only): nothing to name, since
/// `--sync` would add nothing.
#[test]
fn a_changelog_created_after_commits_without_entries_names_no_sync() {
    let repo = Repo::new();
    repo.git(&["commit", "-q", "--allow-empty", "-m", "chore: start"]);
    repo.git(&["commit", "-q", "--allow-empty", "-m", "not conventional"]);
    let out = repo.relhook(&["install"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_output(&["commit", "-q", "--allow-empty", "-m", "feat: first entry"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(said.contains("created it"), "{said}");
    assert!(!said.contains("not in it"), "{said}");
    let sync = repo.relhook(&["changelog", "--sync"]);
    assert!(stderr(&sync).contains("up to date"), "{}", text(&sync));
}

/// A hook manager set up after relhook (husky points `core.hooksPath` at `.husky/_`) leaves
/// relhook's hooks where git no longer runs them: a release says so in one line, with the
/// fix; a release in a clone whose hooks run, or where relhook was never installed, does not.
#[test]
fn a_release_says_when_git_no_longer_runs_the_hooks() {
    let warning = "git does not run relhook's hooks here";
    let repo = Repo::new();
    repo.git(&["commit", "-q", "--allow-empty", "-m", "feat: before"]);
    let out = repo.relhook(&["release", "--dry-run"]);
    assert!(!stderr(&out).contains(warning), "{}", text(&out));

    let out = repo.relhook(&["install"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.commit_hooked("feat: hooked");
    let out = repo.relhook(&["release", "--dry-run"]);
    assert!(!stderr(&out).contains(warning), "{}", text(&out));

    std::fs::create_dir_all(repo.path().join(".husky/_")).unwrap();
    repo.git(&["config", "core.hooksPath", ".husky/_"]);
    repo.git(&["commit", "-q", "--allow-empty", "-m", "not linted"]);
    let out = repo.relhook(&["release", "--dry-run"]);
    let said = stderr(&out);
    let line = said.lines().find(|l| l.contains(warning));
    let line = line.unwrap_or_else(|| panic!("no warning in:\n{said}"));
    assert!(line.contains("core.hooksPath"), "{line}");
    assert!(line.contains("fix: relhook install"), "{line}");
}

/// lefthook installed after relhook keeps relhook's shims as `<hook>.old` and never runs them:
/// a release says so too.
#[test]
fn a_release_says_when_lefthook_moved_the_hooks_aside() {
    let repo = Repo::new();
    let out = repo.relhook(&["install"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.commit_hooked("feat: hooked");
    repo.write(
        "lefthook.yml",
        "pre-commit:\n  commands:\n    x:\n      run: \"true\"\n",
    );
    repo.git(&["add", "lefthook.yml"]);
    repo.git(&["commit", "-q", "-m", "chore: lefthook"]);
    // What `lefthook install` does to a hook it finds: moves it aside, writes its own.
    let hooks = repo.hooks_dir();
    for hook in ["commit-msg", "post-commit"] {
        std::fs::rename(hooks.join(hook), hooks.join(format!("{hook}.old"))).unwrap();
        let own = format!(
            "#!/bin/sh\n\ncall_lefthook()\n{{\n  lefthook \"$@\"\n}}\n\ncall_lefthook run \"{hook}\" \"$@\"\n"
        );
        std::fs::write(hooks.join(hook), own).unwrap();
        crate::support::make_executable(&hooks.join(hook));
    }
    let out = repo.relhook(&["release", "--dry-run"]);
    let said = stderr(&out);
    let line = said
        .lines()
        .find(|l| l.contains("git does not run relhook's hooks here"));
    let line = line.unwrap_or_else(|| panic!("no warning in:\n{said}"));
    assert!(
        line.contains("lefthook moved relhook's commit-msg hook aside to commit-msg.old"),
        "{line}"
    );
}

/// QA: a commit whose post-commit did not run (killed, or `RELHOOK_SKIP=1`) has no entry, and
/// doctor said "all is well". It now warns, with the command that adds the entry; once added,
/// the warning goes.
#[test]
fn doctor_warns_of_commits_without_their_entry() {
    let repo = Repo::new();
    let out = repo.relhook(&["install"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.commit_hooked("feat: with its entry");
    let out = repo
        .command_in("git", &repo.path())
        .env("RELHOOK_SKIP", "1")
        .args(["commit", "-q", "--allow-empty", "-m", "feat: skipped"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    // A hand edit of the file since (a typo fixed) gives the skipped commit no entry.
    let log = repo.read("CHANGELOG.md");
    repo.write(
        "CHANGELOG.md",
        log.replace("with its entry", "with its own entry"),
    );
    let out = repo.git_output(&["commit", "-q", "-am", "docs(changelog): a typo"]);
    assert!(out.status.success(), "{}", text(&out));
    let d = repo.relhook(&["doctor"]);
    assert_eq!(d.status.code(), Some(0), "{}", text(&d));
    let said = crate::support::stdout(&d);
    assert!(
        said.contains(
            "WARNING  changelog: CHANGELOG.md has no entry for 1 commit since the last release"
        ) && said.contains("fix: relhook changelog --sync"),
        "{said}"
    );
    let sync = repo.relhook(&["changelog", "--sync"]);
    assert!(sync.status.success(), "{}", text(&sync));
    let d = repo.relhook(&["doctor"]);
    assert!(
        !crate::support::stdout(&d).contains("has no entry"),
        "{}",
        text(&d)
    );
}

/// QA (semantic-release's history): 600 commits, all released (HEAD is the release tag). The
/// new changelog named `--sync` though it would add nothing: a history that long was assumed
/// to hold unreleased entries. Only the unreleased range counts.
#[test]
fn a_changelog_created_after_a_long_released_history_names_no_sync() {
    let repo = Repo::new();
    repo.feat_history(600);
    repo.git(&["tag", "-a", "v25.0.9", "-m", "v25.0.9"]);
    let out = repo.relhook(&["install"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_output(&["commit", "-q", "--allow-empty", "-m", "feat: after"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(said.contains("created it"), "{said}");
    assert!(!said.contains("not in it"), "{said}");

    // One unreleased commit made without the hook before it: named, the range being short.
    repo.git(&["reset", "-q", "--hard", "v25.0.9"]);
    assert!(!repo.path().join("CHANGELOG.md").exists());
    let out = repo
        .command_in("git", &repo.path())
        .env("RELHOOK_SKIP", "1")
        .args(["commit", "-q", "--allow-empty", "-m", "fix: unhooked"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_output(&["commit", "-q", "--allow-empty", "-m", "feat: after"]);
    let said = stderr(&out);
    assert!(said.contains("not in it"), "{said}");
}
