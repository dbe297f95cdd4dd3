//! QA258: in git-cliff's own changelog (`- *(cli)* Add a - ([1234567](…))`: its template's
//! `upper_first` and commit link) relhook wrote its new entries in lower case beside the
//! file's capitalised ones (`- *(cli)* add b flag - ([…](…))` from `--sync`, `- *(cli)* add b
//! flag` from post-commit), so the next release's section mixed both looks. New entries now
//! take the capital where the file's newest entry linked as git-cliff links shows it; a file
//! whose entries keep the commit's lower case (vue's, or git-cliff's without `upper_first`)
//! keeps getting lower case.

use crate::support::{Repo, ok};

const HASH: &str = "1234567890abcdef1234567890abcdef12345678";

/// A git-cliff changelog whose one release lists `- *(cli)* {words}` with its commit link,
/// released as v1.0.0, then `fix(cli): handle b` made before relhook was installed.
fn cliff_released(words: &str) -> Repo {
    let repo = Repo::new();
    let log = format!(
        "# Changelog\n\n## [1.0.0] - 2024-01-01\n\n### 🚀 Features\n\n\
         - *(cli)* {words} - ([1234567](https://github.com/o/r/commit/{HASH}))\n"
    );
    repo.write("CHANGELOG.md", log);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.commit("fix(cli): handle b");
    ok(repo.relhook(&["install"]));
    repo
}

/// The entry line of the file that ends in `words` after the scope, whatever its case.
fn entry_of(repo: &Repo, words: &str) -> String {
    let log = repo.read("CHANGELOG.md");
    let found = log.lines().find(|l| {
        let l = l.to_lowercase();
        l.starts_with("- *(cli)* ") && l[10..].starts_with(words)
    });
    found
        .unwrap_or_else(|| panic!("no entry {words:?}:\n{log}"))
        .to_owned()
}

#[test]
fn sync_and_post_commit_write_git_cliffs_capital() {
    let repo = cliff_released("Add a");
    ok(repo.relhook(&["changelog", "--sync"]));
    let synced = entry_of(&repo, "handle b");
    assert!(synced.starts_with("- *(cli)* Handle b - (["), "{synced}");
    repo.git(&["commit", "-q", "-am", "docs(changelog): sync with history"]);
    repo.commit("feat(cli): add c flag");
    assert_eq!(entry_of(&repo, "add c flag"), "- *(cli)* Add c flag");
    assert!(repo.is_clean());
}

#[test]
fn a_file_in_the_commits_lower_case_keeps_it() {
    let repo = cliff_released("add a");
    ok(repo.relhook(&["changelog", "--sync"]));
    assert!(entry_of(&repo, "handle b").starts_with("- *(cli)* handle b - (["));
    repo.git(&["commit", "-q", "-am", "docs(changelog): sync with history"]);
    repo.commit("feat(cli): add c flag");
    assert_eq!(entry_of(&repo, "add c flag"), "- *(cli)* add c flag");
}
