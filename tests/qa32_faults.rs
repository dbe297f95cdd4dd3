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
            && said.contains("File too large"),
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
