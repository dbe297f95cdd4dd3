//! QA49: after `tag_prefix` changed from "v." to "v", the release `v.0.1.0` was not taken for
//! a release under a former prefix (a version was read to start at no digit after a dot):
//! `version --next` and `release` took its section for one written by hand and advised
//! tagging its commit a second time (`git tag -a v0.1.0`), and doctor said all is well. Now
//! the former prefix is named as any other is.

use crate::support::{Repo, ok, stderr, stdout, text, untested_installed};

const CONFIG: &str = "[checks]\nrequire_tested_tags = false\n[version]\ntag_prefix = \"v.\"\n";

/// `v.0.1.0` released by relhook, then `tag_prefix = "v"` and `fix: b`.
fn dot_prefix_changed() -> Repo {
    let repo = untested_installed();
    repo.write(".relconfig.toml", CONFIG);
    ok(repo.git_output(&["commit", "-q", "-a", "-m", "chore: prefix"]));
    repo.commit_hooked("fix: a");
    ok(repo.relhook(&["release"]));
    repo.write(".relconfig.toml", CONFIG.replace("\"v.\"", "\"v\""));
    ok(repo.git_output(&["commit", "-q", "-a", "-m", "chore: tag as v"]));
    repo.write("b", "b\n");
    repo.git(&["add", "b"]);
    repo.commit_hooked("fix: b");
    repo
}

#[test]
fn a_release_under_a_former_dotted_prefix_is_named_never_tagged_again() {
    let repo = dot_prefix_changed();
    for args in [&["version", "--next"][..], &["release"]] {
        let out = repo.relhook(args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text(&out));
        assert!(!err.contains("written by hand"), "{err}");
        assert!(!err.contains("git tag -a v0.1.0"), "{err}");
        assert!(err.contains("(e.g. `v.0.1.0`)"), "{err}");
        assert!(err.contains("set `tag_prefix = \"v.\"`"), "{err}");
        assert!(err.contains("`relhook release 0.1.1`"), "{err}");
    }
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("all is well"), "{doctor}");
    assert!(doctor.contains("`v.0.1.0`"), "{doctor}");
    // The advice, pasted, goes on from it.
    let out = repo.relhook(&["release", "0.1.1"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        stderr(&out).contains("release tag v.0.1.0, made under tag_prefix \"v.\""),
        "{}",
        text(&out)
    );
    let tags = stdout(&repo.git_output(&["tag", "-l"]));
    assert_eq!(tags.trim(), "v.0.1.0\nv0.1.1");
}
