//! Whether a hooks directory is this machine's alone: a hook that names this machine's relhook
//! on its `#!` line, or is a program built for it (`launcher`), fails when git of another
//! system or architecture runs it from a file system both mount.

use std::path::Path;

/// Whether a shim may name this machine's relhook on its `#!` line (and reference-transaction be
/// the launcher or a link): not in a hooks directory inside the work tree (a team's tracked
/// `.githooks`), where another clone's relhook lives elsewhere and the sh shim's fallback is
/// what keeps git working there; nor on a file system other machines may mount (NFS, SMB,
/// WSL's `/mnt/c`, a container's bind mount), where git of another system or architecture would
/// fail on this machine's program.
pub(super) fn direct_allowed(loc: &crate::git::HooksLocation) -> bool {
    if !local_file_system(&loc.hooks_dir) {
        return false;
    }
    let real = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_owned());
    let (hooks, work_tree, common) = (
        real(&loc.hooks_dir),
        real(&loc.work_tree),
        real(&loc.common_dir),
    );
    !hooks.starts_with(&work_tree) || hooks.starts_with(&common)
}

/// Whether `dir` is on a file system only this machine mounts (ext4, XFS, Btrfs, tmpfs, the
/// overlay of a container's own files, ...), not one other machines or systems may mount too
/// (NFS, SMB, 9p as WSL's `/mnt/c`, FUSE as Docker Desktop's bind mounts). Unknown: local.
#[cfg(target_os = "linux")]
pub fn local_file_system(dir: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(path) = std::ffi::CString::new(dir.as_os_str().as_bytes()) else {
        return true;
    };
    // SAFETY: a NUL-terminated path and a zeroed statfs for the kernel to fill.
    let mut fs: libc::statfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::statfs(path.as_ptr(), &mut fs) } != 0 {
        return true;
    }
    const SHARED: &[i64] = &[
        0x6969,      // NFS
        0x517B,      // SMB
        0xFF53_4D42, // CIFS
        0xFE53_4D42, // SMB2
        0x0102_1997, // 9p (WSL's drvfs, virtio-9p)
        0x6573_5546, // FUSE (virtiofs, Docker Desktop, sshfs)
        0x786F_4256, // VirtualBox shared folders
        0x0BD0_0BD0, // Lustre
    ];
    !SHARED.contains(&(fs.f_type as i64))
}

/// [`local_file_system`] elsewhere: whatever it is, as before.
#[cfg(not(target_os = "linux"))]
pub fn local_file_system(_dir: &Path) -> bool {
    true
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    #[test]
    fn a_temporary_directory_is_local() {
        let dir = tempfile::tempdir().unwrap();
        assert!(super::local_file_system(dir.path()));
    }
}
