//! Found by QA of a new user's path: with CHANGELOG.md a symbolic link, doctor and the release
//! said to set `changelog.path = "…"` in .relconfig.toml. In the file `relhook init` writes,
//! which has a `[changelog]` table, that line is a duplicate key at the top and a key of the
//! last table (`[checks]`) at the end: the config then failed to load. The fix now names the
//! key as its table holds it, and following it works.

use crate::support::{Repo, dated_release, ok, stderr, stdout, text};

/// `relhook init`'s files committed, then the changelog moved to docs/CHANGES.md with a link
/// to it in its place.
fn linked_changelog() -> Repo {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    ok(repo.relhook(&["init"]));
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: adopt relhook"]);
    repo.commit_hooked("feat: one");
    std::fs::create_dir_all(repo.path().join("docs")).unwrap();
    repo.git(&["mv", "CHANGELOG.md", "docs/CHANGES.md"]);
    std::os::unix::fs::symlink("docs/CHANGES.md", repo.path().join("CHANGELOG.md")).unwrap();
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: move the changelog"]);
    repo
}

const FIX: &str = "`path = \"docs/CHANGES.md\"` under [changelog] in .relconfig.toml";

#[test]
fn the_link_fix_names_the_key_under_its_table_and_following_it_works() {
    let repo = linked_changelog();
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stdout(&out).contains(FIX), "{}", text(&out));
    let out = dated_release(&repo, &["--no-test", "--dry-run"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stderr(&out).contains(FIX), "{}", text(&out));
    // Done as said, in the file init wrote: the `path` line of its [changelog] table.
    let config = repo.read(".relconfig.toml");
    let old = "[changelog]\n# The Keep a Changelog file relhook keeps (relative to the repository's top).\npath = \"CHANGELOG.md\"\n";
    assert!(config.contains(old), "{config}");
    repo.write(
        ".relconfig.toml",
        config.replace(old, &old.replace("\"CHANGELOG.md\"", "\"docs/CHANGES.md\"")),
    );
    repo.git(&["commit", "-q", "-am", "chore: name the changelog"]);
    let out = repo.relhook(&["doctor"]);
    assert!(!stdout(&out).contains("INVALID"), "{}", text(&out));
    let out = dated_release(&repo, &["--no-test", "--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}
