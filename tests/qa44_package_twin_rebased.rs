//! QA44: two clones released package b at one version; this clone's `git pull --rebase`
//! stopped on b's changelog and `git rebase --skip` dropped its release commit. doctor and
//! `--resume` then called the remote's release commit this clone's "amended or rebased after
//! tagging" and `--resume` made another tag b-v2.0.1, which pre-push refused as moving the
//! remote's. As for the root's release (qa33_twice_released), they now name the remote's tag
//! to take: `git tag -d b-v2.0.1 && git fetch origin tag b-v2.0.1`.

use crate::support::{Repo, clone_installed, ok, stderr, text, two_packages};

/// b released as b-v2.0.0 and pushed; a clone (mate) then releases b-v2.0.1 and pushes it
/// first, and this clone releases its own b-v2.0.1 of other work.
fn released_on_both_sides() -> Repo {
    let repo = two_packages(
        "{\"name\": \"a\", \"version\": \"1.0.0\"}\n",
        "{\"name\": \"b\", \"version\": \"2.0.0\"}\n",
    );
    let origin = repo.with_origin();
    repo.write("p/b/one.js", "1\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(b): one");
    ok(repo.relhook(&["release", "--package", "b", "--no-test"]));
    ok(repo.git_output(&["push", "-q", "--follow-tags", "-u", "origin", "main"]));
    let mate = clone_installed(&repo, &origin, "mate");
    std::fs::write(mate.join("p/b/two.js"), "2\n").unwrap();
    ok(repo.git_in(&mate, &["add", "-A"], &[]));
    ok(repo.git_in(&mate, &["commit", "-q", "-m", "fix(b): two from mate"], &[]));
    ok(repo.relhook_in(&mate, &["release", "--package", "b", "--no-test"]));
    let push = ["push", "-q", "--follow-tags", "origin", "main"];
    ok(repo.git_in(&mate, &push, &[]));
    repo.write("p/b/three.js", "3\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(b): three from here");
    ok(repo.relhook(&["release", "--package", "b", "--no-test"]));
    repo
}

#[test]
fn a_package_release_dropped_by_the_rebase_takes_the_remotes_tag() {
    let repo = released_on_both_sides();
    let out = repo.git_output(&["pull", "-q", "--rebase", "origin", "main"]);
    assert!(!out.status.success(), "the rebase stops: {}", text(&out));
    ok(repo.git_output(&["rebase", "--skip"]));
    let fix = "git tag -d b-v2.0.1 && git fetch origin tag b-v2.0.1";
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(doctor.contains(&format!("fix: {fix}")), "{doctor}");
    assert!(
        !doctor.contains("amended or rebased after tagging"),
        "{doctor}"
    );
    let out = repo.relhook(&["release", "--resume", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stderr(&out).contains(&format!("`{fix}`")), "{}", text(&out));
    let out = repo.relhook(&["release", "--package", "b", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stderr(&out).contains(&format!("`{fix}`")), "{}", text(&out));
    // Following it: the remote's tag here, this clone's work released above it, pushable.
    ok(repo.sh(fix));
    let out = repo.relhook(&["release", "--package", "b", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        stderr(&out).contains("releasing b-v2.0.2"),
        "{}",
        text(&out)
    );
    let log = repo.read("p/b/CHANGELOG.md");
    let newest = log
        .split("## [2.0.2]")
        .nth(1)
        .unwrap_or_else(|| panic!("{log}"));
    assert!(
        newest
            .split("## [2.0.1]")
            .next()
            .unwrap()
            .contains("three from here"),
        "{log}"
    );
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
}
