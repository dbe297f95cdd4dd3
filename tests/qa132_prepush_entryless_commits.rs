//! QA132: commits made with `RELHOOK_SKIP=1 git commit` get no changelog entry (post-commit
//! does not run). `relhook doctor` said so and the next release adds them, but the push that
//! sent them said nothing. Pre-push now warns once per push, naming the commits and the
//! command that adds their entries; the push still goes, and a push whose commits are all
//! listed (or call for no entry, as `chore:`) says nothing of it.

use crate::support::{Repo, ok, stderr, text};

/// relhook's hooks and `feat: first` through them, pushed to `origin`.
fn pushed_repo() -> Repo {
    let repo = Repo::new();
    repo.with_origin();
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: first");
    ok(repo.git_output(&["push", "-q", "-u", "origin", "main"]));
    repo
}

/// Commits `message` with relhook's hooks skipped.
fn commit_skipped(repo: &Repo, message: &str) -> String {
    let file = format!("{}.txt", message.replace([':', ' '], "-"));
    repo.write(&file, "x\n");
    repo.git(&["add", &file]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", message]));
    repo.git(&["rev-parse", "HEAD"])[..9].to_owned()
}

/// pre-push's lines about commits without an entry, for a push that goes.
fn pushed_warnings(repo: &Repo) -> Vec<String> {
    let push = repo.git_output(&["push", "origin", "main"]);
    assert!(push.status.success(), "{}", text(&push));
    stderr(&push)
        .lines()
        .filter(|l| l.contains("no changelog entry"))
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_push_of_skipped_commits_warns_once_and_goes() {
    let repo = pushed_repo();
    let x = commit_skipped(&repo, "feat: x");
    commit_skipped(&repo, "chore: tidy");
    let y = commit_skipped(&repo, "fix: y");
    assert_eq!(
        pushed_warnings(&repo),
        [format!(
            "relhook: warning: 2 pushed commits have no changelog entry ({x} feat: x, {y} fix: y); `relhook changelog --sync` adds them (else the next release does)"
        )]
    );
    // The advice, pasted, adds both; committed, the next push says nothing of them.
    let sync = ok(repo.sh("relhook changelog --sync"));
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("- x") && log.contains("- y"),
        "{}\n{log}",
        text(&sync)
    );
    assert!(!log.contains("tidy"), "{log}");
    repo.git(&["add", "CHANGELOG.md"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "docs: list x and y"]));
    let z = commit_skipped(&repo, "fix: z");
    assert_eq!(
        pushed_warnings(&repo),
        [format!(
            "relhook: warning: 1 pushed commit has no changelog entry ({z} fix: z); `relhook changelog --sync` adds it (else the next release does)"
        )]
    );
}

#[test]
fn a_push_whose_commits_are_all_listed_says_nothing_of_entries() {
    let repo = pushed_repo();
    repo.commit_hooked("feat: listed");
    repo.commit_hooked("fix: listed too");
    commit_skipped(&repo, "chore: no entry called for");
    assert_eq!(pushed_warnings(&repo), Vec::<String>::new());
    // Pushed already: not said again on a later push.
    commit_skipped(&repo, "feat: skipped");
    assert_eq!(pushed_warnings(&repo).len(), 1);
    repo.commit_hooked("fix: later");
    assert_eq!(pushed_warnings(&repo), Vec::<String>::new());
}
