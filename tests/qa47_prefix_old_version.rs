//! QA47: after `tag_prefix` changed from none to "v" with `1.2.0` tagged and no version file,
//! `relhook release 1.2.1` said "(first release)" and its stale-version note looked for the
//! initial 0.1.0. The release goes on from `1.2.0`, and the note lists the lines holding it.

use crate::support::{Repo, ok, stderr, stdout, text};

/// `1.2.0` tagged, a README naming 0.1.0 and 1.2.0, then `fix: a` and `tag_prefix = "v"`.
fn prefix_changed() -> Repo {
    let repo = Repo::new();
    repo.write(
        "README.md",
        "Our first version was 0.1.0.\nCurrent: 1.2.0\n",
    );
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "1.2.0", "-m", "1.2.0"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("fix: a");
    repo.write(
        ".relconfig.toml",
        "[version]\ntag_prefix = \"v\"\n[checks]\nrequire_tested_tags = false\n",
    );
    ok(repo.git_output(&["commit", "-q", "-a", "-m", "chore: use v prefix"]));
    repo
}

#[test]
fn the_release_goes_on_from_the_unprefixed_tag() {
    let repo = prefix_changed();
    let plan = stdout(&ok(repo.relhook(&["release", "1.2.1", "--dry-run"])));
    assert!(!plan.contains("first release"), "{plan}");
    let out = repo.relhook(&["release", "1.2.1"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("relhook: releasing v1.2.1 (1.2.0 → 1.2.1, release tag 1.2.0, made without a tag prefix)"),
        "{err}"
    );
    assert!(
        err.contains("README.md:2 still says 1.2.0: `Current: 1.2.0`"),
        "{err}"
    );
    assert!(!err.contains("0.1.0"), "{err}");
}
