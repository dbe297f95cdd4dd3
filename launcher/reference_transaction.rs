//! The reference-transaction hook file `relhook install` writes on x86_64 Linux: a program of a
//! few kilobytes with no C library, which git starts on every ref update (several times per
//! commit). It ends at once when relhook would, and otherwise starts relhook with everything
//! git gave it. `build.rs` compiles it; `src/hooks/launcher.rs` writes it, with relhook's path
//! in the block below.
//!
//! Why not the relhook binary itself (a symbolic link, as before): glibc's start-up sizes the
//! CPU caches with dozens of `cpuid` instructions, which a virtual machine traps (about 1 ms
//! here), and every ref update paid it; this program starts in about 0.05 ms. And a link let a
//! tool that writes the hook file (`curl -o`, `cp`) write through it into relhook itself; this
//! file is the hook's own.
//!
//! It ends here (exit 0, as relhook would) only when all of these hold: no hook relhook
//! replaced is kept beside it (that one must run first, and relhook runs it), and either
//! RELHOOK_SKIP says yes, or git's state is neither `prepared` nor `committed`, or relhook
//! noted that the git running it is a fetch, or the first line of the update names no
//! release-looking tag (`refs/tags/` and a digit, or a byte past ASCII) and no REVERT_HEAD or
//! CHERRY_PICK_HEAD, nor removes the REBASE_HEAD of an am ending without its last patch.
//! Everything else is relhook's (`cli::linked` decides again,
//! with the same lines on its standard input): this program only ever skips what relhook would
//! skip. With relhook gone, the hook it replaced still runs, an update it would have looked at
//! gets one line saying it was not checked, and no ref update fails.

#![no_std]
#![no_main]
#![no_builtins]

use core::arch::{asm, global_asm};

/// Where install writes relhook's absolute path, NUL-terminated, right after this marker.
const MARKER: &[u8] = b"relhook-launcher:v1:path=";
const BLOCK_LEN: usize = 4096;

const fn block() -> [u8; BLOCK_LEN] {
    let mut b = [0u8; BLOCK_LEN];
    let mut i = 0;
    while i < MARKER.len() {
        b[i] = MARKER[i];
        i += 1;
    }
    b
}

/// Patched by install; read only through volatile loads, so the compiler never folds it.
#[used]
#[unsafe(no_mangle)]
static mut RELHOOK_LAUNCHER: [u8; BLOCK_LEN] = block();

/// The update lines, as read (git sends one line per ref; a fetch may send many).
static mut INPUT: [u8; 1 << 16] = [0; 1 << 16];

const HOOK: &[u8] = b"reference-transaction";
const KEPT: &[u8] = b".relhook-orig";

global_asm!(
    ".globl _start",
    "_start:",
    "xor ebp, ebp",
    "mov rdi, rsp",
    "and rsp, -16",
    "call {launch}",
    "ud2",
    launch = sym launch,
);

const SYS_READ: usize = 0;
const SYS_WRITE: usize = 1;
const SYS_CLOSE: usize = 3;
const SYS_LSEEK: usize = 8;
const SYS_RT_SIGACTION: usize = 13;
const SYS_ACCESS: usize = 21;
const SYS_DUP2: usize = 33;
const SYS_EXECVE: usize = 59;
const SYS_EXIT_GROUP: usize = 231;
const SYS_GETPPID: usize = 110;
const SYS_OPENAT: usize = 257;
const SYS_NEWFSTATAT: usize = 262;
const SYS_PIPE2: usize = 293;
const SYS_MEMFD_CREATE: usize = 319;
const EINTR: isize = -4;
const ENOEXEC: isize = -8;

unsafe fn syscall(n: usize, a: usize, b: usize, c: usize, d: usize) -> isize {
    let ret: isize;
    // SAFETY: the Linux x86_64 system call convention; the caller passes valid arguments.
    unsafe {
        asm!(
            "syscall",
            inlateout("rax") n as isize => ret,
            in("rdi") a,
            in("rsi") b,
            in("rdx") c,
            in("r10") d,
            lateout("rcx") _,
            lateout("r11") _,
            options(nostack),
        );
    }
    ret
}

