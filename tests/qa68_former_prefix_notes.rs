//! QA68: a project that tagged `release-1.0.0` and `release-1.0.1` and then set `tag_prefix =
//! "v"` goes on from them in `version` and `release`, but `relhook notes release-1.0.1`
//! refused the tag as no release, advising `tag_prefix = ""`, which pasted reads none of its
//! tags. Its notes are its section, read under the former prefix, as the others read it.

use crate::support::{Repo, ok, stdout, text};

/// Released twice under `tag_prefix = "release-"`, then moved to `v` and released once.
fn moved_to_v() -> Repo {
    let repo = Repo::new();
    let config = "[checks]\nrequire_tested_tags = false\n[version]\ntag_prefix = \"release-\"\n";
    repo.write(".relconfig.toml", config);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release", "1.0.0"]));
    repo.commit_hooked("fix: b");
    ok(repo.relhook(&["release"]));
    repo.write(".relconfig.toml", config.replace("release-", "v"));
    repo.git(&["commit", "-q", "-am", "chore: tag releases v"]);
    repo.commit_hooked("fix: c");
    ok(repo.relhook(&["release", "1.0.2"]));
    assert_eq!(
        repo.git(&["tag", "-l"]),
        "release-1.0.0\nrelease-1.0.1\nv1.0.2"
    );
    repo
}

#[test]
fn notes_of_a_tag_under_the_former_prefix_are_its_section() {
    let repo = moved_to_v();
    let out = repo.relhook(&["notes", "release-1.0.1"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let notes = stdout(&out);
    assert!(notes.contains("- b"), "{notes}");
    assert!(!notes.contains("- a") && !notes.contains("- c"), "{notes}");
    let first = stdout(&ok(repo.relhook(&["notes", "release-1.0.0"])));
    assert!(first.contains("- a") && !first.contains("- b"), "{first}");
    // The current prefix's notes are as before.
    let now = stdout(&ok(repo.relhook(&["notes"])));
    assert!(now.contains("- c") && !now.contains("- b"), "{now}");
}
