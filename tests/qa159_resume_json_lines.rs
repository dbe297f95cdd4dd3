//! QA159: `relhook release --resume --format json` (a monorepo's, and a single project's)
//! reported the tags it made, but not what it says on stderr after them: a tag pre-push will
//! refuse as untested and the `next:` step were on stderr only. The report now carries them in
//! `notes`, `warnings` and `next`, as the release's own report does.

use crate::support::told::{reported, strings, two_packages};
use crate::support::{Repo, ok};

const PROGRESS: &[&str] = &["relhook: finishing the release of ", " tagged on "];

#[test]
fn a_monorepo_resume_s_report_carries_the_untested_tag_and_the_next_step() {
    // A release commit whose tags are missing, as a kill leaves it.
    let repo = two_packages("", true);
    repo.git(&["tag", "-d", "a-v1.0.0", "b-v1.0.0"]);
    let args = ["release", "--resume", "--no-test", "--format", "json"];
    let v = reported(&repo, &args, PROGRESS);
    assert_eq!(repo.git(&["tag", "-l", "a-v1.0.0"]), "a-v1.0.0");
    let notes = strings(&v, "notes");
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("a-v1.0.0 was not tested (--no-test)")),
        "{v:#}"
    );
    let next = v["next"].as_str().unwrap_or_else(|| panic!("{v:#}"));
    assert!(next.contains("relhook test"), "{v:#}");
}

#[test]
fn a_single_resume_s_report_carries_them_too() {
    let repo = Repo::new();
    repo.write("package.json", r#"{"name":"x","version":"1.0.0"}"#);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat: start"]);
    ok(repo.relhook(&["install"]));
    ok(repo.relhook(&["release", "--no-test"]));
    repo.git(&["tag", "-d", "v1.0.0"]);
    let args = ["release", "--resume", "--no-test", "--format", "json"];
    let v = reported(&repo, &args, PROGRESS);
    assert!(
        strings(&v, "notes")
            .iter()
            .any(|n| n.starts_with("v1.0.0 was not tested (--no-test)")),
        "{v:#}"
    );
    assert!(v["next"].as_str().is_some(), "{v:#}");
}