fn exit(code: usize) -> ! {
    // SAFETY: exit_group takes a status and does not return.
    unsafe { syscall(SYS_EXIT_GROUP, code, 0, 0, 0) };
    loop {}
}

fn say(text: &[&[u8]]) {
    for part in text {
        // SAFETY: a valid buffer and its length.
        unsafe { syscall(SYS_WRITE, 2, part.as_ptr() as usize, part.len(), 0) };
    }
}

/// The NUL-terminated string at `p`, without its NUL.
unsafe fn c_str<'a>(p: *const u8) -> &'a [u8] {
    if p.is_null() {
        return &[];
    }
    let mut n = 0;
    // SAFETY: the kernel hands over NUL-terminated strings.
    unsafe {
        while *p.add(n) != 0 {
            n += 1;
        }
        core::slice::from_raw_parts(p, n)
    }
}

/// relhook's path from the block (without its NUL); empty if install wrote none.
fn relhook_path(out: &mut [u8; BLOCK_LEN]) -> usize {
    let base = (&raw const RELHOOK_LAUNCHER).cast::<u8>();
    let mut n = 0;
    while MARKER.len() + n < BLOCK_LEN - 1 {
        // SAFETY: inside the block.
        let b = unsafe { core::ptr::read_volatile(base.add(MARKER.len() + n)) };
        if b == 0 {
            break;
        }
        out[n] = b;
        n += 1;
    }
    out[n] = 0;
    n
}

/// `<dir of argv[0]>/reference-transaction.relhook-orig`, NUL-terminated, in `out`.
fn kept_path(argv0: &[u8], out: &mut [u8; BLOCK_LEN]) -> bool {
    let dir = match argv0.iter().rposition(|&b| b == b'/') {
        Some(i) => &argv0[..=i],
        None => &[][..],
    };
    let len = dir.len() + HOOK.len() + KEPT.len();
    if len >= BLOCK_LEN {
        return false;
    }
    let mut n = 0;
    for part in [dir, HOOK, KEPT] {
        for &b in part {
            out[n] = b;
            n += 1;
        }
    }
    out[n] = 0;
    true
}

/// Whether git would run the file at `path` (NUL-terminated): it may be executed.
fn executable(path: &[u8; BLOCK_LEN]) -> bool {
    // SAFETY: a NUL-terminated path; X_OK.
    unsafe { syscall(SYS_ACCESS, path.as_ptr() as usize, 1, 0, 0) == 0 }
}

/// The modification time of the file at `path` (NUL-terminated), as (seconds, nanoseconds).
fn modified(path: &[u8]) -> Option<(u64, u64)> {
    let mut stat = [0u64; 32];
    // SAFETY: a NUL-terminated path and a buffer larger than struct stat.
    let ok = unsafe {
        syscall(
            SYS_NEWFSTATAT,
            -100isize as usize, // AT_FDCWD
            path.as_ptr() as usize,
            stat.as_mut_ptr() as usize,
            0,
        ) == 0
    };
    // x86_64's struct stat: st_mtim at byte 88.
    ok.then(|| (stat[11], stat[12]))
}

/// Appends `parts` to `out` from `at`, NUL-terminated; `None` when it does not fit.
fn join(out: &mut [u8; BLOCK_LEN], parts: &[&[u8]]) -> Option<usize> {
    let mut n = 0;
    for part in parts {
        for &b in *part {
            *out.get_mut(n)? = b;
            n += 1;
        }
    }
    *out.get_mut(n)? = 0;
    Some(n)
}

/// `n` in decimal, in `out`.
fn decimal(mut n: usize, out: &mut [u8; 24]) -> &[u8] {
    let mut i = out.len();
    loop {
        i -= 1;
        out[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return &out[i..];
        }
    }
}

