//! QA47: git-cliff's breaking mark (`- *(api)* [**breaking**] Drop v1 - ([1234567](…))`, its
//! default template) and the lone ` by @user` of its keep-a-changelog templates (`- Add
//! search by @ann`) were not read past: `--sync` and the release notes gave `feat(api)!: drop
//! v1` a second entry, and post-commit wrote `- add search` beside `- Add search by @ann`.
//! Look-alike commits (`allow merges`, `allow merges by @owners`) keep an entry each.

use crate::support::{Repo, ok, stdout, text};

const CLIFF: &str = "# Changelog\n\n## [1.0.0] - 2024-01-01\n\n### 🚀 Features\n\n- Add a\n";

/// A repository released at v1.0.0 whose Unreleased git-cliff wrote as `entries`, after the
/// commits `messages` (made without relhook's hooks).
fn cliff_repo(messages: &[&str], entries: &str) -> Repo {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", CLIFF);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    for m in messages {
        repo.commit(m);
    }
    let unreleased = format!("## [unreleased]\n\n### 🚀 Features\n\n{entries}\n## [1.0.0]");
    repo.write("CHANGELOG.md", CLIFF.replace("## [1.0.0]", &unreleased));
    repo.git(&["commit", "-q", "-am", "chore: update changelog"]);
    ok(repo.relhook(&["install"]));
    repo
}

#[test]
fn git_cliffs_breaking_mark_is_the_breaking_commits_entry() {
    let entry = "- *(api)* [**breaking**] Drop v1 - ([1234567](https://x/commit/1234567))";
    let repo = cliff_repo(&["feat(api)!: drop v1"], &format!("{entry}\n"));
    let doctor = repo.relhook(&["doctor"]);
    assert!(
        !stdout(&doctor).contains("no entry for"),
        "{}",
        text(&doctor)
    );
    let before = repo.read("CHANGELOG.md");
    ok(repo.relhook(&["changelog", "--sync"]));
    assert_eq!(repo.read("CHANGELOG.md"), before);
    let dry = ok(repo.relhook(&["release", "--dry-run", "--no-test"]));
    let notes = stdout(&dry);
    assert!(notes.contains(entry), "{notes}");
    assert!(!notes.contains("drop v1"), "{notes}");
}

#[test]
fn a_breaking_mark_on_a_plain_commits_words_is_another_entry() {
    let repo = cliff_repo(
        &["feat(api): drop v1"],
        "- *(api)* [**breaking**] Drop v1\n",
    );
    ok(repo.relhook(&["changelog", "--sync"]));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- *(api)* Drop v1\n"), "{log}");
}

#[test]
fn git_cliffs_lone_author_is_the_commits_entry() {
    let repo = cliff_repo(&["feat: add search"], "- Add search by @ann\n");
    repo.commit_hooked("feat: add search");
    let log = repo.read("CHANGELOG.md");
    assert!(!log.contains("- add search"), "{log}");
    assert!(log.contains("- Add search by @ann\n"), "{log}");
}

#[test]
fn commits_differing_only_in_a_trailing_author_keep_an_entry_each() {
    let repo = cliff_repo(&[], "- Add a\n");
    repo.commit_hooked("feat: allow merges by @owners");
    repo.commit_hooked("feat: allow merges");
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- allow merges by @owners\n"), "{log}");
    assert!(log.contains("- allow merges\n"), "{log}");
}
