//! The line saying a release tag was passed over as not SemVer (PEP 440's `v1.0.0b1`, see
//! `history::passed_over`) or as a build (`v0.1.1+b.1`): `version`, `release`, a hand tag and
//! doctor each say it.

use std::io::Write;

use semver::Version;

use crate::config::Config;
use crate::git::Repo;
use crate::history::passed_over::passed_over;
use crate::hooks::doctor::{Check, Status};

/// Says the tag passed over, if any; for a release of `version`, only when it is not above
/// that tag (the release would go below it).
pub(super) fn say(repo: &Repo, config: &Config, version: Option<&Version>) {
    say_to(&mut crate::cli::stream::stderr(), repo, config, version);
}

/// [`say`] to `err` (a report keeps what it says).
pub(super) fn say_to(err: &mut dyn Write, repo: &Repo, config: &Config, version: Option<&Version>) {
    if let Some(line) = line(repo, config, version) {
        let _ = writeln!(err, "relhook: note: {line}");
    }
}

/// The note [`say`] prints, for a release's JSON to carry as well.
pub(super) fn line(repo: &Repo, config: &Config, version: Option<&Version>) -> Option<String> {
    let p = passed_over(repo, config)?;
    if version.is_some_and(|v| v.cmp_precedence(&p.version).is_gt()) {
        return None;
    }
    // A release of a build tag's own version is its fix already: only what is passed over.
    Some(match version {
        Some(_) if p.build => p.what(config),
        _ => p.note(config),
    })
}

/// Doctor's row for the tag passed over, if any.
pub(super) fn row(repo: &Repo, config: &Config) -> Option<Check> {
    let p = passed_over(repo, config)?;
    Some(Check {
        subject: "release tags".into(),
        status: Status::Warning,
        detail: p.what(config),
        fix: Some(p.fix(config)),
    })
}
