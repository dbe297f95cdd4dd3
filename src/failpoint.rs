//! The test hook `RELHOOK_TEST_FAILPOINT=<step>[:pause|:hold]`: a named step of a transaction
//! (or of a release or hand-tag rewrite, or of an atomic write beside its file:
//! `beside-written`; of a work-tree file about to be replaced: `file-replacing`; of a finished
//! transaction's journal: `journal-removal`; of post-commit's first instruction:
//! `post-commit-started`) fails there,
//! or sleeps 10 s so a test can kill it (`RELHOOK_TEST_PAUSED=<file>`: the file is written
//! once the pause begins), or holds until the test removes that file. A leaf, so that `fsx`
//! has it too.

use std::io::Write;
use std::time::Duration;

use crate::{Error, Result};

/// Fails (or pauses, for a kill test) at the named step when `RELHOOK_TEST_FAILPOINT` says so.
pub fn failpoint(step: &str) -> Result<()> {
    let Ok(spec) = std::env::var("RELHOOK_TEST_FAILPOINT") else {
        return Ok(());
    };
    for point in spec.split(',') {
        let (name, action) = point.split_once(':').unwrap_or((point, "fail"));
        if name != step {
            continue;
        }
        // `hold`: paused until the test removes the `RELHOOK_TEST_PAUSED` file (it does
        // something there, say an editor's save, then lets relhook go on).
        if action == "hold" {
            if let Some(paused) = std::env::var_os("RELHOOK_TEST_PAUSED") {
                let _ = std::fs::write(&paused, step);
                for _ in 0..1000 {
                    if std::fs::symlink_metadata(&paused).is_err() {
                        break;
                    }
                    std::thread::sleep(Duration::from_millis(10));
                }
            }
            return Ok(());
        }
        if action == "pause" {
            let _ = writeln!(std::io::stderr(), "relhook: failpoint {step}: pausing");
            // A test waits for this file rather than guessing how long the way here takes.
            if let Some(paused) = std::env::var_os("RELHOOK_TEST_PAUSED") {
                let _ = std::fs::write(paused, step);
            }
            // A signal deferred meanwhile (see `interrupt`) ends the pause: the step goes on
            // to find it, as it would have without the pause.
            for _ in 0..500 {
                if crate::interrupt::received().is_some() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            return Ok(());
        }
        return Err(Error::io(
            "continue at failpoint",
            step,
            std::io::Error::other("RELHOOK_TEST_FAILPOINT"),
        ));
    }
    Ok(())
}
