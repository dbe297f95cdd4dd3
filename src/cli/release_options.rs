//! The release options `relhook release` is given on the command line, and the command as
//! given, for the way on a refusal or an error names.

use std::path::Path;

use super::args::ReleaseArgs;
use crate::Result;
use crate::history::version::bump;
use crate::release::{self, Options};
use crate::shellword::quote;

/// The release command as given, for the way on after a refusal or an error. A plain
/// `relhook release` chooses its own version: after `relhook release 0.2.0` failed, it would
/// release 0.1.1 instead, so the retry repeats what was asked, and the flags that decide
/// whether it is accepted (`--allow-dirty`, `--allow-branch`) or what it makes (`--sign`):
/// without them, the retry pasted as printed is refused, or releases otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Rerun {
    /// Without the version asked for (`relhook release --package api --no-test`): where
    /// another version is named.
    pub base: String,
    /// As given, its version and `--pre` too (`relhook release minor --pre rc --sign`): the
    /// retry.
    pub full: String,
    /// The flags given, which [`Rerun::with`] does not add twice.
    flags: Vec<&'static str>,
    /// ` --config FILE` when given (quoted), else empty: without it, the command pasted
    /// reads `.relconfig.toml` (another tag prefix, other tests).
    global: String,
}

impl Rerun {
    /// A command that takes no version (`relhook release --resume`), or one given as is.
    pub(super) fn plain(command: &str) -> Rerun {
        Rerun {
            base: command.to_owned(),
            full: command.to_owned(),
            flags: Vec::new(),
            global: String::new(),
        }
    }

    /// `relhook release --resume`, with the config and the flags a resume honours as given:
    /// the retry of a resume.
    pub(super) fn resuming() -> Rerun {
        let command = crate::resume_advice::command();
        Rerun {
            base: command.clone(),
            full: command,
            flags: crate::resume_advice::resume_flags(),
            global: crate::resume_advice::global(),
        }
    }

    /// `text` with each `` `relhook test`` it names given the `--config FILE` the release was.
    pub(super) fn configured(&self, text: &str) -> String {
        text.replace("`relhook test", &format!("`relhook{} test", self.global))
    }