/// The start of the file at `path` (NUL-terminated) read into `buf`: how many bytes, or `None`
/// when it cannot be opened.
fn read_start(path: &[u8; BLOCK_LEN], buf: &mut [u8]) -> Option<usize> {
    // SAFETY: a NUL-terminated path; O_RDONLY | O_CLOEXEC.
    let fd = unsafe {
        syscall(
            SYS_OPENAT,
            -100isize as usize,
            path.as_ptr() as usize,
            0o2000000,
            0,
        )
    };
    if fd < 0 {
        return None;
    }
    let n = read(fd as usize, buf).max(0) as usize;
    // SAFETY: a descriptor this opened.
    unsafe { syscall(SYS_CLOSE, fd as usize, 0, 0, 0) };
    Some(n)
}

/// Whether relhook has found that the git running this hook is a fetch, as `cli::linked`
/// reads it: a note in the git dir naming the parent process, newer than that process's
/// /proc entry. A fetch's tags are not relhook's to judge, and git 2.46 and later fetch each
/// tag in a transaction of its own.
fn fetch_noted(envp: *const *const u8) -> bool {
    // SAFETY: envp as received.
    let dir = unsafe { env(envp, b"GIT_DIR") }.unwrap_or(b".git");
    let slash: &[u8] = if dir.is_empty() { b"" } else { b"/" };
    let mut note = [0u8; BLOCK_LEN];
    if join(&mut note, &[dir, slash, b"relhook-tag-fetch"]).is_none() {
        return false;
    }
    let mut said = [0u8; 64];
    let Some(n) = read_start(&note, &mut said) else {
        return false;
    };
    let said = &said[..n];
    let first = said.split(|&b| b == b'\n').next().unwrap_or_default();
    // SAFETY: getppid takes nothing.
    let parent = unsafe { syscall(SYS_GETPPID, 0, 0, 0, 0) } as usize;
    let mut digits = [0u8; 24];
    let parent = decimal(parent, &mut digits);
    let mut proc = [0u8; BLOCK_LEN];
    if first != parent || join(&mut proc, &[b"/proc/", parent]).is_none() {
        return false;
    }
    matches!((modified(&note), modified(&proc)), (Some(noted), Some(started)) if noted > started)
}

/// The value of `name` in the environment.
unsafe fn env<'a>(envp: *const *const u8, name: &[u8]) -> Option<&'a [u8]> {
    let mut i = 0;
    loop {
        // SAFETY: envp is a NULL-terminated array of C strings.
        let entry = unsafe { *envp.add(i) };
        if entry.is_null() {
            return None;
        }
        let s = unsafe { c_str(entry) };
        if s.len() > name.len() && s.starts_with(name) && s[name.len()] == b'=' {
            return Some(&s[name.len() + 1..]);
        }
        i += 1;
    }
}

/// RELHOOK_SKIP as relhook reads it: only a value that says yes skips.
fn skips(v: Option<&[u8]>) -> bool {
    let Some(v) = v else { return false };
    !["", "0", "false", "no", "off"]
        .iter()
        .any(|no| v.eq_ignore_ascii_case(no.as_bytes()))
}

/// Whether a tag name (after `refs/tags/`) may be a release tag: it holds a digit, an ASCII
/// one or, as any byte past ASCII, another script's (`v１.０.０`, which relhook refuses with
/// its ASCII spelling). Ordinary names without a digit still end here.
fn release_looking(tag: &[u8]) -> bool {
    tag.iter().any(|b| b.is_ascii_digit() || !b.is_ascii())
}

