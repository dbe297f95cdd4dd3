//! QA38: a `fixup` in `rebase -i` of a commit with an entry of its own folds that entry into
//! the commit it joins and drops its message, and nothing was said (a squash made with `git
//! reset --soft` is told). The entry stays, as the rebase made it, and one line now says so.
//! (A `squash` keeps every message in the combined one: qa7 pins that it says nothing.)

use crate::support::{Repo, installed_repo, stderr, text};

fn rebased(repo: &Repo, todo: &str) -> String {
    let out = repo.git_in(
        &repo.path(),
        &["rebase", "-i", "HEAD~2"],
        &[("GIT_SEQUENCE_EDITOR", todo), ("GIT_EDITOR", "true")],
    );
    assert!(out.status.success(), "{}", text(&out));
    stderr(&out)
}

#[test]
fn a_fixup_that_folds_in_an_entry_says_so() {
    for (verb, todo) in [
        ("fixup", "sed -i 2s/^pick/fixup/"),
        ("f", "sed -i 2s/^pick/f/"),
    ] {
        let repo = installed_repo();
        repo.commit_hooked("feat: add a");
        repo.commit_hooked("fix: fix b");
        let said = rebased(&repo, todo);
        assert!(
            said.contains("CHANGELOG.md keeps `- fix b`, the entry of a commit folded into")
                && said.contains("beside its own `- add a`"),
            "{verb}: {said}"
        );
        let log = repo.read("CHANGELOG.md");
        assert!(
            log.contains("- add a\n") && log.contains("- fix b\n"),
            "{log}"
        );
        assert!(repo.is_clean());
    }
}

/// A `fixup!` commit carries no entry: folding it in says nothing.
#[test]
fn an_autosquashed_fixup_says_nothing() {
    let repo = installed_repo();
    repo.commit_hooked("feat: add a");
    repo.write("more.txt", "more\n");
    repo.git(&["add", "more.txt"]);
    repo.git(&["commit", "-q", "--fixup", "HEAD"]);
    let out = repo.git_in(
        &repo.path(),
        &["rebase", "-i", "--autosquash", "HEAD~2"],
        &[("GIT_SEQUENCE_EDITOR", "true"), ("GIT_EDITOR", "true")],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("folded into"), "{}", text(&out));
}

/// Quoted with the file's own bullet.
#[test]
fn a_fixup_line_quotes_the_files_bullet() {
    let repo = installed_repo();
    let log = repo.read("CHANGELOG.md").replace("- init\n", "* init\n");
    repo.write("CHANGELOG.md", log);
    repo.git(&["commit", "-q", "-am", "docs: star bullets"]);
    repo.commit_hooked("feat: add a");
    repo.commit_hooked("fix: fix b");
    let said = rebased(&repo, "sed -i 2s/^pick/fixup/");
    assert!(
        said.contains("keeps `* fix b`, the entry of a commit")
            && said.contains("beside its own `* add a`"),
        "{said}"
    );
}
