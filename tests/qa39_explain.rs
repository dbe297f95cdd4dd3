//! QA39: `relhook version --explain` after a pre-release listed the pre-release's own release
//! commit (`chore(release): 0.1.0-rc.1`) among the commits deciding a patch release: a
//! release, not a change since the stable one.

use crate::support::{installed_repo, ok, stdout, text, two_packages};

#[test]
fn explain_leaves_a_pre_releases_release_commit_out() {
    let repo = installed_repo();
    ok(repo.relhook(&["release", "--no-test"]));
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    repo.commit_hooked("fix: a");
    ok(repo.relhook(&["release", "--no-test", "--pre", "rc"]));
    let header = repo.git(&["log", "-1", "--format=%s"]);
    assert!(header.contains("-rc.1"), "{header}");
    repo.write("b.txt", "b\n");
    repo.git(&["add", "b.txt"]);
    repo.commit_hooked("fix: b");

    let out = ok(repo.relhook(&["version", "--explain"]));
    let said = stdout(&out);
    assert!(said.contains("2 commits since v"), "{said}");
    assert!(
        said.contains(" fix: b  (patch)") && said.contains(" fix: a  (patch)"),
        "{said}"
    );
    assert!(!said.contains(header.trim()), "{said}");
    // The JSON lists the same commits.
    let out = ok(repo.relhook(&["version", "--explain", "--format", "json"]));
    assert!(!stdout(&out).contains(header.trim()), "{}", text(&out));
}

#[test]
fn a_packages_explain_leaves_its_pre_releases_release_commit_out() {
    let repo = two_packages(
        r#"{"name": "a", "version": "1.0.0"}"#,
        r#"{"name": "b", "version": "1.0.0"}"#,
    );
    repo.git_skipping_relhook(&["tag", "-a", "a-v1.0.0", "-m", "a-v1.0.0"]);
    repo.write("p/a/x.txt", "x\n");
    repo.git(&["add", "p/a/x.txt"]);
    repo.commit_hooked("fix: x");
    let out = ok(repo.relhook(&["release", "--package", "a", "--no-test", "--pre", "rc"]));
    assert!(
        repo.git(&["tag", "--points-at", "HEAD"])
            .contains("a-v1.0.1-rc.1"),
        "{}",
        text(&out)
    );
    let header = repo.git(&["log", "-1", "--format=%s"]);
    repo.write("p/a/y.txt", "y\n");
    repo.git(&["add", "p/a/y.txt"]);
    repo.commit_hooked("fix: y");

    let out = ok(repo.relhook(&["version", "--package", "a", "--explain"]));
    let said = stdout(&out);
    assert!(
        said.contains(" fix: y  (patch)") && said.contains(" fix: x  (patch)"),
        "{said}"
    );
    assert!(!said.contains(header.trim()), "{header}\n{said}");
}