/// Whether relhook has business with a transaction whose first line is `line`.
fn relhooks(line: &[u8]) -> bool {
    let mut fields = line
        .split(|b| b.is_ascii_whitespace())
        .filter(|f| !f.is_empty());
    let (Some(_old), Some(_new)) = (fields.next(), fields.next()) else {
        return false;
    };
    let r = fields.next().unwrap_or_default();
    if r.starts_with(b"REVERT_HEAD") || r.starts_with(b"CHERRY_PICK_HEAD") {
        return true;
    }
    r.strip_prefix(b"refs/tags/").is_some_and(release_looking)
}

/// Whether the update read removes REBASE_HEAD as an am ends without committing its last
/// patch (`git am --skip` of it), with commits post-applypatch noted and has not said: as
/// `git::am_ends_unapplied` reads the am's state (`next` still counts the last patch).
fn am_ends_unapplied(envp: *const *const u8, n: usize) -> bool {
    // SAFETY: as in `read_input`.
    let input = unsafe { &*(&raw const INPUT) };
    let first = input[..n].split(|&b| b == b'\n').next().unwrap_or_default();
    let mut fields = first
        .split(|b| b.is_ascii_whitespace())
        .filter(|f| !f.is_empty());
    if fields.nth(2) != Some(&b"REBASE_HEAD"[..]) {
        return false;
    }
    // SAFETY: envp as received.
    let dir = unsafe { env(envp, b"GIT_DIR") }.unwrap_or(b".git");
    let slash: &[u8] = if dir.is_empty() { b"" } else { b"/" };
    let mut path = [0u8; BLOCK_LEN];
    let mut read = |file: &[u8], out: &mut [u8; 32]| -> Option<usize> {
        join(&mut path, &[dir, slash, b"rebase-apply/", file])?;
        read_start(&path, out)
    };
    let (mut noted, mut next, mut last) = ([0u8; 32], [0u8; 32], [0u8; 32]);
    let (Some(_), Some(a), Some(b)) = (
        read(b"relhook-applied", &mut noted),
        read(b"next", &mut next),
        read(b"last", &mut last),
    ) else {
        return false;
    };
    next[..a].trim_ascii() == last[..b].trim_ascii()
}

fn ignore_stop_signals() {
    // struct kernel_sigaction: handler, flags, restorer, mask.
    let ignore: [usize; 4] = [1, 0, 0, 0]; // SIG_IGN
    for signal in [1usize, 2, 15] {
        // SAFETY: a valid kernel_sigaction, no old action asked for, an 8-byte mask.
        unsafe {
            syscall(SYS_RT_SIGACTION, signal, ignore.as_ptr() as usize, 0, 8);
        }
    }
}

fn read(fd: usize, buf: &mut [u8]) -> isize {
    loop {
        // SAFETY: a valid buffer and its length.
        let n = unsafe { syscall(SYS_READ, fd, buf.as_mut_ptr() as usize, buf.len(), 0) };
        if n != EINTR {
            return n;
        }
    }
}

fn write_all(fd: usize, mut buf: &[u8]) -> bool {
    while !buf.is_empty() {
        // SAFETY: a valid buffer and its length.
        let n = unsafe { syscall(SYS_WRITE, fd, buf.as_ptr() as usize, buf.len(), 0) };
        if n == EINTR {
            continue;
        }
        if n <= 0 {
            return false;
        }
        buf = &buf[n as usize..];
    }
    true
}

