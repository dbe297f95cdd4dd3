//! Link-time settings for the `relhook` binary's start-up, which every commit pays for.

fn main() {
    let target = std::env::var("TARGET").unwrap_or_default();
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=RELHOOK_PIE");
    // A position-independent executable makes the dynamic loader apply ~15k relocations at
    // every start: a third of what the commit-msg hook costs, measured with callgrind. Linked
    // as a fixed-address executable, relhook starts in two thirds of the instructions, closer
    // to a hello-world binary. The price is that the binary's own code is not at a random
    // address (libraries, stack and heap still are). RELHOOK_PIE=1 at build time keeps PIE.
    let linux = target.ends_with("-linux-gnu");
    if linux && std::env::var_os("RELHOOK_PIE").is_none() && linker_accepts("-no-pie") {
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
