//! QA49: CHANGELOG.md deleted by a commit that also carried real work (`git rm CHANGELOG.md`
//! beside file `c`, in `feat: c`). `changelog --sync` wrote a new file of `- c` alone (the
//! unreleased `- b` and every release section gone) and advised committing it; doctor and a
//! release advised `git revert <commit>`, which also took `c` out. Now sync refuses, and
//! every command names the file checked out of the commit's parent (a revert only of a
//! commit that deleted nothing else); a changelog a package's move took away is pointed at.

use crate::support::{
    Repo, dated_release, ok, stderr, stdout, text, two_packages, untested_installed,
};

/// v0.1.0 released with `- a`, `feat: b` after it, then `feat: c` adding `c` and deleting
/// CHANGELOG.md: the repository and the deleting commit's short id.
fn deleted_beside_work() -> (Repo, String) {
    let repo = untested_installed();
    repo.commit_hooked("feat: a");
    ok(dated_release(&repo, &["--no-test"]));
    repo.commit_hooked("feat: b");
    let id = delete_beside(&repo, "c", "feat: c");
    (repo, id)
}

/// Commits `message` adding file `file` and deleting CHANGELOG.md: its short id.
pub(crate) fn delete_beside(repo: &Repo, file: &str, message: &str) -> String {
    repo.git(&["rm", "-q", "CHANGELOG.md"]);
    repo.write(file, format!("{file}\n"));
    repo.git(&["add", file]);
    ok(repo.git_output(&["commit", "-q", "-m", message]));
    repo.git(&["rev-parse", "--short=9", "HEAD"])
}

/// The first command in backquotes after `from` in `said`.
pub(crate) fn command_after(said: &str, from: &str) -> String {
    let (_, rest) = said
        .split_once(from)
        .unwrap_or_else(|| panic!("no `{from}` in:\n{said}"));
    rest.split('`').nth(1).unwrap_or_default().to_owned()
}

/// Every section back, and the entry of the deleting commit's own change.
fn assert_whole(repo: &Repo) {
    let log = repo.read("CHANGELOG.md");
    let unreleased = log.split("## [0.1.0]").next().unwrap();
    assert!(
        unreleased.contains("- b") && unreleased.contains("- c"),
        "{log}"
    );
    assert!(log.contains("## [0.1.0]") && log.contains("- a"), "{log}");
    assert_eq!(repo.read("c"), "c\n", "the commit's work stays");
}

#[test]
fn sync_refuses_a_changelog_a_commit_deleted_and_names_the_checkout() {
    let (repo, id) = deleted_beside_work();
    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(&format!(
            "CHANGELOG.md was deleted by commit {id} (`feat: c`), with the sections of the releases before, so relhook wrote no changelog"
        )),
        "{err}"
    );
    assert!(err.contains("`relhook changelog --rebuild`"), "{err}");
    assert!(
        !repo.path().join("CHANGELOG.md").exists(),
        "nothing written"
    );

    let restore = command_after(&err, "wrote no changelog");
    assert_eq!(restore, format!("git checkout {id}~1 -- :/CHANGELOG.md"));
    ok(repo.sh(&restore));
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(stderr(&out).contains("`- c` under Added"), "{}", text(&out));
    assert_whole(&repo);
}

