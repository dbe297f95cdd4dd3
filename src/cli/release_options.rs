//! The release options `relhook release` is given on the command line, and the command as
//! given, for the way on a refusal or an error names.

use super::args::ReleaseArgs;
use crate::Result;
use crate::release::{self, Options};
use crate::shellword::quote;

/// The release command as given, for the way on after a refusal or an error. A plain
/// `relhook release` chooses its own version: after `relhook release 0.2.0` failed, it would
/// release 0.1.1 instead, so the retry repeats what was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Rerun {
    /// Without the version asked for (`relhook release --package api`): where another
    /// version is named.
    pub base: String,
    /// As given, its version and `--pre` too (`relhook release minor --pre rc`): the retry.
    pub full: String,
}

impl Rerun {
    /// A command that takes no version (`relhook release --resume`), or one given as is.
    pub(super) fn plain(command: &str) -> Rerun {
        Rerun {
            base: command.to_owned(),
            full: command.to_owned(),
        }
    }
}

/// The release command as given (`relhook release --package api`), without its version: what
/// a usage error names the version in.
pub(super) fn command_of(args: &ReleaseArgs) -> String {
    let mut command = "relhook release".to_owned();
    for p in &args.package {
        command.push_str(&format!(" --package {}", quote(p)));
    }
    if args.all {
        command.push_str(" --all");
    }
    command
}

/// [`Rerun`] of `args`: [`command_of`], and for the retry the version and `--pre` asked for
/// before it. The flags stay the person's to give again (a dry run's advice is the release's).
pub(super) fn rerun_of(args: &ReleaseArgs) -> Rerun {
    let base = command_of(args);
    let mut asked = String::new();
    if args.version != "auto" {
        asked.push_str(&format!(" {}", quote(&args.version)));
    }
    if let Some(pre) = &args.pre {
        asked.push_str(&format!(" --pre {}", quote(pre)));
    }
    let selection = base.strip_prefix("relhook release").unwrap_or_default();
    let full = format!("relhook release{asked}{selection}");
    Rerun { base, full }
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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn rerun(line: &[&str]) -> Rerun {
        let cli = crate::cli::args::Cli::try_parse_from(line).unwrap();
        match cli.command {
            crate::cli::args::Command::Release(args) => rerun_of(&args),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_retry_repeats_the_version_and_the_packages_given() {
        let r = rerun(&["relhook", "release"]);
        assert_eq!(r, Rerun::plain("relhook release"));
        let r = rerun(&["relhook", "release", "0.2.0"]);
        assert_eq!(r.full, "relhook release 0.2.0");
        assert_eq!(r.base, "relhook release");
        let r = rerun(&[
            "relhook",
            "release",
            "minor",
            "--pre",
            "rc",
            "--allow-dirty",
        ]);
        // The flags are the person's to give again.
        assert_eq!(r.full, "relhook release minor --pre rc");
        assert_eq!(r.base, "relhook release");
        let r = rerun(&[
            "relhook",
            "release",
            "patch",
            "--package",
            "r&d",
            "--no-test",
        ]);
        assert_eq!(r.full, "relhook release patch --package 'r&d'");
        assert_eq!(r.base, "relhook release --package 'r&d'");
        let r = rerun(&["relhook", "release", "--all", "--pre", "beta"]);
        assert_eq!(r.full, "relhook release --pre beta --all");
    }
}
