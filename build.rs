//! Link-time settings for the `relhook` binary.
//!
//! The binary is position-independent (PIE, the toolchain's default), so ASLR places its code
//! at a random address: relhook reads untrusted text (commit messages in `check` and pre-push,
//! tags, pulled changelogs), and start-up speed does not outrank that (SECURITY.md).
//!
//! `RELHOOK_NO_PIE=1` at build time links a fixed-address executable instead, on Linux only.
//! It is kept for one reason: the loader then applies no relocations, which makes the
//! commit-msg hook start in about half the instructions (827k → 375k, callgrind), and
//! `bench/` measures that floor. Libraries, stack and heap stay randomised either way.

fn main() {
    let target = std::env::var("TARGET").unwrap_or_default();
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=RELHOOK_NO_PIE");
    let linux = target.ends_with("-linux-gnu");
    let opted_out = std::env::var_os("RELHOOK_NO_PIE").is_some_and(|v| v == "1");
    if linux && opted_out && linker_accepts("-no-pie") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}

/// Whether the C compiler driver that links Rust binaries on Linux accepts `flag`.
fn linker_accepts(flag: &str) -> bool {
    let Some(dir) = std::env::var_os("OUT_DIR") else {
        return false;
    };
    let dir = std::path::PathBuf::from(dir);
    let src = dir.join("probe.c");
    if std::fs::write(&src, "int main(void) { return 0; }\n").is_err() {
        return false;
    }
    std::process::Command::new("cc")
        .arg(flag)
        .arg(&src)
        .arg("-o")
        .arg(dir.join("probe"))
        .output()
        .is_ok_and(|o| o.status.success())
}
