//! QA32: a `git clone --no-tags` read as a project never released: `relhook version` said
//! "nothing is released yet", `version --next` advised re-creating upstream's tag, and a hand
//! tag released all of history again.

use crate::support::{Repo, stderr, stdout, text};

fn no_tags_clone() -> (Repo, std::path::PathBuf) {
    let up = Repo::new();
    up.commit("feat: a");
    up.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    up.commit("fix: b");
    let clone = up.scratch("clone");
    let out = up.git_in(
        &up.path(),
        &[
            "clone",
            "-q",
            "--no-tags",
            up.path().to_str().unwrap(),
            clone.to_str().unwrap(),
        ],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out));
    let out = up.relhook_in(&clone, &["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    (up, clone)
}

#[test]
fn a_clone_without_tags_is_said_as_such_and_fetching_them_fixes_it() {
    let (up, clone) = no_tags_clone();
    for args in [
        &["version"][..],
        &["version", "--next"],
        &["release", "--dry-run"],
    ] {
        let out = up.relhook_in(&clone, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text(&out));
        assert!(
            stderr(&out).contains("this clone fetches no tags from `origin`")
                && stderr(&out).contains("git fetch --tags origin"),
            "{args:?}: {}",
            text(&out)
        );
    }
    let out = up.git_in(&clone, &["tag", "-a", "v1.0.1", "-m", "x"], &[]);
    assert_eq!(out.status.code(), Some(128), "{}", text(&out));
    assert!(
        stderr(&out).contains("this clone fetches no tags"),
        "{}",
        text(&out)
    );
    assert_eq!(
        String::from_utf8_lossy(&up.git_in(&clone, &["tag"], &[]).stdout),
        ""
    );

    let out = up.git_in(&clone, &["fetch", "-q", "--tags", "origin"], &[]);
    assert!(out.status.success(), "{}", text(&out));
    let out = up.relhook_in(&clone, &["version", "--next"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(stdout(&out).trim(), "1.0.1");
}

#[test]
fn another_remote_without_tags_says_nothing_of_this_clones_releases() {
    // A fork keeps `upstream`'s tags out; its own first release is a first release.
    let repo = Repo::new();
    repo.git(&["remote", "add", "upstream", "https://example.invalid/x.git"]);
    repo.git(&["config", "remote.upstream.tagOpt", "--no-tags"]);
    repo.commit("feat: a");
    let out = repo.relhook(&["version", "--next"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(stdout(&out).trim(), "0.1.0");
}
