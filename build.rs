//! Link-time settings for the `relhook` binary.
//!
//! The binary is position-independent (PIE, the toolchain's default), so ASLR places its code
//! at a random address: relhook reads untrusted text (commit messages in `check` and pre-push,
//! tags, pulled changelogs), and start-up speed does not outrank that (SECURITY.md).
//!
//! What a PIE costs at start-up is the loader applying its ~9,600 relative relocations, one
//! 24-byte record each. Where the linker and the C library both know the packed form (DT_RELR:
//! GNU ld 2.38, lld 15 or mold, with glibc 2.36), `-z pack-relative-relocs` stores them as
//! bitmaps the loader walks in a fraction of the instructions; the binary stays a PIE. The
//! flag is used only when a probe program linked with it runs on the build machine, so an
//! older toolchain or C library builds exactly as before, and a cross build never uses it.
//!
//! On x86_64 Linux it also compiles `launcher/reference_transaction.rs`, the program
//! `relhook install` writes as the reference-transaction hook (see that file), into
//! `$OUT_DIR/rt-launcher`; elsewhere, or when that build or its trial run fails, the file is
//! empty and install links the hook to relhook instead.
//!
//! `RELHOOK_NO_PIE=1` at build time links a fixed-address executable instead, on Linux only.
//! It is kept for one reason: the loader then applies no relocations at all, and `bench/`
//! measures that floor. Libraries, stack and heap stay randomised either way.

fn main() {
    let target = std::env::var("TARGET").unwrap_or_default();
    let host = std::env::var("HOST").unwrap_or_default();
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=RELHOOK_NO_PIE");
    println!("cargo:rerun-if-changed={LAUNCHER}");
    launcher(&target, &host);
    let linux = target.ends_with("-linux-gnu");
    let opted_out = std::env::var_os("RELHOOK_NO_PIE").is_some_and(|v| v == "1");
    if linux && opted_out && linker_accepts(&["-no-pie"]) {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    } else if linux && target == host && linker_accepts(&["-pie", "-fPIE", PACK]) {
        println!("cargo:rustc-link-arg-bins={PACK}");
    }
}

/// The reference-transaction hook program's source.
const LAUNCHER: &str = "launcher/reference_transaction.rs";

/// Builds the launcher into `$OUT_DIR/rt-launcher`, or leaves that file empty.
fn launcher(target: &str, host: &str) {
    let Some(dir) = std::env::var_os("OUT_DIR").map(std::path::PathBuf::from) else {
        return;
    };
    let out = dir.join("rt-launcher");
    let built = target == "x86_64-unknown-linux-gnu" && target == host && build_launcher(&out);
    if !built {
        let _ = std::fs::write(&out, b"");
    }
}

/// Compiles the launcher with this build's rustc (no C library, fixed address, no panics that
/// unwind) and runs it once: started with nothing to do, it must exit 0.
fn build_launcher(out: &std::path::Path) -> bool {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let compiled = std::process::Command::new(rustc)
        .args([
            "--edition",
            "2024",
            "--crate-type",
            "bin",
            "--crate-name",
            "rt_launcher",
        ])
        .args([
            "-C",
            "panic=abort",
            "-C",
            "opt-level=s",
            "-C",
            "debuginfo=0",
        ])
        .args(["-C", "strip=symbols", "-C", "relocation-model=static"])
        .args(["-C", "link-arg=-nostartfiles", "-C", "link-arg=-nostdlib"])
        .args([
            "-C",
            "link-arg=-static",
            "-C",
            "link-arg=-Wl,--build-id=none",
        ])
        .arg(LAUNCHER)
        .arg("-o")
        .arg(out)
        .output();
    match compiled {
        Ok(o) if o.status.success() => {}
        Ok(o) => {
            println!(
                "cargo:warning=the reference-transaction launcher did not build (install links the hook instead): {}",
                String::from_utf8_lossy(&o.stderr)
                    .lines()
                    .next()
                    .unwrap_or_default()
            );
            return false;
        }
        Err(_) => return false,
    }
    let ran = std::process::Command::new(out)
        .arg("aborted")
        .stdin(std::process::Stdio::null())
        .output()
        .is_ok_and(|o| o.status.success());
    if !ran {
        println!(
            "cargo:warning=the reference-transaction launcher built but did not run (install links the hook instead)"
        );
    }
    ran
}

/// Packed relative relocations (DT_RELR).
const PACK: &str = "-Wl,-z,pack-relative-relocs";

/// Whether the C compiler driver that links Rust binaries on Linux links a program with
/// `flags` that then runs here (a linker that does not know a `-z` option only warns).
fn linker_accepts(flags: &[&str]) -> bool {
    let Some(dir) = std::env::var_os("OUT_DIR") else {
        return false;
    };
    let dir = std::path::PathBuf::from(dir);
    let src = dir.join("probe.c");
    let exe = dir.join("probe");
    if std::fs::write(&src, "int main(void) { return 0; }\n").is_err() {
        return false;
    }
    let linked = std::process::Command::new("cc")
        .args(flags)
        .arg(&src)
        .arg("-o")
        .arg(&exe)
        .output()
        .is_ok_and(|o| o.status.success() && !warned(&o.stderr));
    linked
        && std::process::Command::new(&exe)
            .output()
            .is_ok_and(|o| o.status.success())
}

/// A linker that ignores an option says so on stderr and still succeeds.
fn warned(stderr: &[u8]) -> bool {
    let text = String::from_utf8_lossy(stderr).to_ascii_lowercase();
    text.contains("ignored") || text.contains("unknown") || text.contains("unrecognized")
}
