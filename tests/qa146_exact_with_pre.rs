//! `relhook release 2.0.0 --pre rc` was refused with "put it in the version", which names no
//! version: the refusal now names the pre-release to release instead, the one after those
//! already tagged (`-rc.2` after `-rc.1`), and releasing it as named works. Nothing is written
//! by the refusal.

use crate::support::{configured_with_a_feature, dated_release, stderr, text};

#[test]
fn an_exact_version_with_pre_names_the_pre_release_to_release_instead() {
    let repo = configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".into());
    let out = dated_release(&repo, &["--pre", "rc"]);
    assert!(out.status.success(), "{}", text(&out));
    let rc1 = repo.git(&["tag", "-l", "*-rc.1"]).trim().to_owned();
    let release = rc1
        .trim_start_matches('v')
        .trim_end_matches("-rc.1")
        .to_owned();
    repo.write("two.txt", "2\n");
    repo.git(&["add", "two.txt"]);
    repo.commit_hooked("fix: two");
    let refs = repo.git(&["for-each-ref"]);

    let out = dated_release(&repo, &[&release, "--pre", "rc"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    let instead = format!("{release}-rc.2");
    assert!(
        err.trim_end().ends_with(&format!("instead: {instead}")),
        "{err}"
    );
    assert_eq!(
        repo.git(&["for-each-ref"]),
        refs,
        "the refusal wrote nothing"
    );
    assert_eq!(repo.git(&["status", "--porcelain"]), "");

    let out = dated_release(&repo, &[&instead]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        repo.git(&["tag", "-l"])
            .lines()
            .any(|t| t == format!("v{instead}")),
        "{}",
        repo.git(&["tag", "-l"])
    );
}
