//! `relhook release --pre -x` was refused by clap with the tip "to pass '-x' as a value, use
//! '-- -x'", which pasted (`--pre -- -x`) fails again ("a value is required"). `--pre` now
//! takes what follows it as is and relhook refuses an identifier that starts with a hyphen
//! in one line, before anything runs: `--pre --dry-run` (a forgotten value) is refused too,
//! never a real release of `1.0.1---dry-run.1`.

use crate::support::{configured_with_a_feature, dated_release, stderr, text};

/// Every ref and the status, to show a refusal wrote nothing.
fn state(repo: &crate::support::Repo) -> String {
    repo.git(&["for-each-ref", "--format=%(refname) %(objectname)"])
        + &repo.git(&["status", "--porcelain", "--untracked-files=all"])
}

#[test]
fn a_pre_id_starting_with_a_hyphen_is_refused_in_one_line_and_nothing_runs() {
    let repo = configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".into());
    let before = state(&repo);
    for args in [
        &["--pre", "-x"][..],
        &["--pre", "--dry-run"],
        &["--pre=-x"],
        &["--dry-run", "--pre", "-rc"],
    ] {
        let out = dated_release(&repo, args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text(&out));
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(
            err.starts_with("relhook: error: invalid pre-release identifier"),
            "{err}"
        );
        assert!(err.contains("starts with a hyphen"), "{err}");
        assert!(
            !err.contains("-- -"),
            "no advice that fails when pasted: {err}"
        );
        assert_eq!(state(&repo), before, "{args:?} wrote something");
    }
    let out = repo.relhook(&["version", "--next", "--pre", "-x"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains("starts with a hyphen"),
        "{}",
        text(&out)
    );
    // The refusal's example works.
    let out = dated_release(&repo, &["--pre", "rc"]);
    assert!(out.status.success(), "{}", text(&out));
    let tags = repo.git(&["tag", "-l"]);
    assert!(tags.lines().any(|t| t.ends_with("-rc.1")), "{tags}");
}
