//! The reference-transaction hook as a small program of its own (`launcher/`, built by
//! `build.rs` on x86_64 Linux): it starts in a twentieth of the time relhook or `sh` take, ends
//! at once for every ref update that is not relhook's business, and starts relhook with the
//! same arguments and input for the rest. It holds relhook's path in a block after [`MARKER`],
//! which [`render`] fills in.
//!
//! A file of the hook's own, unlike a link to relhook: a tool that writes the hook file
//! (`curl -o`, `cp`, an editor) writes it, not relhook's binary through it.

/// The launcher compiled for this platform; empty where there is none.
const BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/rt-launcher"));

/// What precedes relhook's path (NUL-terminated) in the launcher.
const MARKER: &[u8] = b"relhook-launcher:v1:path=";

/// The block the path goes into, marker included.
const BLOCK_LEN: usize = 4096;

/// Whether this relhook has a launcher to write.
pub fn available() -> bool {
    !BYTES.is_empty()
}

/// The launcher naming `relhook`; `None` where there is none, or the path cannot be held
/// (too long, or holding a NUL).
pub fn render(relhook: &str) -> Option<Vec<u8>> {
    let at = memchr::memmem::find(BYTES, MARKER)? + MARKER.len();
    let path = relhook.as_bytes();
    if path.is_empty() || path.contains(&0) || MARKER.len() + path.len() >= BLOCK_LEN {
        return None;
    }
    let mut out = BYTES.to_vec();
    out[at..at + path.len()].copy_from_slice(path);
    out[at + path.len()] = 0;
    Some(out)
}

/// The relhook a launcher names, and whether it is this relhook's launcher byte for byte;
/// `None` for any other file.
pub fn relhook_of(bytes: &[u8]) -> Option<(String, bool)> {
    if !bytes.starts_with(b"\x7fELF") {
        return None;
    }
    let at = memchr::memmem::find(bytes, MARKER)? + MARKER.len();
    let rest = bytes.get(at..)?;
    let end = memchr::memchr(0, rest)?;
    let path = std::str::from_utf8(&rest[..end]).ok()?;
    if path.is_empty() {
        return None;
    }
    let current = render(path).is_some_and(|ours| ours == bytes);
    Some((path.to_owned(), current))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rendered_launcher_names_its_relhook_and_nothing_else_is_one() {
        if !available() {
            return;
        }
        let bytes = render("/opt/bin/relhook").unwrap();
        assert_eq!(bytes.len(), BYTES.len());
        assert_eq!(
            relhook_of(&bytes),
            Some(("/opt/bin/relhook".to_owned(), true))
        );
        // A launcher some other relhook wrote names its relhook, and is not this one's.
        let mut older = bytes.clone();
        older[0x40] ^= 1;
        assert_eq!(
            relhook_of(&older),
            Some(("/opt/bin/relhook".to_owned(), false))
        );
        // The unfilled launcher, a script and a path with a NUL are none.
        assert_eq!(relhook_of(BYTES), None);
        assert_eq!(
            relhook_of(b"#!/bin/sh\nrelhook-launcher:v1:path=/x\0"),
            None
        );
        assert!(render("/a\0b").is_none());
        assert!(render(&"x".repeat(BLOCK_LEN)).is_none());
    }
}