#[test]
fn doctor_and_a_release_advise_a_restore_that_keeps_the_commits_work() {
    let (repo, id) = deleted_beside_work();
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(
        said.contains(&format!(
            "INVALID  changelog: CHANGELOG.md was deleted by commit {id} (`feat: c`)"
        )),
        "{}",
        text(&out)
    );
    let (_, row) = said.split_once("was deleted by commit").unwrap();
    let fix = command_after(row, "fix: ");
    assert!(!said.contains("git revert"), "{said}");

    let out = dated_release(&repo, &["--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(!err.contains("`git revert"), "{err}");
    assert_eq!(command_after(&err, "releases before;"), fix);
    assert_eq!(
        fix,
        format!(
            "git checkout {id}~1 -- :/CHANGELOG.md && relhook changelog --sync && git commit -m 'docs(changelog): restore CHANGELOG.md' -- :/CHANGELOG.md"
        )
    );

    // Pasted through the hooks: the commit-msg hook takes the message, post-commit keeps it.
    let out = ok(repo.sh(&fix));
    assert!(!stderr(&out).contains("no entry added"), "{}", text(&out));
    assert_eq!(repo.head_subject(), "docs(changelog): restore CHANGELOG.md");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    assert_whole(&repo);
    let out = ok(repo.relhook(&["doctor"]));
    assert!(!stdout(&out).contains("INVALID"), "{}", text(&out));
    ok(dated_release(&repo, &["--no-test"]));
    assert_eq!(repo.git(&["tag"]).lines().count(), 2);
}

/// Package a released, then `feat(a): c` deleting p/a/CHANGELOG.md beside its work.
#[test]
fn a_package_changelog_deleted_by_a_commit_is_restored_alike() {
    let repo = two_packages(
        "{\"name\": \"a\", \"version\": \"1.0.0\"}\n",
        "{\"name\": \"b\", \"version\": \"1.0.0\"}\n",
    );
    repo.write("p/a/one", "1\n");
    repo.git(&["add", "-A"]);
    ok(repo.git_output(&["commit", "-q", "-m", "feat(a): one"]));
    ok(dated_release(&repo, &["--package", "a", "--no-test"]));
    repo.write("p/a/two", "2\n");
    repo.git(&["add", "-A"]);
    ok(repo.git_output(&["commit", "-q", "-m", "feat(a): two"]));
    repo.git(&["rm", "-q", "p/a/CHANGELOG.md"]);
    repo.write("p/a/three", "3\n");
    repo.git(&["add", "-A"]);
    ok(repo.git_output(&["commit", "-q", "-m", "feat(a): three"]));
    let id = repo.git(&["rev-parse", "--short=9", "HEAD"]);

    let out = repo.relhook(&["changelog", "--sync", "--package", "a"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("p/a/CHANGELOG.md was deleted by commit {id}")),
        "{err}"
    );
    assert!(
        !repo.path().join("p/a/CHANGELOG.md").exists(),
        "nothing written"
    );

    let out = dated_release(&repo, &["--package", "a", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(!err.contains("`git revert"), "{err}");
    let fix = command_after(&err, "releases before;");
    assert!(
        fix.contains("relhook changelog --sync --package a"),
        "{fix}"
    );
    ok(repo.sh(&fix));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    let log = repo.read("p/a/CHANGELOG.md");
    assert!(
        log.contains("two") && log.contains("three") && log.contains("## [1.0.0]"),
        "{log}"
    );
    assert_eq!(repo.read("p/a/three"), "3\n");
    ok(dated_release(&repo, &["--package", "a", "--no-test"]));
}

/// A package moved (`git mv p/a q/a`, its `path` updated) while its `changelog` setting still
/// names the old place: the file was moved, not lost, and reverting the move is no fix.
#[test]
fn a_changelog_a_packages_move_took_away_is_pointed_at() {
    let repo = Repo::new();
    repo.write(
        "p/a/package.json",
        "{\"name\": \"a\", \"version\": \"1.0.0\"}\n",
    );
    let config = |path: &str| {
        format!(
            "[checks]\nrequire_tested_tags = false\n[packages.a]\npath = \"{path}\"\nchangelog = \"p/a/CHANGELOG.md\"\n"
        )
    };
    repo.write(".relconfig.toml", config("p/a"));
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo.write("p/a/one", "1\n");
    repo.git(&["add", "-A"]);
    ok(repo.git_output(&["commit", "-q", "-m", "feat(a): one"]));
    ok(dated_release(&repo, &["--package", "a", "--no-test"]));
    std::fs::create_dir(repo.path().join("q")).unwrap();
    repo.git(&["mv", "p/a", "q/a"]);
    repo.write(".relconfig.toml", config("q/a"));
    repo.git(&["add", "-A"]);
    ok(repo.git_output(&["commit", "-q", "-m", "refactor(a): move to q"]));
    let id = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    let what = format!("p/a/CHANGELOG.md was moved to q/a/CHANGELOG.md by commit {id}");
    let fix = "point `changelog` in [packages.a] of .relconfig.toml at q/a/CHANGELOG.md";
    // The next change's post-commit makes no new file at the old place.
    repo.write("q/a/two", "2\n");
    repo.git(&["add", "-A"]);
    let out = ok(repo.git_output(&["commit", "-q", "-m", "feat(a): two"]));
    let err = stderr(&out);
    assert!(err.contains(&what) && err.contains(fix), "{err}");
    assert!(!err.contains("git revert"), "{err}");

    let out = dated_release(&repo, &["--package", "a", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains(&what) && err.contains(fix), "{err}");
    assert!(!err.contains("git revert"), "{err}");
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(said.contains(&what) && said.contains(fix), "{said}");
    assert!(!said.contains("mkdir"), "{said}");
    let out = repo.relhook(&["changelog", "--sync", "--package", "a"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stderr(&out).contains(&what), "{}", text(&out));
    assert!(
        !repo.path().join("p/a/CHANGELOG.md").exists(),
        "nothing written"
    );
}
