//! QA47: libgit2's status read racing an editor's in-place save of a work-tree file (a hook
//! or release reading `git status` meanwhile) failed with a two-line error ("error reading
//! file for hashing", then its `caused by` line). The read is now tried again, a short
//! bounded time; should it still fail, one line names the file being written.

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::support::{installed_repo, text};

#[test]
fn a_file_saved_in_place_while_the_status_is_read_is_read_again() {
    let repo = installed_repo();
    repo.write("big.txt", "x".repeat(4 << 20));
    repo.git(&["add", "big.txt"]);
    repo.commit_hooked("feat: big");
    let path = repo.path().join("big.txt");
    let stop = Arc::new(AtomicBool::new(false));
    // An editor saving in place, over and over: truncated, then written in pieces.
    let saving = {
        let stop = Arc::clone(&stop);
        std::thread::spawn(move || {
            let mut n = 0u8;
            while !stop.load(Ordering::Relaxed) {
                let mut f = std::fs::File::create(&path).unwrap();
                for _ in 0..64 {
                    f.write_all(&[b'a' + n % 20; 64 << 10]).unwrap();
                }
                n = n.wrapping_add(1);
            }
        })
    };
    let mut failures = Vec::new();
    for _ in 0..60 {
        // `--dry-run` reads the status (a clean tree is checked) and writes nothing.
        let out = repo.relhook(&["release", "--dry-run"]);
        let said = text(&out);
        if said.contains("read the status") {
            failures.push(said);
        }
    }
    stop.store(true, Ordering::Relaxed);
    saving.join().unwrap();
    for said in failures {
        // Three races in a row: said in one line, naming the file.
        assert!(!said.contains("caused by"), "{said}");
        assert!(
            said.contains("could not read the status: big.txt changed while it was read"),
            "{said}"
        );
    }
}
