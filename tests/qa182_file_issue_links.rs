//! QA182: on a clone of commitlint whose `origin` is a mirror (a path, no known forge), the
//! file's entries read `([#4914](https://github.com/conventional-changelog/commitlint/issues/
//! 4914))` while the entries relhook wrote read a bare `(#4954)`, which GitHub does not link
//! inside a file; a fork's remote linked them to the fork. New entries now link their issue
//! references as the file's newest linked one does, under the file's address, in every writer.

use crate::support::{Repo, ok, stdout, text};

/// conventional-changelog's file, as vue's and commitlint's read.
const LOG: &str = "# Change Log\n\n## [Unreleased]\n\n\
    ## [1.0.0](https://github.com/o/r/compare/v0.9.0...v1.0.0) (2024-01-01)\n\n### Bug Fixes\n\n\
    * **core:** handle null ([#4](https://github.com/o/r/issues/4)) ([abc1234](https://github.com/o/r/commit/abc1234abc1234abc1234abc1234abc1234abcd))\n";

const LINKED: &str = "**api:** add search ([#12](https://github.com/o/r/issues/12))";

/// HEAD's commit linked as the file's entries link theirs (sync and rebuild write it; post-
/// commit's entry cannot name the commit it is part of).
fn head_link(repo: &Repo) -> String {
    let id = repo.git(&["rev-parse", "HEAD"]);
    format!(" ([{}](https://github.com/o/r/commit/{id}))", &id[..7])
}

/// A project released at 1.0.0 with `LOG`, its `origin` at `remote`, hooks installed.
fn project(remote: &str) -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.write("CHANGELOG.md", LOG);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "1.0.0"]);
    repo.git(&["remote", "add", "origin", remote]);
    ok(repo.relhook(&["install"]));
    repo
}

#[test]
fn post_commit_links_like_the_file_where_the_remote_is_no_forge() {
    let repo = project("/srv/mirrors/r.git");
    repo.commit_hooked("feat(api): add search (#12)");
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains(&format!("* {LINKED}\n")), "{log}");
    let out = ok(repo.relhook(&["changelog", "--rebuild", "--stdout"]));
    let link = head_link(&repo);
    assert!(
        stdout(&out).contains(&format!("* {LINKED}{link}\n")),
        "{}",
        text(&out)
    );
}

#[test]
fn sync_links_under_the_files_address_not_a_forks() {
    let repo = project("https://github.com/me/r.git");
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    let out = repo.git_skipping_relhook(&["commit", "-q", "-m", "feat(api): add search (#12)"]);
    assert!(out.status.success(), "{}", text(&out));
    ok(repo.relhook(&["changelog", "--sync"]));
    let log = repo.read("CHANGELOG.md");
    let link = head_link(&repo);
    assert!(log.contains(&format!("* {LINKED}{link}\n")), "{log}");
    assert!(!log.contains("github.com/me/"), "{log}");
}