/// Puts what [`read_input`] read and the rest of standard input into a memory file that
/// becomes standard input, for relhook (or the hook it replaced) to read from the start; where
/// no memory file can be made (a sandbox may forbid it), a pipe, if what was read is all there
/// is. `Err` with the error number when neither works.
fn pass_input_on(read_so_far: usize, full: bool) -> Result<(), isize> {
    // SAFETY: as in `read_input`.
    let input = unsafe { &mut *(&raw mut INPUT) };
    // SAFETY: a NUL-terminated name; no flags (the file must survive exec as fd 0).
    let fd = unsafe {
        syscall(
            SYS_MEMFD_CREATE,
            c"relhook-input".as_ptr() as usize,
            0,
            0,
            0,
        )
    };
    if fd < 0 {
        return if full {
            Err(-fd)
        } else {
            piped(&input[..read_so_far])
        };
    }
    let fd = fd as usize;
    let mut ok = write_all(fd, &input[..read_so_far]);
    if full {
        loop {
            let n = read(0, input);
            if n <= 0 {
                ok &= n == 0;
                break;
            }
            ok &= write_all(fd, &input[..n as usize]);
        }
    }
    // SAFETY: plain descriptor operations.
    unsafe {
        ok = ok && syscall(SYS_LSEEK, fd, 0, 0, 0) == 0 && syscall(SYS_DUP2, fd, 0, 0, 0) == 0;
        syscall(SYS_CLOSE, fd, 0, 0, 0);
    }
    if ok { Ok(()) } else { Err(5) }
}

/// `bytes` in a pipe that becomes standard input. Non-blocking, so that a pipe smaller than
/// them fails instead of waiting for a reader that never comes.
fn piped(bytes: &[u8]) -> Result<(), isize> {
    let mut fds = [0i32; 2];
    // SAFETY: an array of two descriptors; O_NONBLOCK.
    let made = unsafe { syscall(SYS_PIPE2, fds.as_mut_ptr() as usize, 0o4000, 0, 0) };
    if made < 0 {
        return Err(-made);
    }
    let (r, w) = (fds[0] as usize, fds[1] as usize);
    let ok = write_all(w, bytes);
    // SAFETY: plain descriptor operations.
    unsafe {
        syscall(SYS_CLOSE, w, 0, 0, 0);
        let ok = ok && syscall(SYS_DUP2, r, 0, 0, 0) == 0;
        syscall(SYS_CLOSE, r, 0, 0, 0);
        if ok { Ok(()) } else { Err(11) }
    }
}

/// Starts `program` with git's arguments; returns only when it cannot start.
fn exec(program: *const u8, argv: *const *const u8, envp: *const *const u8) -> isize {
    // SAFETY: a NUL-terminated path, and the argument and environment arrays as received.
    unsafe {
        syscall(
            SYS_EXECVE,
            program as usize,
            argv as usize,
            envp as usize,
            0,
        )
    }
}

/// Starts relhook: the one install named, else (moved since) the first `relhook` on PATH, as
/// the sh shims fall back. Returns only when neither starts.
fn exec_relhook(path: &[u8; BLOCK_LEN], argv: *const *const u8, envp: *const *const u8) {
    if path[0] == 0 {
        return; // an unfilled launcher (build.rs's trial run) names no relhook
    }
    exec(path.as_ptr(), argv, envp);
    // SAFETY: envp as received.
    let Some(dirs) = (unsafe { env(envp, b"PATH") }) else {
        return;
    };
    let mut candidate = [0u8; BLOCK_LEN];
    for dir in dirs.split(|&b| b == b':') {
        let dir: &[u8] = if dir.is_empty() { b"." } else { dir };
        if join(&mut candidate, &[dir, b"/relhook"]).is_some() {
            exec(candidate.as_ptr(), argv, envp);
        }
    }
}

/// Whether the update read creates or moves a release-looking tag (what relhook checks of a
/// tag made by hand), by its first line.
fn tag_made(n: usize) -> bool {
    // SAFETY: as in `read_input`.
    let input = unsafe { &*(&raw const INPUT) };
    let first = input[..n].split(|&b| b == b'\n').next().unwrap_or_default();
    let mut fields = first
        .split(|b| b.is_ascii_whitespace())
        .filter(|f| !f.is_empty());
    let (Some(old), Some(new), Some(r)) = (fields.next(), fields.next(), fields.next()) else {
        return false;
    };
    new.iter().any(|&b| b != b'0')
        && old != new
        && r.strip_prefix(b"refs/tags/").is_some_and(release_looking)
}

