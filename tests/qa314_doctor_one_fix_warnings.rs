//! QA314: a fresh clone of commitlint (its hooks run by husky, which the clone has not set up)
//! with a commit made before its hooks ran: doctor said MISSING on the hook rows (`npx
//! husky`) and WARNING on the changelog row (`relhook changelog --sync`), then closed with
//! "`npx husky` fixes all of it", which the warning's row, still there after it, belies.

use crate::hook_files::{git, husky_9_runners};
use crate::support::{Repo, ok, stdout, text};

#[test]
fn doctors_one_command_is_not_said_to_fix_a_warning_it_leaves() {
    let repo = Repo::new();
    husky_9_runners(&repo);
    repo.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n");
    repo.commit("chore: init");
    ok(git(&repo, &["tag", "-a", "v1.0.0", "-m", "v1.0.0"]));
    ok(repo.relhook(&["install"]));
    ok(git(&repo, &["add", ".husky"]));
    ok(git(
        &repo,
        &["commit", "-q", "-m", "chore: relhook in husky"],
    ));
    // The clone before husky's `prepare`: no runners, and hooks not run.
    ok(git(&repo, &["config", "--unset", "core.hooksPath"]));
    std::fs::remove_dir_all(repo.path().join(".husky/_")).unwrap();
    repo.commit("feat: read config from a URL");
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(said.contains("fix: npx husky\n"), "{}", text(&out));
    assert!(
        said.contains("fix: relhook changelog --sync\n"),
        "{}",
        text(&out)
    );
    let last = said.lines().last().unwrap_or_default();
    assert!(!last.contains("fixes all of it"), "{}", text(&out));
    assert!(
        last.ends_with("fixes all but the warnings (see `fix:` above)"),
        "{}",
        text(&out)
    );
}
