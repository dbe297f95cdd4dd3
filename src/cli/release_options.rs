//! The release options `relhook release` is given on the command line, and the command as
//! given, for the way on a refusal names.

use super::args::ReleaseArgs;
use crate::Result;
use crate::release::{self, Options};

/// The release command as given (`relhook release --package api`), for a refusal's way on.
pub(super) fn command_of(args: &ReleaseArgs) -> String {
    let mut command = "relhook release".to_owned();
    for p in &args.package {
        command.push_str(&format!(" --package {p}"));
    }
    if args.all {
        command.push_str(" --all");
    }
    command
}

/// The release options the command line asks for (`RELHOOK_DATE` pins the date in tests).
pub(super) fn options(args: &ReleaseArgs) -> Result<Options> {
    Ok(Options {
        requested: release::parse_requested(&args.version, &command_of(args))?,
        pre: args.pre.clone(),
        sign: args.sign,
        allow_dirty: args.allow_dirty,
        allow_branch: args.allow_branch,
        no_test: args.no_test,
        allow_unlinted: args.allow_unlinted,
        date: std::env::var("RELHOOK_DATE")
            .ok()
            .filter(|d| d.len() == 10)
            .unwrap_or_else(crate::date::today),
    })
}
