//! QA33: a changelog that is not UTF-8 refuses every edit, yet doctor said "all is well"; and
//! in a monorepo the other packages' entries of the same commit went missing unsaid.

use crate::support::{stderr, stdout, text, untested_installed};

#[test]
fn doctor_names_a_changelog_that_is_not_utf8() {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    let mut log = std::fs::read(repo.path().join("CHANGELOG.md")).unwrap();
    log.extend_from_slice(b"- caf\xe9\n");
    std::fs::write(repo.path().join("CHANGELOG.md"), log).unwrap();
    repo.git(&["commit", "-q", "--no-verify", "-am", "docs: latin-1"]);
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stdout(&out);
    assert!(
        said.contains("INVALID  changelog: CHANGELOG.md:") && said.contains("is not UTF-8"),
        "{said}"
    );
    assert!(said.contains("save the file as UTF-8"), "{said}");
}

#[test]
fn a_package_changelog_that_stops_a_commit_s_entries_names_the_others() {
    let repo = crate::support::two_packages(
        r#"{"name":"a","version":"1.0.0"}"#,
        r#"{"name":"b","version":"1.0.0"}"#,
    );
    repo.write("p/a/x", "1\n");
    repo.write("p/b/x", "1\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat: both");
    let mut log = std::fs::read(repo.path().join("p/b/CHANGELOG.md")).unwrap();
    log.extend_from_slice(b"- caf\xe9\n");
    std::fs::write(repo.path().join("p/b/CHANGELOG.md"), log).unwrap();
    repo.git(&["commit", "-q", "--no-verify", "-am", "docs(b): latin-1"]);
    repo.write("p/a/x", "2\n");
    repo.write("p/b/x", "2\n");
    repo.git(&["add", "-A"]);
    let out = repo.git_output(&["commit", "-q", "-m", "fix: both again"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(said.contains("is not UTF-8"), "{said}");
    assert!(
        said.contains("p/a/CHANGELOG.md got no entry either")
            && said.contains("`relhook changelog --sync --all`"),
        "{said}"
    );
    assert!(!repo.read("p/a/CHANGELOG.md").contains("both again"));
}
