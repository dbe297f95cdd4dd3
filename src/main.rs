//! The `relhook` binary: everything lives in the library; this only exits with its code.

fn main() -> std::process::ExitCode {
    relhook::cli::run(std::env::args_os())
}
