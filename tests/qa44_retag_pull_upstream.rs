//! QA44: on a branch whose upstream has another name (`rel`, made by `git switch -c rel
//! origin/main`), the way on for another clone's release tag fetched over this clone's said
//! `git pull --rebase --tags origin rel`, which fails: origin has no `rel`. The pull names the
//! upstream's branch now (`origin main`), and the way, pasted, releases the work above theirs.

use crate::support::{Repo, clone_installed, ok, stderr, text};

#[test]
fn another_clones_tag_is_pulled_from_the_upstreams_branch() {
    let repo = Repo::new();
    let origin = repo.with_origin();
    repo.write(
        ".relconfig.toml",
        "[release]\nbranches = [\"main\", \"rel\"]\n[checks]\nrequire_tested_tags = false\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["push", "-q", "origin", "main"]);
    repo.git(&["switch", "-q", "-c", "rel", "origin/main"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release"]));
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "HEAD:main"]));
    // Another clone releases 0.1.1 first; this one makes its own 0.1.1.
    let b = clone_installed(&repo, &origin, "b");
    std::fs::write(b.join("b.txt"), "b\n").unwrap();
    ok(repo.git_in(&b, &["add", "b.txt"], &[]));
    ok(repo.git_in(&b, &["commit", "-q", "-m", "fix: from b"], &[]));
    ok(repo.relhook_in(&b, &["release"]));
    ok(repo.git_in(&b, &["push", "-q", "--follow-tags", "origin", "main"], &[]));
    repo.commit_hooked("fix: from a");
    ok(repo.relhook(&["release"]));
    ok(repo.git_output(&["fetch", "-q", "--force", "origin", "tag", "v0.1.1"]));
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    let way = err
        .split('`')
        .find(|c| c.contains("git pull"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(
        way.contains("git pull --rebase --tags origin main &&"),
        "{err}"
    );
    let pasted = repo.sh(way);
    assert!(pasted.status.success(), "{way}: {}", text(&pasted));
    assert!(repo.read("CHANGELOG.md").contains("## [0.1.2]"));
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "HEAD:main"]));
}
