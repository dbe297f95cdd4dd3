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

/// A launcher found in a hook file.
#[derive(Debug, PartialEq, Eq)]
pub struct Found {
    /// The relhook it starts.
    pub relhook: String,
    /// Whether it is this relhook's launcher byte for byte (what follows it aside).
    pub current: bool,
    /// Shorter than its own headers say: cut short, it cannot start (every ref update fails).
    pub damaged: bool,
    /// What follows the program in the file (`echo … >> hook`): never run, never to be lost.
    pub appended: Vec<u8>,
}

/// The launcher in `bytes` (a hook file's start), whichever relhook build wrote it; `None`
/// for any other file.
pub fn relhook_of(bytes: &[u8]) -> Option<Found> {
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
    let len = elf_len(bytes);
    let program = &bytes[..len.unwrap_or(bytes.len()).min(bytes.len())];
    Some(Found {
        relhook: path.to_owned(),
        current: render(path).is_some_and(|ours| ours == program),
        damaged: len.is_none_or(|len| len > bytes.len()),
        appended: bytes.get(program.len()..).unwrap_or_default().to_vec(),
    })
}

/// How long the 64-bit little-endian ELF program at the start of `bytes` is, by its own
/// headers: the furthest of its header tables and of what its segments load. `None` when the
/// headers themselves are cut short or make no sense.
fn elf_len(bytes: &[u8]) -> Option<usize> {
    let u16_at = |at: usize| Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?));
    let u64_at = |at: usize| {
        let v = u64::from_le_bytes(bytes.get(at..at.checked_add(8)?)?.try_into().ok()?);
        usize::try_from(v).ok()
    };
    if bytes.get(4..6) != Some(&[2, 1]) {
        return None; // not ELF64, little-endian
    }
    let table = |off: usize, size: u16, n: u16| off.checked_add(usize::from(size) * usize::from(n));
    let (phoff, phsize, phnum) = (u64_at(0x20)?, u16_at(0x36)?, u16_at(0x38)?);
    let (shoff, shsize, shnum) = (u64_at(0x28)?, u16_at(0x3a)?, u16_at(0x3c)?);
    let mut end = table(phoff, phsize, phnum)?.max(table(shoff, shsize, shnum)?);
    for i in 0..usize::from(phnum) {
        let ph = phoff.checked_add(i * usize::from(phsize))?;
        let (offset, size) = (u64_at(ph.checked_add(8)?)?, u64_at(ph.checked_add(0x20)?)?);
        end = end.max(offset.checked_add(size)?);
    }
    Some(end)
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
        let found = |relhook: &str, current, damaged, appended: &[u8]| {
            Some(Found {
                relhook: relhook.to_owned(),
                current,
                damaged,
                appended: appended.to_vec(),
            })
        };
        assert_eq!(
            relhook_of(&bytes),
            found("/opt/bin/relhook", true, false, b"")
        );
        // A launcher some other relhook wrote names its relhook, and is not this one's.
        let mut older = bytes.clone();
        older[0x40] ^= 1;
        assert_eq!(
            relhook_of(&older),
            found("/opt/bin/relhook", false, false, b"")
        );
        // Text after either is what was appended; a launcher cut short is damaged.
        let added = [&older[..], b"echo more\n"].concat();
        assert_eq!(
            relhook_of(&added),
            found("/opt/bin/relhook", false, false, b"echo more\n")
        );
        let added = [&bytes[..], b"\0x"].concat();
        assert_eq!(
            relhook_of(&added),
            found("/opt/bin/relhook", true, false, b"\0x")
        );
        let short = &bytes[..bytes.len() - 100];
        assert_eq!(
            relhook_of(short),
            found("/opt/bin/relhook", false, true, b"")
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
