//! The `relhook` binary: everything lives in the library; this only exits with its code.

#[cfg(target_os = "linux")]
#[global_allocator]
static ALLOC: relhook::populate::Populating = relhook::populate::Populating;

fn main() -> std::process::ExitCode {
    relhook::cli::run(std::env::args_os())
}
