//! QA50: `git am` (and `git rebase --apply`) runs no post-commit, so a patch made where relhook
//! did not run brought a commit without its changelog entry, and nothing was said at the time
//! (only `relhook doctor`, later). Now `relhook install` also installs post-applypatch, which
//! git runs after each patch: once the last patch is in, one line names the commits that call
//! for an entry they lack and the command that adds them; it never fails and writes nothing
//! into the work tree.

use std::path::PathBuf;

use crate::support::{Repo, ok, stderr, stdout};

/// A repository with relhook installed (every hook) and a committed CHANGELOG.md.
fn installed() -> Repo {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n");
    repo.git(&["add", "CHANGELOG.md"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo
}

/// Patches of `messages` made on a side branch with relhook skipped (no entries), back on main.
fn patches_without_entries(repo: &Repo, messages: &[&str]) -> Vec<PathBuf> {
    repo.git(&["checkout", "-q", "-b", "side"]);
    for (i, m) in messages.iter().enumerate() {
        repo.write(&format!("f{i}.txt"), format!("{m}\n"));
        repo.git(&["add", "."]);
        repo.git_env(&["commit", "-q", "-m", m], &[("RELHOOK_SKIP", "1")]);
    }
    let dir = repo.scratch("patches");
    let n = format!("-{}", messages.len());
    repo.git(&["format-patch", "-q", &n, "-o", dir.to_str().unwrap()]);
    repo.git(&["checkout", "-q", "main"]);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

fn am(repo: &Repo, patches: &[PathBuf], env: &[(&str, &str)]) -> String {
    let mut args = vec!["am", "-q"];
    args.extend(patches.iter().map(|p| p.to_str().unwrap()));
    let out = repo.git_in(&repo.path(), &args, env);
    assert!(out.status.success(), "{}", stderr(&out));
    stderr(&out)
}

fn relhook_lines(said: &str) -> Vec<&str> {
    said.lines().filter(|l| l.starts_with("relhook:")).collect()
}

#[test]
fn install_writes_post_applypatch_and_uninstall_takes_it_out() {
    let repo = installed();
    let hook = repo.hooks_dir().join("post-applypatch");
    assert!(
        std::fs::read_to_string(&hook)
            .unwrap()
            .contains("hook post-applypatch")
    );
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(
        doctor.contains("hook post-applypatch: installed"),
        "{doctor}"
    );
    ok(repo.relhook(&["uninstall"]));
    assert!(!hook.exists());
}

#[test]
fn an_am_of_patches_without_entries_says_so_once_at_its_end() {
    let repo = installed();
    let patches = patches_without_entries(&repo, &["feat: one", "chore: tidy", "fix: two"]);
    let said = am(&repo, &patches, &[]);
    let first = repo.git(&["rev-parse", "--short=9", "HEAD~2"]);
    assert_eq!(
        relhook_lines(&said),
        vec![format!(
            "relhook: 2 commits came through git am without the changelog entries they call for (the first: {first} feat: one): none added; after the am, `relhook changelog --sync` adds them"
        )
        .as_str()],
        "{said}"
    );
    // Nothing was written into the work tree, and nothing of relhook's outlives the am.
    assert!(repo.git(&["status", "--porcelain"]).is_empty());
    assert!(!repo.path().join(".git/rebase-apply").exists());
    // The advice, pasted, adds both entries.
    ok(repo.relhook(&["changelog", "--sync"]));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- one") && log.contains("- two"), "{log}");
    assert!(!log.contains("tidy"), "{log}");
}

#[test]
fn one_commit_is_named_and_a_patch_with_its_entry_is_not() {
    let repo = installed();
    let patches = patches_without_entries(&repo, &["fix: lone"]);
    let said = am(&repo, &patches, &[]);
    let id = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    assert_eq!(
        relhook_lines(&said),
        vec![format!(
            "relhook: {id} fix: lone came through git am: no entry added; after the am, `relhook changelog --sync` adds it"
        )
        .as_str()],
    );
    // A patch made where relhook ran carries its entry: nothing to say.
    repo.git(&["checkout", "-q", "-b", "hooked"]);
    repo.write("g.txt", "g\n");
    repo.git(&["add", "g.txt"]);
    repo.git(&["commit", "-q", "-m", "feat: carried"]);
    assert!(repo.read("CHANGELOG.md").contains("- carried"));
    let dir = repo.scratch("carried");
    repo.git(&["format-patch", "-q", "-1", "-o", dir.to_str().unwrap()]);
    repo.git(&["checkout", "-q", "main"]);
    let patch = std::fs::read_dir(&dir)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let said = am(&repo, &[patch], &[]);
    assert!(relhook_lines(&said).is_empty(), "{said}");
    // The commit without an entry that came earlier is not said again.
    assert!(!said.contains("lone"), "{said}");
}

#[test]
fn relhook_skip_silences_it() {
    let repo = installed();
    let patches = patches_without_entries(&repo, &["feat: quiet"]);
    let said = am(&repo, &patches, &[("RELHOOK_SKIP", "1")]);
    assert!(relhook_lines(&said).is_empty(), "{said}");
}

#[test]
fn a_rebase_apply_is_named_as_such() {
    let repo = installed();
    repo.git(&["checkout", "-q", "-b", "topic"]);
    repo.write("t.txt", "t\n");
    repo.git(&["add", "t.txt"]);
    repo.git_env(
        &["commit", "-q", "-m", "feat: topic"],
        &[("RELHOOK_SKIP", "1")],
    );
    repo.git(&["checkout", "-q", "main"]);
    repo.write("m.txt", "m\n");
    repo.git(&["add", "m.txt"]);
    repo.git_env(
        &["commit", "-q", "-m", "chore: main"],
        &[("RELHOOK_SKIP", "1")],
    );
    let out = repo.git_in(
        &repo.path(),
        &["rebase", "-q", "--apply", "main", "topic"],
        &[],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(
        said.contains("feat: topic came through git rebase --apply: no entry added; after the rebase, `relhook changelog --sync` adds it"),
        "{said}"
    );
}

#[test]
fn a_hook_that_was_there_runs_first_and_the_am_goes_on() {
    let repo = Repo::new();
    let hook = repo.hooks_dir().join("post-applypatch");
    std::fs::create_dir_all(repo.hooks_dir()).unwrap();
    std::fs::write(
        &hook,
        "#!/bin/sh\necho mine >> \"$(git rev-parse --git-dir)/mine.log\"\nexit 3\n",
    )
    .unwrap();
    crate::support::make_executable(&hook);
    ok(repo.relhook(&["install"]));
    repo.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n");
    repo.git(&["add", "CHANGELOG.md"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    let patches = patches_without_entries(&repo, &["feat: a", "feat: b"]);
    let said = am(&repo, &patches, &[]);
    assert_eq!(relhook_lines(&said).len(), 1, "{said}");
    let mine = std::fs::read_to_string(repo.path().join(".git/mine.log")).unwrap();
    assert_eq!(mine, "mine\nmine\n");
    ok(repo.relhook(&["uninstall"]));
    assert!(
        std::fs::read_to_string(&hook)
            .unwrap()
            .contains("echo mine")
    );
}
