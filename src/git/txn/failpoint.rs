//! The test hook `RELHOOK_TEST_FAILPOINT=<step>[:pause]`: a named step of a transaction (or
//! of a release or hand-tag rewrite) fails there, or sleeps 10 s so a test can kill it.

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
        if action == "pause" {
            let _ = writeln!(std::io::stderr(), "relhook: failpoint {step}: pausing");
            std::thread::sleep(Duration::from_secs(10));
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
