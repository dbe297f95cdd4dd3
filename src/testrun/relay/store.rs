//! Where the test output waits to be read: a file in memory on Linux (`memfd`), else an
//! unlinked temporary file, and the part already read freed as relhook goes. A small `$TMPDIR`
//! that the output outgrew made a passing suite's own writes fail (ENOSPC), and their error
//! went into the same full file.

use std::fs::File;

/// A new file for the output, `None` when none can be made.
#[cfg(target_os = "linux")]
pub fn create() -> Option<File> {
    use std::os::fd::FromRawFd;
    // SAFETY: a NUL-terminated name and flags; a descriptor returned is ours alone.
    let fd = unsafe { libc::memfd_create(c"relhook-test-output".as_ptr(), libc::MFD_CLOEXEC) };
    if fd >= 0 {
        // SAFETY: `fd` is open and owned by nothing else.
        return Some(unsafe { File::from_raw_fd(fd) });
    }
    tempfile::tempfile().ok()
}

#[cfg(not(target_os = "linux"))]
pub fn create() -> Option<File> {
    tempfile::tempfile().ok()
}

/// Frees the bytes `from..to` of `file`, read already, keeping its size and where the command
/// writes: whether that could be done.
#[cfg(target_os = "linux")]
pub fn free(file: &File, from: u64, to: u64) -> bool {
    use std::os::fd::AsRawFd;
    let (Ok(at), Ok(len)) = (
        libc::off_t::try_from(from),
        libc::off_t::try_from(to - from),
    ) else {
        return false;
    };
    let how = libc::FALLOC_FL_PUNCH_HOLE | libc::FALLOC_FL_KEEP_SIZE;
    // SAFETY: fallocate on an open descriptor changes no memory of ours.
    unsafe { libc::fallocate(file.as_raw_fd(), how, at, len) == 0 }
}

#[cfg(not(target_os = "linux"))]
pub fn free(_: &File, _: u64, _: u64) -> bool {
    false
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use std::io::Write;
    use std::os::unix::fs::{FileExt, MetadataExt};

    #[test]
    fn freed_bytes_take_no_room_and_the_rest_reads_as_written() {
        let mut file = super::create().unwrap();
        let big = vec![b'x'; 1 << 20];
        file.write_all(&big).unwrap();
        file.write_all(b"tail").unwrap();
        assert!(super::free(&file, 0, 1 << 20));
        let meta = file.metadata().unwrap();
        assert_eq!(meta.len(), (1 << 20) + 4);
        assert!(meta.blocks() * 512 < 64 * 1024, "{}", meta.blocks());
        let mut tail = [0u8; 4];
        file.read_exact_at(&mut tail, 1 << 20).unwrap();
        assert_eq!(&tail, b"tail");
        // The next write goes on at the end, not into the hole.
        file.write_all(b"more").unwrap();
        assert_eq!(file.metadata().unwrap().len(), (1 << 20) + 8);
    }
}
