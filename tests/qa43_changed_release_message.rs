//! QA43 (open since QA41): a release interrupted before its tag (the tag deleted here), then
//! `[release] commit_message` changed and committed. The release commit, named with the old
//! default message, was no longer recognised: doctor said "all is well" and the release
//! advice was a hand tag. It is recognised by its section, and `--resume` finishes it.

use crate::support::{ok, stdout, text, untested_installed};

#[test]
fn a_release_commit_made_before_the_message_changed_is_still_finished_by_resume() {
    let repo = untested_installed();
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release"]));
    repo.git(&["tag", "-d", "v0.1.0"]);
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[release]\ncommit_message = \"release: {version}\"\n",
    );
    ok(repo.git_output(&["commit", "-q", "-a", "-m", "chore: another release message"]));
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(1), "{}", text(&doctor));
    assert!(
        stdout(&doctor).contains("relhook release --resume"),
        "{}",
        text(&doctor)
    );
    ok(repo.relhook(&["release", "--resume"]));
    assert_eq!(
        repo.git(&["rev-parse", "v0.1.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD~1"])
    );
}
