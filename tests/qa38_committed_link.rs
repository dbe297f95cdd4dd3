//! QA38: a CHANGELOG.md committed as a symbolic link to nothing. The fix every command named,
//! `rm CHANGELOG.md && git checkout -- CHANGELOG.md`, only brought the same link back. Now the
//! fix takes the link out of the repository, and the commit that does so is not told it lost a
//! changelog.

use crate::support::{installed_repo, stderr, stdout, text};

#[test]
fn a_committed_link_to_nothing_gets_a_fix_that_works() {
    let repo = installed_repo();
    std::fs::remove_file(repo.path().join("CHANGELOG.md")).unwrap();
    let gone = repo.scratch("gone").join("CHANGELOG.md");
    std::os::unix::fs::symlink(&gone, repo.path().join("CHANGELOG.md")).unwrap();
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: link"]);
    let out = repo.try_commit("feat: n");
    let fix = "`git rm -q :/CHANGELOG.md` and commit (the link is committed: `git checkout` would bring it back)";
    assert!(stderr(&out).contains(fix), "{}", text(&out));
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(doctor.contains(fix), "{doctor}");
    let sync = repo.relhook(&["changelog", "--sync"]);
    assert!(stderr(&sync).contains(fix), "{}", text(&sync));
    // Followed: the link goes, in silence, and the next entry starts a file.
    repo.git(&["rm", "-q", "CHANGELOG.md"]);
    let out = repo.git_output(&["commit", "-q", "-m", "chore: drop the link"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        !stderr(&out).contains("deletes CHANGELOG.md"),
        "{}",
        text(&out)
    );
    let out = repo.try_commit("feat: m");
    assert!(
        stderr(&out).contains("created it, and added `- m`"),
        "{}",
        text(&out)
    );
    ok_sync(&repo);
}

fn ok_sync(repo: &crate::support::Repo) {
    let out = repo.relhook(&["changelog", "--sync"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- m\n") && log.contains("- n\n"), "{log}");
}
