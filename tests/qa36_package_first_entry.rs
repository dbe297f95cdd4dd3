//! QA36: in a monorepo, the second package's changelog, made by its first commit, said "the
//! commits before this one are not in it: `relhook changelog --sync --all` adds the entries they
//! call for" after another package's commit, which has its own changelog: the sync added none.

use crate::support::{Repo, ok, stderr, text};

const A: &str = r#"{"name":"a","version":"1.0.0"}"#;
const B: &str = r#"{"name":"b","version":"1.0.0"}"#;

fn two_packages() -> Repo {
    crate::support::two_packages(A, B)
}

fn commit_in(repo: &Repo, dir: &str, message: &str, env: &[(&str, &str)]) -> String {
    repo.write(&format!("{dir}/{}.txt", message.len()), message);
    repo.git(&["add", "-A"]);
    let out = ok(repo.git_in(&repo.path(), &["commit", "-q", "-m", message], env));
    stderr(&out)
}

#[test]
fn a_packages_first_changelog_names_only_its_own_earlier_commits() {
    let repo = two_packages();
    commit_in(&repo, "p/b", "feat: b one", &[]);
    let said = commit_in(&repo, "p/a", "feat: a one", &[]);
    assert!(said.contains("p/a/CHANGELOG.md: created it"), "{said}");
    assert!(!said.contains("the commits before this one"), "{said}");

    // A commit of its own folder made past the hook: named, and `--sync --all` adds it.
    let repo = two_packages();
    commit_in(&repo, "p/a", "feat: a skipped", &[("RELHOOK_SKIP", "1")]);
    let said = commit_in(&repo, "p/a", "feat: a two", &[]);
    assert!(
        said.contains("the commits before this one are not in it"),
        "{said}"
    );
    let out = ok(repo.relhook(&["changelog", "--sync", "--all"]));
    assert!(
        repo.read("p/a/CHANGELOG.md").contains("- a skipped"),
        "{}",
        text(&out)
    );
}
