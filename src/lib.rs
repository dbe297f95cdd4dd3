//! relhook: Conventional Commits linting, a Keep a Changelog file that keeps itself current,
//! and releases that check what a release runbook tells a person to check by hand.
//!
//! The library's API is not stable: it exists for the `relhook` binary and its tests.
//! Only `cli` prints; every other module returns data or writes to a `&mut dyn Write`.
#![warn(clippy::print_stdout, clippy::print_stderr, missing_docs)]

pub mod accumulate;
pub mod changelog;
pub mod ci;
pub mod cli;
pub mod config;
pub mod date;
pub mod error;
pub mod fsx;
pub mod git;
pub mod hooks;
pub mod init;
pub mod lint;
pub mod message;
pub mod packages;
pub mod parse;
pub mod prepush;
pub mod release;
pub mod report;
pub mod suggest;
pub mod sync;
pub mod testrun;
pub mod version;

pub use error::{Error, Result};
