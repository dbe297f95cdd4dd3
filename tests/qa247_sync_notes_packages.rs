//! QA247: `relhook changelog --sync` named the commits that are no Conventional Commit (and
//! get no entry) for the root's changelog only: `--package` and `--all` passed them over in
//! silence. Each changelog now says its own, from the commits its sync walked already: the
//! note costs no walk of its own (the root's once walked history a second time for it).

use crate::support::{Repo, SKELETON, ok, stderr};

/// Packages `a` and `b` with a root changelog, then with the hooks off: a package commit that
/// is no Conventional Commit, a fix of `b`, and a root commit that is none either.
fn workspace() -> Repo {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        "[packages.a]\npath = \"p/a\"\n\n[packages.b]\npath = \"p/b\"\n",
    );
    repo.write(
        "p/a/Cargo.toml",
        "[package]\nname = \"a\"\nversion = \"0.1.0\"\n",
    );
    repo.write(
        "p/b/Cargo.toml",
        "[package]\nname = \"b\"\nversion = \"0.1.0\"\n",
    );
    repo.write("CHANGELOG.md", SKELETON);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: start"]);
    for (file, message) in [
        ("p/a/x.rs", "Resolve relative URLs"),
        ("p/b/y.rs", "fix: b's bug"),
        ("README.md", "Update the readme"),
    ] {
        repo.write(file, format!("// {message}\n"));
        repo.git(&["add", file]);
        repo.git(&["commit", "-q", "--no-verify", "-m", message]);
    }
    repo
}

/// relhook's stderr for `args`, with the commits its walks stepped through.
fn counted(repo: &Repo, args: &[&str]) -> (String, usize) {
    let mut cmd = repo.command_in(crate::support::relhook_bin(), &repo.path());
    let out = ok(cmd
        .args(args)
        .env("RELHOOK_TEST_WALK_COUNT", "1")
        .output()
        .unwrap());
    let err = stderr(&out);
    let walked = (err.lines())
        .filter_map(|l| l.strip_prefix("relhook: test: "))
        .filter_map(|l| l.strip_suffix(" commits walked"))
        .map(|n| n.parse::<usize>().expect("a count"))
        .sum();
    (err, walked)
}

fn short(repo: &Repo, rev: &str) -> String {
    repo.git(&["rev-parse", "--short=9", rev])
}

#[test]
fn a_package_sync_names_its_own_commits_that_get_no_entry() {
    let repo = workspace();
    let (err, _) = counted(&repo, &["changelog", "--sync", "--package", "a"]);
    let note = format!(
        "relhook: note: p/a/CHANGELOG.md: 1 commit since the start of history is not a Conventional Commit and gets no entry: {} Resolve relative URLs",
        short(&repo, "HEAD~2")
    );
    assert!(err.contains(&note), "{err}");
    // The root's commit is the root's to name, not a's.
    assert!(!err.contains("Update the readme"), "{err}");
    let (err, _) = counted(&repo, &["changelog", "--sync", "--package", "b"]);
    assert!(!err.contains("note:"), "{err}");
}

#[test]
fn sync_all_names_each_changelogs_own() {
    let repo = workspace();
    let (err, _) = counted(&repo, &["changelog", "--sync", "--all"]);
    let root = format!(
        "relhook: note: CHANGELOG.md: 1 commit since the start of history is not a Conventional Commit and gets no entry: {} Update the readme",
        short(&repo, "HEAD")
    );
    let a = format!(
        "relhook: note: p/a/CHANGELOG.md: 1 commit since the start of history is not a Conventional Commit and gets no entry: {} Resolve relative URLs",
        short(&repo, "HEAD~2")
    );
    assert!(err.contains(&root) && err.contains(&a), "{err}");
    assert_eq!(err.matches("relhook: note:").count(), 2, "{err}");
    assert!(repo.read("p/b/CHANGELOG.md").contains("b's bug"), "{err}");
}

/// The root's note comes from its sync's own walk: one walk of the 4 commits, as a sync of
/// a history that needs no note makes.
#[test]
fn the_note_costs_no_walk_of_its_own() {
    let repo = workspace();
    let (err, with_note) = counted(&repo, &["changelog", "--sync", "--dry-run"]);
    assert!(err.contains("relhook: note: 1 commit since"), "{err}");
    let plain = Repo::new();
    plain.write(
        ".relconfig.toml",
        "[packages.a]\npath = \"p/a\"\n\n[packages.b]\npath = \"p/b\"\n",
    );
    plain.write("CHANGELOG.md", SKELETON);
    plain.git(&["add", "."]);
    plain.git(&["commit", "-q", "--no-verify", "-m", "chore: start"]);
    for message in ["fix: one", "fix: two", "fix: three"] {
        plain.commit(message);
    }
    let (err, without) = counted(&plain, &["changelog", "--sync", "--dry-run"]);
    assert!(!err.contains("note:"), "{err}");
    assert_eq!(with_note, without, "{err}");
}