/// Whether the git running this hook fetches (or receives a push): its tags are not checked,
/// so with relhook gone there is nothing to say about them.
fn fetching() -> bool {
    // SAFETY: getppid takes nothing.
    let parent = unsafe { syscall(SYS_GETPPID, 0, 0, 0, 0) } as usize;
    let mut digits = [0u8; 24];
    let mut path = [0u8; BLOCK_LEN];
    if join(
        &mut path,
        &[b"/proc/", decimal(parent, &mut digits), b"/cmdline"],
    )
    .is_none()
    {
        return false;
    }
    let mut line = [0u8; BLOCK_LEN];
    let Some(n) = read_start(&path, &mut line) else {
        return false;
    };
    line[..n]
        .split(|&b| b == 0)
        .any(|a| a == b"fetch" || a == b"clone" || a == b"pull" || a.ends_with(b"receive-pack"))
}

/// relhook is gone: the hook it replaced still runs as git would run it (directly, or with sh
/// when it has no `#!` line), and this update is said to go unchecked when relhook would have
/// looked at it.
fn without_relhook(
    argc: usize,
    argv: *const *const u8,
    envp: *const *const u8,
    kept: Option<&[u8; BLOCK_LEN]>,
    path: &[u8],
    unchecked: bool,
) -> ! {
    if unchecked {
        say(&[
            b"relhook: this ref update was not checked: relhook is no longer at ",
            path,
            b" (`relhook install` with the relhook you use names it again)\n",
        ]);
    }
    let Some(kept) = kept else { exit(0) };
    if exec(kept.as_ptr(), argv, envp) == ENOEXEC && argc < 64 {
        let mut args: [*const u8; 66] = [core::ptr::null(); 66];
        args[0] = c"sh".as_ptr().cast();
        args[1] = kept.as_ptr();
        for i in 1..argc {
            // SAFETY: argv has argc entries.
            args[i + 1] = unsafe { *argv.add(i) };
        }
        exec(c"/bin/sh".as_ptr().cast(), args.as_ptr(), envp);
    }
    let end = kept.iter().position(|&b| b == 0).unwrap_or(0);
    say(&[b"relhook: cannot run ", &kept[..end], b"\n"]);
    exit(1)
}

unsafe extern "C" fn launch(sp: *const usize) -> ! {
    // SAFETY: the initial stack as the kernel lays it out: argc, argv..., NULL, envp..., NULL.
    let (argc, argv, envp) = unsafe {
        let argc = *sp;
        let argv = sp.add(1).cast::<*const u8>();
        (argc, argv, argv.add(argc + 1))
    };
    let mut path = [0u8; BLOCK_LEN];
    let path_len = relhook_path(&mut path);
    let arg = |i: usize| {
        if i < argc {
            // SAFETY: argv has argc entries.
            unsafe { c_str(*argv.add(i)) }
        } else {
            &[][..]
        }
    };
    let mut kept = [0u8; BLOCK_LEN];
    // One git would not run (not executable) relhook does not run either.
    let has_kept = kept_path(arg(0), &mut kept) && executable(&kept);
    // SAFETY: envp as received.
    let skip = skips(unsafe { env(envp, b"RELHOOK_SKIP") });
    let state = arg(1);
    let acts = state == b"prepared" || state == b"committed";
    if acts && state == b"committed" {
        // git has made the tag and ignores this hook's exit; a Ctrl-C is relhook's to handle.
        ignore_stop_signals();
    }
    if has_kept || path_len == 0 {
        // The hook relhook replaced runs first, and relhook runs it.
        exec_relhook(&path, argv, envp);
        // relhook is gone: that hook still runs, with the input this reads to tell whether
        // relhook would have looked at it.
        let unchecked = !skip && state == b"prepared" && {
            let (n, full) = read_input();
            let made = tag_made(n) && !fetching();
            pass_input_on(n, full).is_ok() && made
        };
        without_relhook(
            argc,
            argv,
            envp,
            has_kept.then_some(&kept),
            &path[..path_len],
            unchecked,
        );
    }
    if skip || !acts || fetch_noted(envp) {
        exit(0);
    }
    let (n, full) = read_input();
    if !relhooks_input(n, full) && !(state == b"committed" && am_ends_unapplied(envp, n)) {
        exit(0);
    }
    if let Err(errno) = pass_input_on(n, full) {
        let mut digits = [0u8; 24];
        say(&[
            b"relhook: cannot hand this ref update on to relhook (no memory file or pipe could hold it: error ",
            decimal(errno as usize, &mut digits),
            b"); RELHOOK_SKIP=1 lets it through unchecked\n",
        ]);
        exit(if state == b"prepared" { 1 } else { 0 });
    }
    exec_relhook(&path, argv, envp);
    without_relhook(
        argc,
        argv,
        envp,
        None,
        &path[..path_len],
        state == b"prepared" && tag_made(n) && !fetching(),
    )
}

