//! QA37: a release tag moved back by hand (`git tag -f`) after it was pushed: doctor called it
//! an interrupted release and named `--resume`, which made another tag of that name (with the
//! moved tag's message), which the remote then refused. The remote's tag is the one to fetch.

use crate::support::{dated_release, ok, stdout, text, untested_installed};

#[test]
fn doctor_names_the_fetch_of_the_published_tag() {
    let repo = untested_installed();
    repo.with_origin();
    repo.commit_hooked("feat: a");
    ok(dated_release(&repo, &["--no-test"]));
    ok(repo.git_output(&["push", "-q", "--follow-tags", "-u", "origin", "main"]));
    let published = repo.git(&["rev-parse", "v0.1.0"]);
    repo.git_env(
        &["tag", "-f", "-a", "v0.1.0", "HEAD~1", "-m", "moved"],
        &[("RELHOOK_SKIP", "1")],
    );
    let doctor = repo.relhook(&["doctor"]);
    let said = stdout(&doctor);
    assert!(
        said.contains(
            "tag v0.1.0 is on the commit before it, though origin has the release commit"
        ),
        "{said}"
    );
    assert!(
        said.contains("fix: git fetch --force origin tag v0.1.0 || relhook release --resume"),
        "{said}"
    );
    // The fix brings back the published tag, as it was.
    ok(repo.git_output(&["fetch", "-q", "--force", "origin", "tag", "v0.1.0"]));
    assert_eq!(repo.git(&["rev-parse", "v0.1.0"]), published);
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(0), "{}", text(&doctor));
}
