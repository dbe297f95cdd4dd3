//! QA33: a teammate released the same version first; `git pull --rebase` line-merged the two
//! release commits' changelogs without a conflict, into two `## [0.1.1]` sections that the
//! next push shared with everyone.

use crate::support::{Repo, ok, stderr, text, untested_installed};

/// Both clones release 0.1.1 from 0.1.0; the teammate pushes first, and this clone's push
/// is refused.
fn released_on_both_sides() -> Repo {
    let repo = untested_installed();
    let origin = repo.with_origin();
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release"]));
    ok(repo.git_output(&["push", "-q", "--follow-tags", "-u", "origin", "main"]));
    let mate = crate::support::clone_installed(&repo, &origin, "mate");
    // The teammate releases 0.1.1 first.
    std::fs::write(mate.join("b.txt"), "b\n").unwrap();
    for args in [
        &["add", "b.txt"][..],
        &["commit", "-q", "-m", "fix: b from mate"],
    ] {
        ok(repo.git_in(&mate, args, &[]));
    }
    ok(repo.relhook_in(&mate, &["release"]));
    ok(repo.git_in(
        &mate,
        &["push", "-q", "--follow-tags", "origin", "main"],
        &[],
    ));
    // Here, 0.1.1 is released too, and its push is refused.
    repo.commit_hooked("fix: c from here");
    ok(repo.relhook(&["release"]));
    let out = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    assert!(!out.status.success(), "{}", text(&out));
    repo
}

#[test]
fn a_version_released_on_both_sides_stops_the_rebase_with_the_way_on() {
    let repo = released_on_both_sides();
    // The release commit the rebase applies, as git labels it (QA257).
    let applied = repo.git(&["log", "-1", "--format=%h (%s)"]);
    let out = repo.git_output(&["pull", "-q", "--rebase", "origin", "main"]);
    assert!(!out.status.success(), "the rebase stops: {}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("both sides released 0.1.1, differently"),
        "{said}"
    );
    assert!(said.contains("`git rebase --skip`"), "{said}");
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("<<<<<<< HEAD\n## [0.1.1]")
            && log.contains(&format!(">>>>>>> {}\n", applied.trim())),
        "{log}"
    );
    // The way it names: drop this side's release commit, take their tag, release the next.
    ok(repo.git_output(&["rebase", "--skip"]));
    let log = repo.read("CHANGELOG.md");
    assert_eq!(log.matches("## [0.1.1]").count(), 1, "{log}");
    let unreleased = log.split("## [0.1.1]").next().unwrap();
    assert!(unreleased.contains("- c from here"), "{log}");
    // QA42: doctor and --resume named `relhook release --resume`, which made a second tag
    // v0.1.1 on the teammate's commit, and `git fetch --tags` then refused to clobber it.
    let fix = "git tag -d v0.1.1 && git fetch origin tag v0.1.1";
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(doctor.contains(&format!("fix: {fix}")), "{doctor}");
    let out = repo.relhook(&["release", "--resume"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stderr(&out).contains(fix), "{}", text(&out));
    ok(repo.git_output(&["tag", "-d", "v0.1.1"]));
    ok(repo.git_output(&["fetch", "-q", "origin", "tag", "v0.1.1"]));
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.git(&["tag"]).contains("v0.1.2"), "{}", text(&out));
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
}

#[test]
fn a_version_released_on_both_sides_stops_the_merge_with_the_way_on() {
    let repo = released_on_both_sides();
    let out = repo.git_output(&["pull", "-q", "--no-rebase", "origin", "main"]);
    assert!(!out.status.success(), "the merge stops: {}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("both sides released 0.1.1, differently"),
        "{said}"
    );
    assert!(said.contains("`git merge --abort`"), "{said}");
    // QA42: the two releases between conflict markers, never a blend of both sides' entries
    // under one heading that `git add` would take as resolved.
    let log = repo.read("CHANGELOG.md");
    let ours = log
        .split("<<<<<<< HEAD\n")
        .nth(1)
        .and_then(|rest| rest.split_once("=======\n"));
    let (ours, theirs) = ours.expect(&log);
    let theirs = theirs.split("\n>>>>>>> branch 'main' of ").next().unwrap();
    assert!(
        ours.starts_with("## [0.1.1]")
            && ours.contains("- c from here")
            && !ours.contains("b from mate"),
        "{log}"
    );
    assert!(
        theirs.starts_with("## [0.1.1]")
            && theirs.contains("- b from mate")
            && !theirs.contains("c from here"),
        "{log}"
    );
    assert!(!repo.git_output(&["diff", "--check"]).status.success());
    // The way it names.
    ok(repo.git_output(&["merge", "--abort"]));
    ok(repo.git_output(&["reset", "-q", "--keep", "HEAD~1"]));
    ok(repo.git_output(&["pull", "-q", "--no-rebase", "origin", "main"]));
    // QA42: pulled before the tag was taken, the merge commit was taken for a release commit
    // of 0.1.1, and doctor and --resume named a redo that threw the merge away.
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(
        !doctor.contains("git reset --keep") && doctor.contains("git tag -d v0.1.1"),
        "{doctor}"
    );
    let out = repo.relhook(&["release", "--resume"]);
    assert!(!text(&out).contains("git reset --keep"), "{}", text(&out));
    let out = repo.relhook(&["release"]);
    assert!(
        text(&out).contains("`git tag -d v0.1.1 && git fetch origin tag v0.1.1`, then release"),
        "{}",
        text(&out)
    );
    ok(repo.git_output(&["tag", "-d", "v0.1.1"]));
    ok(repo.git_output(&["fetch", "-q", "origin", "tag", "v0.1.1"]));
    let log = repo.read("CHANGELOG.md");
    assert_eq!(log.matches("## [0.1.1]").count(), 1, "{log}");
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.git(&["tag"]).contains("v0.1.2"), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    let section = log
        .split("## [0.1.2]")
        .nth(1)
        .unwrap()
        .split("## [0.1.1]")
        .next()
        .unwrap();
    assert!(section.contains("- c from here"), "{log}");
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
}
