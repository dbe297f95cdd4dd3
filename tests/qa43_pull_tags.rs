//! QA43: the way from this clone's release of a version to the remote's (two clones
//! released it) ended with `git pull --rebase origin main`, which names its branch and so
//! follows no tags: a newer release the remote had came in without its tag, read as an
//! interrupted release, and the promised `relhook release` was refused. The pull takes
//! the tags too.

use crate::qa41_both_released::both_released;
use crate::support::{ok, stderr, text};

#[test]
fn the_way_to_the_remote_release_brings_its_newer_tags_too() {
    let (repo, b) = both_released();
    // The other clone released again since.
    std::fs::write(b.join("b2.txt"), "b2\n").unwrap();
    ok(repo.git_in(&b, &["add", "b2.txt"], &[]));
    ok(repo.git_in(&b, &["commit", "-q", "-m", "fix: again from b"], &[]));
    ok(repo.relhook_in(&b, &["release"]));
    ok(repo.git_in(&b, &["push", "-q", "--follow-tags", "origin", "main"], &[]));
    let out = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    let fix = err
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("{err}"));
    let way: Vec<&str> = fix.split('`').skip(1).step_by(2).collect();
    assert!(way.iter().any(|c| c.contains("--tags")), "{way:?}");
    for command in &way {
        let out = repo.sh(command);
        assert!(out.status.success(), "{command}: {}", text(&out));
    }
    assert!(!repo.git(&["tag", "-l", "v0.1.2"]).is_empty());
    assert!(repo.read("CHANGELOG.md").contains("## [0.1.3]"));
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
}
