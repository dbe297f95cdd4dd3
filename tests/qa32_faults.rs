//! QA32: under a file size limit (`ulimit -f`), relhook died of SIGXFSZ mid-write: git said
//! only "post-commit died of signal 25", a release left its journal and index.lock for the
//! next command. A write past the limit is an error now, undone and said in one line.

use crate::support::{installed_repo, stderr, text};

#[test]
fn a_write_past_the_file_size_limit_is_said_not_a_signal() {
    let repo = installed_repo();
    // A changelog past the limit (4 KiB): its next version cannot be written.
    let mut log = repo.read("CHANGELOG.md");
    log.push_str(&"<!-- padding ---------------------------------------------- -->\n".repeat(80));
    repo.write("CHANGELOG.md", &log);
    repo.git(&["commit", "-q", "-am", "docs: pad the changelog"]);
    let head = repo.git(&["rev-parse", "HEAD"]);

    let out = repo.sh("ulimit -f 4; echo x > x.txt; git add x.txt; git commit -q -m 'feat: x'");
    let said = stderr(&out);
    assert!(!said.contains("died of signal"), "{}", text(&out));
    assert!(
        said.contains("the changelog entry was not added to commit")
            // QA50: the object write keeps the OS error (EFBIG), so the limit is named.
            && said.contains("larger than the file size limit of this shell (`ulimit -f`)"),
        "{}",
        text(&out)
    );
    // git's commit stands, as git made it; nothing of relhook's is left behind.
    assert_ne!(repo.git(&["rev-parse", "HEAD"]), head);
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
    assert!(!repo.path().join(".git/index.lock").exists());
    assert!(!repo.path().join(".git/relhook-txn").exists());
}

/// A split index (`core.splitIndex`), which relhook's git library cannot read: the hand tag's
/// refusal said "try again in a moment", which never helps, and install said nothing of it.
#[test]
fn a_split_index_is_said_at_install_and_a_refused_tag_is_not_told_to_wait() {
    let repo = crate::support::Repo::new();
    repo.commit("feat: a");
    repo.git(&["config", "core.splitIndex", "true"]);
    repo.git(&["update-index", "--split-index"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        stderr(&out).contains("core.splitIndex") && stderr(&out).contains("relhook: warning:"),
        "{}",
        text(&out)
    );
    let said = crate::support::hand_tag_refused(&repo, "v0.1.0");
    assert!(said.contains("then tag again"), "{said}");
    assert!(!said.contains("try again in a moment"), "{said}");
}

/// A lock left on the release's tag was found only at the tag, after the release commit and
/// its whole test run, which were then undone: it is found before anything is made now.
#[test]
fn a_lock_on_the_tag_is_found_before_the_release_commit() {
    let repo = crate::support::untested_installed();
    repo.commit_hooked("fix: a");
    let head = repo.git(&["rev-parse", "HEAD"]);
    std::fs::create_dir_all(repo.path().join(".git/refs/tags")).unwrap();
    std::fs::write(repo.path().join(".git/refs/tags/v0.1.0.lock"), "").unwrap();
    let mut cmd = repo.command_in(crate::support::relhook_bin(), &repo.path());
    cmd.args(["release", "--no-test"])
        .env("RELHOOK_LOCK_WAIT_MS", "50")
        .env("RELHOOK_TEST_FAILPOINT", "release-committed");
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let said = stderr(&out);
    assert!(said.contains("v0.1.0.lock"), "{said}");
    // Stopped before the commit: the failpoint after it was never reached.
    assert!(!said.contains("failpoint"), "{said}");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
}
