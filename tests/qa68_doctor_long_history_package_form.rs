//! QA68: doctor's check of the tag prefix over more than 1000 unreleased commits (QA63) read
//! the root project's alone; a package whose tags are in another form than its template
//! (`api-1.0.0` beside `api-v{version}`) was offered `relhook changelog --stdout --package
//! api | diff …`, whose changelog command fails. Each package's tags are checked too, and
//! said once, in the package's version row (QA171).

use crate::support::{Repo, ok, stdout};

#[test]
fn doctor_names_a_package_tag_form_problem_not_a_diff_that_cannot_work() {
    let repo = Repo::new();
    repo.feat_history(1002);
    repo.git(&["tag", "-a", "api-1.0.0", "-m", "api 1.0.0", "main~1001"]);
    repo.write(
        ".relconfig.toml",
        "[packages.api]\npath = \"api\"\ntag = \"api-v{version}\"\n",
    );
    repo.write("api/a.txt", "a\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "feat(api): a"]);
    ok(repo.relhook(&["install"]));
    let out = repo.relhook(&["changelog", "--stdout", "--package", "api"]);
    assert_ne!(out.status.code(), Some(0));
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("more than 1000 commits"), "{doctor}");
    let row = doctor
        .lines()
        .find(|l| l.contains("INVALID  version of api:"))
        .unwrap_or_else(|| panic!("{doctor}"));
    assert!(
        row.contains("`relhook changelog --package api` and releases stop here"),
        "{row}"
    );
    assert!(row.contains("api-1.0.0"), "{row}");
    assert!(!doctor.contains("| diff"), "{doctor}");
}
