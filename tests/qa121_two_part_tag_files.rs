//! QA121: a tag naming a two-part version (`v1.0`) before the first release, in a project
//! whose Cargo.toml says 2.3.0. The refusal said a first release "from `version.initial`
//! (0.1.0) could go below it" and advised, if `v1.0` was a release, `relhook release 1.0.1`,
//! which is refused as below the version Cargo.toml says. The first release is 2.3.0 either
//! way: the refusal now names it alone, and pasted it releases. Below the files' version the
//! two ways stay, naming the files' version rather than `version.initial`.

use crate::support::{Repo, ok, stderr, text};

/// Cargo.toml at `version`, tagged `v1.0`, and a fix after it.
fn tagged_two_part(version: &str) -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        format!("[package]\nname = \"x\"\nversion = \"{version}\"\nedition = \"2021\"\n"),
    );
    repo.git(&["add", "."]);
    repo.commit("feat: start");
    repo.git(&["tag", "v1.0"]);
    repo.commit("fix: one");
    repo
}

/// The `relhook release …` commands the hint names, in order.
fn releases(err: &str) -> Vec<&str> {
    let hint = err
        .lines()
        .find_map(|l| l.strip_prefix("hint: "))
        .unwrap_or_else(|| panic!("{err}"));
    hint.split('`')
        .skip(1)
        .step_by(2)
        .filter(|c| c.starts_with("relhook release"))
        .collect()
}

#[test]
fn files_above_the_tag_name_their_version_alone_and_it_releases() {
    let repo = tagged_two_part("2.3.0");
    for args in [&["version", "--next"][..], &["changelog", "--sync"]] {
        let out = repo.relhook(args);
        assert!(!out.status.success(), "{}", text(&out));
        let err = stderr(&out);
        assert!(!err.contains("version.initial"), "{err}");
        assert!(!err.contains("could go below"), "{err}");
        assert_eq!(releases(&err), ["relhook release 2.3.0"], "{args:?}: {err}");
    }
    let out = repo.sh("relhook release 2.3.0");
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.git(&["tag", "-l", "v2.3.0"]).contains("v2.3.0"));
    ok(repo.relhook(&["changelog", "--sync"]));
}

#[test]
fn files_below_the_tag_keep_both_ways_with_their_version() {
    let repo = tagged_two_part("0.4.0");
    let err = stderr(&repo.relhook(&["version", "--next"]));
    assert!(
        err.contains("a first release of 0.4.0 could go below it"),
        "{err}"
    );
    assert_eq!(
        releases(&err),
        ["relhook release 1.0.1", "relhook release 0.4.0"],
        "{err}"
    );
}
