//! QA153: a teammate's clone of a repository whose husky hooks call relhook has no
//! reference-transaction runner (husky writes runners for its own list only) and no merge
//! driver until `relhook install`; doctor said MISSING on each row with its fix, some rows
//! `npx husky`, one `npx husky && relhook install`, and closed with "something needs fixing".
//! Its closing line now names the one command that fixes every row.

use crate::hook_files::{git, husky_9_runners};
use crate::support::{Repo, ok, stdout, text};

/// A repository with husky 9's runners and relhook's calls committed in `.husky`, as the
/// teammate clones it: the clone's config has neither the merge driver nor its attribute.
fn cloned() -> Repo {
    let repo = Repo::new();
    husky_9_runners(&repo);
    repo.commit("chore: init");
    ok(repo.relhook(&["install"]));
    ok(git(&repo, &["add", ".husky"]));
    ok(git(
        &repo,
        &["commit", "-q", "-m", "chore: relhook in husky"],
    ));
    ok(git(
        &repo,
        &["config", "--unset", "merge.relhook-changelog.driver"],
    ));
    std::fs::remove_file(repo.path().join(".git/info/attributes")).unwrap();
    repo
}

/// doctor's closing line, and its exit code.
fn closing(repo: &Repo) -> (String, Option<i32>) {
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    let last = said.lines().last().unwrap_or_default().to_owned();
    (last, out.status.code())
}

#[test]
fn after_huskys_prepare_doctor_names_relhook_install_once_for_all() {
    let repo = cloned();
    // husky's `prepare` (npm install) wrote its runners: not reference-transaction's.
    std::fs::remove_file(repo.path().join(".husky/_/reference-transaction")).unwrap();
    std::fs::remove_file(repo.path().join(".husky/_/post-applypatch")).unwrap();
    let (last, code) = closing(&repo);
    assert_eq!(code, Some(1));
    assert_eq!(
        last,
        "something needs fixing: `relhook install` fixes all of it (see `fix:` above)"
    );
    // Pasted, it does.
    ok(repo.sh("relhook install"));
    let (last, code) = closing(&repo);
    assert_eq!((last.as_str(), code), ("all is well", Some(0)), "{last}");
}

#[test]
fn before_huskys_prepare_doctor_names_the_one_command_for_all() {
    let repo = cloned();
    ok(git(&repo, &["config", "--unset", "core.hooksPath"]));
    std::fs::remove_dir_all(repo.path().join(".husky/_")).unwrap();
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(said.contains("fix: npx husky\n"), "{}", text(&out));
    assert!(
        said.ends_with(
            "something needs fixing: `npx husky && relhook install` fixes all of it (see `fix:` above)\n"
        ),
        "{}",
        text(&out)
    );
}
