//! QA43: a package tag made past the hook (`RELHOOK_SKIP=1 git tag -a a-v2.0.0`) on a commit
//! whose package changelog has no `## [2.0.0]` (or no changelog at all yet) was not reported
//! by doctor as a root tag is, and `relhook release --package a` said "nothing to release: no
//! commits since a-v2.0.0". Now doctor reports it with the package's fix, and the release
//! refuses naming it.

use crate::support::{Repo, ok, stderr, stdout, text};

/// Package `a` (a/pyproject.toml at 1.0.0), relhook installed; `released`: a-v1.0.0 made
/// and a fix committed after it (so a/CHANGELOG.md exists), else a root commit only (it does
/// not). Then `a-v2.0.0` tagged past the hook on HEAD.
fn skipped_tag(released: bool) -> Repo {
    let repo = crate::qa43_package_revert::package_a();
    if released {
        repo.write("a/m.py", "1\n");
        repo.git(&["add", "-A"]);
        repo.commit_hooked("fix: y");
        ok(repo.relhook(&["release", "--package", "a"]));
        repo.write("a/m.py", "2\n");
        repo.git(&["add", "-A"]);
        repo.commit_hooked("fix: z");
    } else {
        // A commit after `relhook install` outside the package: a/CHANGELOG.md is not written.
        repo.commit_hooked("docs: readme");
    }
    ok(repo.git_skipping_relhook(&["tag", "-a", "a-v2.0.0", "-m", "x"]));
    repo
}

fn doctor_reports_it(repo: &Repo) {
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(
        said.contains("INVALID  tag a-v2.0.0")
            && said.contains("fix: git tag -d a-v2.0.0 && relhook release --package a 2.0.0"),
        "{}",
        text(&out)
    );
    assert!(!said.contains("does not exist, though a-v2.0.0"), "{said}");
}

fn the_release_refuses_naming_it(repo: &Repo) {
    let out = repo.relhook(&["release", "--package", "a"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("release tag a-v2.0.0")
            && err.contains("`git tag -d a-v2.0.0`, then `relhook release --package a 2.0.0`")
            && !err.contains("nothing to release"),
        "{err}"
    );
    assert_eq!(repo.git(&["tag", "-l", "a-v2.0.1"]), "");
}

#[test]
fn a_skipped_package_tag_without_its_section_is_reported_and_refused() {
    let repo = skipped_tag(true);
    doctor_reports_it(&repo);
    the_release_refuses_naming_it(&repo);
}

#[test]
fn a_skipped_package_tag_before_its_changelog_exists_is_reported_and_refused() {
    let repo = skipped_tag(false);
    doctor_reports_it(&repo);
    the_release_refuses_naming_it(&repo);
}