/// Reads standard input into [`INPUT`] until it ends or the buffer is full: how much, and
/// whether it is full (more may follow).
fn read_input() -> (usize, bool) {
    // SAFETY: this program has one thread, and INPUT is used through this only.
    let input = unsafe { &mut *(&raw mut INPUT) };
    let mut n = 0;
    while n < input.len() {
        let got = read(0, &mut input[n..]);
        if got <= 0 {
            break;
        }
        n += got as usize;
    }
    (n, n == input.len())
}

/// Whether the input read is relhook's business, by its first line (one that does not fit in
/// the buffer is left to relhook).
fn relhooks_input(n: usize, full: bool) -> bool {
    // SAFETY: as in `read_input`.
    let input = unsafe { &*(&raw const INPUT) };
    let read = &input[..n];
    let first = read.split(|&b| b == b'\n').next().unwrap_or_default();
    (full && !read.contains(&b'\n')) || relhooks(first)
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    say(&[b"relhook: the reference-transaction launcher failed\n"]);
    exit(0)
}

/// The compiler may call these for copies and fills; there is no C library to provide them.
#[unsafe(no_mangle)]
unsafe extern "C" fn memcpy(dest: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    // SAFETY: as memcpy's contract.
    unsafe {
        asm!("rep movsb", inout("rcx") n => _, inout("rdi") dest => _, inout("rsi") src => _, options(nostack, preserves_flags));
    }
    dest
}

#[unsafe(no_mangle)]
unsafe extern "C" fn memmove(dest: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    if (dest as usize) <= (src as usize) || (dest as usize) >= (src as usize) + n {
        // SAFETY: forward copy is safe for these overlaps.
        return unsafe { memcpy(dest, src, n) };
    }
    let mut i = n;
    while i > 0 {
        i -= 1;
        // SAFETY: within both buffers.
        unsafe { *dest.add(i) = *src.add(i) };
    }
    dest
}

#[unsafe(no_mangle)]
unsafe extern "C" fn memset(dest: *mut u8, c: i32, n: usize) -> *mut u8 {
    // SAFETY: as memset's contract.
    unsafe {
        asm!("rep stosb", inout("rcx") n => _, inout("rdi") dest => _, in("al") c as u8, options(nostack, preserves_flags));
    }
    dest
}

#[unsafe(no_mangle)]
unsafe extern "C" fn memcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    let mut i = 0;
    while i < n {
        // SAFETY: within both buffers.
        let (x, y) = unsafe { (*a.add(i), *b.add(i)) };
        if x != y {
            return i32::from(x) - i32::from(y);
        }
        i += 1;
    }
    0
}

#[unsafe(no_mangle)]
unsafe extern "C" fn bcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    // SAFETY: as bcmp's contract.
    unsafe { memcmp(a, b, n) }
}

/// The standard library's `core` is built to unwind and names this; nothing here unwinds
/// (panics abort), so it is never called.
#[unsafe(no_mangle)]
extern "C" fn rust_eh_personality() {}
