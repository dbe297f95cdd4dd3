//! QA43: `git pull origin main` (a pull that names its branch brings no tags) after another
//! clone released and pushed: the release commit came without its tag and read as "an
//! interrupted release", and `relhook release --resume` made a second, different tag of the
//! name. The message says the tag may not be fetched yet, and `--resume` asks the remote
//! first: its tag is taken with `git fetch`, never made again.

use crate::qa41_both_released::both_released;
use crate::support::{ok, stderr, stdout, text};

#[test]
fn a_release_commit_pulled_without_its_tag_is_fetched_not_tagged_again() {
    let (repo, b) = both_released();
    // This clone's own release taken out first: only the other clone's is pulled.
    repo.git(&["tag", "-d", "v0.1.1"]);
    repo.git(&["reset", "-q", "--keep", "HEAD~2"]);
    let theirs = String::from_utf8_lossy(&repo.git_in(&b, &["rev-parse", "v0.1.1"], &[]).stdout)
        .trim()
        .to_owned();
    ok(repo.git_output(&["pull", "-q", "--rebase", "origin", "main"]));
    assert!(repo.git(&["tag", "-l", "v0.1.1"]).is_empty());
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(doctor.contains("not fetched yet?"), "{doctor}");
    let out = repo.relhook(&["release", "--resume"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        repo.git(&["tag", "-l", "v0.1.1"]).is_empty(),
        "{}",
        text(&out)
    );
    let err = stderr(&out);
    let fetch = err
        .split('`')
        .find(|c| c.starts_with("git fetch"))
        .unwrap_or_else(|| panic!("{err}"));
    ok(repo.sh(fetch));
    assert_eq!(repo.git(&["rev-parse", "v0.1.1"]), theirs);
    let doctor = repo.relhook(&["doctor"]);
    assert!(doctor.status.success(), "{}", text(&doctor));
}
