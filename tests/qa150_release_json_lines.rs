//! QA150: `relhook release --format json` (one project) carried the notes and warnings of its
//! plan, but not what it says on stderr after planning: a file that still says (or, in a dry
//! run, would still say) the old version, a tag pre-push will refuse as untested, a journal
//! left behind, and the `next:` step. The report now carries every such line, `next` included.

use crate::support::told::{has, reported};
use crate::support::{Repo, ok};

/// A project at 1.0.0 (package.json) released once, its README naming 1.0.0, and `fix: mend`
/// committed through the hooks; untested tags are refused by pre-push (the default).
fn mended() -> Repo {
    let repo = Repo::new();
    repo.write("package.json", r#"{"name":"x","version":"1.0.0"}"#);
    repo.write("README.md", "Install x 1.0.0 with npm.\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat: start"]);
    ok(repo.relhook(&["install"]));
    ok(repo.relhook(&["release", "--no-test"]));
    repo.write("two.js", "2\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix: mend");
    repo
}

/// The JSON report of `relhook ARGS` (exit 0), with every line of its stderr but the
/// progress found in it.
fn report(repo: &Repo, args: &[&str]) -> serde_json::Value {
    reported(repo, args, &["relhook: releasing ", " is tagged on "])
}

#[test]
fn a_dry_run_s_report_says_the_file_that_would_still_say_the_old_version() {
    let repo = mended();
    let v = report(&repo, &["release", "--dry-run", "--format", "json"]);
    assert!(
        has(&v, "notes", "README.md:1 would still say 1.0.0"),
        "{v:#}"
    );
    assert!(v["next"].is_null(), "{v:#}");
}

#[test]
fn a_release_s_report_says_the_untested_tag_and_the_next_step() {
    let repo = mended();
    let v = report(&repo, &["release", "--no-test", "--format", "json"]);
    assert!(has(&v, "notes", "README.md:1 still says 1.0.0"), "{v:#}");
    assert!(
        has(&v, "notes", "v1.0.1 was not tested (--no-test)"),
        "{v:#}"
    );
    let next = v["next"].as_str().unwrap_or_else(|| panic!("{v:#}"));
    assert!(next.contains("relhook test"), "{v:#}");
}
