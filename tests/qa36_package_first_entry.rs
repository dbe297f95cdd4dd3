//! QA36: in a monorepo, the second package's changelog, made by its first commit, said "the
//! commits before this one are not in it: `relhook changelog --sync --all` adds the entries they
//! call for" after another package's commit, which has its own changelog: the sync added none.

use crate::support::{Repo, ok, stderr, text};

fn two_packages() -> Repo {
    let repo = Repo::new();
    repo.write("a/package.json", r#"{"name":"a","version":"1.0.0"}"#);
    repo.write("b/package.json", r#"{"name":"b","version":"1.0.0"}"#);
    repo.write(
        ".relconfig.toml",
        "[packages.a]\npath = \"a\"\n[packages.b]\npath = \"b\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo
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
    commit_in(&repo, "b", "feat: b one", &[]);
    let said = commit_in(&repo, "a", "feat: a one", &[]);
    assert!(said.contains("a/CHANGELOG.md: created it"), "{said}");
    assert!(!said.contains("the commits before this one"), "{said}");

    // A commit of its own folder made past the hook: named, and `--sync --all` adds it.
    let repo = two_packages();
    commit_in(&repo, "a", "feat: a skipped", &[("RELHOOK_SKIP", "1")]);
    let said = commit_in(&repo, "a", "feat: a two", &[]);
    assert!(
        said.contains("the commits before this one are not in it"),
        "{said}"
    );
    let out = ok(repo.relhook(&["changelog", "--sync", "--all"]));
    assert!(
        repo.read("a/CHANGELOG.md").contains("- a skipped"),
        "{}",
        text(&out)
    );
}
