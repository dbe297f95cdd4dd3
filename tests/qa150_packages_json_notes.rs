//! QA150: `relhook release --all|--package --format json` (a monorepo's release) printed a
//! report without the `notes` and `warnings` the single release's report has: a commit not
//! understood, a package left out, tests that would not start, a file still saying the old
//! version, a tag pre-push will refuse as untested and the `next:` step were said on stderr
//! only, so a script reading the JSON missed them. The report now carries every such line.

use crate::support::told::{has, reported_with, strings, two_packages};
use crate::support::{Repo, ok};

/// Packages a and b at 1.0.0, both released, a's tests a program that is not there,
/// untested tags refused by pre-push; then `fix(a): mend`, which leaves a's README naming
/// 1.0.0, and `Update a` (not a Conventional Commit). b has nothing since its release.
fn a_changed_oddly() -> Repo {
    let repo = two_packages("test = [\"qa150-no-such-program\"]\n", true);
    repo.write("p/a/README.md", "Install a 1.0.0 with npm.\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(a): mend");
    repo.write("p/a/two.js", "2\n");
    repo.git(&["add", "-A"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "Update a"]));
    repo
}

/// What stderr says of progress, beside what the report must carry.
const PROGRESS: &[&str] = &["relhook: releasing ", " tagged on "];

/// The JSON report of `relhook ARGS` (exit 0), every other line of its stderr in it, and
/// that stderr.
fn report(repo: &Repo, args: &[&str]) -> (serde_json::Value, String) {
    reported_with(repo, args, PROGRESS)
}

#[test]
fn a_dry_run_s_report_carries_its_notes_and_warnings() {
    let repo = a_changed_oddly();
    let (v, err) = report(
        &repo,
        &[
            "release",
            "--all",
            "--dry-run",
            "--allow-unlinted",
            "--format",
            "json",
        ],
    );
    assert_eq!(v["dry_run"], true, "{v:#}");
    let warnings = strings(&v, "warnings");
    assert!(
        warnings.iter().any(|w| w
            .starts_with("package a: 1 commit since a-v1.0.0 is not a Conventional Commit")
            && w.ends_with(" Update a")),
        "{v:#}"
    );
    assert!(has(&v, "notes", "b is not released: "), "{v:#}");
    assert!(
        strings(&v, "notes")
            .iter()
            .any(|n| n.starts_with("the release would refuse: ")
                && n.contains("qa150-no-such-program")),
        "{v:#}"
    );
    assert!(
        has(&v, "notes", "p/a/README.md:1 would still say 1.0.0"),
        "{v:#}"
    );
    assert!(v["next"].is_null(), "{v:#}");
    // Each said on stderr too, for people.
    assert!(err.contains("relhook: b is not released: "), "{err}");
    assert!(err.contains("relhook: warning: package a: "), "{err}");
}

#[test]
fn a_release_s_report_carries_its_notes_warnings_and_next_step() {
    let repo = a_changed_oddly();
    let args = [
        "release",
        "--all",
        "--no-test",
        "--allow-unlinted",
        "--format",
        "json",
    ];
    let (v, _) = report(&repo, &args);
    assert_eq!(v["dry_run"], false, "{v:#}");
    assert_eq!(repo.git(&["tag", "-l", "a-v1.0.1"]), "a-v1.0.1");
    let warnings = strings(&v, "warnings");
    assert!(warnings.iter().any(|w| w.ends_with(" Update a")), "{v:#}");
    assert!(has(&v, "notes", "b is not released: "), "{v:#}");
    assert!(
        has(&v, "notes", "a-v1.0.1 was not tested (--no-test)"),
        "{v:#}"
    );
    assert!(
        has(&v, "notes", "p/a/README.md:1 still says 1.0.0"),
        "{v:#}"
    );
    let next = v["next"].as_str().unwrap_or_else(|| panic!("{v:#}"));
    assert!(next.contains("relhook test"), "{v:#}");
}

#[test]
fn a_package_s_release_reports_them_too() {
    let repo = a_changed_oddly();
    let args = [
        "release",
        "--package",
        "a",
        "--dry-run",
        "--allow-unlinted",
        "--format",
        "json",
    ];
    let (v, _) = report(&repo, &args);
    assert!(
        strings(&v, "warnings")
            .iter()
            .any(|w| w.ends_with(" Update a")),
        "{v:#}"
    );
    assert!(has(&v, "notes", "the release would refuse: "), "{v:#}");
}
