//! A changelog that is not UTF-8, said at its first bad byte.

use std::path::PathBuf;

use super::Error;

impl Error {
    /// A changelog that is not UTF-8, at the line and column of its first bad byte.
    pub fn changelog_not_utf8(path: impl Into<PathBuf>, bytes: &[u8]) -> Self {
        let at = std::str::from_utf8(bytes)
            .err()
            .map_or(0, |e| e.valid_up_to());
        let before = &bytes[..at];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let start = before
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
        let byte = bytes
            .get(at)
            .map_or(String::new(), |b| format!(" (byte 0x{b:02X})"));
        Error::NotKeepAChangelog {
            path: path.into(),
            line,
            message: format!("column {column}{byte} is not UTF-8; save the file as UTF-8"),
        }
    }
}
