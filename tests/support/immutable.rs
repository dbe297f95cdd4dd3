//! `chattr +i` for the tests of files relhook cannot write: root writes past `chmod 444`, not
//! past an immutable file.

use std::path::{Path, PathBuf};
use std::process::Command;

/// `chattr +i` on a file, taken off again when dropped, even when the test fails.
pub struct Immutable(PathBuf);

impl Immutable {
    /// The file made immutable, or `None` (said on stdout, for the test to skip) where it cannot
    /// be: no `chattr`, a file system without the attribute, no root.
    pub fn set(path: &Path) -> Option<Immutable> {
        let out = Command::new("chattr").arg("+i").arg(path).output();
        let why = match out {
            Ok(o) if o.status.success() => return Some(Immutable(path.to_owned())),
            Ok(o) => String::from_utf8_lossy(&o.stderr).trim().to_owned(),
            Err(e) => e.to_string(),
        };
        println!("skipped: `chattr +i` cannot be used here ({why})");
        None
    }
}

impl Drop for Immutable {
    fn drop(&mut self) {
        let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
    }
}