    /// The retry with `flag` too (`--no-test`, the way round failing tests), unless given.
    pub(super) fn with(&self, flag: &'static str) -> String {
        match self.flags.contains(&flag) {
            true => self.full.clone(),
            false => format!("{} {flag}", self.full),
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

/// The flags of `args` a retry repeats. Not `--dry-run` (a dry run's advice is the
/// release's), nor `--format` (how it is said, not what is done).
pub(super) fn flags_of(args: &ReleaseArgs) -> Vec<&'static str> {
    [
        (args.allow_dirty, "--allow-dirty"),
        (args.allow_branch, "--allow-branch"),
        (args.allow_unlinted, "--allow-unlinted"),
        (args.allow_stable, "--allow-stable"),
        (args.no_test, "--no-test"),
        (args.sign, "--sign"),
    ]
    .into_iter()
    .filter_map(|(given, flag)| given.then_some(flag))
    .collect()
}

/// [`Rerun`] of `args`: [`command_of`] and the flags given, and for the retry the version and
/// `--pre` asked for before them; `config`: the `--config` file given.
pub(super) fn rerun_of(args: &ReleaseArgs, config: Option<&Path>) -> Rerun {
    let global = config.map_or(String::new(), |c| {
        format!(" --config {}", quote(&c.to_string_lossy()))
    });
    let flags = flags_of(args);
    let given: String = flags.iter().map(|f| format!(" {f}")).collect();
    let selection = command_of(args);
    let selection = selection
        .strip_prefix("relhook release")
        .unwrap_or_default();
    Rerun {
        base: format!("relhook{global} release{selection}{given}"),
        full: format!("relhook{global} release{}", asked_of(args)),
        flags,
        global,
    }
}

/// What `args` ask for after `release`, each word with a space before it: the version and
/// `--pre` asked for, the packages, the flags a retry repeats (` 0.2.0 --package api
/// --no-test`). A release's journal records it (see `resume_advice::note_asked`).
pub(super) fn asked_of(args: &ReleaseArgs) -> String {
    let mut asked = String::new();
    if args.version != "auto" {
        asked.push_str(&format!(" {}", quote(&args.version)));
    }
    if let Some(pre) = &args.pre {
        asked.push_str(&format!(" --pre {}", quote(pre)));
    }
    let selection = command_of(args);
    asked.push_str(
        selection
            .strip_prefix("relhook release")
            .unwrap_or_default(),
    );
    for f in flags_of(args) {
        asked.push_str(&format!(" {f}"));
    }
    asked
}

/// The release options the command line asks for (`RELHOOK_DATE` pins the date in tests).
pub(super) fn options(args: &ReleaseArgs) -> Result<Options> {
    checked_pre(args.pre.as_deref())?;
    Ok(Options {
        requested: release::parse_requested(&args.version, &command_of(args))?,
        pre: args.pre.clone(),
        sign: args.sign,
        allow_dirty: args.allow_dirty,
        allow_branch: args.allow_branch,
        no_test: args.no_test,
        dry_run: args.dry_run,
        allow_unlinted: args.allow_unlinted,
        allow_stable: args.allow_stable,
        channel: None,
        date: std::env::var("RELHOOK_DATE")
            .ok()
            .filter(|d| d.len() == 10)
            .unwrap_or_else(crate::date::today),
    })
}

/// Refuses a `--pre` identifier that cannot make a version before anything runs: what
/// follows `--pre` is taken as is, so `--pre --dry-run` must never get as far as a release.
pub(super) fn checked_pre(pre: Option<&str>) -> Result<()> {
    match pre.map(bump::validate_pre_id) {
        Some(Err(e)) => Err(crate::Error::Usage(e.to_string())),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn rerun(line: &[&str]) -> Rerun {
        let cli = crate::cli::args::Cli::try_parse_from(line).unwrap();
        match cli.command {
            crate::cli::args::Command::Release(args) => rerun_of(&args, cli.config.as_deref()),
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
        assert_eq!(r.full, "relhook release minor --pre rc --allow-dirty");
        assert_eq!(r.base, "relhook release --allow-dirty");
        let r = rerun(&[
            "relhook",
            "release",
            "patch",
            "--package",
            "r&d",
            "--no-test",
        ]);
        assert_eq!(r.full, "relhook release patch --package 'r&d' --no-test");
        assert_eq!(r.base, "relhook release --package 'r&d' --no-test");
        let r = rerun(&["relhook", "release", "--all", "--pre", "beta"]);
        assert_eq!(r.full, "relhook release --pre beta --all");
    }

    /// QA49: the retry dropped `--allow-dirty`, `--allow-branch` and the rest, so pasted as
    /// printed it was refused; `--dry-run` and `--format` stay out.
    #[test]
    fn the_retry_repeats_the_flags_given_and_adds_no_test_once() {
        let r = rerun(&[
            "relhook",
            "release",
            "1.2.1",
            "--sign",
            "--allow-unlinted",
            "--no-test",
            "--allow-branch",
            "--allow-dirty",
            "--dry-run",
            "--format",
            "json",
        ]);
        assert_eq!(
            r.full,
            "relhook release 1.2.1 --allow-dirty --allow-branch --allow-unlinted --no-test --sign"
        );
        assert_eq!(r.with("--no-test"), r.full);
        let r = rerun(&["relhook", "release", "--allow-branch"]);
        assert_eq!(
            r.with("--no-test"),
            "relhook release --allow-branch --no-test"
        );
        assert_eq!(
            Rerun::plain("relhook release --resume").with("--no-test"),
            "relhook release --resume --no-test"
        );
    }

    /// QA49: the retry and its `relhook test` dropped `--config FILE`: pasted, they read
    /// `.relconfig.toml` instead.
    #[test]
    fn the_retry_and_its_test_repeat_the_config_given() {
        let r = rerun(&["relhook", "--config", "my conf.toml", "release", "1.2.0"]);
        assert_eq!(r.full, "relhook --config 'my conf.toml' release 1.2.0");
        assert_eq!(r.base, "relhook --config 'my conf.toml' release");
        assert_eq!(
            r.configured("fix them (`relhook test --package a` runs them alone)"),
            "fix them (`relhook --config 'my conf.toml' test --package a` runs them alone)"
        );
        let r = rerun(&["relhook", "release"]);
        assert_eq!(r.configured("`relhook test`"), "`relhook test`");
    }
}
