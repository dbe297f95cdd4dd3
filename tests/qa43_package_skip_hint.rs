//! QA43: after `RELHOOK_SKIP=1 git commit` in a monorepo with a root CHANGELOG.md (every
//! `relhook init` one), post-commit named `relhook changelog --sync`, which syncs only the
//! root's file ("up to date"). It names the command that adds the entry now: `--sync
//! --package <name>` for a commit of one package, `--all` for one of several.

use crate::support::{Repo, ok, stderr, text};

/// Two packages `a` (p/a) and `b` (p/b) and a root CHANGELOG.md, relhook installed.
fn monorepo() -> Repo {
    let repo = crate::support::two_packages(
        r#"{"name":"a","version":"1.0.0"}"#,
        r#"{"name":"b","version":"1.0.0"}"#,
    );
    repo.write("CHANGELOG.md", crate::support::SKELETON);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: root changelog"]);
    repo
}

/// Commits `files` with RELHOOK_SKIP=1; the command the one line it says names.
fn skipped_commit(repo: &Repo, files: &[&str], message: &str) -> String {
    for f in files {
        repo.write(f, format!("{message}\n"));
        repo.git(&["add", f]);
    }
    let out = repo.git_in(
        &repo.path(),
        &["commit", "-q", "-m", message],
        &[("RELHOOK_SKIP", "1")],
    );
    assert!(out.status.success(), "{}", text(&out));
    let line = stderr(&out);
    assert_eq!(line.lines().count(), 1, "{line}");
    line.split('`')
        .nth(1)
        .unwrap_or_else(|| panic!("no command: {line}"))
        .to_owned()
}

#[test]
fn a_skipped_package_commit_names_the_sync_of_its_package() {
    let repo = monorepo();
    let command = skipped_commit(&repo, &["p/a/x.js"], "fix: in a");
    assert_eq!(command, "relhook changelog --sync --package a");
    ok(repo.sh(&command));
    assert!(repo.read("p/a/CHANGELOG.md").contains("- in a"));
}

#[test]
fn a_skipped_commit_of_two_packages_names_every_changelog() {
    let repo = monorepo();
    let command = skipped_commit(&repo, &["p/a/y.js", "p/b/y.js"], "fix: in both");
    assert_eq!(command, "relhook changelog --all");
    ok(repo.sh(&command));
    assert!(repo.read("p/a/CHANGELOG.md").contains("- in both"));
    assert!(repo.read("p/b/CHANGELOG.md").contains("- in both"));
}

#[test]
fn a_skipped_root_commit_names_the_root_sync() {
    let repo = monorepo();
    let command = skipped_commit(&repo, &["top.txt"], "fix: at the top");
    assert_eq!(command, "relhook changelog --sync");
    ok(repo.sh(&command));
    assert!(repo.read("CHANGELOG.md").contains("- at the top"));
}
