//! QA22: in a linked worktree, a ref's lock lives in the common git dir (only HEAD and the
//! per-worktree refs lock in the worktree's own). A lock a crashed git left there is named at
//! its real path, as possibly stale, with the `rm` that removes it.

use crate::support::{configured_with_a_feature, stderr, text};

#[test]
fn a_stale_notes_lock_seen_from_a_linked_worktree_is_named_where_it_is() {
    let repo = configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".to_owned());
    let wt = repo.scratch("wt");
    repo.git(&["worktree", "add", "-q", "-b", "side", wt.to_str().unwrap()]);
    let lock = repo.path().join(".git/refs/notes/relhook-tests.lock");
    std::fs::create_dir_all(lock.parent().unwrap()).unwrap();
    std::fs::write(&lock, "").unwrap();
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    std::fs::File::options()
        .write(true)
        .open(&lock)
        .unwrap()
        .set_modified(old)
        .unwrap();
    let out = repo
        .command_in(crate::support::relhook_bin(), &wt)
        .env("RELHOOK_LOCK_WAIT_MS", "200")
        .arg("test")
        .output()
        .unwrap();
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let real = lock.canonicalize().unwrap();
    assert!(
        err.contains(&format!("`{}` has been there for", real.display())),
        "{err}"
    );
    assert!(err.contains("a git that crashed left it"), "{err}");
}
