//! relhook: Conventional Commits linting, a Keep a Changelog file that keeps itself current,
//! and releases that check what a release runbook tells a person to check by hand.
//!
//! The library's API is not stable: it exists for the `relhook` binary and its tests.
//! Only `cli` prints; every other module returns data or writes to a `&mut dyn Write`.
#![warn(clippy::print_stdout, clippy::print_stderr, missing_docs)]

pub mod ci;
pub mod cli;
pub mod commit;
pub mod config;
pub mod date;
pub mod error;
pub mod failpoint;
pub mod fsx;
pub mod git;
pub mod history;
pub mod hooks;
pub mod init;
pub mod interrupt;
#[cfg(target_os = "linux")]
pub mod populate;
pub mod position;
pub mod prepush;
pub mod printable;
pub mod release;
pub mod resume_advice;
pub mod shellword;
pub mod tag;
pub mod testrun;

pub use error::{Error, Result};
