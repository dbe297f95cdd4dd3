//! QA307: a shallow clone (`git clone --depth 3`, as CI makes them) that holds the last
//! release tag but not all the commits since: a branch merged after the release, cut below
//! its newest commit. Its breaking change, committed without relhook's hook, was left out:
//! `relhook release` made 0.1.2 with a changelog missing two entries, where the whole
//! history makes 0.2.0. Such a cut history is refused, with the fetch that completes it.

use crate::support::{ok, stderr, stdout, text, untested_installed};

#[test]
fn a_shallow_clone_cut_inside_the_unreleased_commits_is_refused() {
    let repo = untested_installed();
    let origin = repo.with_origin();
    repo.write("a", "a\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release", "0.1.0", "--no-test"]));
    repo.git(&["checkout", "-q", "-b", "side"]);
    // Committed where relhook's hooks did not run: their entries come from history.
    for (file, message) in [("o", "feat!: old side feature"), ("p", "fix: old side fix")] {
        repo.write(file, "x\n");
        repo.git(&["add", "-A"]);
        repo.git_env(&["commit", "-q", "-m", message], &[("RELHOOK_SKIP", "1")]);
    }
    repo.git(&["checkout", "-q", "main"]);
    repo.write("b", "b\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix: b");
    ok(repo.relhook(&["release", "0.1.1", "--no-test"]));
    repo.git(&["merge", "-q", "--no-ff", "side", "-m", "Merge branch side"]);
    repo.write("c", "c\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix: c");
    let whole = repo.relhook(&["release", "--dry-run"]);
    assert!(
        stdout(&whole).contains("release v0.2.0"),
        "{}",
        text(&whole)
    );
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));

    // Three commits deep: fix: c, the merge, and its parents v0.1.1 and `fix: old side fix`;
    // `feat!: old side feature` is below the cut.
    let clone = repo.dir.path().join("shallow");
    let url = format!("file://{}", origin.to_str().unwrap());
    let args = [
        "clone",
        "-q",
        "--depth",
        "3",
        "-b",
        "main",
        &url,
        clone.to_str().unwrap(),
    ];
    let out = repo.git_in(repo.dir.path(), &args, &[]);
    assert!(out.status.success(), "{}", text(&out));
    let tags = repo.git_in(&clone, &["tag", "--merged", "HEAD"], &[]);
    assert!(stdout(&tags).contains("v0.1.1"), "{}", text(&tags));
    ok(repo.relhook_in(&clone, &["install"]));
    for args in [
        &["release", "--dry-run"][..],
        &["version", "--next"][..],
        &["changelog", "--sync"][..],
    ] {
        let out = repo.relhook_in(&clone, args);
        assert!(!out.status.success(), "{args:?}: {}", text(&out));
        assert!(!stdout(&out).contains("0.1.2"), "{args:?}: {}", text(&out));
        let err = stderr(&out);
        assert!(err.contains("shallow"), "{args:?}: {err}");
        assert!(
            err.contains("git fetch --tags --unshallow"),
            "{args:?}: {err}"
        );
    }
}
