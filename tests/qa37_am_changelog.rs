//! QA37: `git am` of a patch made in another clone stopped on CHANGELOG.md (`sha1 information
//! is lacking`: that clone's file is not in this one), and doctor said all was well. It names
//! the way through: the patches without the file, then `--sync` for their entries.

use crate::support::{installed_repo, ok, stdout, text};

#[test]
fn doctor_names_the_way_through_an_am_stopped_on_the_changelog() {
    let repo = installed_repo();
    let other = repo.scratch("other");
    ok(repo.git_in(
        &repo.scratch(""),
        &[
            "clone",
            "-q",
            repo.path().to_str().unwrap(),
            other.to_str().unwrap(),
        ],
        &[],
    ));
    ok(repo.relhook_in(&other, &["install"]));
    std::fs::write(other.join("c1"), "1\n").unwrap();
    ok(repo.git_in(&other, &["add", "c1"], &[]));
    ok(repo.git_in(&other, &["commit", "-q", "-m", "feat: contrib one"], &[]));
    std::fs::write(other.join("c2"), "2\n").unwrap();
    ok(repo.git_in(&other, &["add", "c2"], &[]));
    ok(repo.git_in(&other, &["commit", "-q", "-m", "fix: contrib two"], &[]));
    let patches = repo.scratch("patches");
    ok(repo.git_in(
        &other,
        &["format-patch", "-q", "-1", "-o", patches.to_str().unwrap()],
        &[],
    ));
    repo.commit_hooked("fix: main m");
    let patch = std::fs::read_dir(&patches)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let am = repo.git_output(&["am", patch.to_str().unwrap()]);
    assert!(
        !am.status.success(),
        "the patch does not apply: {}",
        text(&am)
    );
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(
        doctor.contains("git am stopped on a patch that changes CHANGELOG.md"),
        "{doctor}"
    );
    assert!(
        doctor.contains("fix: git am --abort, then git am --exclude=CHANGELOG.md <the patches>, then relhook changelog --sync"),
        "{doctor}"
    );
    // The way it names works.
    ok(repo.git_output(&["am", "--abort"]));
    ok(repo.git_output(&["am", "--exclude=CHANGELOG.md", patch.to_str().unwrap()]));
    ok(repo.relhook(&["changelog", "--sync"]));
    assert!(repo.read("CHANGELOG.md").contains("- contrib two"));
}
